import crypto from 'node:crypto';

/**
 * CloudStack's request signing (ApiServer.verifyRequest): every parameter except `signature`,
 * names sorted as given (Java String order = UTF-16 code units), each `name=value` with the
 * value encoded like Java's URLEncoder (UTF-8, space as "%20"), joined by '&', the whole string
 * lowercased, then HMAC-SHA1 with the secret key and base64.
 */
export type SignableParams = Record<string, string | readonly string[] | undefined>;

const JAVA_SAFE = /[A-Za-z0-9.\-*_]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** java.net.URLEncoder.encode(value, "UTF-8") with '+' replaced by "%20", as CloudStack does. */
export function javaUrlEncode(value: string): string {
  // Java encodes an unpaired surrogate as '?' (the charset's replacement byte).
  const bytes = Buffer.from(value.replace(LONE_SURROGATE, '?'), 'utf8');
  let out = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && JAVA_SAFE.test(ch)) out += ch;
    else if (byte === 0x20) out += '%20';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const firstValue = (v: string | readonly string[] | undefined): string | undefined =>
  typeof v === 'string' ? v : v?.[0];

/** The lowercased string that is signed. */
export function canonicalQuery(params: SignableParams): string {
  const names = Object.keys(params)
    .filter((name) => name.toLowerCase() !== 'signature' && firstValue(params[name]) !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names
    .map((name) => `${name}=${javaUrlEncode(firstValue(params[name]) as string)}`)
    .join('&')
    .toLowerCase();
}

/** The base64 HMAC-SHA1 signature of a request. */
export function signRequest(params: SignableParams, secret: string): string {
  return crypto.createHmac('sha1', Buffer.from(secret, 'utf8')).update(canonicalQuery(params), 'utf8').digest('base64');
}

/** Constant-time check of a request's `signature` against the one computed with the secret. */
export function verifySignature(params: SignableParams, secret: string, signature: string): boolean {
  const expected = crypto.createHash('sha256').update(signRequest(params, secret)).digest();
  const given = crypto.createHash('sha256').update(signature).digest();
  return crypto.timingSafeEqual(expected, given);
}

const EXPIRES = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses signatureVersion 3's `expires` (yyyy-MM-dd'T'HH:mm:ssZ): accepts an offset of ±HHMM
 * (CloudStack's form), ±HH:MM, or Z. Returns undefined when it is not a valid date.
 */
export function parseExpires(value: string): Date | undefined {
  const m = EXPIRES.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m as unknown as [string, string, string, string, string, string, string, string];
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  if (
    fields[1] < 1 ||
    fields[1] > 12 ||
    fields[2] < 1 ||
    fields[2] > 31 ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  )
    return undefined;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const utc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  const check = new Date(utc);
  if (check.getUTCDate() !== fields[2]) return undefined; // e.g. February 30th
  return new Date(utc - offsetMinutes * 60_000);
}
