import { sortOfQuery, sortQuery, type ListSort } from './list-sort';
import { replaceQuery, useLocation } from './router';

/**
 * Filters and the sort live in the URL (`#/hosts?clusterid=...&state=Up&sortby=state`), so
 * related-resource links, reloads and the browser history land on the same list; `id` opens the
 * detail drawer.
 */
export function useListQuery<K extends string>(names: readonly K[]) {
  const { query } = useLocation();
  const filters: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  const id = query.get('id') || undefined;
  const sort = sortOfQuery(query);
  const kept = { ...filters, ...sortQuery(sort) };
  const set = (patch: Partial<Record<K | 'id', string | undefined>>) => {
    const next: Record<string, string | undefined> = { ...kept, id };
    for (const [key, value] of Object.entries<string | undefined>(patch)) next[key] = value;
    replaceQuery(next);
  };
  /** Opens the drawer of `next` (closes it when undefined), keeping the filters and sort. */
  const show = (next: string | undefined) => replaceQuery({ ...kept, id: next });
  /** Clears every filter, keeping the sort and the open drawer. */
  const clear = () => replaceQuery({ ...sortQuery(sort), id });
  /** Sorts the list (the server sorts it whole); back to page 1 as the signature changes. */
  const setSort = (next: ListSort | undefined) => replaceQuery({ ...filters, ...sortQuery(next), id });
  const active = names.some((name) => filters[name] !== undefined);
  const signature = [...names.map((n) => filters[n] ?? ''), sort?.sortby ?? '', sort?.sortorder ?? ''].join('|');
  return { filters, id, sort, set, show, clear, setSort, active, signature };
}

export type ListQuery<K extends string = string> = ReturnType<typeof useListQuery<K>>;
