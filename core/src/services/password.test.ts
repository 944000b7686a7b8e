import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, SCRYPT_COST, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores a self-describing scrypt string with a fresh salt', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    expect(needsRehash(a)).toBe(false);
    expect(SCRYPT_COST.N).toBe(32768);
  });

  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('p@ss wörd 한');
    expect(await verifyPassword('p@ss wörd 한', hash)).toBe(true);
    expect(await verifyPassword('p@ss wörd', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('returns false for malformed or hostile hashes instead of throwing', async () => {
    const good = await hashPassword('x');
    const parts = good.split('$');
    for (const bad of [
      '',
      'plaintext',
      'md5$abc',
      ['scrypt', '3', '8', '1', parts[4], parts[5]].join('$'), // N not a power of two
      ['scrypt', String(1 << 24), '8', '1', parts[4], parts[5]].join('$'), // N too large
      ['scrypt', '32768', '999', '1', parts[4], parts[5]].join('$'),
      ['scrypt', '32768', '8', '1', '', parts[5]].join('$'),
    ]) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('does not block the event loop while hashing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all([hashPassword('a'), hashPassword('b')]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
