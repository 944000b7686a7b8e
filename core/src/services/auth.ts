import crypto from 'node:crypto';
import type { LoginResponse } from '../api/schemas/auth';
import { unauthenticated } from '../domain/errors';
import { ACCOUNT_TYPE, ROLE_TYPES, roleTypeForAccountType, type RoleType } from '../domain/roles';
import type { Store } from '../db/connect';
import { parseExpires, verifySignature, type SignableParams } from '../domain/signature';
import type { Caller } from './caller';
import type { AuthPort, EventSink, SecretBox, SettingsReader } from './core-services';
import { hashPassword, needsRehash, verifyPassword } from './password';

export interface AuthServiceDeps {
  store: Store;
  settings: SettingsReader;
  events: EventSink;
  /** Needed for signed requests (the users' secret keys are sealed); may also be passed per call. */
  secrets?: SecretBox;
}

export interface LoginOptions {
  /** Domain uuid; wins over domainPath. */
  domainId?: string;
  /** "ROOT/Sales", CloudStack's "/Sales" or "/" (ROOT). Absent: ROOT. */
  domainPath?: string;
  /** For the USER.LOGIN event text. */
  remoteAddress?: string;
}

export interface LoginResult {
  /** The session key, shown to the client once; only its SHA-256 is stored. */
  sessionKey: string;
  caller: Caller;
  /** CloudStack's loginresponse, every value a string as CloudStack sends them. */
  response: LoginResponse;
}

const DEFAULT_SESSION_TIMEOUT_S = 1800;
const DEFAULT_LOGIN_ATTEMPTS = 5;
const MAX_SESSION_KEY_LENGTH = 256;

export const sha256Hex = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest('hex');

interface Principal {
  userId: number;
  userUuid: string;
  username: string;
  userState: string;
  firstname: string;
  lastname: string;
  timezone: string | null;
  passwordHash: string;
  attempts: number;
  apiKey: string | null;
  secretKey: string | null;
  accountId: number;
  accountUuid: string;
  accountName: string;
  accountType: number;
  accountState: string;
  domainId: number;
  domainUuid: string;
  domainIdPath: string;
  domainPath: string;
  roleId: number;
  roleType: string;
}

/**
 * Who may call, CloudStack-style: password login with server-side sessions (sliding expiry),
 * API-key signed requests, and the Caller every command runs as.
 */
export class AuthService implements AuthPort {
  private readonly store: Store;
  private readonly settings: SettingsReader;
  private readonly events: EventSink;
  private readonly secrets?: SecretBox;
  private dummyHash?: Promise<string>;

