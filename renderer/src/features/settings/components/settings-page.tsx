import { ActionIcon, Badge, Group, SegmentedControl, Select, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn, CLIENT_SORTING } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import {
  ChangedBadge,
  SettingNameCell,
  SettingResetButton,
  SettingSourceBadge,
  SettingValueCell,
} from '../../../components/settings/setting-cells';
import { formatSettingValue, useConfigurations, type SettingsScope } from '../../../lib/configurations';
import type { Configuration } from '../../../lib/contract';
import { useT, type MessageKey, type Translate } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { PAGE_SCOPES, useScopeOptions, type PageScope } from '../api/scope-targets';

const col = columnHelper<Configuration>();
const EMPTY: Configuration[] = [];

function settingColumns(t: Translate, scope: SettingsScope, editable: boolean): DataColumn<Configuration>[] {
  return [
    col.accessor('name', {
      header: t('common.name'),
      cell: (info) => <SettingNameCell setting={info.row.original} />,
    }),
    col.accessor((c) => c.category, {
      id: 'category',
      header: t('settings.category'),
      size: 120,
      meta: { priority: 1 },
    }),
    col.accessor((c) => c.value, {
      id: 'value',
      header: t('settings.value'),
      size: 200,
      cell: (info) => <SettingValueCell setting={info.row.original} scope={scope} editable={editable} />,
    }),
    col.accessor((c) => c.defaultvalue, {
      id: 'default',
      header: t('settings.defaultValue'),
      size: 130,
      meta: { priority: 2 },
      cell: (info) => (
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {formatSettingValue(t, info.row.original, info.getValue())}
        </Text>
      ),
    }),
    col.accessor((c) => (c.isdefault ? 0 : 1), {
      id: 'state',
      header: scope.kind === 'global' ? '' : t('settings.source'),
      size: scope.kind === 'global' ? 190 : 260,
      cell: (info) => <SettingMarks setting={info.row.original} scope={scope} />,
    }),
    col.display({
      id: 'actions',
      header: () => null,
      size: 48,
      cell: (info) => (editable ? <SettingResetButton setting={info.row.original} scope={scope} /> : null),
    }),
  ];
}

/** Where the value comes from (scoped views), whether it differs from the default, and whether it needs a restart. */
function SettingMarks({ setting, scope }: { setting: Configuration; scope: SettingsScope }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <SettingSourceBadge setting={setting} scope={scope} />
      <ChangedBadge setting={setting} />
      {!setting.isdynamic && (
        <Badge color="gray" variant="outline" tt="none">
          {t('settings.restart')}
        </Badge>
      )}
    </Group>
  );
}

/** Global settings, or the settings of one zone, cluster, domain or account, with their values in effect. */
export function SettingsPage() {
  const t = useT();
  const can = useCan();
  const [kind, setKind] = useState<PageScope | 'global'>('global');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [keyword, setKeyword] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [changedOnly, setChangedOnly] = useState(false);
  const scope: SettingsScope = kind === 'global' || !targetId ? { kind: 'global' } : { kind, id: targetId };
  const waiting = kind !== 'global' && !targetId;
  const settings = useConfigurations(scope, { keyword, category: category ?? undefined });
  const all = settings.data?.items ?? EMPTY;
  const rows = useMemo(() => (changedOnly ? all.filter((c) => !c.isdefault) : all), [all, changedOnly]);
  const categories = useMemo(() => [...new Set(all.map((c) => c.category))].sort(), [all]);
  const editable = can('updateConfiguration');
  // scope is rebuilt each render: key the columns on what it holds.
  const scopeKey = scope.kind === 'global' ? 'global' : `${scope.kind}:${scope.id}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columns = useMemo(() => settingColumns(t, scope, editable), [t, scopeKey, editable]);

  return (
    <Stack gap={0} h="100%">
      <PageHeader
        title={
          kind === 'global'
            ? t('settings.title')
            : t('settings.titleScoped', { scope: t(`settings.scope.${kind}` as MessageKey) })
        }
        count={waiting ? undefined : rows.length}
      >
        <Select
          placeholder={t('settings.anyCategory')}
          aria-label={t('settings.category')}
          data={categories}
          value={category}
          onChange={setCategory}
          clearable
          searchable
          w={170}
        />
        <SearchInput value={keyword} placeholder={t('settings.searchPlaceholder')} onChange={setKeyword} width={240} />
        <Tooltip label={t('common.refresh')}>
          <ActionIcon
            onClick={() => void settings.refetch()}
            aria-label={t('common.refresh')}
            loading={settings.isFetching}
          >
            <IconRefresh size={16} />
          </ActionIcon>
        </Tooltip>
      </PageHeader>
      <Group gap="sm" mb="xs" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label={t('settings.scope')}
          data-testid="settings-scope"
          value={kind}
          onChange={(v) => {
            setKind(v as PageScope | 'global');
            setTargetId(null);
          }}
          data={[
            { value: 'global', label: t('settings.scope.global') },
            ...PAGE_SCOPES.map((s) => ({ value: s, label: t(`settings.scope.${s}` as MessageKey) })),
          ]}
        />
        {kind !== 'global' && <ScopeTargetSelect kind={kind} value={targetId} onChange={setTargetId} />}
        <Switch
          size="sm"
          label={t('settings.changedOnly')}
          checked={changedOnly}
          onChange={(e) => setChangedOnly(e.currentTarget.checked)}
          data-testid="settings-changed-only"
        />
      </Group>
      {settings.error && <ErrorAlert error={settings.error} />}
      {waiting ? (
        <Text c="dimmed" size="sm" p="md">
          {t('settings.pickTarget', { scope: t(`settings.scope.${kind}` as MessageKey).toLowerCase() })}
        </Text>
      ) : (
        <DataTable
          label={t('settings.title')}
          testId="settings-table"
          data={rows}
          columns={columns}
          sorting={CLIENT_SORTING}
          getRowId={(c) => c.name}
          loading={settings.isFetching}
          rowHeight={44}
        />
      )}
    </Stack>
  );
}

function ScopeTargetSelect(props: { kind: PageScope; value: string | null; onChange(id: string | null): void }) {
  const t = useT();
  const { options, loading } = useScopeOptions(props.kind);
  const label = t('settings.scopeTarget', { scope: t(`settings.scope.${props.kind}` as MessageKey).toLowerCase() });
  return (
    <Select
      aria-label={label}
      placeholder={label}
      data={options}
      value={props.value}
      onChange={props.onChange}
      searchable
      disabled={loading}
      size="xs"
      w={260}
      data-testid="settings-scope-target"
    />
  );
}
