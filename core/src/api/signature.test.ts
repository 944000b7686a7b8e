import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, javaUrlEncode, parseExpires, signRequest, verifySignature } from './signature';

/**
 * An independent reference for java.net.URLEncoder.encode(s, "UTF-8") followed by CloudStack's
 * replaceAll("\\+", "%20"): walks code points, keeps [A-Za-z0-9.-*_], turns space into '+',
 * percent-encodes every UTF-8 byte of anything else in upper-case hex.
 */
function referenceEncode(value: string): string {
  let out = '';
  for (const ch of value) {
    if (/^[A-Za-z0-9.\-*_]$/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else if (ch.length === 1 && ch >= '\uD800' && ch <= '\uDFFF')
      out += '%3F'; // unpaired surrogate: Java writes '?'
    else for (const b of new TextEncoder().encode(ch)) out += '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  return out.replace(/\+/g, '%20');
}

function referenceSign(params: Record<string, string>, secret: string): string {
  const names = Object.keys(params).filter((n) => n.toLowerCase() !== 'signature');
  names.sort(); // Java's Collections.sort on String: UTF-16 code unit order
  const query = names
    .map((n) => `${n}=${referenceEncode(params[n] as string)}`)
    .join('&')
    .toLowerCase();
  return crypto.createHmac('sha1', secret).update(query).digest('base64');
}

describe('javaUrlEncode', () => {
  it.each([
    ['plain', 'abcXYZ019', 'abcXYZ019'],
    ['space as %20, never +', 'a b  c', 'a%20b%20%20c'],
    ['Java keeps * - _ .', 'a*b-c_d.e', 'a*b-c_d.e'],
    ["Java encodes ~ ! ' ( )", "~!'()", '%7E%21%27%28%29'],
    ['plus', '1+1', '1%2B1'],
    ['slash and equals', 'a/b=c', 'a%2Fb%3Dc'],
    ['ampersand and percent', 'a&b%c', 'a%26b%25c'],
    ['two-byte UTF-8', 'é', '%C3%A9'],
    ['three-byte UTF-8', '한', '%ED%95%9C'],
    ['four-byte UTF-8 (surrogate pair)', '😀', '%F0%9F%98%80'],
    ['unpaired surrogate becomes ?', 'a\uD800b', 'a%3Fb'],
  ])('%s', (_name, input, expected) => {
    expect(javaUrlEncode(input)).toBe(expected);
    expect(referenceEncode(input)).toBe(expected);
  });

  it('matches the reference on random strings', () => {
    const alphabet = 'aZ09 *~-_.!+/=&%?#:;,@$()[]{}"\'\\|<>^`é한😀\t\n';
    const chars = [...alphabet];
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: 1 + (i % 17) }, () => chars[crypto.randomInt(chars.length)]).join('');
      expect(javaUrlEncode(s)).toBe(referenceEncode(s));
    }
  });
});

describe('signRequest', () => {
  it("reproduces CloudStack's documented example (developer guide, signing with Python)", () => {
    const params = {
      command: 'listUsers',
      response: 'json',
      apikey: 'plgWJfZK4gyS3mOMTVmjUVg-X-jlWlnfaUJ9GAbBbf9EdM-kAYMmAiLqzzq1ElZLYq_u38zCm0bewzGUdP66mg',
    };
    const secret = 'VDaACYb0LV9eNjTetIOElcVQkvJck_J_QljX_FcHRj87ZKiy0z0ty0ZsYBkoXkY9b7eq1EhwJaw7FF3akA3KBQ';
    expect(canonicalQuery(params)).toBe(
      'apikey=plgwjfzk4gys3momtvmjuvg-x-jlwlnfauj9gabbbf9edm-kaymmailqzzq1elzlyq_u38zcm0bewzgudp66mg&command=listusers&response=json',
    );
    expect(signRequest(params, secret)).toBe('TTpdDq/7j/J58XCRHomKoQXEQds=');
    expect(verifySignature({ ...params, signature: 'ignored' }, secret, 'TTpdDq/7j/J58XCRHomKoQXEQds=')).toBe(true);
  });

  it('sorts names as given (case-sensitive), skips signature, lowercases everything', () => {
    const params = { zoneId: 'Z 1', apiKey: 'KEY', Command: 'deployVirtualMachine', signature: 'x', name: 'Web*01~' };
    expect(canonicalQuery(params)).toBe(
      'command=deployvirtualmachine&apikey=key&name=web*01%7e&signature'.replace('&signature', '') + '&zoneid=z%201',
    );
    expect(signRequest(params, 's3cr3t')).toBe(referenceSign(params, 's3cr3t'));
  });

  it('takes the first value of a repeated parameter', () => {
    expect(canonicalQuery({ a: ['1', '2'], b: 'x' })).toBe('a=1&b=x');
  });

  it('matches the reference signer on awkward values', () => {
    const values = ['hello world', 'a+b', '/path/to=x', '*', '~', 'é한😀', "it's (ok)!", '', '100%', 'a&b=c'];
    for (const v of values) {
      const params = { command: 'createTags', apikey: 'AbC-_123', 'tags[0].value': v, response: 'json' };
      const sig = signRequest(params, 'Sec/ret+Key=');
      expect(sig).toBe(referenceSign(params, 'Sec/ret+Key='));
      expect(verifySignature(params, 'Sec/ret+Key=', sig)).toBe(true);
      expect(verifySignature(params, 'other', sig)).toBe(false);
      expect(verifySignature({ ...params, extra: '1' }, 'Sec/ret+Key=', sig)).toBe(false);
    }
  });
});

describe('parseExpires', () => {
  it.each([
    ['2026-11-22T10:00:00+0000', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T10:00:00Z', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T19:00:00+0900', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T05:30:00-0430', '2026-11-22T10:00:00.000Z'],
    ['2026-11-22T11:00:00+01:00', '2026-11-22T10:00:00.000Z'],
  ])('parses %s', (input, iso) => {
    expect(parseExpires(input)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-11-22',
    '2026-11-22T10:00:00',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    'tomorrow',
    '2026-11-22T10:00:00 0000',
  ])('refuses %s', (input) => {
    expect(parseExpires(input)).toBeUndefined();
  });
});
