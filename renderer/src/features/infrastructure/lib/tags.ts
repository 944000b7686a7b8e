/** "a, b,c" -> ['a', 'b', 'c']: CloudStack's comma-separated tags. */
export const splitTags = (tags: string | undefined): string[] =>
  (tags ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
