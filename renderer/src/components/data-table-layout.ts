import { useEffect, useMemo, useState, type CSSProperties, type RefObject } from 'react';

/** What a column may say about its place in the layout (`meta` of a column definition). */
export interface DataColumnMeta {
  /**
   * How readily the column gives way: a column with a priority is left out when its value is the
   * same in every row shown (the table names the value above the rows), and when the table is
   * narrower than its columns, the highest number first. Columns without one (names, states,
   * row actions) always show. The operator can show any column again from the column menu.
   */
  priority?: number;
  /**
   * The column gives way only to the width: its value does not say all its cell shows (a bar
   * of used / total), or it changes with every read (a heartbeat), so the same value in every row
   * now says nothing about the rows.
   */
  keepWhenUniform?: boolean;
}

export const FLEXIBLE_MIN = 160;
export const CHECK_WIDTH = 34;
/** The row actions column: kept in view at the right edge when the table scrolls sideways. */
export const ACTIONS_COLUMN = 'actions';

/** Why a column the table has is not on screen although the operator did not hide it. */
export type HiddenReason = 'uniform' | 'narrow';

/** What a row's cells depend on besides its data: the columns shown, their widths and definitions. */
export interface ColumnsKey {
  ids: string;
  columns: unknown;
  /** Each shown column's width as a flex basis: rows are flex boxes of the same widths as the head. */
  widths: Map<string, CSSProperties>;
  /** The columns the layout leaves out, and why (the column menu tells the operator). */
  hidden: ReadonlyMap<string, HiddenReason>;
}

/** The layout-relevant facts of one visible column. */
export interface LayoutColumn {
  id: string;
  /** undefined: flexible, takes the remaining width (at least FLEXIBLE_MIN). */
  size: number | undefined;
  priority: number | undefined;
  /** Its value is the same in every row shown. */
  uniform: boolean;
  /** The operator asked for it in the column menu: it shows whatever the width or the rows. */
  pinned: boolean;
}

/** The columns on screen and those the layout leaves out. */
export interface ColumnLayout {
  shown: LayoutColumn[];
  hidden: Map<string, HiddenReason>;
}

/**
 * Whether a column says the same in every row: two rows at least (one row says nothing about
 * the others), compared by value (accessor values are strings and numbers).
 */
export function isUniform(values: readonly unknown[]): boolean {
  if (values.length < 2) return false;
  const first = values[0];
  return values.every((value) => Object.is(value, first));
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
 * The columns to show in `width` (`fixed` is taken by the checkbox column). Only columns with a
 * priority give way, never the row actions nor a column the operator pinned: first those whose
 * value is the same in every row (the table names that value above the rows instead), then, while
 * the rest does not fit, the highest priority number first. What still does not fit scrolls.
 */
export function fitColumns(columns: LayoutColumn[], width: number | undefined, fixed: number): ColumnLayout {
  const gives = (c: LayoutColumn) => c.priority !== undefined && !c.pinned && c.id !== ACTIONS_COLUMN;
  const hidden = new Map<string, HiddenReason>();
  let shown = columns.filter((c) => {
    if (!gives(c) || !c.uniform) return true;
    hidden.set(c.id, 'uniform');
    return false;
  });
  if (width === undefined) return { shown, hidden };
  const needed = (list: LayoutColumn[]) => list.reduce((sum, c) => sum + (c.size ?? FLEXIBLE_MIN), fixed);
  const yielding = shown.filter(gives).sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  for (const column of yielding) {
    if (needed(shown) <= width) break;
    shown = shown.filter((c) => c !== column);
    hidden.set(column.id, 'narrow');
  }
  return { shown, hidden };
}

/**
 * Each shown column's flex box: fixed columns at their size, flexible ones sharing the rest. With
 * no flexible column left (the others given way), the last data column takes the rest: rows stay
 * whole and the actions stay at the right edge.
 */
export function columnStyles(shown: readonly LayoutColumn[]): Map<string, CSSProperties> {
  const data = shown.filter((c) => c.id !== ACTIONS_COLUMN);
  const grower = data.some((c) => c.size === undefined) ? undefined : data[data.length - 1];
  const styles = new Map<string, CSSProperties>();
  for (const c of shown) {
    if (c.size === undefined) styles.set(c.id, { flex: `1 0 ${FLEXIBLE_MIN}px` });
    else styles.set(c.id, { flex: `${c === grower ? 1 : 0} 0 ${c.size}px` });
  }
  return styles;
}

/** The columns key and the minimum width of the table for the fitted columns. */
export function useColumnsKey(layout: ColumnLayout, columns: unknown, fixed: number) {
  const { shown, hidden } = layout;
  const layoutKey = shown.map((c) => `${c.id}:${c.size ?? 'flex'}`).join(',');
  const hiddenKey = [...hidden].map(([id, reason]) => `${id}:${reason}`).join(',');
  const columnsKey = useMemo<ColumnsKey>(
    () => ({ ids: `${layoutKey}|${hiddenKey}`, columns, widths: columnStyles(shown), hidden: new Map(hidden) }),
    // A new key only when the layout changes (shown and hidden are new objects each fit).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layoutKey, hiddenKey, columns],
  );
  // Below this the table scrolls sideways instead of squeezing the flexible columns to nothing.
  const minWidth = shown.reduce((sum, c) => sum + (c.size ?? FLEXIBLE_MIN), fixed);
  return { columnsKey, minWidth };
}
