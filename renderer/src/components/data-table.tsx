import { Box, Center, Loader, Text } from '@mantine/core';
import {
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  FlexRender,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
  type RowData,
  type RowSelectionState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { useT } from '../lib/i18n';
import { useRemembered } from '../lib/remembered';
import { DataTableHead } from './data-table-head';
import { UniformValues } from './data-table-uniform';
import {
  ACTIONS_COLUMN,
  CHECK_WIDTH,
  fitColumns,
  isUniform,
  useColumnsKey,
  useContentWidth,
  type ColumnsKey,
  type DataColumnMeta,
} from './data-table-layout';
import type { ListSort } from '../lib/list-sort';
import classes from './data-table.module.css';

/** The features every Stackyard table has: sorting, multi-select, column choice, sizes. */
export const tableFeatureSet = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, datetime: sortFn_datetime, basic: sortFn_basic },
  columnMeta: {} as DataColumnMeta,
});

export type TableFeatureSet = typeof tableFeatureSet;
export type DataColumn<T extends RowData> = ColumnDef<TableFeatureSet, T, any>;

/** `const col = columnHelper<Account>(); col.accessor('name', {...})` */
export function columnHelper<T extends RowData>() {
  return createColumnHelper<TableFeatureSet, T>();
}

/** The table sorts the rows it holds: for lists loaded whole into the renderer. */
export interface ClientSorting {
  mode: 'client';
}

/** Client sorting, for tables whose rows are the whole list. */
export const CLIENT_SORTING: ClientSorting = { mode: 'client' };

/**
 * The server sorts the whole list (a server-paged list): a header click only reports the new sort,
 * which the page asks the server for (from page 1); rows are shown in the order they come.
 */
export interface ServerSorting {
  mode: 'server';
  /** Column id -> the list's sortby key; other columns are not sortable. */
  keys: Readonly<Record<string, string>>;
  sort: ListSort | undefined;
  onSort(next: ListSort | undefined): void;
}

export interface DataTableProps<T extends RowData> {
  data: T[];
  columns: DataColumn<T>[];
  /** Who sorts the rows: the table itself, or the server (re-sorting one page would mislead). */
  sorting: ClientSorting | ServerSorting;
  getRowId: (row: T) => string;
  /** Multi-select with a checkbox column; selection is keyed by row id. */
  selection?: RowSelectionState;
  onSelectionChange?: (selection: RowSelectionState) => void;
  onRowClick?: (row: T) => void;
  activeRowId?: string;
  loading?: boolean;
  emptyText?: ReactNode;
  rowHeight?: number;
  /** Accessible name of the table. */
  label: string;
  testId?: string;
}

const NO_SELECTION: RowSelectionState = {};
const NO_HIDDEN_COLUMNS: Record<string, boolean> = {};

function isVisibility(value: unknown): value is Record<string, boolean> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'boolean')
  );
}

/**
 * When the active row's drawer closes (activeRowId goes from an id to none), focus goes back to
 * that row, not to the page: keyboard and screen-reader users keep their place in the list.
 */
