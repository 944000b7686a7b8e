import { Group, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { formatSettingValue, useConfigurations, type SettingsScope } from '../../lib/configurations';
import type { Configuration } from '../../lib/contract';
import { useT, type MessageKey } from '../../lib/i18n';
import { useCan } from '../../lib/permissions';
import { ErrorAlert } from '../error-alert';
import { SettingNameCell, SettingResetButton, SettingSourceBadge, SettingValueCell } from './setting-cells';

/**
 * The Settings tab of a zone, cluster, storage pool, domain or account: the settings CloudStack lets one set
 * there, the value in effect with where it comes from, editable and resettable in place.
 */
export function ScopedSettingsTab({ scope }: { scope: Exclude<SettingsScope, { kind: 'global' }> }) {
  const t = useT();
  const can = useCan();
  const [changedOnly, setChangedOnly] = useState(false);
  const query = useConfigurations(scope);
  const all = query.data?.items ?? [];
  const rows = changedOnly ? all.filter((c) => !c.isdefault) : all;
  const scopeName = t(`settings.scope.${scope.kind}` as MessageKey).toLowerCase();
  return (
    <Stack gap="xs" data-testid="scoped-settings">
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('settings.scopedHint', { scope: scopeName })}
        </Text>
        <Switch
          size="xs"
          label={t('settings.changedOnly')}
          checked={changedOnly}
          onChange={(e) => setChangedOnly(e.currentTarget.checked)}
        />
      </Group>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {!query.isLoading && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" withTableBorder layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th w={110}>{t('settings.value')}</Table.Th>
              <Table.Th w={200}>{t('settings.source')}</Table.Th>
              <Table.Th w={44}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((setting) => (
              <ScopedRow key={setting.name} setting={setting} scope={scope} editable={can('updateConfiguration')} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ScopedRow(props: { setting: Configuration; scope: SettingsScope; editable: boolean }) {
  const t = useT();
  const { setting, scope } = props;
  return (
    <Table.Tr data-testid={`setting-row-${setting.name}`}>
      <Table.Td>
        <SettingNameCell setting={setting} wrapName />
        <Text size="xs" c="dimmed">
          {t('settings.default', { value: formatSettingValue(t, setting, setting.defaultvalue) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <SettingValueCell setting={setting} scope={scope} editable={props.editable} />
      </Table.Td>
      <Table.Td>
        <SettingSourceBadge setting={setting} scope={scope} />
      </Table.Td>
      <Table.Td>{props.editable && <SettingResetButton setting={setting} scope={scope} />}</Table.Td>
    </Table.Tr>
  );
}
