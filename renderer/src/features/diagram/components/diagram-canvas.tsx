import { useComputedColorScheme } from '@mantine/core';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  getViewportForBounds,
  useStore,
  useStoreApi,
  type AriaLabelConfig,
  type Viewport,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { stateLabel } from '../../../components/state-badge';
import { useLocale, useT, type Translate } from '../../../lib/i18n';
import { useDiagramStore } from '../lib/diagram-store';
import { fastNumber } from '../lib/format';
import { nodeId, reuseUnchanged, type ClusterCardData, type DiagramLayout, type DiagramNode } from '../lib/layout';
import { levelView, type LevelView } from '../lib/levels';
import { diagramLevel, type DiagramLevel } from '../lib/lod';
import { paletteColor } from './node-parts';
import { NODE_TYPES } from './nodes';
import { TextScale, useLevel } from './use-zoom';

/** What the render benchmark (bench/diagram-render.ts) and the e2e spec read. */
export interface DiagramStats {
  nodes: number;
  hostNodes: number;
  hosts: number;
  aggregated: boolean;
}

declare global {
  interface Window {
    /** performance.now() of the first frame with the diagram's nodes on screen (fitted). */
    __diagramReady?: number;
    __diagramStats?: DiagramStats;
  }
}

export const FIT_OPTIONS = { padding: 0.04, maxZoom: 1 } as const;
const MIN_ZOOM = 0.02;
const MAX_ZOOM = 2;

/**
 * The store starts with maxZoom 1 (so the initial fit never magnifies); the operator may zoom to
 * MAX_ZOOM. React Flow skips a maxZoom prop equal to its own default, so set it here.
 */
function ZoomLimits() {
  const store = useStoreApi();
  useEffect(() => store.getState().setMaxZoom(MAX_ZOOM), [store]);
  return null;
}

/**
 * Marks the first frame with the diagram's nodes on screen: window.__diagramReady =
 * performance.now() (once per mount) and data-ready on the canvas. The view is fitted from the
 * first render on (React Flow computes the initial viewport from the known node sizes and the
 * pane's size), so the first frame with nodes is the fitted one.
 */
