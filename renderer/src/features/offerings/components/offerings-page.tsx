import { ActionIcon, Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CLIENT_SORTING, DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { useT, type MessageKey } from '../../../lib/i18n';
import { domainLabel, useDomainOptions } from '../../../lib/lookups';
import { useCan } from '../../../lib/permissions';
import { replaceQuery, useLocation } from '../../../lib/router';
import { useUiStore } from '../../../lib/ui-store';
import {
  useComputeOfferings,
  useCustomDiskBounds,
  useDiskOfferings,
  useZoneOptions,
  type OfferingFilters,
} from '../api/get-offerings';
import { ComputeOfferingWizard } from './compute-offering-wizard';
import { DiskOfferingWizard } from './disk-offering-wizard';
import { EditOfferingDialog } from './edit-offering-dialog';
import { OfferingDrawer } from './offering-drawer';
import { useComputeColumns, useDiskColumns } from './offering-columns';
import { OfferingActionsContext } from './offering-row-menu';
import { useOfferingActions, type AnyOffering, type OfferingKind } from './use-offering-actions';

/**
 * The offering kinds, one tab each. Network offerings join here as a third tab ('network') once
 * the core has them: a list hook, columns and a wizard beside the compute and disk ones.
 */
const TABS: { kind: OfferingKind; label: MessageKey }[] = [
  { kind: 'compute', label: 'offerings.tab.compute' },
  { kind: 'disk', label: 'offerings.tab.disk' },
];

const kindOf = (tab: string | null): OfferingKind => (tab === 'disk' ? 'disk' : 'compute');

/** Compute and disk offerings: a filterable, sortable list per kind, the detail drawer and the wizards. */
export function OfferingsPage() {
  const t = useT();
  const { query } = useLocation();
  const kind = kindOf(query.get('tab'));
  const openId = query.get('id') ?? undefined;
  const [creating, setCreating] = useState<OfferingKind | null>(null);
  const [editing, setEditing] = useState<AnyOffering | null>(null);

  const pending = useUiStore((s) => s.pendingAction);
  const consume = useUiStore((s) => s.consumeAction);
  useEffect(() => {
    if (pending === 'create-compute-offering' && consume('create-compute-offering')) {
      replaceQuery({ tab: 'compute' });
      setCreating('compute');
    }
    if (pending === 'create-disk-offering' && consume('create-disk-offering')) {
      replaceQuery({ tab: 'disk' });
      setCreating('disk');
    }
  }, [pending, consume]);

  const tabs = (
    <Tabs value={kind} onChange={(value) => replaceQuery({ tab: kindOf(value) })} keepMounted={false} mb="xs">
      <Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.kind} value={tab.kind} data-testid={`offerings-tab-${tab.kind}`}>
            {t(tab.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );

  return (
    <Stack gap={0} h="100%">
      <OfferingList
        key={kind}
        tabs={tabs}
        kind={kind}
        openId={openId}
        onCreate={() => setCreating(kind)}
        onEdit={setEditing}
      />
      {creating === 'compute' && (
        <ComputeOfferingWizard
          onClose={() => setCreating(null)}
          onCreated={(offering) => {
            setCreating(null);
            replaceQuery({ tab: 'compute', id: offering.id });
          }}
        />
      )}
      {creating === 'disk' && (
        <DiskOfferingWizard
          onClose={() => setCreating(null)}
          onCreated={(offering) => {
            setCreating(null);
            replaceQuery({ tab: 'disk', id: offering.id });
          }}
        />
      )}
      {editing && <EditOfferingDialog kind={kind} offering={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

/** One kind's header (search, filters, create), table and drawer. */
function OfferingList(props: {
  tabs: ReactNode;
  kind: OfferingKind;
  openId?: string;
  onCreate(): void;
  onEdit(offering: AnyOffering): void;
}) {
  const t = useT();
  const can = useCan();
  const { kind } = props;
  const [filters, setFilters] = useState<OfferingFilters>({});
  const patch = (next: Partial<OfferingFilters>) => setFilters((f) => ({ ...f, ...next }));
  const compute = useComputeOfferings(filters, kind === 'compute');
  const disk = useDiskOfferings(filters, kind === 'disk');
  const list = kind === 'compute' ? compute : disk;
  const actions = useOfferingActions(kind, props.onEdit);
  const bounds = useCustomDiskBounds();
  const computeColumns = useComputeColumns();
  const diskColumns = useDiskColumns(bounds.data);
  const zones = useZoneOptions();
  const domains = useDomainOptions(can('listDomains'));
  const zoneData = useMemo(() => (zones.data ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  const domainData = useMemo(
    () =>
      (domains.data ?? [])
        .map((d) => ({ value: d.id, label: domainLabel(d) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [domains.data],
  );
  const items = list.data?.items ?? [];
  const title = t(kind === 'compute' ? 'offerings.tab.compute' : 'offerings.tab.disk');
  const close = () => replaceQuery({ tab: kind });
  const open = (offering: AnyOffering) => replaceQuery({ tab: kind, id: offering.id });

  return (
    <OfferingActionsContext.Provider value={actions}>
      <PageHeader title={t('offerings.title')} count={list.data ? list.data.count : undefined}>
        <SearchInput
          value={filters.keyword ?? ''}
          placeholder={t(kind === 'compute' ? 'offerings.search.compute' : 'offerings.search.disk')}
          onChange={(keyword) => patch({ keyword })}
          width={220}
        />
        <ActionIcon onClick={() => void list.refetch()} aria-label={t('common.refresh')} loading={list.isFetching}>
          <IconRefresh size={16} />
        </ActionIcon>
        {actions.can.create && (
          <Button leftSection={<IconPlus size={14} />} onClick={props.onCreate}>
            {t(kind === 'compute' ? 'offerings.compute.create' : 'offerings.disk.create')}
          </Button>
        )}
      </PageHeader>
      {props.tabs}
      <Group gap="xs" mb={6} data-testid="offering-filters">
        <Select
          size="xs"
          w={150}
          aria-label={t('offerings.filter.storageType')}
          placeholder={t('offerings.filter.anyStorage')}
          data={(['shared', 'local'] as const).map((v) => ({ value: v, label: t(`offerings.storage.${v}`) }))}
          value={filters.storagetype ?? null}
          onChange={(v) => patch({ storagetype: (v ?? undefined) as OfferingFilters['storagetype'] })}
          clearable
        />
        <Select
          size="xs"
          w={170}
          aria-label={t('offerings.filter.zone')}
          placeholder={t('offerings.filter.anyZone')}
          data={zoneData}
          value={filters.zoneid ?? null}
          onChange={(v) => patch({ zoneid: v ?? undefined })}
          clearable
          searchable
        />
        {can('listDomains') && (
          <Select
            size="xs"
            w={200}
            aria-label={t('offerings.filter.domain')}
            placeholder={t('offerings.filter.anyDomain')}
            data={domainData}
            value={filters.domainid ?? null}
            onChange={(v) => patch({ domainid: v ?? undefined })}
            clearable
            searchable
          />
        )}
        <Select
          size="xs"
          w={140}
          aria-label={t('offerings.filter.state')}
          data={[
            { value: 'Active', label: t('offerings.state.Active') },
            { value: 'Inactive', label: t('offerings.state.Inactive') },
            { value: 'all', label: t('offerings.state.all') },
          ]}
          value={filters.state ?? 'Active'}
          onChange={(v) => patch({ state: (v ?? 'Active') as OfferingFilters['state'] })}
          allowDeselect={false}
        />
        {!actions.can.create && (
          <Text size="xs" c="dimmed">
            {t('offerings.readOnly')}
          </Text>
        )}
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {kind === 'compute' ? (
        <DataTable
          label={title}
          testId="compute-offerings-table"
          data={compute.data?.items ?? []}
          columns={computeColumns}
          sorting={CLIENT_SORTING}
          getRowId={(o) => o.id}
          loading={compute.isFetching}
          onRowClick={open}
          activeRowId={props.openId}
        />
      ) : (
        <DataTable
          label={title}
          testId="disk-offerings-table"
          data={disk.data?.items ?? []}
          columns={diskColumns}
          sorting={CLIENT_SORTING}
          getRowId={(o) => o.id}
          loading={disk.isFetching}
          onRowClick={open}
          activeRowId={props.openId}
        />
      )}
      {props.openId && (
        <OfferingDrawer
          kind={kind}
          offeringId={props.openId}
          fallback={(items as AnyOffering[]).find((o) => o.id === props.openId)}
          actions={actions}
          onClose={close}
        />
      )}
    </OfferingActionsContext.Provider>
  );
}
