import type { QueryClient } from '@tanstack/react-query';
import type { Event, Host } from './contract';
import { queryKeys } from './query-keys';

const HOST_STATES: readonly Host['state'][] = [
  'Creating',
  'Connecting',
  'Up',
  'Disconnected',
  'Alert',
  'Down',
  'Error',
];

/**
 * The new state a HOST.STATE.CHANGE event reports ("Host h1 is Down (was Up): ..."), or undefined
 * when the event is of another kind or says something else.
 */
export function hostStateOf(event: Pick<Event, 'type' | 'description' | 'resourceid'>): Host['state'] | undefined {
  if (event.type !== 'HOST.STATE.CHANGE' || !event.resourceid) return undefined;
  const match = /^Host .+ is (\w+) \(was \w+\)/.exec(event.description);
  const state = match?.[1] as Host['state'] | undefined;
  return state && HOST_STATES.includes(state) ? state : undefined;
}

type HostLike = Pick<Host, 'id' | 'state'>;

function isHost(value: unknown): value is HostLike {
  return typeof value === 'object' && value !== null && 'id' in value && 'state' in value;
}

function patchRows<T>(rows: readonly T[], id: string, state: Host['state']): readonly T[] {
  let changed = false;
  const next = rows.map((row) => {
    if (!isHost(row) || row.id !== id || row.state === state) return row;
    changed = true;
    return { ...row, state };
  });
  return changed ? next : rows;
}

/** One cached listHosts answer with the host's state replaced; the same object when it is not there. */
function patchAnswer(data: unknown, id: string, state: Host['state']): unknown {
  if (Array.isArray(data)) return patchRows(data, id, state);
  if (isHost(data)) return data.id === id && data.state !== state ? { ...data, state } : data;
  if (typeof data === 'object' && data !== null && 'items' in data && Array.isArray(data.items)) {
    const items = patchRows(data.items, id, state);
    return items === data.items ? data : { ...data, items };
  }
  return data;
}

/**
 * Applies what a live event says outright to the cached lists at once, before any refetch: a host
 * state change updates the host's row in every cached listHosts answer (pages, the drawer's single
 * host, the diagram's search). Returns whether it recognised the event.
 */
export function patchFromEvent(queryClient: QueryClient, event: Event): boolean {
  const state = hostStateOf(event);
  if (!state || !event.resourceid) return false;
  const id = event.resourceid;
  queryClient.setQueriesData({ queryKey: [...queryKeys.infrastructure.all, 'listHosts'] }, (data: unknown) =>
    patchAnswer(data, id, state),
  );
  return true;
}
