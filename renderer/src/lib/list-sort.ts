import { replaceQuery, useLocation } from './router';

export type SortOrder = 'asc' | 'desc';

/** How a server-paged list is sorted: Stackyard's sortby/sortorder parameters. */
export interface ListSort {
  sortby: string;
  sortorder: SortOrder;
}

/** The sort a URL query names (`#/hosts?sortby=state&sortorder=desc`), if any. */
export function sortOfQuery(query: URLSearchParams): ListSort | undefined {
  const sortby = query.get('sortby');
  if (!sortby) return undefined;
  return { sortby, sortorder: query.get('sortorder') === 'desc' ? 'desc' : 'asc' };
}

/**
 * The sort if it is by one of a list's keys (column id -> sortby key), typed as that list's
 * sortby; a stale or hand-edited URL sorts nothing rather than asking the server for a bad key.
 */
export function sortAmong<K extends string>(
  sort: ListSort | undefined,
  keys: Readonly<Record<string, K>>,
): { sortby: K; sortorder: SortOrder } | undefined {
  const sortby = Object.values(keys).find((key) => key === sort?.sortby);
  return sort && sortby ? { sortby, sortorder: sort.sortorder } : undefined;
}

/** A sort as URL query entries (none when unsorted), for query rewrites that keep it. */
export function sortQuery(sort: ListSort | undefined): { sortby?: string; sortorder?: SortOrder } {
  return sort ? { sortby: sort.sortby, sortorder: sort.sortorder } : {};
}

/**
 * A list's sort kept in the URL with its filters, so it survives a reload and travels in links.
 * `setSort` rewrites only sortby/sortorder and keeps the rest of the query.
 */
export function useUrlSort(): { sort: ListSort | undefined; setSort(next: ListSort | undefined): void } {
  const { query } = useLocation();
  const sort = sortOfQuery(query);
  const setSort = (next: ListSort | undefined) => {
    const rest: Record<string, string | undefined> = Object.fromEntries(query.entries());
    replaceQuery({ ...rest, sortby: next?.sortby, sortorder: next?.sortorder });
  };
  return { sort, setSort };
}
