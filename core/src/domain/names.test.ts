import { describe, expect, it } from 'vitest';
import { checkName, nameProblem } from './names';
import { quoteValue } from './quote-value';

describe('the name rule', () => {
  it('refuses blank, too long, control and bidirectional override characters; takes any script', () => {
    expect(nameProblem('  \t ')).toMatch(/blank/);
    expect(nameProblem('n'.repeat(256))).toMatch(/longer than 255/);
    expect(nameProblem('n'.repeat(255))).toBeUndefined();
    expect(nameProblem('abc', 2)).toMatch(/longer than 2/);
    for (const c of ['\u0000', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u2028']) {
      expect(nameProblem(`a${c}b`), JSON.stringify(c)).toMatch(/control characters/);
    }
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(nameProblem(`a${c}b`), JSON.stringify(c)).toMatch(/bidirectional/);
    }
    expect(nameProblem('a\ud800b')).toMatch(/Unicode/);
    for (const ok of ['Zone 1', '서울 존', 'منطقة\u200f 1', 'שלום\u200e-2', 'emoji 🚀', 'a/b.c_d']) {
      expect(nameProblem(ok), ok).toBeUndefined();
    }
    expect(() => checkName('a\u202eb', 'Zone name')).toThrow(/^Zone name may not contain bidirectional/);
    expect(checkName('ok', 'Zone name')).toBe('ok');
  });

  it('quotes at most a short prefix of a value, with unsafe characters escaped', () => {
    expect(quoteValue('short')).toBe('short');
    expect(quoteValue('a\u0000b\u202e')).toBe('a\\u0000b\\u202e');
    const long = 'x'.repeat(10_000);
    expect(quoteValue(long)).toBe(`${'x'.repeat(64)}…(10000 characters)`);
    // A surrogate pair is never cut in half.
    const pairs = `${'x'.repeat(63)}🚀🚀`;
    expect(quoteValue(pairs)).toBe(`${'x'.repeat(63)}…(${pairs.length} characters)`);
  });
});
