import crypto from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard), stored as a self-describing string
 * `scrypt$N$r$p$salt$hash` (salt and hash in base64) so the cost can be raised later without
 * breaking existing hashes. Runs on libuv's thread pool: it never blocks the event loop.
 */
export const SCRYPT_COST = { N: 1 << 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

/** Bounds for parameters read back from a stored hash, so a bad row cannot exhaust memory. */
const LIMITS = { maxN: 1 << 20, maxR: 32, maxP: 16, minKey: 16, maxKey: 128 };

function scrypt(
  password: string,
  salt: Buffer,
  keylen: number,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  // scrypt needs about 128 * N * r * p bytes; allow twice that.
  const maxmem = 256 * cost.N * cost.r * cost.p;
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, keylen, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const { N, r, p } = SCRYPT_COST;
  const key = await scrypt(password, salt, KEY_BYTES, SCRYPT_COST);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,8}$/.test(s ?? '') ? Number(s) : NaN)) as [
    number,
    number,
    number,
  ];
  if (!(N > 1 && N <= LIMITS.maxN && (N & (N - 1)) === 0)) return undefined;
  if (!(r >= 1 && r <= LIMITS.maxR && p >= 1 && p <= LIMITS.maxP)) return undefined;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < LIMITS.minKey || key.length > LIMITS.maxKey) return undefined;
  return { N, r, p, salt, key };
}

/** Constant-time comparison; false (never a throw) for a malformed or foreign hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed);
  return crypto.timingSafeEqual(key, parsed.key);
}

/** True when a stored hash uses weaker parameters than the current ones (rehash on next login). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.N < SCRYPT_COST.N || parsed.r < SCRYPT_COST.r || parsed.p < SCRYPT_COST.p;
}
