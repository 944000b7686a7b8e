import { Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import { StateBadge } from '../../../components/state-badge';
import type { DiskOffering, ServiceOffering } from '../../../lib/contract';
import { DATE_TIME_COLUMN_SIZE, formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { cpuSortValue, cpuText, diskSizeText, memorySortValue, memoryText, scopeText, tagList } from '../lib/format';
import { OfferingRowMenu } from './offering-row-menu';

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0)
    return (
      <Text c="dimmed" size="sm" span>
        —
      </Text>
    );
  return (
    <Group gap={4} wrap="nowrap">
      {tags.map((tag) => (
        <Badge key={tag} size="xs" variant="light" radius="sm" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

function Name({ name, detail }: { name: string; detail?: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500} span>
        {name}
      </Text>
      {detail && detail !== name && (
        <Text size="xs" c="dimmed" span truncate>
          {detail}
        </Text>
      )}
    </Group>
  );
}

const compute = columnHelper<ServiceOffering>();
const disk = columnHelper<DiskOffering>();

/** The compute offerings table: name, CPU × MHz, memory, storage, HA, tags, scope, created, state. */
export function useComputeColumns(): DataColumn<ServiceOffering>[] {
  const t = useT();
  const locale = useLocale();
  return useMemo(
    () => [
      compute.accessor('name', {
        header: t('common.name'),
        size: 220,
        cell: (info) => <Name name={info.getValue()} detail={info.row.original.displaytext} />,
      }),
      compute.accessor((o) => cpuSortValue(o), {
        id: 'cpu',
        header: t('offerings.col.cpu'),
        size: 200,
        cell: (info) => cpuText(info.row.original, t),
      }),
      compute.accessor((o) => memorySortValue(o), {
        id: 'memory',
        header: t('offerings.col.memory'),
        size: 140,
        cell: (info) => memoryText(info.row.original, t, locale),
      }),
      compute.accessor('storagetype', {
        header: t('offerings.col.storageType'),
        size: 90,
        meta: { priority: 3 },
        cell: (info) => t(`offerings.storage.${info.row.original.storagetype}`),
      }),
      compute.accessor((o) => (o.offerha ? 1 : 0), {
        id: 'ha',
        header: t('offerings.col.ha'),
        size: 60,
        meta: { priority: 4 },
        cell: (info) => (info.getValue() ? t('common.yes') : t('common.no')),
      }),
      compute.accessor((o) => tagList(o.hosttags, o.storagetags).join(','), {
        id: 'tags',
        header: t('offerings.col.tags'),
        size: 150,
        meta: { priority: 5 },
        cell: (info) => <Tags tags={tagList(info.row.original.hosttags, info.row.original.storagetags)} />,
      }),
      // The value is the scope itself (the table caches values per row); the cell words it.
      compute.accessor((o) => `${o.domain ?? ''}|${o.zone ?? ''}`, {
        id: 'scope',
        header: t('offerings.col.scope'),
        size: 220,
        meta: { priority: 2 },
        cell: (info) => scopeText(info.row.original, t),
      }),
      compute.accessor('created', {
        header: t('common.created'),
        size: DATE_TIME_COLUMN_SIZE,
        meta: { priority: 6 },
        cell: (info) => formatTimestamp(info.getValue(), locale),
      }),
      compute.accessor('state', {
        header: t('common.state'),
        size: 100,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      compute.display({
        id: 'actions',
        header: '',
        size: 48,
        cell: (info) => <OfferingRowMenu offering={info.row.original} />,
      }),
    ],
    [t, locale],
  );
}

/** The disk offerings table: name, size or custom range, storage, tags, scope, created, state. */
export function useDiskColumns(bounds?: { min: number; max: number }): DataColumn<DiskOffering>[] {
  const t = useT();
  const locale = useLocale();
  return useMemo(
    () => [
      disk.accessor('name', {
        header: t('common.name'),
        size: 220,
        cell: (info) => <Name name={info.getValue()} detail={info.row.original.displaytext} />,
      }),
      disk.accessor((o) => (o.iscustomized ? Number.MAX_SAFE_INTEGER : o.disksize), {
        id: 'size',
        header: t('offerings.col.size'),
        size: 170,
        cell: (info) => diskSizeText(info.row.original, t, locale, bounds),
      }),
      disk.accessor('storagetype', {
        header: t('offerings.col.storageType'),
        size: 90,
        meta: { priority: 3 },
        cell: (info) => t(`offerings.storage.${info.row.original.storagetype}`),
      }),
      disk.accessor((o) => o.tags ?? '', {
        id: 'tags',
        header: t('offerings.col.tags'),
        size: 150,
        meta: { priority: 4 },
        cell: (info) => <Tags tags={tagList(info.row.original.tags)} />,
      }),
      // The value is the scope itself (the table caches values per row); the cell words it.
      disk.accessor((o) => `${o.domain ?? ''}|${o.zone ?? ''}`, {
        id: 'scope',
        header: t('offerings.col.scope'),
        size: 220,
        meta: { priority: 2 },
        cell: (info) => scopeText(info.row.original, t),
      }),
      disk.accessor('created', {
        header: t('common.created'),
        size: DATE_TIME_COLUMN_SIZE,
        meta: { priority: 5 },
        cell: (info) => formatTimestamp(info.getValue(), locale),
      }),
      disk.accessor('state', {
        header: t('common.state'),
        size: 100,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      disk.display({
        id: 'actions',
        header: '',
        size: 48,
        cell: (info) => <OfferingRowMenu offering={info.row.original} />,
      }),
    ],
    [t, locale, bounds],
  );
}