  constructor(deps: AuthServiceDeps) {
    this.store = deps.store;
    this.settings = deps.settings;
    this.events = deps.events;
    this.secrets = deps.secrets;
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  verifyPassword(password: string, hash: string): Promise<boolean> {
    return verifyPassword(password, hash);
  }

  async endSessionsOfUser(userId: number): Promise<void> {
    await this.store.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** The caller a user acts as; undefined when the user or its account is removed. */
  async callerForUser(userId: number, via: Caller['via']): Promise<Caller | undefined> {
    const p = await this.principal({ userId });
    return p ? toCaller(p, via) : undefined;
  }

  /** Session timeout in seconds (setting `session.timeout`). */
  sessionTimeoutSeconds(): number {
    return this.numberSetting('session.timeout', DEFAULT_SESSION_TIMEOUT_S, 1);
  }

  async login(username: string, password: string, options: LoginOptions = {}): Promise<LoginResult> {
    const domainLabel = options.domainId ?? (options.domainPath?.trim() ? options.domainPath.trim() : 'ROOT');
    const failure = () =>
      unauthenticated(
        'AUTH.LOGIN_FAILED',
        `Failed to authenticate user ${username} in domain ${domainLabel}; please provide valid credentials`,
      );

    const domain = await this.resolveLoginDomain(options);
    const p = domain ? await this.principal({ username, domainId: domain.id }) : undefined;
    if (!p) {
      // Same work as a real check, so timing does not tell which usernames exist.
      await verifyPassword(password, await this.getDummyHash());
      throw failure();
    }
    const owner = { userId: p.userId, accountId: p.accountId, domainId: p.domainId };
    const ok = await verifyPassword(password, p.passwordHash);
    if (!ok) {
      await this.countFailedAttempt(p);
      await this.events.record({
        type: 'USER.LOGIN',
        level: 'ERROR',
        description: `user failed to log in${options.remoteAddress ? ` from IP Address ${options.remoteAddress}` : ''}`,
        caller: owner,
        resourceType: 'User',
        resourceId: p.userUuid,
      });
      throw failure();
    }
    if (p.userState !== 'enabled' || p.accountState !== 'enabled' || isSystemUser(p)) throw failure();

    const db = this.store.db;
    if (p.attempts !== 0)
      await db.updateTable('users').set({ incorrect_login_attempts: 0 }).where('id', '=', p.userId).execute();
    if (needsRehash(p.passwordHash)) {
      await db
        .updateTable('users')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', p.userId)
        .execute();
    }

    const now = new Date();
    const sessionKey = crypto.randomBytes(20).toString('base64url');
    const timeout = this.sessionTimeoutSeconds();
    await db.deleteFrom('sessions').where('user_id', '=', p.userId).where('expires', '<=', now.toISOString()).execute();
    await db
      .insertInto('sessions')
      .values({
        key_hash: sha256Hex(sessionKey),
        user_id: p.userId,
        created: now.toISOString(),
        last_seen: now.toISOString(),
        expires: new Date(now.getTime() + timeout * 1000).toISOString(),
      })
      .execute();
    await this.events.record({
      type: 'USER.LOGIN',
      description: `user has logged in${options.remoteAddress ? ` from IP Address ${options.remoteAddress}` : ''}`,
      caller: owner,
      resourceType: 'User',
      resourceId: p.userUuid,
    });

    const response: LoginResponse = {
      timeout: String(timeout),
      lastname: p.lastname,
      registered: 'false',
      username: p.username,
      firstname: p.firstname,
      domainid: p.domainUuid,
      type: String(p.accountType),
      userid: p.userUuid,
      sessionkey: sessionKey,
      account: p.accountName,
    };
    if (p.timezone) response.timezone = p.timezone;
    return { sessionKey, caller: toCaller(p, 'session'), response };
  }

  /**
   * The caller behind a session key, or undefined when the session is unknown, expired, or its
   * user or account is removed, disabled or locked. Using a session extends it (sliding expiry)
   * unless `touch` is false.
   */
  async sessionCaller(sessionKey: string | undefined, options: { touch?: boolean } = {}): Promise<Caller | undefined> {
    if (!sessionKey || sessionKey.length > MAX_SESSION_KEY_LENGTH) return undefined;
    const db = this.store.db;
    const session = await db
      .selectFrom('sessions')
      .selectAll()
      .where('key_hash', '=', sha256Hex(sessionKey))
      .executeTakeFirst();
    if (!session) return undefined;
    const now = new Date();
    if (session.expires <= now.toISOString()) {
      await db.deleteFrom('sessions').where('id', '=', session.id).execute();
      return undefined;
    }
    const p = await this.principal({ userId: session.user_id });
    if (!p || p.userState !== 'enabled' || p.accountState !== 'enabled') {
      await db.deleteFrom('sessions').where('id', '=', session.id).execute();
      return undefined;
    }
    if (options.touch !== false) {
      const timeout = this.sessionTimeoutSeconds();
      // Writing on every call buys nothing; refresh at most every tenth of the timeout (max 10 s).
      const throttleMs = Math.min(10_000, (timeout * 1000) / 10);
      if (now.getTime() - Date.parse(session.last_seen) >= throttleMs) {
        await db
          .updateTable('sessions')
          .set({ last_seen: now.toISOString(), expires: new Date(now.getTime() + timeout * 1000).toISOString() })
          .where('id', '=', session.id)
          .execute();
      }
    }
    return toCaller(p, 'session');
  }

  /** Ends one session; records USER.LOGOUT. False when the key matched no session. */
  async logout(sessionKey: string | undefined): Promise<boolean> {
    if (!sessionKey || sessionKey.length > MAX_SESSION_KEY_LENGTH) return false;
    const db = this.store.db;
    const session = await db
      .selectFrom('sessions')
      .select(['id', 'user_id'])
      .where('key_hash', '=', sha256Hex(sessionKey))
      .executeTakeFirst();
    if (!session) return false;
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    const p = await this.principal({ userId: session.user_id });
    if (p) {
      await this.events.record({
        type: 'USER.LOGOUT',
        description: 'user has logged out',
        caller: { userId: p.userId, accountId: p.accountId, domainId: p.domainId },
        resourceType: 'User',
        resourceId: p.userUuid,
      });
    }
    return true;
  }

  /**
   * Verifies a signed request as CloudStack's ApiServer.verifyRequest does and returns its
   * caller, or undefined (bad or missing signature, unknown key, expired signatureVersion 3
   * request, disabled or locked user or account).
   */
  async apiKeyCaller(
    params: SignableParams,
    secrets: SecretBox | undefined = this.secrets,
  ): Promise<Caller | undefined> {
    if (!secrets) throw new Error('AuthService.apiKeyCaller needs the secret box');
    const get = (name: string) => {
      const key = Object.keys(params).find((k) => k.toLowerCase() === name);
      const v = key === undefined ? undefined : params[key];
      return typeof v === 'string' ? v : v?.[0];
    };
    const apiKey = get('apikey');
    const signature = get('signature');
    if (!apiKey || !signature || apiKey.length > 512 || signature.length > 512) return undefined;
    if (get('signatureversion') === '3') {
      const expires = get('expires');
      const at = expires === undefined ? undefined : parseExpires(expires);
      if (!at || at.getTime() < Date.now()) return undefined;
    }
    const p = await this.principal({ apiKey });
    if (!p || !p.secretKey || p.userState !== 'enabled' || p.accountState !== 'enabled' || isSystemUser(p))
      return undefined;
    let secret: string;
    try {
      secret = secrets.decrypt(p.secretKey);
    } catch {
      return undefined;
    }
    // Base64 has no spaces: a '+' sent unencoded in a query string arrives as a space.
    if (!verifySignature(params, secret, signature.replace(/ /g, '+'))) return undefined;
    return toCaller(p, 'apikey');
  }

  private async countFailedAttempt(p: Principal): Promise<void> {
    // CloudStack never locks out admin accounts (its "internal" accounts), nor a user who is not enabled.
    if (p.userState !== 'enabled' || p.accountType === ACCOUNT_TYPE.Admin) return;
    const allowed = this.numberSetting('incorrect.login.attempts.allowed', DEFAULT_LOGIN_ATTEMPTS, 0);
    if (allowed <= 0) return;
    const db = this.store.db;
    const row = await db
      .updateTable('users')
      .set((eb) => ({ incorrect_login_attempts: eb('incorrect_login_attempts', '+', 1) }))
      .where('id', '=', p.userId)
      .returning('incorrect_login_attempts')
      .executeTakeFirst();
    if (!row || row.incorrect_login_attempts < allowed) return;
    const locked = await db
      .updateTable('users')
      .set({ state: 'locked', incorrect_login_attempts: allowed })
      .where('id', '=', p.userId)
      .where('state', '=', 'enabled')
      .executeTakeFirst();
    await this.endSessionsOfUser(p.userId);
    if (Number(locked.numUpdatedRows) > 0) {
      await this.events.record({
        type: 'USER.LOCK',
        level: 'WARN',
        description: `user locked after ${allowed} failed login attempts`,
        caller: { userId: p.userId, accountId: p.accountId, domainId: p.domainId },
        resourceType: 'User',
        resourceId: p.userUuid,
      });
    }
  }

  private async resolveLoginDomain(options: LoginOptions): Promise<{ id: number } | undefined> {
    const db = this.store.db;
    const base = db.selectFrom('domains').select(['id', 'path']).where('removed', 'is', null);
    if (options.domainId) {
      return base.where('uuid', '=', options.domainId.trim().toLowerCase()).executeTakeFirst();
    }
    const raw = options.domainPath?.trim();
    if (!raw) return base.where('parent_id', 'is', null).executeTakeFirst();
    for (const path of loginDomainPaths(raw)) {
      const hit = await base.where('path', '=', path).executeTakeFirst();
      if (hit) return hit;
    }
    return undefined;
  }

  private principal(
    by: { userId: number } | { username: string; domainId: number } | { apiKey: string },
  ): Promise<Principal | undefined> {
    let q = this.store.db
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .innerJoin('domains', 'domains.id', 'accounts.domain_id')
      .innerJoin('roles', 'roles.id', 'accounts.role_id')
      .select([
        'users.id as userId',
        'users.uuid as userUuid',
        'users.username as username',
        'users.state as userState',
        'users.firstname as firstname',
        'users.lastname as lastname',
        'users.timezone as timezone',
        'users.password_hash as passwordHash',
        'users.incorrect_login_attempts as attempts',
        'users.api_key as apiKey',
        'users.secret_key as secretKey',
        'accounts.id as accountId',
        'accounts.uuid as accountUuid',
        'accounts.name as accountName',
        'accounts.type as accountType',
        'accounts.state as accountState',
        'domains.id as domainId',
        'domains.uuid as domainUuid',
        'domains.id_path as domainIdPath',
        'domains.path as domainPath',
        'roles.id as roleId',
        'roles.type as roleType',
      ])
      .where('users.removed', 'is', null)
      .where('accounts.removed', 'is', null);
    if ('userId' in by) q = q.where('users.id', '=', by.userId);
    else if ('apiKey' in by) q = q.where('users.api_key', '=', by.apiKey);
    else q = q.where('users.username', '=', by.username).where('accounts.domain_id', '=', by.domainId);
    return q.executeTakeFirst();
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    return this.dummyHash;
  }

  private numberSetting(name: string, fallback: number, min: number): number {
    let value: unknown;
    try {
      value = this.settings.get<number>(name);
    } catch {
      return fallback;
    }
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) && n >= min ? n : fallback;
  }
}

/** The bootstrap system user never logs in (CloudStack refuses UID_SYSTEM). */
function isSystemUser(p: Principal): boolean {
  return (
    p.username === 'system' && p.accountName === 'system' && p.domainIdPath.split('/').filter(Boolean).length === 1
  );
}

function toCaller(p: Principal, via: Caller['via']): Caller {
  const roleType: RoleType = (ROLE_TYPES as readonly string[]).includes(p.roleType)
    ? (p.roleType as RoleType)
    : (roleTypeForAccountType(p.accountType) ?? 'User');
  return {
    userId: p.userId,
    userUuid: p.userUuid,
    username: p.username,
    accountId: p.accountId,
    accountUuid: p.accountUuid,
    accountName: p.accountName,
    accountType: p.accountType,
    domainId: p.domainId,
    domainUuid: p.domainUuid,
    domainIdPath: p.domainIdPath,
    domainPath: p.domainPath,
    roleId: p.roleId,
    roleType,
    via,
  };
}

/**
 * Candidate display paths for a login `domain`: "ROOT/Sales" as stored, CloudStack's "/Sales/"
 * (relative to ROOT), "/" for ROOT, and "Sales" as a child of ROOT.
 */
export function loginDomainPaths(input: string): string[] {
  const segments = input.split('/').filter((s) => s.length > 0);
  const underRoot = ['ROOT', ...segments].join('/');
  const candidates = input.startsWith('/') ? [underRoot] : [];
  if (segments[0] === 'ROOT') candidates.push(segments.join('/'));
  if (!input.startsWith('/')) candidates.push(underRoot);
  return [...new Set(candidates)];
}
