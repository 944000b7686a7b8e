import { CloseButton, Group, Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import { ClearFiltersButton } from '../../../components/clear-filters-button';
import { DateFilter } from '../../../components/date-filter';
import { SearchInput } from '../../../components/search-input';
import { enumLabel } from '../../../lib/enum-labels';
import { useT, type MessageKey } from '../../../lib/i18n';
import type { ListQuery } from '../../../lib/list-query';
import { EVENT_LEVELS, useEventTypes } from '../api/get-events';

/** Every filter of the events list, each a URL query entry (`#/events?type=HOST.DISABLE&level=WARN`). */
export const EVENT_FILTERS = [
  'type',
  'level',
  'keyword',
  'startdate',
  'enddate',
  'resourcetype',
  'resourceid',
] as const;
export type EventFilterName = (typeof EVENT_FILTERS)[number];

/**
 * The type filter's options: the types that occur, grouped by area, the groups in name order. A
 * type named by the URL is offered too (under Other) until the list knows it, so it shows at once.
 */
function useTypeOptions(current: string | undefined) {
  const t = useT();
  const types = useEventTypes();
  return useMemo(() => {
    const groups = (types.data ?? []).map(({ group, types: names }) => ({ group, items: names }));
    if (current && !groups.some((g) => g.items.includes(current))) groups.push({ group: 'other', items: [current] });
    return groups
      .map(({ group, items }) => ({ group: t(`events.group.${group}` as MessageKey), items }))
      .sort((a, b) => a.group.localeCompare(b.group));
  }, [types.data, t, current]);
}

/** The filter bar of the events list: keyword, type, level, dates, the resource, and "Clear filters". */
export function EventFilters({ list }: { list: ListQuery<EventFilterName> }) {
  const t = useT();
  const { filters } = list;
  const typeOptions = useTypeOptions(filters.type);
  const set = (name: EventFilterName, value: string | null | undefined) => list.set({ [name]: value ?? undefined });
  return (
    <>
      <SearchInput
        value={filters.keyword ?? ''}
        placeholder={t('events.searchPlaceholder')}
        onChange={(v) => set('keyword', v)}
        width={220}
      />
      <Select
        placeholder={t('events.anyType')}
        aria-label={t('events.type')}
        data={typeOptions}
        value={filters.type ?? null}
        onChange={(v) => set('type', v)}
        searchable
        clearable
        w={240}
        data-testid="event-type-filter"
      />
      <Select
        placeholder={t('events.anyLevel')}
        aria-label={t('events.level')}
        data={EVENT_LEVELS.map((value) => ({ value, label: enumLabel(t, 'eventLevel', value) }))}
        value={filters.level ?? null}
        onChange={(v) => set('level', v)}
        clearable
        w={120}
        data-testid="event-level-filter"
      />
      <DateFilter
        label={t('events.from')}
        value={filters.startdate}
        onChange={(v) => set('startdate', v)}
        testId="event-from-filter"
      />
      <DateFilter
        label={t('events.to')}
        value={filters.enddate}
        onChange={(v) => set('enddate', v)}
        testId="event-to-filter"
      />
      {(filters.resourcetype || filters.resourceid) && (
        <Group gap={2} data-testid="event-resource-filter">
          <Text size="xs">
            {t('events.resourceFilter', { type: filters.resourcetype ?? '', id: filters.resourceid ?? '' })}
          </Text>
          <CloseButton
            size="xs"
            aria-label={t('events.resourceFilterClear')}
            onClick={() => list.set({ resourcetype: undefined, resourceid: undefined })}
          />
        </Group>
      )}
      <ClearFiltersButton active={list.active} onClear={list.clear} />
    </>
  );
}
