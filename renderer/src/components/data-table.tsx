import { ActionIcon, Box, Center, Checkbox, Loader, Menu, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns3 } from '@tabler/icons-react';
import {
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useT } from '../lib/i18n';
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
  const [columnVisibility, setColumnVisibility] = useState<Record<string, boolean>>({});
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
      setColumnVisibility((old) => (typeof updater === 'function' ? updater(old) : updater)),
    onRowSelectionChange: (updater) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      onSelectionChange?.(next);
    },
    enableRowSelection: selectable,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    // happy-dom and first paint: render a screenful even before the container is measured.
    initialRect: { width: 1000, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
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
  const colSpan = visibleColumns.length + (selectable ? 1 : 0);
  // Below this the table scrolls sideways instead of squeezing the flexible columns to nothing.
  const minWidth = visibleColumns.reduce(
    (sum, c) => sum + (flexible.has(c.id) ? 160 : c.getSize()),
    selectable ? 34 : 0,
  );

  const allSelected = table.getIsAllRowsSelected();
  const someSelected = table.getIsSomeRowsSelected();

  return (
    <div className={classes.wrapper} data-testid={testId}>
      <div className={classes.scroll} ref={scrollRef}>
        <table className={classes.table} aria-label={label} aria-rowcount={rows.length} style={{ minWidth }}>
          <colgroup>
            {selectable && <col style={{ width: 34 }} />}
            {visibleColumns.map((column) => (
              <col key={column.id} style={flexible.has(column.id) ? undefined : { width: column.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {selectable && (
                  <th className={classes.check}>
                    <Checkbox
                      size="xs"
                      aria-label={t('common.all')}
                      checked={allSelected}
                      indeterminate={!allSelected && someSelected}
                      onChange={() => table.toggleAllRowsSelected(!allSelected)}
                    />
                  </th>
                )}
                {group.headers.map((header, index) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  const last = index === group.headers.length - 1;
                  return (
                    <th
                      key={header.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      <div className={classes.th}>
                        {header.isPlaceholder ? null : canSort ? (
                          <button
                            type="button"
                            className={classes.sort}
                            data-sort-key={server?.keys[header.column.id]}
                            onClick={header.column.getToggleSortingHandler()}
                          >
                            <table.FlexRender header={header} />
                            {sorted === 'asc' && <IconArrowUp size={12} />}
                            {sorted === 'desc' && <IconArrowDown size={12} />}
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                        {last && (
                          <Menu position="bottom-end" closeOnItemClick={false}>
                            <Menu.Target>
                              <ActionIcon size="xs" aria-label={t('common.columns')} ml="auto">
                                <IconColumns3 size={14} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Label>{t('common.columns')}</Menu.Label>
                              {table
                                .getAllLeafColumns()
                                .filter((c) => c.getCanHide())
                                .map((column) => (
                                  <Menu.Item key={column.id} onClick={() => column.toggleVisibility()}>
                                    <Checkbox
                                      size="xs"
                                      readOnly
                                      checked={column.getIsVisible()}
                                      label={
                                        typeof column.columnDef.header === 'string'
                                          ? column.columnDef.header
                                          : column.id
                                      }
                                    />
                                  </Menu.Item>
                                ))}
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </div>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden style={{ height: paddingTop }}>
                <td colSpan={colSpan} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const selected = row.getIsSelected();
              const style: CSSProperties = { height: rowHeight };
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  data-row-id={row.id}
                  data-selected={selected || undefined}
                  data-active={row.id === activeRowId || undefined}
                  className={onRowClick ? classes.clickable : undefined}
                  style={style}
                  onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                >
                  {selectable && (
                    <td className={classes.check} onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        aria-label={row.id}
                        checked={selected}
                        onChange={row.getToggleSelectedHandler()}
                      />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden style={{ height: paddingBottom }}>
                <td colSpan={colSpan} />
              </tr>
            )}
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
