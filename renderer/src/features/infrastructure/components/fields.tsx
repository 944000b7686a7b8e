import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { StateBadge } from '../../../components/state-badge';
import { formatBytes, formatDateTime, formatNumber, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { splitTags } from '../lib/tags';
import { formatRaw, remainingFields, type Property } from './property-table';
import { enumLabel } from '../../../lib/enum-labels';

/** How a field's value reads: text, an id, a date, bytes, a state, a boolean, tags or a translated type value. */
export type FieldKind =
  'text' | 'id' | 'date' | 'bytes' | 'state' | 'bool' | 'tags' | 'mhz' | 'networkType' | 'storageScope';

export type FieldSpec<T> = [key: keyof T & string, label: MessageKey, kind?: FieldKind | ((entity: T) => ReactNode)];

/**
 * The details tab: the curated fields with readable labels and formats, then every other field
 * the core sent under its CloudStack name (nothing is hidden).
 */
export function useFieldRows<T extends object>(entity: T | null | undefined, specs: FieldSpec<T>[]): Property[] {
  const t = useT();
  const locale = useLocale();
  if (!entity) return [];
  const render = (value: unknown, kind: FieldKind): ReactNode => {
    if (value === undefined || value === null || value === '') return undefined;
    switch (kind) {
      case 'id':
        return (
          <Text ff="monospace" size="xs">
            {String(value)}
          </Text>
        );
      case 'date':
        return formatDateTime(String(value), locale);
      case 'bytes': {
        const n = Number(value);
        return Number.isFinite(n) ? formatBytes(n, locale) : String(value);
      }
      case 'mhz': {
        const n = Number(value);
        return Number.isFinite(n) ? `${formatNumber(n, locale)} MHz` : String(value);
      }
      case 'state':
        return <StateBadge state={String(value)} />;
      case 'networkType':
      case 'storageScope':
        return enumLabel(t, kind, String(value));
      case 'bool':
        return value === true || value === 'true' ? t('common.yes') : t('common.no');
      case 'tags':
        return <TagList tags={formatRaw(value)} />;
      default:
        return formatRaw(value);
    }
  };
  const rows: Property[] = specs.map(([key, label, kind]) => ({
    label: t(label),
    value: typeof kind === 'function' ? kind(entity) : render(entity[key], kind ?? 'text'),
  }));
  return [
    ...rows,
    ...remainingFields(
      entity,
      specs.map(([key]) => key),
    ),
  ];
}

export function TagList({ tags }: { tags: string | undefined }) {
  const list = splitTags(tags);
  if (list.length === 0) return null;
  return (
    <Group gap={4}>
      {list.map((tag) => (
        <Badge key={tag} variant="outline" color="gray" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}
