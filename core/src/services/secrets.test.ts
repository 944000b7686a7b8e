import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secrets';

describe('SecretBox.decryptRemembered', () => {
  it('opens what decrypt opens, again from memory, and never opens another key’s value', () => {
    const box = new SecretBox(crypto.randomBytes(32));
    const sealed = box.encrypt('secret-key-of-a-user');
    expect(box.decryptRemembered(sealed)).toBe('secret-key-of-a-user');
    expect(box.decryptRemembered(sealed)).toBe('secret-key-of-a-user');
    // Each sealing has its own IV: the same text sealed twice is two entries, both right.
    const again = box.encrypt('secret-key-of-a-user');
    expect(again).not.toBe(sealed);
    expect(box.decryptRemembered(again)).toBe('secret-key-of-a-user');

    const other = new SecretBox(crypto.randomBytes(32));
    expect(() => other.decryptRemembered(sealed)).toThrow(/key/i);
    // A failure is not remembered as an answer.
    expect(() => other.decryptRemembered(sealed)).toThrow(/key/i);
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => box.decryptRemembered(tampered)).toThrow();
  });
});
