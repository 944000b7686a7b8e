import { ActionIcon, Group, Select, Stack, Tooltip } from '@mantine/core';
import { IconFilterOff, IconRefresh } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { stateLabel } from '../../../components/state-badge';
import { TablePager, usePageSize } from '../../../components/table-pager';
import { useT } from '../../../lib/i18n';
import { useClusterOptions, usePodOptions, useZoneOptions } from '../api/queries';
import { ALLOCATION_STATES, HYPERVISORS } from '../lib/states';
import classes from './infra.module.css';
import type { Location } from './location-fields';

export { useListQuery, type ListQuery } from '../../../lib/list-query';

/** Page, page size, keyword and selection of a server-paged list; the page resets when filters change. */
/** `list` names the list for what is remembered of it (its page size). */
export function useListControls(list: string, signature: string) {
  const [page, setPage] = useState(1);
  const [pagesize, setPagesize] = usePageSize(list);
  const [keyword, setKeywordState] = useState('');
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [lastSignature, setLastSignature] = useState(signature);
  if (lastSignature !== signature) {
    setLastSignature(signature);
    setPage(1);
    setSelection({});
  }
  return {
    page,
    pagesize,
    keyword,
    selection,
    setSelection,
    setPage,
    setKeyword: (value: string) => {
      setKeywordState(value);
      setPage(1);
    },
    setPagesize: (size: number) => {
      setPagesize(size);
      setPage(1);
    },
  };
}

export type ListControls = ReturnType<typeof useListControls>;