function ReadySignal({ stats, onReady }: { stats: DiagramStats; onReady(): void }) {
  const store = useStoreApi();
  const statsRef = useRef(stats);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    statsRef.current = stats;
    onReadyRef.current = onReady;
    if (window.__diagramReady !== undefined) window.__diagramStats = stats;
  });
  useEffect(() => {
    let frame = 0;
    const check = () => {
      if (!store.getState().domNode?.querySelector('.react-flow__node')) {
        frame = requestAnimationFrame(check);
        return;
      }
      window.__diagramReady = performance.now();
      window.__diagramStats = statsRef.current;
      onReadyRef.current();
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [store]);
  return null;
}

/** Animation length for view changes: none when the operator asked for reduced motion. */
function motion(ms: number): number {
  try {
    return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
  } catch {
    return ms;
  }
}

/**
 * A view request: `center` a node (search), or `reveal` one (a cluster's hosts just shown):
 * brings it and `with` into view at no higher zoom, only when it is not fully visible already.
 */
export interface FocusRequest {
  id: string;
  seq: number;
  mode: 'center' | 'reveal';
  with?: string;
}

type Flow = ReturnType<typeof useReactFlow>;
type FlowStore = ReturnType<typeof useStoreApi>;

function applyFocus(flow: Flow, store: FlowStore, focus: FocusRequest, node: DiagramNode): void {
  if (focus.mode === 'center') {
    const zoom = Math.max(flow.getZoom(), 1);
    void flow.setCenter(node.position.x + (node.width ?? 0) / 2, node.position.y + (node.height ?? 0) / 2, {
      zoom,
      duration: motion(400),
    });
    return;
  }
  const { width, height, transform } = store.getState();
  const [tx, ty, zoom] = transform;
  const left = node.position.x * zoom + tx;
  const top = node.position.y * zoom + ty;
  const visible =
    left >= 0 && top >= 0 && left + (node.width ?? 0) * zoom <= width && top + (node.height ?? 0) * zoom <= height;
  if (visible) return;
  void flow.fitView({
    nodes: [{ id: focus.id }, ...(focus.with ? [{ id: focus.with }] : [])],
    padding: 0.1,
    maxZoom: Math.max(zoom, 0.3),
    duration: motion(400),
  });
}

/** Applies a view request once its node exists (a search may first expand a cluster). */
function FocusController({ focus, nodes }: { focus: FocusRequest | null; nodes: DiagramNode[] }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const done = useRef(0);
  useEffect(() => {
    if (!focus || done.current === focus.seq) return;
    const node = nodes.find((n) => n.id === focus.id);
    if (!node) return;
    // Two frames on: the details panel that opens with a found node has narrowed the pane by then.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        done.current = focus.seq;
        applyFocus(flow, store, focus, node);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, nodes, flow, store]);
  return null;
}

/** How far to move a span [from, to] so that it lies within [0, size] (its start first if it cannot). */
function shiftInto(from: number, to: number, size: number): number {
  const margin = 16;
  if (from < 0 || to - from > size) return margin - from;
  if (to > size) return size - margin - to;
  return 0;
}

/**
 * Keeps the selected node on screen: opening the details panel narrows the canvas, which can
 * push the clicked node out of view (and out of the DOM, with onlyRenderVisibleElements).
 */
function KeepSelectionVisible(props: {
  nodes: DiagramNode[];
  focus: FocusRequest | null;
  /** Zoomed out, a node under a card is kept visible through its card. */
  drawnAs: (id: string) => string;
}) {
  const selectedId = useDiagramStore((s) => s.selectedId);
  const store = useStoreApi();
  const flow = useReactFlow();
  const nodesRef = useRef(props.nodes);
  const focusRef = useRef(props.focus);
  const drawnAsRef = useRef(props.drawnAs);
  useEffect(() => {
    nodesRef.current = props.nodes;
    focusRef.current = props.focus;
    drawnAsRef.current = props.drawnAs;
  });
  useEffect(() => {
    // A node found by the search is centred by the FocusController.
    if (!selectedId || focusRef.current?.id === selectedId) return;
    let frame = 0;
    let frames = 0;
    const check = () => {
      // Wait two frames: the panel's layout and React Flow's resize come first.
      if (++frames < 3) {
        frame = requestAnimationFrame(check);
        return;
      }
      const drawn = drawnAsRef.current(selectedId);
      const node = nodesRef.current.find((n) => n.id === drawn);
      if (!node) return;
      const { width, height, transform } = store.getState();
      const [tx, ty, zoom] = transform;
      const left = node.position.x * zoom + tx;
      const top = node.position.y * zoom + ty;
      const right = left + (node.width ?? 0) * zoom;
      const bottom = top + (node.height ?? 0) * zoom;
      if (left >= 0 && top >= 0 && right <= width && bottom <= height) return;
      // The least move that brings it in (the rest of the view stays where the operator had it).
      void flow.setViewport(
        { x: tx + shiftInto(left, right, width), y: ty + shiftInto(top, bottom, height), zoom },
        { duration: motion(250) },
      );
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [selectedId, store, flow]);
  return null;
}

/**
 * Swaps the nodes and edges of a level in the same store update as the zoom that crosses into it.
 * Through the props alone React Flow would first draw a frame at the new zoom with the old level's
 * nodes: zooming out from the hosts, every host of the cloud for one frame.
 */
function LevelSync({ views }: { views: Record<DiagramLevel, LevelView> }) {
  const store = useStoreApi();
  const viewsRef = useRef(views);
  useEffect(() => {
    viewsRef.current = views;
  });
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const level = diagramLevel(state.transform[2]);
        if (level === diagramLevel(previous.transform[2])) return;
        const view = viewsRef.current[level];
        state.setNodes(view.nodes);
        state.setEdges(view.edges);
      }),
    [store],
  );
  return null;
}

/** The whole diagram is in view: a mini map would show nothing more, and cover part of it. */
function useAllInView(layout: DiagramLayout): boolean {
  return useStore((s) => {
    const [tx, ty, zoom] = s.transform;
    return tx >= -2 && ty >= -2 && tx + layout.width * zoom <= s.width + 2 && ty + layout.height * zoom <= s.height + 2;
  });
}

function minimapColor(node: Node): string {
  const data = node.data as { color?: unknown };
  if (node.type === 'label' || typeof data.color !== 'string') return 'transparent';
  return paletteColor(data.color);
}

/** What a click (or Enter) on a node selects: a card its cluster, a band its zone or pod. */
function selectionOf(node: Node): string | null {
  if (node.type === 'hostgroup' || node.type === 'clustergroup' || node.type === 'more') return null;
  if (node.type === 'clustercard') return nodeId('cluster', (node.data as ClusterCardData).clusterId);
  if (node.type === 'label') return (node.data as { target: string }).target;
  return node.id;
}

/** A card's name for screen readers: "Cluster dc1-c03, 48 hosts, 2 Down". */
function cardAriaLabel(t: Translate, locale: Parameters<typeof fastNumber>[1], data: ClusterCardData): string {
  const name =
    data.hostcount === 1
      ? t('diagram.card.ariaOne', { name: data.name })
      : t('diagram.card.aria', { name: data.name, count: fastNumber(data.hostcount, locale) });
  const problems = data.content.problems.map((p) =>
    t('diagram.card.problem', { count: fastNumber(p.count, locale), state: stateLabel(t, p.state) }),
  );
  return [name, ...problems].join(', ');
}

type CanvasProps = {
  layout: DiagramLayout;
  /** The pane's size when the canvas mounts: the first render is fitted to it. */
  size: { width: number; height: number };
  stats: DiagramStats;
  focus: FocusRequest | null;
  onReady(): void;
};

