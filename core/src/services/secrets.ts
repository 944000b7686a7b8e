import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../domain/errors';
import { message } from '../domain/messages';

/** Where the docs explain how every server of a cluster gets the one secret key. */
export const SECRET_KEY_DOC = 'docs/servers.md#adding-a-server';
/** The environment variable a server may take its key from (base64 of 32 bytes). */
export const SECRET_KEY_ENV = 'STACKYARD_SECRET_KEY';

const KEY_BYTES = 32;
// The fingerprint is a MAC of a fixed label under the key: it identifies the key without
// revealing it, and (unlike a plain hash) cannot be checked against a guessed key offline any
// faster than trying the key itself.
const FINGERPRINT_LABEL = 'stackyard secret key fingerprint v1';

/** The first 16 hex digits of a fingerprint, as errors and docs show it. */
export const shortFingerprint = (fingerprint: string) => fingerprint.slice(0, 16);

/** A key in base64 (a key file's content or $STACKYARD_SECRET_KEY); `source` names it in errors. */
export function parseSecretKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/=_-]+$/.test(trimmed) || key.length !== KEY_BYTES) {
    throw new Error(
      `the secret key ${source} is not ${KEY_BYTES} bytes in base64 (as the first server's secret.key holds it)`,
    );
  }
  return key;
}

/** Values decryptRemembered keeps (one per API key in use, at most). */
const REMEMBERED = 4096;

/** AES-256-GCM for secrets at rest (API secret keys, host passwords, SSH keys). */
export class SecretBox {
  private readonly key: Buffer;
  private readonly opened = new Map<string, string>();

  /**
   * @param source where the key came from, for errors: "in /var/lib/stackyard/secret.key",
   *   "from $STACKYARD_SECRET_KEY".
   */
  constructor(
    key: Buffer,
    readonly source = 'given to this server',
  ) {
    if (key.length !== KEY_BYTES) throw new Error(`the secret key ${source} must be ${KEY_BYTES} bytes`);
    this.key = key;
  }

  /** Reads the key file, creating it with mode 0600 on first use. */
  static fromKeyFile(file: string): SecretBox {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, crypto.randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return SecretBox.readKeyFile(file);
  }

  /** Reads an existing key file (a key copied from the first server); a missing file is an error. */
  static readKeyFile(file: string): SecretBox {
    const source = `in ${file}`;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the secret key file ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    const stat = fs.statSync(file);
    if ((stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(file, 0o600);
      } catch {
        // a key file owned by someone else (a mounted secret) stays as it is
      }
    }
    return new SecretBox(parseSecretKey(text, source), source);
  }

  /** Identifies the key (HMAC-SHA256 of a fixed label, hex); stored in the database at first start. */
  fingerprint(): string {
    return crypto.createHmac('sha256', this.key).update(FINGERPRINT_LABEL, 'utf8').digest('hex');
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  /**
   * decrypt, remembering the latest REMEMBERED values opened this way: API secret keys are opened
   * for every signed request, and AES-GCM set-up cost a tenth of such a request's time. A sealed
   * value has its own random IV, so the same text is the same secret under this box's key.
   */
  decryptRemembered(sealed: string): string {
    const known = this.opened.get(sealed);
    if (known !== undefined) return known;
    const plain = this.decrypt(sealed);
    if (this.opened.size >= REMEMBERED) this.opened.delete(this.opened.keys().next().value as string);
    this.opened.set(sealed, plain);
    return plain;
  }

  /** Opens a sealed value; one sealed under another key fails with a clear SECRETS.OTHER_KEY error. */
  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unsupported sealed secret');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new DomainError(
        'internal',
        'SECRETS.OTHER_KEY',
        message('error.secrets.otherKey', { fingerprint: shortFingerprint(this.fingerprint()), doc: SECRET_KEY_DOC }),
      );
    }
  }
}
