import type { Edge } from '@xyflow/react';
import type { DiagramLevel } from './lod';
import type { DiagramLayout, DiagramNode } from './layout';

/**
 * The nodes and edges drawn at a level of detail (lib/lod.ts). Zoomed out ('clusters') the cards
 * and the zone and pod name bands are drawn (a band is then what the keyboard reaches for its zone
 * or pod), and the zone and pod nodes and what the cards cover (clusters, hosts, their pools) are
 * hidden, with their edges; zoomed in ('hosts') the cards are hidden. Hidden nodes stay in the
 * list (React Flow skips them), so search and selection find them at either level.
 */
export interface LevelView {
  nodes: DiagramNode[];
  edges: Edge[];
}

/** The same copy of a node for as long as the node object lives (memoised nodes skip it). */
function copier(change: Partial<DiagramNode>) {
  const copies = new WeakMap<DiagramNode, DiagramNode>();
  return (node: DiagramNode): DiagramNode => {
    let copy = copies.get(node);
    if (!copy) {
      copy = { ...node, ...change } as DiagramNode;
      copies.set(node, copy);
    }
    return copy;
  };
}
const hidden = copier({ hidden: true });
const focusable = copier({ focusable: true });

export function levelView(
  layout: Pick<DiagramLayout, 'edges' | 'covered'>,
  nodes: DiagramNode[],
  level: DiagramLevel,
): LevelView {
  if (level === 'hosts') {
    return { nodes: nodes.map((n) => (n.type === 'clustercard' ? hidden(n) : n)), edges: layout.edges };
  }
  const gone = (n: DiagramNode) => n.type === 'zone' || n.type === 'pod' || layout.covered.has(n.id);
  const hiddenIds = new Set<string>();
  const shown = nodes.map((n) => {
    if (gone(n)) {
      hiddenIds.add(n.id);
      return hidden(n);
    }
    return n.type === 'label' ? focusable(n) : n;
  });
  const edges = layout.edges.filter((e) => !hiddenIds.has(e.source) && !hiddenIds.has(e.target));
  return { nodes: shown, edges };
}