export function ListFrame(props: {
  title: string;
  total: number | undefined;
  keyword: string;
  onKeyword(value: string): void;
  searchPlaceholder: string;
  onRefresh(): void;
  refreshing: boolean;
  /** The "Add ..." button(s). */
  actions?: ReactNode;
  /** Counts by state under the title (a health strip), each part one of the list's filters. */
  health?: ReactNode;
  filters?: ReactNode;
  filtersActive?: boolean;
  onClearFilters?(): void;
  bulk?: ReactNode;
  error?: unknown;
  page: number;
  pagesize: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Stack gap={0} h="100%">
      <PageHeader title={props.title} count={props.total}>
        <ActionIcon onClick={props.onRefresh} aria-label={t('common.refresh')} loading={props.refreshing}>
          <IconRefresh size={16} />
        </ActionIcon>
        {props.actions}
      </PageHeader>
      {props.health && <div className={classes.health}>{props.health}</div>}
      <Group gap="xs" mb={6} className={classes.filters} data-testid="list-filters">
        <SearchInput
          value={props.keyword}
          onChange={props.onKeyword}
          placeholder={props.searchPlaceholder}
          width={200}
        />
        {props.filters}
        {props.filtersActive && props.onClearFilters && (
          <Tooltip label={t('infra.clearFilters')}>
            <ActionIcon onClick={props.onClearFilters} aria-label={t('infra.clearFilters')}>
              <IconFilterOff size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {props.bulk}
      {props.error ? <ErrorAlert error={props.error} /> : null}
      {props.children}
      <TablePager
        page={props.page}
        pageSize={props.pagesize}
        total={props.total ?? 0}
        onPage={props.onPage}
        onPageSize={props.onPageSize}
      />
    </Stack>
  );
}

function FilterSelect(props: {
  label: string;
  placeholder: string;
  data: { value: string; label: string }[];
  value: string | undefined;
  onChange(value: string | undefined): void;
  width?: number;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Select
      w={props.width ?? 150}
      aria-label={props.label}
      placeholder={props.placeholder}
      data={props.data}
      value={props.value ?? null}
      onChange={(v) => props.onChange(v ?? undefined)}
      clearable
      searchable
      disabled={props.disabled}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}

export type LocationFilter = 'zoneid' | 'podid' | 'clusterid';
type LocationPatch = Partial<Record<LocationFilter, string | undefined>>;
const LOCATION_LEVELS: readonly LocationFilter[] = ['zoneid', 'podid', 'clusterid'];

/**
 * The zone -> pod -> cluster filters of a list, down to `depth`. Choosing one clears the shown
 * filters below it; the pickers below list only what the filters above allow (with the parent's
 * name while the parent is not chosen).
 */
export function LocationFilters(props: {
  depth: 'zone' | 'pod' | 'cluster';
  filters: LocationPatch;
  onChange(patch: LocationPatch): void;
}) {
  const t = useT();
  const { zoneid, podid, clusterid } = props.filters;
  const shown = LOCATION_LEVELS.slice(0, { zone: 1, pod: 2, cluster: 3 }[props.depth]);
  const zones = useZoneOptions();
  const pods = usePodOptions(zoneid, shown.includes('podid'));
  const clusters = useClusterOptions(zoneid, podid, shown.includes('clusterid'));
  const zoneData = useMemo(() => (zones.data?.items ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  const podData = useMemo(
    () =>
      (pods.data?.items ?? []).map((p) => ({
        value: p.id,
        label: zoneid ? p.name : `${p.name} (${p.zonename ?? ''})`,
      })),
    [pods.data, zoneid],
  );
  const clusterData = useMemo(
    () =>
      (clusters.data?.items ?? []).map((c) => ({
        value: c.id,
        label: podid ? c.name : `${c.name} (${c.podname ?? c.zonename ?? ''})`,
      })),
    [clusters.data, podid],
  );
  const choose = (level: LocationFilter) => (value: string | undefined) => {
    const patch: LocationPatch = {};
    for (const name of shown.slice(shown.indexOf(level))) patch[name] = undefined;
    patch[level] = value;
    props.onChange(patch);
  };
  return (
    <>
      <FilterSelect
        label={t('infra.zone')}
        placeholder={t('infra.filter.allZones')}
        data={zoneData}
        value={zoneid}
        onChange={choose('zoneid')}
        testId="filter-zone"
      />
      {shown.includes('podid') && (
        <FilterSelect
          label={t('infra.pod')}
          placeholder={t('infra.filter.allPods')}
          data={podData}
          value={podid}
          onChange={choose('podid')}
          testId="filter-pod"
        />
      )}
      {shown.includes('clusterid') && (
        <FilterSelect
          label={t('infra.cluster')}
          placeholder={t('infra.filter.allClusters')}
          data={clusterData}
          value={clusterid}
          onChange={choose('clusterid')}
          testId="filter-cluster"
        />
      )}
    </>
  );
}

/** The location the filters name, as the add dialogs start from it ('' where none is chosen). */
export function locationOf(filters: LocationPatch): Location {
  return { zoneid: filters.zoneid ?? '', podid: filters.podid ?? '', clusterid: filters.clusterid ?? '' };
}

/** A fixed set of values (states, hypervisors, scopes), shown as CloudStack names them. */
export function EnumFilter(props: {
  label: string;
  placeholder: string;
  values: readonly string[];
  value: string | undefined;
  onChange(value: string | undefined): void;
  labels?: Record<string, string>;
  width?: number;
  testId?: string;
}) {
  const t = useT();
  // State values read in the user's language; other values (hypervisors, scopes) as they are.
  const data = props.values.map((v) => ({ value: v, label: props.labels?.[v] ?? stateLabel(t, v) }));
  return (
    <FilterSelect
      label={props.label}
      placeholder={props.placeholder}
      data={data}
      value={props.value}
      onChange={props.onChange}
      width={props.width ?? 150}
      testId={props.testId}
    />
  );
}

const PRESETS = {
  allocationstate: {
    label: 'infra.allocationState',
    placeholder: 'infra.filter.anyAllocation',
    values: ALLOCATION_STATES,
  },
  hypervisor: { label: 'infra.hypervisor', placeholder: 'infra.filter.anyHypervisor', values: HYPERVISORS },
} as const;

/** An EnumFilter several lists share (allocation state, hypervisor), named after its parameter. */
export function PresetFilter(props: {
  name: keyof typeof PRESETS;
  value: string | undefined;
  onChange(value: string | undefined): void;
  width?: number;
}) {
  const t = useT();
  const preset = PRESETS[props.name];
  return (
    <EnumFilter
      label={t(preset.label)}
      placeholder={t(preset.placeholder)}
      values={preset.values}
      value={props.value}
      onChange={props.onChange}
      width={props.width}
      testId={`filter-${props.name}`}
    />
  );
}
