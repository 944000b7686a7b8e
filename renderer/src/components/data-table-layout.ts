import { useEffect, useMemo, useState, type CSSProperties, type RefObject } from 'react';

/** What a column may say about its place in the layout (`meta` of a column definition). */
export interface DataColumnMeta {
  /**
   * How readily the column gives way when the table is narrower than its columns: columns with
   * a priority are hidden, the highest number first (and, before any, those whose value is the
   * same in every row shown). Columns without one always show.
   */
  priority?: number;
}

export const FLEXIBLE_MIN = 160;
export const CHECK_WIDTH = 34;
/** The row actions column: kept in view at the right edge when the table scrolls sideways. */
export const ACTIONS_COLUMN = 'actions';

/** What a row's cells depend on besides its data: the columns shown, their widths and definitions. */
export interface ColumnsKey {
  ids: string;
  columns: unknown;
  /** Each shown column's width as a flex basis: rows are flex boxes of the same widths as the head. */
  widths: Map<string, CSSProperties>;
}

/** The layout-relevant facts of one visible column. */
export interface LayoutColumn {
  id: string;
  /** undefined: flexible, takes the remaining width (at least FLEXIBLE_MIN). */
  size: number | undefined;
  priority: number | undefined;
  /** Its value is the same in every row shown. */
  uniform: boolean;
}

/** The width of an element's content box, followed as it changes. */
export function useContentWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The columns that fit in `width`: the widest set where columns that give way (a priority;
 * uniform ones first, then the highest number) are dropped until the rest fits.
 */
export function fitColumns(columns: LayoutColumn[], width: number | undefined, fixed: number): LayoutColumn[] {
  const needed = (list: LayoutColumn[]) => list.reduce((sum, c) => sum + (c.size ?? FLEXIBLE_MIN), fixed);
  if (width === undefined || needed(columns) <= width) return columns;
  const yielding = columns
    .filter((c) => c.priority !== undefined)
    .sort((a, b) => Number(b.uniform) - Number(a.uniform) || (b.priority ?? 0) - (a.priority ?? 0));
  let shown = columns;
  for (const column of yielding) {
    if (needed(shown) <= width) break;
    shown = shown.filter((c) => c !== column);
  }
  return shown;
}

/** The columns key and the minimum width of the table for the fitted columns. */
export function useColumnsKey(shown: LayoutColumn[], columns: unknown, fixed: number) {
  const layoutKey = shown.map((c) => `${c.id}:${c.size ?? 'flex'}`).join(',');
  const columnsKey = useMemo<ColumnsKey>(() => {
    const widths = new Map<string, CSSProperties>();
    for (const part of layoutKey.split(',')) {
      const [id = '', size = ''] = part.split(':');
      widths.set(id, size === 'flex' ? { flex: `1 0 ${FLEXIBLE_MIN}px` } : { flex: `0 0 ${size}px` });
    }
    return { ids: layoutKey, columns, widths };
  }, [layoutKey, columns]);
  // Below this the table scrolls sideways instead of squeezing the flexible columns to nothing.
  const minWidth = shown.reduce((sum, c) => sum + (c.size ?? FLEXIBLE_MIN), fixed);
  return { columnsKey, minWidth };
}
