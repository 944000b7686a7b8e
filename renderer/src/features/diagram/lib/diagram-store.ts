import { create } from 'zustand';

/**
 * The diagram's UI state that node components read: the selected node and the cluster toggle.
 * Node components subscribe with narrow selectors, so selecting a node re-renders two nodes, not
 * all of them, and the nodes' data stays free of callbacks (stable across live refreshes).
 */
interface DiagramUiState {
  selectedId: string | null;
  select(id: string | null): void;
  /** Shows or hides a cluster's hosts; set by the page. */
  toggleCluster(clusterId: string): void;
  setToggleCluster(toggle: (clusterId: string) => void): void;
}

export const useDiagramStore = create<DiagramUiState>((set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
  toggleCluster: () => {},
  setToggleCluster: (toggleCluster) => set({ toggleCluster }),
}));
