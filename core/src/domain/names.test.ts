import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { englishText } from './messages';
import { checkName, nameMessage, nameProblem } from './names';
import { quoteValue } from './quote-value';

describe('the name rule', () => {
  it('refuses blank, too long, control and bidirectional override characters; takes any script', () => {
    expect(nameProblem('  \t ')).toBe('blank');
    expect(nameProblem('n'.repeat(256))).toBe('tooLong');
    expect(nameProblem('n'.repeat(255))).toBeUndefined();
    expect(nameProblem('abc', 2)).toBe('tooLong');
    for (const c of ['\u0000', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u2028']) {
      expect(nameProblem(`a${c}b`), JSON.stringify(c)).toBe('controlCharacters');
    }
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(nameProblem(`a${c}b`), JSON.stringify(c)).toBe('bidiCharacters');
    }
    expect(nameProblem('a\ud800b')).toBe('invalidUnicode');
    for (const ok of ['Zone 1', '서울 존', 'منطقة\u200f 1', 'שלום\u200e-2', 'emoji 🚀', 'a/b.c_d']) {
      expect(nameProblem(ok), ok).toBeUndefined();
    }
    expect(checkName('ok', 'Zone name')).toBe('ok');
  });

  it('refuses with the English text it always had, keyed by the problem with the field and the limit', () => {
    const cases: [string, number | undefined, string, string, Record<string, string>][] = [
      [' ', undefined, 'Zone name cannot be empty or blank', 'error.name.blank', { field: 'Zone name' }],
      ['abc', 2, 'Zone name is longer than 2 characters', 'error.name.tooLong', { field: 'Zone name', max: '2' }],
      [
        'a\nb',
        undefined,
        'Zone name may not contain control characters',
        'error.name.controlCharacters',
        { field: 'Zone name' },
      ],
      [
        'a\u202eb',
        undefined,
        'Zone name may not contain bidirectional override, embedding or isolate characters',
        'error.name.bidiCharacters',
        { field: 'Zone name' },
      ],
      [
        'a\ud800b',
        undefined,
        'Zone name is not valid Unicode text',
        'error.name.invalidUnicode',
        { field: 'Zone name' },
      ],
    ];
    for (const [value, max, text, key, params] of cases) {
      let error: unknown;
      try {
        checkName(value, 'Zone name', max);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('NAME.INVALID');
      expect((error as DomainError).message).toBe(text);
      expect((error as DomainError).translatable).toEqual({ key, params });
    }
    expect(englishText(nameMessage('tooLong', 'the name'))).toBe('the name is longer than 255 characters');
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
