import { useCallback, useState } from 'react';

const PREFIX = 'stackyard.remembered.';

function read<T>(key: string, initial: T, valid: (value: unknown) => value is T): T {
  try {
    const stored = globalThis.localStorage?.getItem(PREFIX + key);
    if (stored === null || stored === undefined) return initial;
    const value: unknown = JSON.parse(stored);
    return valid(value) ? value : initial;
  } catch {
    return initial;
  }
}

/**
 * A choice the operator makes once and expects kept (a list's page size, its columns): state
 * kept in localStorage under `key`, read back on the next visit. A stored value that is no longer
 * valid (an option removed since) falls back to `initial`.
 */
export function useRemembered<T>(
  key: string | undefined,
  initial: T,
  valid: (value: unknown) => value is T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (key ? read(key, initial, valid) : initial));
  const remember = useCallback(
    (next: T) => {
      setValue(next);
      if (!key) return;
      try {
        globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // A full or disabled storage only loses the memory, not the choice.
      }
    },
    [key],
  );
  return [value, remember];
}

/** Forgets every remembered choice (tests start each screen as a first visit). */
export function forgetRemembered(): void {
  const storage = globalThis.localStorage;
  if (!storage) return;
  for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
}
