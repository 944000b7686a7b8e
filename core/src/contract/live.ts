/**
 * The live stream as clients receive it (a WebSocket at /client/events in a browser, the 'live'
 * IPC event in Electron): CloudStack events, async job updates, and changes CloudStack records no
 * event for (a host's heartbeat state, a pool's usage, a new alert).
 */
import type { AsyncJob, Event } from './api.generated';

export interface ResourceChange {
  /** 'Host' | 'StoragePool' | 'Capacity' | 'Alert' ... */
  type: string;
  /** uuids of the changed resources (may be empty for aggregate changes such as Capacity). */
  ids: string[];
  /** e.g. 'state', 'usage', 'created' */
  change: string;
}

export type LiveMessage =
  { kind: 'event'; event: Event } | { kind: 'job'; job: AsyncJob } | { kind: 'resource'; resource: ResourceChange };