function useFocusReturn(scrollRef: RefObject<HTMLDivElement | null>, activeRowId: string | undefined): void {
  const previous = useRef(activeRowId);
  useEffect(() => {
    const closed = previous.current;
    previous.current = activeRowId;
    if (!closed || activeRowId) return;
    // After the drawer's own focus handling (it returns focus to whatever had it on opening).
    const timer = setTimeout(() => {
      const focused = document.activeElement;
      if (focused && focused !== document.body) return;
      const rows = scrollRef.current?.querySelectorAll<HTMLElement>('tr[data-row-id]') ?? [];
      Array.from(rows)
        .find((row) => row.dataset['rowId'] === closed)
        ?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [activeRowId, scrollRef]);
}

type SortingState = { id: string; desc: boolean }[];

function columnId<T extends RowData>(column: DataColumn<T>): string | undefined {
  return column.id ?? (column as { accessorKey?: string }).accessorKey;
}

/** The table's sorting state of a server sort: the column whose key it names. */
function serverSortingState(server: ServerSorting): SortingState {
  const column = Object.keys(server.keys).find((id) => server.keys[id] === server.sort?.sortby);
  return column && server.sort ? [{ id: column, desc: server.sort.sortorder === 'desc' }] : [];
}

/** The server sort of a table sorting state: its first column's key, if sortable. */
function serverSortOf(state: SortingState, server: ServerSorting): ListSort | undefined {
  const first = state[0];
  const sortby = first ? server.keys[first.id] : undefined;
  return first && sortby ? { sortby, sortorder: first.desc ? 'desc' : 'asc' } : undefined;
}

/**
 * A dense, virtualized table: sortable headers, optional checkbox selection, a column chooser,
 * and rows drawn only while visible so a 10k-row page scrolls smoothly.
 */
export function DataTable<T extends RowData>({
  data,
  columns,
  sorting: sortingMode,
  getRowId,
  selection,
  onSelectionChange,
  onRowClick,
  activeRowId,
  loading,
  emptyText,
  rowHeight = 30,
  label,
  testId,
}: DataTableProps<T>) {
  const t = useT();
  const selectable = onSelectionChange !== undefined;
  const [clientSorting, setClientSorting] = useState<SortingState>([]);
  // The columns an operator hides stay hidden on the next visit (per table, by its test id).
  const [columnVisibility, setColumnVisibility] = useRemembered(
    testId ? `columns.${testId}` : undefined,
    NO_HIDDEN_COLUMNS,
    isVisibility,
  );
  const rowSelection = selection ?? NO_SELECTION;
  const server = sortingMode.mode === 'server' ? sortingMode : undefined;
  const sorting = server ? serverSortingState(server) : clientSorting;
  const serverKeys = server?.keys;
  // Server-sorted: only the columns the server can sort by offer sorting.
  const tableColumns = useMemo(
    () =>
      serverKeys
        ? columns.map((c) => {
            const id = columnId(c);
            return { ...c, enableSorting: id !== undefined && serverKeys[id] !== undefined };
          })
        : columns,
    [columns, serverKeys],
  );

  const table = useTable({
    features: tableFeatureSet,
    columns: tableColumns,
    data,
    getRowId: (row: T) => getRowId(row),
    state: { sorting, columnVisibility, rowSelection },
    manualSorting: server !== undefined,
    enableMultiSort: server === undefined,
    onSortingChange: (updater) => {
      if (server) server.onSort(serverSortOf(typeof updater === 'function' ? updater(sorting) : updater, server));
      else setClientSorting((old) => (typeof updater === 'function' ? updater(old) : updater));
    },
    onColumnVisibilityChange: (updater) =>
      setColumnVisibility(typeof updater === 'function' ? updater(columnVisibility) : updater),
    onRowSelectionChange: (updater) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      onSelectionChange?.(next);
    },
    enableRowSelection: selectable,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  useFocusReturn(scrollRef, activeRowId);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    // Scroll events re-render in React's own batch, not synchronously inside each event.
    useFlushSync: false,
    // happy-dom and first paint: render a screenful even before the container is measured.
    initialRect: { width: 1000, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const visibleColumns = table.getVisibleLeafColumns();
  // Columns declared without a size take the remaining width (column sizing fills in a default).
  const flexible = useMemo(
    () =>
      new Set(
        columns
          .filter((c) => c.size === undefined)
          .map((c) => c.id ?? String((c as { accessorKey?: unknown }).accessorKey)),
      ),
    [columns],
  );
  const width = useContentWidth(scrollRef);
  const layoutColumns = useMemo(
    () =>
      visibleColumns.map((c) => {
        const priority = c.columnDef.meta?.priority;
        return {
          id: c.id,
          size: flexible.has(c.id) ? undefined : c.getSize(),
          priority,
          // Only a column that may give way is compared: the others show whatever they hold.
          uniform:
            priority !== undefined &&
            !c.columnDef.meta?.keepWhenUniform &&
            isUniform(rows.map((r) => r.getValue(c.id))),
          pinned: columnVisibility[c.id] === true,
        };
      }),
    // visibleColumns is a new array each render; its ids and the rows are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [visibleColumns.map((c) => c.id).join(','), rows, flexible, columnVisibility],
  );
  const fixedWidth = selectable ? CHECK_WIDTH : 0;
  const layout = useMemo(() => fitColumns(layoutColumns, width, fixedWidth), [layoutColumns, width, fixedWidth]);
  const { columnsKey, minWidth } = useColumnsKey(layout, columns, fixedWidth);
  const uniformIds = [...columnsKey.hidden].filter(([, reason]) => reason === 'uniform').map(([id]) => id);

  const allSelected = table.getIsAllRowsSelected();
  const someSelected = table.getIsSomeRowsSelected();
  const headStateKey = `${JSON.stringify(sorting)}|${columnsKey.ids}`;

  return (
    <div className={classes.wrapper} data-testid={testId}>
      {uniformIds.length > 0 && rows[0] && <UniformValues row={rows[0]} columnIds={uniformIds} />}
      <div className={classes.scroll} ref={scrollRef}>
        <table className={classes.table} aria-label={label} aria-rowcount={rows.length} style={{ minWidth }}>
          <DataTableHead
            table={table}
            selectable={selectable}
            allSelected={allSelected}
            someSelected={someSelected}
            stateKey={headStateKey}
            sortKeys={serverKeys}
            columnsKey={columnsKey}
          />
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <DataRow
                  key={row.id}
                  row={row}
                  index={item.index}
                  start={item.start}
                  columnsKey={columnsKey}
                  selectable={selectable}
                  selected={row.getIsSelected()}
                  active={row.id === activeRowId}
                  rowHeight={rowHeight}
                  onRowClick={onRowClick}
                />
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && (
          <Center p="xl">
            {loading ? (
              <Loader size="sm" />
            ) : (
              <Text size="sm" c="dimmed">
                {emptyText ?? t('common.empty')}
              </Text>
            )}
          </Center>
        )}
      </div>
      {loading && rows.length > 0 && <Box className={classes.loadingBar} />}
    </div>
  );
}

interface DataRowProps<T extends RowData> {
  row: Row<TableFeatureSet, T>;
  index: number;
  /** Its offset from the top of the body, in pixels. */
  start: number;
  columnsKey: ColumnsKey;
  selectable: boolean;
  selected: boolean;
  active: boolean;
  rowHeight: number;
  onRowClick?: (row: T) => void;
}

/**
 * One body row. Memoized on its data and what its cells show: scrolling re-renders only the rows
 * that come into view, not every visible row on every frame (the cells hold badges, bars and
 * tooltips, which are costly to render 50 times per frame).
 */
const DataRow = memo(
  function DataRow<T extends RowData>({
    row,
    index,
    start,
    columnsKey,
    selectable,
    selected,
    active,
    rowHeight,
    onRowClick,
  }: DataRowProps<T>) {
    const style: CSSProperties = { height: rowHeight, transform: `translateY(${start}px)` };
    return (
      <tr
        data-index={index}
        data-row-id={row.id}
        data-selected={selected || undefined}
        data-active={active || undefined}
        className={onRowClick ? classes.clickable : undefined}
        style={style}
        onClick={onRowClick ? () => onRowClick(row.original) : undefined}
        // A row that opens something is reachable and opened from the keyboard too.
        tabIndex={onRowClick ? 0 : undefined}
        onKeyDown={
          onRowClick
            ? (e) => {
                if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
                e.preventDefault();
                onRowClick(row.original);
              }
            : undefined
        }
      >
        {selectable && (
          <td className={classes.check} style={{ flex: `0 0 ${CHECK_WIDTH}px` }} onClick={(e) => e.stopPropagation()}>
            <input
              type="checkbox"
              className={classes.rowCheck}
              aria-label={row.id}
              checked={selected}
              onChange={row.getToggleSelectedHandler()}
            />
          </td>
        )}
        {row.getVisibleCells().map((cell) => {
          const width = columnsKey.widths.get(cell.column.id);
          if (!width) return null;
          return (
            <td
              key={cell.id}
              data-column={cell.column.id}
              style={width}
              className={cell.column.id === ACTIONS_COLUMN ? classes.stickyEnd : undefined}
            >
              <div className={classes.cell}>
                <FlexRender cell={cell} />
              </div>
            </td>
          );
        })}
      </tr>
    );
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.row.id === after.row.id &&
    before.index === after.index &&
    before.start === after.start &&
    before.columnsKey === after.columnsKey &&
    before.selectable === after.selectable &&
    before.selected === after.selected &&
    before.active === after.active &&
    before.rowHeight === after.rowHeight &&
    before.onRowClick === after.onRowClick,
) as <T extends RowData>(props: DataRowProps<T>) => ReactNode;
