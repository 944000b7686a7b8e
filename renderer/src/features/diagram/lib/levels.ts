import type { Edge } from '@xyflow/react';
import type { DiagramLevel } from './lod';
import { nodeId, type ClusterCardData, type DiagramLayout, type DiagramNode } from './layout';

/**
 * The nodes and edges drawn at a level of detail (lib/lod.ts). Zoomed out ('clusters') the cards
 * are drawn and what they cover (clusters, hosts, their pools) is hidden, and an edge to a
 * cluster leads to its card; zoomed in ('hosts') the cards are hidden. Hidden nodes stay in the
 * list (React Flow skips them), so search and selection find them at either level.
 */
export interface LevelView {
  nodes: DiagramNode[];
  edges: Edge[];
}

/** The same hidden copy of a node for as long as the node object lives (memoised nodes skip it). */
const hiddenCopies = new WeakMap<DiagramNode, DiagramNode>();
function hidden(node: DiagramNode): DiagramNode {
  let copy = hiddenCopies.get(node);
  if (!copy) {
    copy = { ...node, hidden: true } as DiagramNode;
    hiddenCopies.set(node, copy);
  }
  return copy;
}

export function levelView(
  layout: Pick<DiagramLayout, 'edges' | 'covered'>,
  nodes: DiagramNode[],
  level: DiagramLevel,
): LevelView {
  if (level === 'hosts') {
    return { nodes: nodes.map((n) => (n.type === 'clustercard' ? hidden(n) : n)), edges: layout.edges };
  }
  const { covered } = layout;
  const cardOf = new Map<string, string>();
  for (const n of nodes) {
    if (n.type === 'clustercard') cardOf.set(nodeId('cluster', (n.data as ClusterCardData).clusterId), n.id);
  }
  const edges: Edge[] = [];
  for (const e of layout.edges) {
    if (covered.has(e.source)) continue;
    const card = covered.has(e.target) ? cardOf.get(e.target) : undefined;
    if (covered.has(e.target) && !card) continue;
    edges.push(card ? { ...e, id: `${e.id}:card`, target: card } : e);
  }
  return { nodes: nodes.map((n) => (covered.has(n.id) ? hidden(n) : n)), edges };
}
