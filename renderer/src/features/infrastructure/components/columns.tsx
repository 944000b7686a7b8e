import { Text } from '@mantine/core';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import { StateBadge } from '../../../components/state-badge';
import { RowActionsCell } from './actions';
import { EntityLink } from './detail-drawer';

/** Column makers the infrastructure lists share; a page lists its own columns with them. */

/** The resource name, bold: the first column of every list. */
export function nameColumn<T extends { id: string; name: string }>(header: string, size: number): DataColumn<T> {
  return columnHelper<T>().accessor((row) => row.name, {
    id: 'name',
    header,
    size,
    cell: (info) => (
      <Text size="sm" fw={500} span>
        {info.getValue()}
      </Text>
    ),
  });
}

/** A state as a coloured badge. */
export function stateColumn<T extends { id: string }>(
  id: string,
  header: string,
  state: (row: T) => string | undefined,
  size: number,
): DataColumn<T> {
  return columnHelper<T>().accessor((row) => state(row) ?? '', {
    id,
    header,
    size,
    cell: (info) => <StateBadge state={info.getValue()} />,
  });
}

/** A related resource by name, linking to its detail drawer (`path` is its list). */
export function linkColumn<T extends { id: string }>(
  id: string,
  header: string,
  path: string,
  related: (row: T) => { id: string | undefined; name: string | undefined },
  size?: number,
): DataColumn<T> {
  return columnHelper<T>().accessor((row) => related(row).name ?? '', {
    id,
    header,
    ...(size === undefined ? {} : { size }),
    cell: (info) => <EntityLink path={path} id={related(info.row.original).id} name={info.getValue()} />,
  });
}

/** A URL or path, in a monospace font. */
export function urlColumn<T extends { id: string }>(header: string, url: (row: T) => string): DataColumn<T> {
  return columnHelper<T>().accessor(url, {
    id: 'url',
    header,
    cell: (info) => (
      <Text size="xs" ff="monospace" span>
        {info.getValue()}
      </Text>
    ),
  });
}

/** The row's "..." menu (its actions come from RowActionsContext). */
export function actionsColumn<T extends { id: string; name: string }>(): DataColumn<T> {
  return columnHelper<T>().display({
    id: 'actions',
    header: '',
    size: 44,
    cell: (info) => <RowActionsCell row={info.row.original} />,
  });
}
