import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../../lib/i18n';

export interface MiniColumn<T> {
  header: string;
  render(row: T): ReactNode;
  width?: number;
}

/** A small bordered table for related resources inside a detail tab. */
export function MiniTable<T extends { id?: string }>(props: {
  rows: T[] | undefined;
  columns: MiniColumn<T>[];
  loading?: boolean;
  empty?: string;
  testId?: string;
  rowKey?: (row: T, index: number) => string;
}) {
  const t = useT();
  const rows = props.rows ?? [];
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={props.testId}>
        {props.loading ? t('common.loading') : (props.empty ?? t('common.empty'))}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={3} fz="sm" withTableBorder data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          {props.columns.map((c) => (
            <Table.Th key={c.header} w={c.width}>
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={props.rowKey?.(row, index) ?? row.id ?? index}>
            {props.columns.map((c) => (
              <Table.Td key={c.header}>{c.render(row)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