/**
 * The React Flow canvas. Its store starts fitted: the node sizes and the pane's size are known,
 * so the initial viewport is computed before the first render (maxZoom 1 for the fit; the
 * operator may zoom to 2), and the first frame is the fitted one.
 */
export function DiagramCanvas(props: CanvasProps) {
  const [initial] = useState(() => {
    const viewport = getViewportForBounds(
      { x: 0, y: 0, width: props.layout.width, height: props.layout.height },
      props.size.width,
      props.size.height,
      MIN_ZOOM,
      FIT_OPTIONS.maxZoom,
      FIT_OPTIONS.padding,
    );
    // The first frame draws the level of the fitted zoom only (zoomed out: no host at all).
    return { viewport, view: levelView(props.layout, props.layout.nodes, diagramLevel(viewport.zoom)) };
  });
  return (
    <ReactFlowProvider
      initialNodes={initial.view.nodes}
      initialEdges={initial.view.edges}
      initialWidth={props.size.width}
      initialHeight={props.size.height}
      fitView
      initialFitViewOptions={FIT_OPTIONS}
      initialMinZoom={MIN_ZOOM}
      initialMaxZoom={FIT_OPTIONS.maxZoom}
    >
      <Canvas {...props} initialViewport={initial.viewport} />
    </ReactFlowProvider>
  );
}

/** React Flow's pan/zoom starts at defaultViewport: the same fitted viewport as the store's. */
function Canvas(props: CanvasProps & { initialViewport: Viewport }) {
  const t = useT();
  const locale = useLocale();
  const scheme = useComputedColorScheme('light');
  const select = useDiagramStore((s) => s.select);
  const level = useLevel();
  const allInView = useAllInView(props.layout);
  const previous = useRef<DiagramNode[] | undefined>(undefined);
  const nodes = useMemo(() => {
    const next = reuseUnchanged(previous.current, props.layout.nodes).map((n) => {
      if (n.type === 'clustercard') return { ...n, ariaLabel: cardAriaLabel(t, locale, n.data) };
      if (n.type === 'label') return { ...n, ariaLabel: `${t(`diagram.kind.${n.data.of}`)} ${n.data.name}` };
      return n;
    });
    // Keep the previous objects of unchanged cards and bands too (their label is a new string each time).
    const old = new Map(previous.current?.map((n) => [n.id, n]));
    const stable = next.map((n) => {
      const was = old.get(n.id);
      const relabelled = n.type === 'clustercard' || n.type === 'label';
      return relabelled && was?.ariaLabel === n.ariaLabel && was.data === n.data ? was : n;
    });
    previous.current = stable;
    return stable;
  }, [props.layout.nodes, t, locale]);
  const views = useMemo(
    () => ({ clusters: levelView(props.layout, nodes, 'clusters'), hosts: levelView(props.layout, nodes, 'hosts') }),
    [props.layout, nodes],
  );
  const view = views[level];
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const { covered } = props.layout;
  const drawnAs = useCallback((id: string) => (level === 'clusters' ? (covered.get(id) ?? id) : id), [covered, level]);
  // Enter or Space on a focused node opens it, as a click does.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target as HTMLElement;
    if (!target.classList.contains('react-flow__node')) return;
    const node = byId.get(target.dataset['id'] ?? '');
    const id = node ? selectionOf(node) : null;
    if (!id) return;
    event.preventDefault();
    select(id);
  };

  const aria = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'controls.ariaLabel': t('diagram.controls'),
      'controls.zoomIn.ariaLabel': t('diagram.zoomIn'),
      'controls.zoomOut.ariaLabel': t('diagram.zoomOut'),
      'controls.fitView.ariaLabel': t('diagram.fitView'),
      'minimap.ariaLabel': t('diagram.minimap'),
    }),
    [t],
  );

  return (
    <ReactFlow
      nodes={view.nodes}
      edges={view.edges}
      nodeTypes={NODE_TYPES}
      defaultViewport={props.initialViewport}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      onlyRenderVisibleElements
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      elevateNodesOnSelect={false}
      zoomOnDoubleClick={false}
      deleteKeyCode={null}
      colorMode={scheme}
      ariaLabelConfig={aria}
      onNodeClick={(_, node) => {
        const id = selectionOf(node);
        if (id) select(id);
      }}
      onKeyDown={onKeyDown}
      data-level={level}
      onPaneClick={() => select(null)}
      proOptions={{ hideAttribution: false }}
      data-testid="diagram-canvas"
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_OPTIONS} />
      {!allInView && (
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          ariaLabel={t('diagram.minimap')}
        />
      )}
      <ZoomLimits />
      <TextScale />
      <LevelSync views={views} />
      <ReadySignal stats={props.stats} onReady={props.onReady} />
      <FocusController focus={props.focus} nodes={nodes} />
      <KeepSelectionVisible nodes={nodes} focus={props.focus} drawnAs={drawnAs} />
    </ReactFlow>
  );
}
