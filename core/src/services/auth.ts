import crypto from 'node:crypto';
import { message } from '../domain/messages';
import type { LoginResponse } from '../api/schemas/auth';
import { DomainError, unauthenticated } from '../domain/errors';
import { ACCOUNT_TYPE } from '../domain/roles';
import type { Store } from '../db/connect';
import { parseExpires, verifySignature, type SignableParams } from '../domain/signature';
import { findPrincipal, isSystemUser, toCaller, type Principal, type PrincipalKey } from './auth-principal';
import type { Caller } from './caller';
import type { AuthPort, EventSink, SecretBox, SettingsReader } from './core-services';
import { loginKeys, LoginThrottle, type LoginKeys } from './login-throttle';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { SignatureReplayCache } from './signature-replay';

export interface AuthServiceDeps {
  store: Store;
  /**
   * Where callers (a user with its account and role, by id, name or API key) are looked up: a read
   * view that remembers answers while the data is unchanged (openReadStore); the store otherwise
   * (an in-memory SQLite database).
   */
  lookups?: Store;
  settings: SettingsReader;
  events: EventSink;
  /** Needed for signed requests (the users' secret keys are sealed); may also be passed per call. */
  secrets?: SecretBox;
  /** The clock of login throttling and signature expiry (tests move it). */
  now?: () => number;
}

export interface LoginOptions {
  /** Domain uuid; wins over domainPath. */
  domainId?: string;
  /** "ROOT/Sales", CloudStack's "/Sales" or "/" (ROOT). Absent: ROOT. */
  domainPath?: string;
  /** The request's source address: USER.LOGIN events and login throttling. */
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
const DEFAULT_SIGNATURE_EXPIRY_S = 600;
/** How far a client's clock may run ahead of ours when it sets `expires`. */
const SIGNATURE_CLOCK_SKEW_S = 60;

/** Too many failed logins: the attempt was refused without checking the password. */
export class LoginThrottled extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'unauthenticated',
      'AUTH.LOGIN_THROTTLED',
      retryAfterSeconds === 1
        ? message('error.login.throttledOneSecond', {})
        : message('error.login.throttled', { seconds: retryAfterSeconds }),
    );
  }
}

/** A signed request's verification: its caller, or why it is refused (undefined: the generic text). */
export type SignedRequestResult = { caller: Caller } | { caller?: undefined; refusal?: string };

/** Why a user may not act now; undefined when it may. */
export type CallerRefusal = 'removed' | 'user-disabled' | 'user-locked' | 'account-disabled' | 'account-locked';

export const sha256Hex = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * Who may call, CloudStack-style: password login with server-side sessions (sliding expiry),
 * API-key signed requests, and the Caller every command runs as.
 */
export class AuthService implements AuthPort {
  private readonly store: Store;
  private readonly lookups: Store;
  private readonly settings: SettingsReader;
  private readonly events: EventSink;
  private readonly secrets?: SecretBox;
  private readonly now: () => number;
  private readonly throttle: LoginThrottle;
  private readonly replays: SignatureReplayCache;
  private dummyHash?: Promise<string>;

