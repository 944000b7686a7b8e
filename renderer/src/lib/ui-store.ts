import { create } from 'zustand';
import type { LiveStatus } from './api-client';
import type { ConnectionState } from './connection-monitor';

/** Actions other parts of the UI (the command palette) ask a page to perform once it is shown. */
export type PendingAction =
  | 'create-account'
  | 'create-user'
  | 'create-domain'
  | 'create-role'
  | 'create-compute-offering'
  | 'create-disk-offering';

interface UiState {
  paletteOpen: boolean;
  setPaletteOpen(open: boolean): void;
  pendingAction: PendingAction | null;
  requestAction(action: PendingAction): void;
  /** Returns true (and clears it) when `action` was requested. */
  consumeAction(action: PendingAction): boolean;
  liveStatus: LiveStatus;
  setLiveStatus(status: LiveStatus): void;
  /** Whether the server is there (live-sync's connection monitor decides). */
  connection: ConnectionState;
  /** When the data on screen last came from the server (ms since the epoch), for the lost banner. */
  dataAsOf: number | null;
  setConnection(connection: ConnectionState, dataAsOf: number | null): void;
  /** When paused, live events mark the events list stale instead of refetching it. */
  eventsLive: boolean;
  setEventsLive(live: boolean): void;
  navCollapsed: boolean;
  toggleNav(): void;
}

export const useUiStore = create<UiState>((set, get) => ({
  paletteOpen: false,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  pendingAction: null,
  requestAction: (pendingAction) => set({ pendingAction }),
  consumeAction: (action) => {
    if (get().pendingAction !== action) return false;
    set({ pendingAction: null });
    return true;
  },
  liveStatus: 'closed',
  setLiveStatus: (liveStatus) => set({ liveStatus }),
  connection: 'connecting',
  dataAsOf: null,
  setConnection: (connection, dataAsOf) => set({ connection, dataAsOf }),
  eventsLive: true,
  setEventsLive: (eventsLive) => set({ eventsLive }),
  navCollapsed: false,
  toggleNav: () => set((s) => ({ navCollapsed: !s.navCollapsed })),
}));
