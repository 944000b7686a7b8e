import { Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../../../../lib/i18n';
import { domainLabel, useDomainOptions } from '../../../../lib/lookups';
import { Field } from '../fields';
import { useWizard } from '../wizard-context';

/** Name, DNS, guest CIDR, network domain, dedication and (basic) security groups. */
export function ZoneStep() {
  const t = useT();
  const w = useWizard();
  const z = w.draft.zone;
  const advanced = w.draft.networktype === 'Advanced';
  const domains = useDomainOptions();
  const domainData = useMemo(
    () =>
      (domains.data ?? [])
        .map((d) => ({ value: d.id, label: domainLabel(d) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [domains.data],
  );
  const set = (field: Exclude<keyof typeof z, 'securitygroupenabled'>) => (value: string) =>
    w.update((d) => {
      d.zone[field] = value;
    });
  return (
    <Stack gap="sm">
      <Field
        path="zone.name"
        label={t('wizard.zone.name')}
        placeholder="Zone 1"
        value={z.name}
        onValue={set('name')}
        required
        data-autofocus
      />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Field
          path="zone.dns1"
          label={t('wizard.zone.dns1')}
          placeholder="8.8.8.8"
          value={z.dns1}
          onValue={set('dns1')}
          required
        />
        <Field
          path="zone.dns2"
          label={t('wizard.zone.dns2')}
          placeholder="8.8.4.4"
          value={z.dns2}
          onValue={set('dns2')}
        />
        <Field
          path="zone.internaldns1"
          label={t('wizard.zone.internaldns1')}
          description={t('wizard.zone.internalDnsHint')}
          placeholder="172.16.15.1"
          value={z.internaldns1}
          onValue={set('internaldns1')}
          required
        />
        <Field
          path="zone.internaldns2"
          label={t('wizard.zone.internaldns2')}
          description={t('wizard.optional')}
          value={z.internaldns2}
          onValue={set('internaldns2')}
        />
        {advanced && (
          <Field
            path="zone.guestcidraddress"
            label={t('wizard.zone.guestCidr')}
            description={t('wizard.zone.guestCidrHint')}
            placeholder="10.1.1.0/24"
            value={z.guestcidraddress}
            onValue={set('guestcidraddress')}
            required
          />
        )}
        <Field
          path="zone.networkdomain"
          label={t('wizard.zone.networkDomain')}
          description={t('wizard.zone.networkDomainHint')}
          placeholder="cloud.example.com"
          value={z.networkdomain}
          onValue={set('networkdomain')}
        />
        <Select
          label={t('wizard.zone.dedicate')}
          description={t('wizard.zone.dedicateHint')}
          placeholder={t('wizard.zone.public')}
          data={domainData}
          value={z.domainid || null}
          onChange={(v) => set('domainid')(v ?? '')}
          clearable
          searchable
          readOnly={w.locked('zone.domainid')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
      </SimpleGrid>
      {!advanced && (
        <Switch
          label={t('wizard.zone.securityGroups')}
          description={t('wizard.zone.securityGroupsHint')}
          checked={z.securitygroupenabled}
          disabled={w.locked('zone.securitygroupenabled')}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            w.update((d) => {
              d.zone.securitygroupenabled = checked;
            });
          }}
        />
      )}
    </Stack>
  );
}
