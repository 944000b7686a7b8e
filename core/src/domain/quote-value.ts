/**
 * How an error message quotes a value the caller sent: a short, readable prefix. A request can
 * carry megabytes in one parameter, and echoing it back in full makes every error as large; control
 * and bidirectional characters could make the message read differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_TO_QUOTE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The first QUOTE_PREFIX characters of a value are all an error message quotes of it. */
export const QUOTE_PREFIX = 64;

/**
 * A value as an error message may quote it: at most QUOTE_PREFIX characters (then "…(N characters)"),
 * with control and bidirectional characters written as \uXXXX so the message reads as it is.
 */
export function quoteValue(value: string): string {
  if (value.length <= QUOTE_PREFIX) return escapeUnsafe(value);
  // Cut before a split surrogate pair, so the prefix stays valid text.
  const end = /[\ud800-\udbff]/.test(value.charAt(QUOTE_PREFIX - 1)) ? QUOTE_PREFIX - 1 : QUOTE_PREFIX;
  return `${escapeUnsafe(value.slice(0, end))}…(${value.length} characters)`;
}

const escapeUnsafe = (text: string) =>
  text.replace(UNSAFE_TO_QUOTE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
