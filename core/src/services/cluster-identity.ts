import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';
import type { Database } from '../db/schema';
import { SECRET_KEY_DOC, SECRET_KEY_ENV, SecretBox, shortFingerprint } from './secrets';

type Db = Kysely<Database>;

// Any constant works: it only has to be the same on every server (pg_advisory_xact_lock's key).
const CLUSTER_LOCK_KEY = 0x53_54_4b_59; // "STKY"

/**
 * Runs `fn` in a transaction holding the cluster's set-up lock, so servers starting together on
 * one database take turns: a PostgreSQL advisory lock held until commit; on SQLite, BEGIN
 * IMMEDIATE (the write lock up front, so a second process waits on the busy timeout).
 */
export async function withClusterLock<T>(store: Store, fn: (db: Db) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') {
    return store.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${CLUSTER_LOCK_KEY})`.execute(trx);
      return fn(trx);
    });
  }
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

export interface SecretKeyOptions {
  /** The key itself (Electron's key store, tests, $STACKYARD_SECRET_KEY parsed by the CLI). */
  secretKey?: Buffer;
  /** Where `secretKey` came from, for errors ("from $STACKYARD_SECRET_KEY"). */
  secretKeySource?: string;
  /** A key file that must exist (`--secret-key-file`): a key copied from the first server. */
  secretKeyFile?: string;
  /** The data directory's own key file, created on the cluster's first start. */
  defaultKeyFile: string;
}

const copyHint = () =>
  `copy the key from the first server (its <data-dir>/secret.key) and give it with --secret-key-file PATH ` +
  `or ${SECRET_KEY_ENV}; see ${SECRET_KEY_DOC}`;

function readFingerprint(db: Db): Promise<string | undefined> {
  return db
    .selectFrom('cluster_identity')
    .select('key_fingerprint')
    .where('id', '=', 1)
    .executeTakeFirst()
    .then((row) => row?.key_fingerprint);
}

function mismatch(box: SecretBox, stored: string): Error {
  return new Error(
    `the secret key ${box.source} does not match this database's key (fingerprint ${shortFingerprint(stored)}; ` +
      `this key's is ${shortFingerprint(box.fingerprint())}): ${copyHint()}`,
  );
}

/** A secret sealed before the cluster had a fingerprint (databases from earlier versions). */
async function anySealedSecret(db: Db): Promise<string | undefined> {
  const user = await db.selectFrom('users').select('secret_key').where('secret_key', 'is not', null).limit(1).execute();
  if (user[0]?.secret_key) return user[0].secret_key;
  const host = await db.selectFrom('hosts').select('password').where('password', 'is not', null).limit(1).execute();
  return host[0]?.password ?? undefined;
}

/**
 * The first server records its key's fingerprint; every later start (of any server) must bring
 * the same key, or it refuses to start before doing anything else. A database from before
 * fingerprints adopts the first key that opens the secrets it already holds.
 */
export async function claimClusterKey(store: Store, box: SecretBox): Promise<void> {
  const mine = box.fingerprint();
  const stored = await readFingerprint(store.db);
  if (stored !== undefined) {
    if (stored !== mine) throw mismatch(box, stored);
    return;
  }
  await withClusterLock(store, async (db) => {
    const now = await readFingerprint(db);
    if (now !== undefined) {
      if (now !== mine) throw mismatch(box, now);
      return;
    }
    const sealed = await anySealedSecret(db);
    if (sealed !== undefined) {
      try {
        box.decrypt(sealed);
      } catch {
        throw new Error(`the secret key ${box.source} cannot decrypt the secrets this database holds: ${copyHint()}`);
      }
    }
    await db.insertInto('cluster_identity').values({ id: 1, key_fingerprint: mine, created: nowIso() }).execute();
  });
}

/**
 * The server's secret box: the key given (as bytes or a file), else the data directory's key
 * file, created only when the database has no key yet; then checked against the cluster's key.
 */
export async function openClusterSecretBox(store: Store, options: SecretKeyOptions): Promise<SecretBox> {
  let box: SecretBox;
  if (options.secretKey) box = new SecretBox(options.secretKey, options.secretKeySource);
  else if (options.secretKeyFile) box = SecretBox.readKeyFile(options.secretKeyFile);
  else if (fs.existsSync(options.defaultKeyFile)) box = SecretBox.readKeyFile(options.defaultKeyFile);
  else {
    const stored = await readFingerprint(store.db);
    if (stored !== undefined) {
      throw new Error(
        `there is no secret key in ${options.defaultKeyFile}, and this database already has one ` +
          `(fingerprint ${shortFingerprint(stored)}): ${copyHint()}`,
      );
    }
    box = SecretBox.fromKeyFile(options.defaultKeyFile);
  }
  await claimClusterKey(store, box);
  return box;
}
