import {
  ActionIcon,
  Badge,
  Group,
  Popover,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconPencil, IconRefresh } from '@tabler/icons-react';
import { createContext, useContext, useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn, CLIENT_SORTING } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { errorText } from '../../../lib/api-error';
import type { Configuration } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { useConfigurationCategories, useConfigurations } from '../api/get-configurations';
import { useUpdateConfiguration, validateSettingValue } from '../api/update-configuration';
import classes from './settings-page.module.css';

const col = columnHelper<Configuration>();
const EMPTY: Configuration[] = [];
const EditableContext = createContext(false);

export function SettingsPage() {
  const t = useT();
  const can = useCan();
  const [keyword, setKeyword] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const settings = useConfigurations({ keyword, category: category ?? undefined });
  const categories = useConfigurationCategories();

  const columns = useMemo<DataColumn<Configuration>[]>(
    () => [
      col.accessor('name', {
        header: t('common.name'),
        cell: (info) => (
          <div className={classes.nameCell}>
            <Text size="xs" ff="monospace" fw={600} truncate>
              {info.getValue()}
            </Text>
            <Text size="xs" c="dimmed" truncate title={info.row.original.description}>
              {info.row.original.description}
            </Text>
          </div>
        ),
      }),
      col.accessor((c) => c.category ?? '', {
        id: 'category',
        header: t('settings.category'),
        size: 130,
        meta: { priority: 1 },
      }),
      col.accessor((c) => c.value ?? '', {
        id: 'value',
        header: t('settings.value'),
        size: 280,
        cell: (info) => <ValueCell setting={info.row.original} />,
      }),
      col.accessor((c) => c.defaultvalue ?? '', {
        id: 'default',
        header: t('settings.defaultValue'),
        size: 160,
        meta: { priority: 2 },
        cell: (info) => (
          <Text size="xs" c="dimmed" ff="monospace" truncate>
            {info.getValue()}
          </Text>
        ),
      }),
      col.accessor((c) => (c.isdynamic ? 1 : 0), {
        id: 'dynamic',
        header: '',
        size: 120,
        // Most settings apply at once; only the exceptions are marked.
        cell: (info) =>
          info.getValue() ? null : (
            <Tooltip label={t('settings.restart')}>
              <Badge color="gray" variant="outline" tt="none">
                {t('settings.restart')}
              </Badge>
            </Tooltip>
          ),
      }),
    ],
    [t],
  );

  return (
    <EditableContext.Provider value={can('updateConfiguration')}>
      <Stack gap={0} h="100%">
        <PageHeader title={t('settings.title')} count={settings.data?.count}>
          <Select
            placeholder={t('settings.anyCategory')}
            aria-label={t('settings.category')}
            data={categories}
            value={category}
            onChange={setCategory}
            clearable
            searchable
            w={180}
          />
          <SearchInput
            value={keyword}
            placeholder={t('settings.searchPlaceholder')}
            onChange={setKeyword}
            width={260}
          />
          <ActionIcon
            onClick={() => void settings.refetch()}
            aria-label={t('common.refresh')}
            loading={settings.isFetching}
          >
            <IconRefresh size={16} />
          </ActionIcon>
        </PageHeader>
        {settings.error && <ErrorAlert error={settings.error} />}
        <DataTable
          label={t('settings.title')}
          testId="settings-table"
          data={settings.data?.items ?? EMPTY}
          columns={columns}
          sorting={CLIENT_SORTING}
          getRowId={(c) => c.name}
          loading={settings.isFetching}
          rowHeight={44}
        />
      </Stack>
    </EditableContext.Provider>
  );
}

/** Click to edit; Enter saves with updateConfiguration, Esc cancels; errors stay next to the value. */
function ValueCell({ setting }: { setting: Configuration }) {
  const t = useT();
  const editable = useContext(EditableContext);
  const update = useUpdateConfiguration();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(setting.value ?? '');
  const [error, setError] = useState<string | undefined>();
  const isBoolean = (setting.type ?? '').toLowerCase() === 'boolean';

  const save = (value: string) => {
    const invalid = validateSettingValue(setting.type, value);
    if (invalid) {
      setError(t(invalid));
      return;
    }
    update.mutate(
      { name: setting.name, value },
      {
        onSuccess: () => {
          setEditing(false);
          setError(undefined);
          notifySuccess(t('settings.updated', { name: setting.name }));
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  if (isBoolean) {
    return (
      <Group gap={6} wrap="nowrap">
        <Switch
          checked={setting.value === 'true'}
          disabled={!editable || update.isPending}
          onChange={(e) => save(String(e.currentTarget.checked))}
          aria-label={setting.name}
        />
        {error && (
          <Text size="xs" c="red" truncate>
            {error}
          </Text>
        )}
      </Group>
    );
  }

  return (
    <Popover
      opened={editing}
      onChange={setEditing}
      position="bottom-start"
      width={360}
      trapFocus
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <UnstyledButton
          className={classes.value}
          disabled={!editable}
          onClick={() => {
            setDraft(setting.value ?? '');
            setError(undefined);
            setEditing(true);
          }}
          // The value as shown, then what the button does: the spoken name holds the visible text.
          aria-label={`${setting.value ?? ''} · ${t('common.edit')} ${setting.name}`}
        >
          <Text size="xs" ff="monospace" truncate>
            {setting.value ?? ''}
          </Text>
          {editable && <IconPencil size={12} className={classes.pencil} />}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <TextInput
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save(draft);
            if (e.key === 'Escape') setEditing(false);
          }}
          error={error}
          description={t('settings.editHint')}
          label={setting.name}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-autofocus
          rightSection={
            update.isPending ? (
              <Tooltip label="…">
                <span>…</span>
              </Tooltip>
            ) : null
          }
        />
        {update.error && !error && <ErrorAlert error={update.error} />}
      </Popover.Dropdown>
    </Popover>
  );
}
