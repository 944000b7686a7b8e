import { ActionIcon, Checkbox, Menu } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns3 } from '@tabler/icons-react';
import { FlexRender, type ReactTable, type RowData } from '@tanstack/react-table';
import { memo, type ReactNode } from 'react';
import { useT, type MessageKey } from '../lib/i18n';
import type { TableFeatureSet } from './data-table';
import { ACTIONS_COLUMN, CHECK_WIDTH, type ColumnsKey, type HiddenReason } from './data-table-layout';
import classes from './data-table.module.css';

const HIDDEN_REASON: Record<HiddenReason, MessageKey> = {
  uniform: 'table.hiddenUniform',
  narrow: 'table.hiddenNarrow',
};

interface DataTableHeadProps<T extends RowData> {
  table: ReactTable<TableFeatureSet, T>;
  selectable: boolean;
  allSelected: boolean;
  someSelected: boolean;
  /** Changes whenever the head's state changes (sorting, visible columns). */
  stateKey: string;
  /** Column widths and definitions (headers are translated: new definitions when the language changes). */
  columnsKey: ColumnsKey;
  /** A server-sorted table's column id -> sortby key, shown on the sort buttons. */
  sortKeys?: Readonly<Record<string, string>>;
}

/**
 * The header row: sort buttons, select-all and the column chooser. Memoized on `stateKey`, not on
 * the table object (a new one each render), so scrolling does not re-render the head.
 */
export const DataTableHead = memo(
  function DataTableHead<T extends RowData>({
    table,
    selectable,
    allSelected,
    someSelected,
    columnsKey,
    sortKeys,
  }: DataTableHeadProps<T>) {
    const t = useT();
    return (
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {selectable && (
              <th className={classes.check} style={{ flex: `0 0 ${CHECK_WIDTH}px` }}>
                <Checkbox
                  size="xs"
                  aria-label={t('common.all')}
                  checked={allSelected}
                  indeterminate={!allSelected && someSelected}
                  onChange={() => table.toggleAllRowsSelected(!allSelected)}
                />
              </th>
            )}
            {group.headers
              .filter((header) => columnsKey.widths.has(header.column.id))
              .map((header, index, shown) => {
                const sorted = header.column.getIsSorted();
                // A column without a heading (row actions) has nothing to name a sort button by.
                const canSort = header.column.getCanSort() && header.column.columnDef.header !== '';
                const last = index === shown.length - 1;
                return (
                  <th
                    key={header.id}
                    data-column={header.column.id}
                    style={columnsKey.widths.get(header.column.id)}
                    className={header.column.id === ACTIONS_COLUMN ? classes.stickyEnd : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    <div className={classes.th}>
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          className={classes.sort}
                          data-sort-key={sortKeys?.[header.column.id]}
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <FlexRender header={header} />
                          {sorted === 'asc' && <IconArrowUp size={12} />}
                          {sorted === 'desc' && <IconArrowDown size={12} />}
                        </button>
                      ) : (
                        <FlexRender header={header} />
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
                              .map((column) => {
                                const onScreen = columnsKey.widths.has(column.id);
                                const reason = columnsKey.hidden.get(column.id);
                                return (
                                  // Showing a column the layout left out pins it: it stays whatever the width.
                                  <Menu.Item key={column.id} onClick={() => column.toggleVisibility(!onScreen)}>
                                    <Checkbox
                                      size="xs"
                                      readOnly
                                      checked={onScreen}
                                      label={
                                        typeof column.columnDef.header === 'string'
                                          ? column.columnDef.header
                                          : column.id
                                      }
                                      description={reason && t(HIDDEN_REASON[reason])}
                                    />
                                  </Menu.Item>
                                );
                              })}
                            <Menu.Divider />
                            <Menu.Item onClick={() => table.setColumnVisibility({})} data-testid="columns-reset">
                              {t('table.columnsReset')}
                            </Menu.Item>
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
    );
  },
  (before, after) =>
    before.stateKey === after.stateKey &&
    before.columnsKey === after.columnsKey &&
    before.sortKeys === after.sortKeys &&
    before.selectable === after.selectable &&
    before.allSelected === after.allSelected &&
    before.someSelected === after.someSelected,
) as <T extends RowData>(props: DataTableHeadProps<T>) => ReactNode;
