import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { DataTable, type DataColumn } from '../../../components/data-table';
import type { ApiCommandName } from '../../../lib/api-commands.generated';
import type { ApiParams } from '../../../lib/api-types';
import { useT } from '../../../lib/i18n';
import { useInfraList, type ResponseName } from '../api/queries';
import { BulkBar, RowActionsContext, type ActionSpec } from './actions';
import { ListFrame, useListControls, useListQuery } from './list-frame';

/**
 * The state every infrastructure list page shares: filters and the open drawer in the URL, page,
 * page size, keyword and selection, the server-paged query, and the "Add" dialog's open flag.
 */
export function useInfraListPage<T extends { id: string }, K extends string>(options: {
  command: ApiCommandName;
  name: ResponseName;
  filters: readonly K[];
  /** Parameters every request of the page carries (hosts: type=Routing). */
  fixed?: ApiParams;
}) {
  const list = useListQuery(options.filters);
  const controls = useListControls(list.signature);
  const [adding, setAdding] = useState(false);
  const query = useInfraList<T>(options.command, options.name, {
    ...options.fixed,
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
    ...list.filters,
  });
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  return {
    list,
    filters: list.filters,
    controls,
    query,
    items,
    selected: items.filter((item) => controls.selection[item.id]),
    /** Closes the drawer when it shows the resource just deleted. */
    closeIfOpen: (item: T) => {
      if (list.id === item.id) list.show(undefined);
    },
    adding,
    setAdding,
    /** The "Add" dialog finished: close it and open what it created. */
    added: (item: { id?: string } | undefined) => {
      setAdding(false);
      if (item?.id) list.show(item.id);
    },
  };
}

export type InfraListPage<T extends { id: string }> = ReturnType<typeof useInfraListPage<T, string>>;

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
  drawer(id: string, fallback: T | undefined, close: () => void): ReactNode;
  /** Dialogs. */
  children?: ReactNode;
}) {
  const t = useT();
  const { list, controls, query, items } = props.page;
  return (
    <RowActionsContext.Provider value={props.rowActions as (row: never) => ActionSpec[]}>
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
