import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './infra.module.css';

export interface Property {
  label: string;
  value: ReactNode;
}

/** Label / value rows; empty values show a dash so every CloudStack field is visible. */
export function PropertyTable({ rows, testId }: { rows: Property[]; testId?: string }) {
  return (
    <Table withRowBorders={false} verticalSpacing={3} fz="sm" className={classes.props} data-testid={testId}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th>{row.label}</Table.Th>
            <Table.Td>{isEmpty(row.value) ? <Text c="dimmed">—</Text> : row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function isEmpty(value: ReactNode): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Plain text for a raw wire value: booleans, arrays and objects included. */
export function formatRaw(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(formatRaw).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields of `entity` the curated rows did not show, with their CloudStack names as labels. */
export function remainingFields(entity: object, shown: readonly string[]): Property[] {
  const skip = new Set(shown);
  return Object.entries(entity)
    .filter(([key, value]) => !skip.has(key) && value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({
      label: key,
      value: (
        <Text size="sm" ff={key.endsWith('id') ? 'monospace' : undefined}>
          {formatRaw(value)}
        </Text>
      ),
    }));
}
