import { create } from 'zustand';

/** A host a cluster card names: opening it selects the host (its cluster's hosts fetched first if need be). */
export interface HostRef {
  id: string;
  clusterId: string;
}

/**
 * The diagram's UI state that node components read: the selected node, the cluster toggle, the
 * host opener and the legend's highlighted colour. Node components subscribe with narrow
 * selectors, so selecting a node re-renders two nodes, not all of them, and the nodes' data stays
 * free of callbacks (stable across live refreshes).
 */
interface DiagramUiState {
  selectedId: string | null;
  select(id: string | null): void;
  /** Shows or hides a cluster's hosts; set by the page. */
  toggleCluster(clusterId: string): void;
  setToggleCluster(toggle: (clusterId: string) => void): void;
  /** Opens a host named on a cluster card; set by the page. */
  openHost(host: HostRef): void;
  setOpenHost(open: (host: HostRef) => void): void;
  /** The state colour the legend highlights (others dimmed), or null. */
  highlight: string | null;
  setHighlight(color: string | null): void;
}

export const useDiagramStore = create<DiagramUiState>((set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
  toggleCluster: () => {},
  setToggleCluster: (toggleCluster) => set({ toggleCluster }),
  openHost: () => {},
  setOpenHost: (openHost) => set({ openHost }),
  highlight: null,
  setHighlight: (highlight) => set({ highlight }),
}));
