import { MultiSelect, Stack, Switch, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../../../lib/i18n';
import { domainLabel, useDomainOptions } from '../../../lib/lookups';
import type { Problems, ScopeDraft } from '../lib/checks';
import { useZoneOptions } from '../api/get-offerings';
import { useProblemText } from './use-problem-text';

/** The scope step of both wizards: public or chosen domains, every zone or chosen zones. */
export function ScopeFields(props: {
  draft: ScopeDraft;
  problems: Problems;
  show: boolean;
  domainAdmin: boolean;
  onChange(patch: Partial<ScopeDraft>): void;
}) {
  const t = useT();
  const text = useProblemText();
  const domains = useDomainOptions();
  const zones = useZoneOptions();
  const domainData = useMemo(
    () =>
      (domains.data ?? [])
        .map((d) => ({ value: d.id, label: domainLabel(d) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [domains.data],
  );
  const zoneData = useMemo(() => (zones.data ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  const { draft, problems } = props;
  const error = (field: string) => (props.show ? text(problems[field]) : undefined);
  return (
    <Stack gap="sm">
      {props.domainAdmin && (
        <Text size="sm" c="dimmed">
          {t('offerings.field.scopeDomainAdmin')}
        </Text>
      )}
      <Switch
        label={t('offerings.field.public')}
        checked={draft.public}
        onChange={(e) => props.onChange({ public: e.currentTarget.checked })}
        error={draft.public ? error('domainids') : undefined}
      />
      {!draft.public && (
        <MultiSelect
          label={t('offerings.field.domains')}
          description={t('offerings.field.domainsHint')}
          data={domainData}
          value={draft.domainids}
          onChange={(domainids) => props.onChange({ domainids })}
          searchable
          error={error('domainids')}
        />
      )}
      <Switch
        label={t('offerings.field.allZones')}
        checked={draft.allZones}
        onChange={(e) => props.onChange({ allZones: e.currentTarget.checked })}
      />
      {!draft.allZones && (
        <MultiSelect
          label={t('offerings.field.zones')}
          data={zoneData}
          value={draft.zoneids}
          onChange={(zoneids) => props.onChange({ zoneids })}
          searchable
          error={error('zoneids')}
        />
      )}
    </Stack>
  );
}

/** The scope as a summary line: "Public" or the domains picked, "All zones" or the zones picked. */
export function useScopeSummary(draft: ScopeDraft): { domains: string; zones: string } {
  const t = useT();
  const domains = useDomainOptions();
  const zones = useZoneOptions();
  const domainNames = draft.domainids.map((id) => {
    const d = domains.data?.find((x) => x.id === id);
    return d ? domainLabel(d) : id;
  });
  const zoneNames = draft.zoneids.map((id) => zones.data?.find((z) => z.id === id)?.name ?? id);
  return {
    domains: draft.public ? t('offerings.public') : domainNames.join(', ') || '—',
    zones: draft.allZones ? t('offerings.allZones') : zoneNames.join(', ') || '—',
  };
}