  constructor(deps: AuthServiceDeps) {
    this.store = deps.store;
    this.lookups = deps.lookups ?? deps.store;
    this.settings = deps.settings;
    this.events = deps.events;
    this.secrets = deps.secrets;
    this.now = deps.now ?? Date.now;
    this.throttle = new LoginThrottle({ store: deps.store, settings: deps.settings, now: this.now });
    this.replays = new SignatureReplayCache(deps.store, this.now);
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

  /**
   * Password login. Throttled per username and per source address (LoginThrottle): a throttled
   * attempt throws LoginThrottled before the password is checked.
   */
  async login(username: string, password: string, options: LoginOptions = {}): Promise<LoginResult> {
    const domain = await this.resolveLoginDomain(options);
    const keys = this.loginKeysOf(username, options, domain);
    const permit = await this.throttle.begin(keys);
    if (permit.wait > 0) throw new LoginThrottled(permit.wait);
    try {
      return await this.checkLogin(username, password, options, domain, keys);
    } finally {
      permit.done();
    }
  }

  /** Seconds a login of this username from this address must wait (0: none); for Retry-After. */
  async loginRetryAfter(username: string, options: LoginOptions = {}): Promise<number> {
    const domain = await this.resolveLoginDomain(options);
    return this.throttle.retryAfter(this.loginKeysOf(username, options, domain));
  }

  private loginKeysOf(username: string, options: LoginOptions, domain: { id: number } | undefined): LoginKeys {
    const domainKey = domain ? String(domain.id) : `?${loginDomainLabel(options).toLowerCase()}`;
    return loginKeys(domainKey, username, options.remoteAddress);
  }

  private async checkLogin(
    username: string,
    password: string,
    options: LoginOptions,
    domain: { id: number } | undefined,
    keys: LoginKeys,
  ): Promise<LoginResult> {
    const failure = () =>
      unauthenticated(
        'AUTH.LOGIN_FAILED',
        message('error.login.failed', { username, domain: loginDomainLabel(options) }),
      );
    const address = options.remoteAddress;
    const p = domain ? await this.principal({ username, domainId: domain.id }) : undefined;
    if (!p) {
      // Same work as a real check, so timing does not tell which usernames exist.
      await verifyPassword(password, await this.getDummyHash());
      await this.throttle.recordFailure(keys);
      throw failure();
    }
    const owner = { userId: p.userId, accountId: p.accountId, domainId: p.domainId };
    const ok = await verifyPassword(password, p.passwordHash);
    if (!ok) {
      await this.throttle.recordFailure(keys);
      await this.countFailedAttempt(p);
      await this.events.record({
        type: 'USER.LOGIN',
        level: 'ERROR',
        message: address ? message('event.user.loginFailedFrom', { address }) : message('event.user.loginFailed', {}),
        caller: owner,
        resourceType: 'User',
        resourceId: p.userUuid,
      });
      throw failure();
    }
    if (p.userState !== 'enabled' || p.accountState !== 'enabled' || isSystemUser(p)) throw failure();
    await this.throttle.recordSuccess(keys);
    const result = await this.openSession(p, password);
    await this.events.record({
      type: 'USER.LOGIN',
      message: address ? message('event.user.loggedInFrom', { address }) : message('event.user.loggedIn', {}),
      caller: owner,
      resourceType: 'User',
      resourceId: p.userUuid,
    });
    return result;
  }

  private async openSession(p: Principal, password: string): Promise<LoginResult> {
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
        message: message('event.user.loggedOut', {}),
        caller: { userId: p.userId, accountId: p.accountId, domainId: p.domainId },
        resourceType: 'User',
        resourceId: p.userUuid,
      });
    }
    return true;
  }

  /** verifySignedRequest's caller, or undefined when the request is refused. */
  async apiKeyCaller(
    params: SignableParams,
    secrets: SecretBox | undefined = this.secrets,
  ): Promise<Caller | undefined> {
    return (await this.verifySignedRequest(params, secrets)).caller;
  }

  /**
   * Verifies a signed request as CloudStack's ApiServer.verifyRequest does (bad or missing
   * signature, unknown key, expired signatureVersion 3 request, disabled or locked user or
   * account), and more: a signatureVersion 3 `expires` may lie at most `api.signature.expiry.seconds`
   * ahead, and such a signature is accepted once (SignatureReplayCache). A request signed without
   * signatureVersion 3 has no validity window and is accepted as CloudStack does, replays included.
   */
  async verifySignedRequest(
    params: SignableParams,
    secrets: SecretBox | undefined = this.secrets,
  ): Promise<SignedRequestResult> {
    if (!secrets) throw new Error('AuthService.verifySignedRequest needs the secret box');
    const get = (name: string) => {
      const key = Object.keys(params).find((k) => k.toLowerCase() === name);
      const v = key === undefined ? undefined : params[key];
      return typeof v === 'string' ? v : v?.[0];
    };
    const apiKey = get('apikey');
    const signature = get('signature')?.replace(/ /g, '+');
    if (!apiKey || !signature || apiKey.length > 512 || signature.length > 512) return {};
    let expires: Date | undefined;
    if (get('signatureversion') === '3') {
      const raw = get('expires');
      expires = raw === undefined ? undefined : parseExpires(raw);
      if (!expires || expires.getTime() < this.now()) return {};
      const max = this.numberSetting('api.signature.expiry.seconds', DEFAULT_SIGNATURE_EXPIRY_S, 1);
      if (expires.getTime() > this.now() + (max + SIGNATURE_CLOCK_SKEW_S) * 1000)
        return {
          refusal: `The request's expires (${raw}) is more than ${max} seconds ahead (api.signature.expiry.seconds); sign it with a nearer expires`,
        };
    }
    const p = await this.principal({ apiKey });
    if (!p || !p.secretKey || p.userState !== 'enabled' || p.accountState !== 'enabled' || isSystemUser(p)) return {};
    let secret: string;
    try {
      secret = secrets.decryptRemembered(p.secretKey);
    } catch {
      return {};
    }
    // Base64 has no spaces: a '+' sent unencoded in a query string arrives as a space.
    if (!verifySignature(params, secret, signature)) return {};
    if (expires && !(await this.replays.firstUse(signature, expires)))
      return {
        refusal:
          'This signature was already used: a signed request is accepted once; sign each request anew (with its own expires)',
      };
    return { caller: toCaller(p, 'apikey') };
  }

  /** The caller a user acts as when it may act now, or why it may not (removed, disabled, locked). */
  async activeCaller(
    userId: number,
    via: Caller['via'],
  ): Promise<{ caller: Caller; refusal?: undefined } | { caller?: undefined; refusal: CallerRefusal }> {
    const p = await this.principal({ userId });
    if (!p) return { refusal: 'removed' };
    if (p.userState !== 'enabled') return { refusal: p.userState === 'locked' ? 'user-locked' : 'user-disabled' };
    if (p.accountState !== 'enabled')
      return { refusal: p.accountState === 'locked' ? 'account-locked' : 'account-disabled' };
    return { caller: toCaller(p, via) };
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
        message: message('event.user.lockedAfterFailures', { count: allowed }),
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

  private principal(by: PrincipalKey): Promise<Principal | undefined> {
    return findPrincipal(this.lookups.db, by);
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

/** How a login names its domain, for messages and for throttling unknown domains. */
function loginDomainLabel(options: LoginOptions): string {
  return options.domainId ?? (options.domainPath?.trim() ? options.domainPath.trim() : 'ROOT');
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
