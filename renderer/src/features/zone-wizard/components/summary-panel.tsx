import { Badge, Divider, Group, Progress, Stack, Text } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { formatNumber, useLocale, useT } from '../../../lib/i18n';
import { trafficTypesFor, type ZoneDraft } from '../model/draft';
import { countVlans, parseVlanRanges, rangeSize } from '../model/validators';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" maw="45%" style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
      <Text size="xs" ta="right" style={{ overflowWrap: 'anywhere' }} component="div">
        {children || '—'}
      </Text>
    </Group>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The live summary on the right: what the zone will be, updated as the operator types. */
export const SummaryPanel = memo(function SummaryPanel({
  draft: d,
  calls,
  done,
  failed,
}: {
  draft: ZoneDraft;
  calls: number;
  done: number;
  failed: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const advanced = d.networktype === 'Advanced';
  const networks = advanced ? d.physicalNetworks : d.physicalNetworks.slice(0, 1);
  const types = trafficTypesFor(d.networktype);
  const guestNetwork = networks.find((n) => (advanced ? d.traffic.Guest.network === n.uid : true));
  const vlans = guestNetwork && advanced ? parseVlanRanges(guestNetwork.vlan) : undefined;
  const publicIps = d.publicRanges.reduce((n, r) => n + rangeSize(r.startip, r.endip), 0);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <Stack gap="sm" data-testid="wizard-summary">
      <Group justify="space-between">
        <Text fw={700} size="sm">
          {t('wizard.summary.title')}
        </Text>
        <Badge variant="light" color={advanced ? 'blue' : 'teal'}>
          {advanced ? t('wizard.type.advanced') : t('wizard.type.basic')}
        </Badge>
      </Group>
      <Section title={t('wizard.step.zone')}>
        <Row label={t('wizard.zone.name')}>{d.zone.name.trim()}</Row>
        <Row label={t('wizard.summary.dns')}>{[d.zone.dns1, d.zone.dns2].filter((x) => x.trim()).join(', ')}</Row>
        <Row label={t('wizard.summary.internalDns')}>
          {[d.zone.internaldns1, d.zone.internaldns2].filter((x) => x.trim()).join(', ')}
        </Row>
        {advanced && <Row label={t('wizard.zone.guestCidr')}>{d.zone.guestcidraddress.trim()}</Row>}
        {!advanced && (
          <Row label={t('wizard.zone.securityGroups')}>
            {d.zone.securitygroupenabled ? t('common.yes') : t('common.no')}
          </Row>
        )}
      </Section>
      <Divider />
      <Section title={t('wizard.step.network')}>
        {networks.map((net) => (
          <Row key={net.uid} label={net.name.trim() || '—'}>
            {types
              .filter((type) => (advanced ? d.traffic[type].network === net.uid : true))
              .map((type) => t(`wizard.traffic.${type}`))
              .join(', ')}
          </Row>
        ))}
        {advanced && (
          <Row label={t('wizard.network.guestVlan')}>
            {vlans?.ok ? `${guestNetwork?.vlan.trim()} (${n(countVlans(vlans.ranges))})` : ''}
          </Row>
        )}
      </Section>
      <Divider />
      <Section title={t('wizard.step.pod')}>
        <Row label={t('wizard.pod.name')}>{d.pod.name.trim()}</Row>
        <Row label={t('wizard.summary.reserved')}>
          {d.pod.startip && d.pod.endip ? `${d.pod.startip.trim()} – ${d.pod.endip.trim()}` : ''}
        </Row>
        {advanced ? (
          <Row label={t('wizard.summary.publicIps')}>
            {publicIps > 0 ? t('wizard.summary.addresses', { count: n(publicIps), ranges: d.publicRanges.length }) : ''}
          </Row>
        ) : (
          <Row label={t('wizard.step.guestRange')}>
            {rangeSize(d.guestRange.startip, d.guestRange.endip) > 0
              ? `${d.guestRange.startip.trim()} – ${d.guestRange.endip.trim()}`
              : ''}
          </Row>
        )}
      </Section>
      <Divider />
      <Section title={t('wizard.step.cluster')}>
        <Row label={t('wizard.cluster.name')}>{d.cluster.name.trim()}</Row>
        <Row label={t('wizard.cluster.hypervisor')}>{d.cluster.hypervisor}</Row>
        <Row label={t('wizard.step.host')}>
          {d.hosts
            .map((h) => h.url.trim())
            .filter(Boolean)
            .map((u) => (
              <div key={u}>{u}</div>
            ))}
        </Row>
      </Section>
      <Divider />
      <Section title={t('wizard.summary.storage')}>
        {d.primaryStorages.map((s) => (
          <Row key={s.uid} label={s.name.trim() || t('wizard.step.primary')}>
            {s.url.trim()
              ? `${s.url.trim()} (${s.scope === 'zone' ? t('wizard.primary.scopeZone') : t('wizard.primary.scopeCluster')})`
              : ''}
          </Row>
        ))}
        {d.secondaryStorages.map((s) => (
          <Row key={s.uid} label={s.name.trim() || t('wizard.step.secondary')}>
            {s.url.trim()}
          </Row>
        ))}
      </Section>
      <Divider />
      <Stack gap={4}>
        <Row label={t('wizard.summary.calls')}>{n(calls)}</Row>
        {done > 0 && (
          <>
            <Progress value={(done / calls) * 100} size="sm" color={failed ? 'red' : 'green'} />
            <Text size="xs" c="dimmed">
              {t('wizard.review.progress', { done, total: calls })}
            </Text>
          </>
        )}
      </Stack>
    </Stack>
  );
});
