import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { DataTable, type DataColumn } from '../../../components/data-table';
import type { ListItem, ListResult, Params } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { sortAmong } from '../../../lib/list-sort';
import { useInfraList, type InfraListCommand } from '../api/queries';
import { BulkBar, RowActionsContext, type ActionSpec } from './actions';
import { ListFrame, useListControls, useListQuery, type ListControls, type ListQuery } from './list-frame';

/** The id every listed entity carries (checked, so the generic list needs no per-entity type). */
function idOf(item: unknown): string | undefined {
  return typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? item.id : undefined;
}

/** A sortby key a list command takes (Stackyard's server-side sort of the whole list). */
export type SortKey<C extends InfraListCommand> = Params<C> extends { sortby?: infer K } ? NonNullable<K> : never;

/** What a list page shares with its frame: URL filters, paging, the query and the selection. */
export interface InfraListPage<T, K extends string = string> {
  list: ListQuery<K>;
  filters: Partial<Record<K, string>>;
  /** Column id -> the command's sortby key: the columns the server can sort by. */
  sortKeys: Readonly<Record<string, string>>;
  controls: ListControls;
  query: UseQueryResult<ListResult<T>>;
  items: T[];
  selected: T[];
  /** Closes the drawer when it shows the resource just deleted. */
  closeIfOpen(item: { id: string }): void;
  adding: boolean;
  setAdding(adding: boolean): void;
  /** The "Add" dialog finished: close it and open what it created. */
  added(item: { id?: string } | undefined): void;
}

/**
 * The state every infrastructure list page shares: filters and the open drawer in the URL, page,
 * page size, keyword and selection, the server-paged query, and the "Add" dialog's open flag.
 */
export function useInfraListPage<C extends InfraListCommand, K extends string>(options: {
  command: C;
  filters: readonly K[];
  /** The command's parameters for the filters in the URL (hosts add type=Routing). */
  params(filters: Partial<Record<K, string>>): Params<C>;
  /** Column id -> sortby key, for the columns the command can sort by (the whole list, server-side). */
  sortKeys: Readonly<Record<string, string>>;
}): InfraListPage<ListItem<C>, K> {
  const list = useListQuery(options.filters);
  const controls = useListControls(options.command, list.signature);
  const [adding, setAdding] = useState(false);
  const query = useInfraList(options.command, {
    ...options.params(list.filters),
    // Each page's sortKeys are typed against its command's sortby keys.
    ...(sortAmong(list.sort, options.sortKeys) as Params<C> | undefined),
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
  });
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  return {
    list,
    filters: list.filters,
    sortKeys: options.sortKeys,
    controls,
    query,
    items,
    selected: items.filter((item) => {
      const id = idOf(item);
      return id !== undefined && controls.selection[id];
    }),
    closeIfOpen: (item) => {
      if (list.id === item.id) list.show(undefined);
    },
    adding,
    setAdding,
    added: (item) => {
      setAdding(false);
      if (item?.id) list.show(item.id);
    },
  };
}

/**
 * The frame of an infrastructure list page: header with refresh and "Add", search, filters, bulk
 * bar, the virtualized table and pager, then the detail drawer of the row in the URL. The page
 * brings what is its own: columns, filters, actions and dialogs.
 */
export function InfraListView<T extends { id: string }>(props: {
  page: InfraListPage<T>;
  title: string;
  searchPlaceholder: string;
  tableTestId: string;
  emptyText: string;
  columns: DataColumn<T>[];
  rowActions(row: T): ActionSpec[];
  bulkActions: ActionSpec[];
  /** Rows can be selected for bulk actions. */
  selectable: boolean;
  /** The "Add ..." button's label when the caller may add; it opens the add dialog unless onAdd is given. */
  addLabel?: string | false;
  onAdd?(): void;
  filters?: ReactNode;
  /** A health strip under the title (ListFrame's `health`). */
  health?: ReactNode;
  drawer(id: string, fallback: T | undefined, close: () => void): ReactNode;
  /** Dialogs. */
  children?: ReactNode;
}) {
  const t = useT();
  const { list, controls, query, items } = props.page;
  return (
    <RowActionsContext.Provider value={props.rowActions}>
      <ListFrame
        title={props.title}
        total={query.data?.count}
        keyword={controls.keyword}
        onKeyword={controls.setKeyword}
        searchPlaceholder={props.searchPlaceholder}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
        actions={
          props.addLabel && (
            <Button
              leftSection={<IconPlus size={14} />}
              onClick={() => (props.onAdd ? props.onAdd() : props.page.setAdding(true))}
            >
              {props.addLabel}
            </Button>
          )
        }
        filters={props.filters}
        health={props.health}
        filtersActive={list.active}
        onClearFilters={list.clear}
        bulk={
          <BulkBar
            count={props.page.selected.length}
            actions={props.bulkActions}
            onClear={() => controls.setSelection({})}
          />
        }
        error={query.error}
        page={controls.page}
        pagesize={controls.pagesize}
        onPage={controls.setPage}
        onPageSize={controls.setPagesize}
      >
        <DataTable
          label={props.title}
          testId={props.tableTestId}
          data={items}
          columns={props.columns}
          sorting={{ mode: 'server', keys: props.page.sortKeys, sort: list.sort, onSort: list.setSort }}
          getRowId={(row) => row.id}
          loading={query.isFetching}
          selection={controls.selection}
          onSelectionChange={props.selectable ? controls.setSelection : undefined}
          onRowClick={(row) => list.show(row.id)}
          activeRowId={list.id}
          emptyText={list.active || controls.keyword ? t('infra.emptyFiltered') : props.emptyText}
        />
      </ListFrame>
      {list.id &&
        props.drawer(
          list.id,
          items.find((row) => row.id === list.id),
          () => list.show(undefined),
        )}
      {props.children}
    </RowActionsContext.Provider>
  );
}
