import { useCallback, useState } from 'react';
import type { SearchResult } from '../../lib/contract';

/** What the palette remembers of an opened result: enough to show and open it again. */
export type RecentItem = Pick<SearchResult, 'kind' | 'id' | 'name' | 'context' | 'domainid' | 'account'>;

const MAX_RECENT = 8;

function load(key: string): RecentItem[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecentItem[]).slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/**
 * The last results opened from the palette, newest first, kept in localStorage per server and
 * user so one operator's recents never show on another cloud or for another user.
 */
export function useRecentItems(server: string, userId: string | undefined) {
  const key = `stackyard.palette.recent:${server}:${userId ?? ''}`;
  const [state, setState] = useState(() => ({ key, items: load(key) }));
  const items = state.key === key ? state.items : load(key);
  const remember = useCallback(
    (item: SearchResult | RecentItem) => {
      const entry: RecentItem = {
        kind: item.kind,
        id: item.id,
        name: item.name,
        context: item.context,
        domainid: item.domainid,
        account: item.account,
      };
      const next = [entry, ...load(key).filter((r) => r.id !== entry.id)].slice(0, MAX_RECENT);
      try {
        globalThis.localStorage?.setItem(key, JSON.stringify(next));
      } catch {
        // A full or disabled storage only loses the recents.
      }
      setState({ key, items: next });
    },
    [key],
  );
  return { recent: userId ? items : [], remember };
}
