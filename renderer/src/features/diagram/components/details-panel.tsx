import { Anchor, Button, CloseButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { StateBadge } from '../../../components/state-badge';
import { enumLabel, stateLabel } from '../../../lib/enum-labels';
import { formatBytes, formatDateTime, formatNumber, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { href } from '../../../lib/router';
import { useHostDetails } from '../api/get-topology';
import type { DetailEntry } from '../lib/layout';
import { hostDisplayState, percentUsage, stateSegments, usageOf, usageOfBytes, type Usage } from '../lib/metrics';

function pct(use: Usage | undefined): string {
  return use ? `${Math.round(use.fraction * 100)}%` : '–';
}

function Fields({ rows }: { rows: [MessageKey, ReactNode][] }) {
  const t = useT();
  return (
    <Table withRowBorders={false} verticalSpacing={3} horizontalSpacing={0} fz="sm">
      <Table.Tbody>
        {rows
          .filter(([, value]) => value !== undefined && value !== null && value !== '')
          .map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Td c="dimmed" w={130} style={{ verticalAlign: 'top' }}>
                {t(key)}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

function PageLink({ path, id, label }: { path: string; id: string; label: string }) {
  return (
    <Anchor href={href(path, { id })} size="sm" data-testid="details-link">
      <Group gap={4} component="span" wrap="nowrap">
        {label}
        <IconArrowRight size={14} />
      </Group>
    </Anchor>
  );
}

function HostExtra({ id }: { id: string }) {
  const locale = useLocale();
  const details = useHostDetails(id);
  const host = details.data;
  if (!host) return null;
  return (
    <Fields
      rows={[
        ['diagram.field.ipaddress', host.ipaddress],
        ['diagram.field.hypervisor', [host.hypervisor, host.hypervisorversion].filter(Boolean).join(' ')],
        [
          'diagram.field.cpuCores',
          host.cpunumber !== undefined
            ? `${host.cpunumber} × ${host.cpuspeed !== undefined ? `${formatNumber(host.cpuspeed, locale)} MHz` : ''}`
            : undefined,
        ],
        [
          'diagram.field.memoryTotal',
          host.memorytotal !== undefined ? formatBytes(host.memorytotal, locale) : undefined,
        ],
        ['diagram.field.lastPinged', host.lastpinged ? formatDateTime(host.lastpinged, locale) : undefined],
        ['diagram.field.disconnected', host.disconnected ? formatDateTime(host.disconnected, locale) : undefined],
      ]}
    />
  );
}

/**
 * The side panel of the selected node: its key fields, its state, and a link to its page.
 * Esc closes it.
 */
export function DetailsPanel(props: {
  entry: DetailEntry;
  clusterOpen: boolean;
  onToggleCluster(clusterId: string): void;
  onClose(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const { entry } = props;
  useHotkeys([['Escape', props.onClose]]);

  let kind: MessageKey;
  let name: string;
  let state: string | undefined;
  let body: ReactNode;
  let link: ReactNode;
  switch (entry.kind) {
    case 'zone': {
      const z = entry.zone;
      kind = 'diagram.kind.zone';
      name = z.name;
      state = z.allocationstate;
      body = (
        <Fields
          rows={[
            ['diagram.field.networktype', enumLabel(t, 'networkType', z.networktype)],
            ['diagram.field.pods', formatNumber(entry.pods, locale)],
            ['diagram.field.clusters', formatNumber(entry.clusters, locale)],
            ['diagram.field.hosts', formatNumber(entry.hosts, locale)],
            ['diagram.field.primaryStorage', formatNumber(z.storagepools?.length ?? 0, locale)],
            ['diagram.field.secondaryStorage', formatNumber(z.imagestores?.length ?? 0, locale)],
            ['common.id', z.id],
          ]}
        />
      );
      link = <PageLink path="/zones" id={z.id} label={t('diagram.openZone')} />;
      break;
    }
    case 'pod': {
      const p = entry.pod;
      kind = 'diagram.kind.pod';
      name = p.name;
      state = p.allocationstate;
      body = (
        <Fields
          rows={[
            ['diagram.field.zone', entry.zone.name],
            ['diagram.field.clusters', formatNumber(entry.clusters, locale)],
            ['diagram.field.hosts', formatNumber(entry.hosts, locale)],
            ['common.id', p.id],
          ]}
        />
      );
      link = <PageLink path="/pods" id={p.id} label={t('diagram.openPod')} />;
      break;
    }
    case 'cluster': {
      const c = entry.cluster;
      kind = 'diagram.kind.cluster';
      name = c.name;
      state = c.allocationstate;
      const segments = stateSegments(c);
      body = (
        <>
          <Fields
            rows={[
              ['diagram.field.zone', entry.zone.name],
              ['diagram.field.pod', entry.pod.name],
              ['diagram.field.hypervisor', c.hypervisortype],
              ['diagram.field.hosts', formatNumber(c.hostcount, locale)],
              [
                'diagram.field.hostStates',
                segments.length > 0
                  ? segments.map((s) => `${stateLabel(t, s.state)} ${formatNumber(s.count, locale)}`).join(' · ')
                  : undefined,
              ],
              ['diagram.cpu', pct(usageOf(c.cpu))],
              ['diagram.memory', pct(usageOf(c.memory))],
              ['diagram.storage', pct(usageOf(c.storage))],
              ['common.id', c.id],
            ]}
          />
          {c.hostcount > 0 && (
            <Button size="xs" variant="default" onClick={() => props.onToggleCluster(c.id)}>
              {props.clusterOpen ? t('diagram.hideHosts') : t('diagram.showHosts')}
            </Button>
          )}
        </>
      );
      link = (
        <Stack gap={2}>
          <PageLink path="/clusters" id={c.id} label={t('diagram.openCluster')} />
          <Anchor href={href('/hosts', { clusterid: c.id })} size="sm">
            {t('diagram.openClusterHosts')}
          </Anchor>
        </Stack>
      );
      break;
    }
    case 'host': {
      const h = entry.host;
      kind = 'diagram.kind.host';
      name = h.name;
      state = hostDisplayState(h);
      body = (
        <>
          <Fields
            rows={[
              ['diagram.field.state', stateLabel(t, h.state)],
              ['diagram.field.resourcestate', stateLabel(t, h.resourcestate)],
              ['diagram.field.zone', entry.zone.name],
              ['diagram.field.pod', entry.pod.name],
              ['diagram.field.cluster', entry.cluster.name],
              ['diagram.field.cpuAllocated', pct(percentUsage(h.cpuallocatedpercentage))],
              ['diagram.field.memoryAllocated', pct(percentUsage(h.memoryallocatedpercentage))],
              ['common.id', h.id],
            ]}
          />
          <HostExtra id={h.id} />
        </>
      );
      link = <PageLink path="/hosts" id={h.id} label={t('diagram.openHost')} />;
      break;
    }
    case 'storagepool': {
      const s = entry.pool;
      kind = 'diagram.kind.storagepool';
      name = s.name;
      state = s.state;
      body = (
        <Fields
          rows={[
            ['diagram.field.scope', enumLabel(t, 'storageScope', s.scope)],
            ['diagram.field.zone', entry.zone.name],
            ['diagram.field.pod', entry.pod?.name],
            ['diagram.field.cluster', entry.cluster?.name],
            ['diagram.field.size', s.disksizetotal !== undefined ? formatBytes(s.disksizetotal, locale) : undefined],
            [
              'diagram.field.used',
              s.disksizetotal !== undefined
                ? `${formatBytes(s.disksizeused ?? 0, locale)} (${pct(usageOfBytes(s.disksizeused, s.disksizetotal))})`
                : undefined,
            ],
            ['common.id', s.id],
          ]}
        />
      );
      link = <PageLink path="/primary-storage" id={s.id} label={t('diagram.openPrimaryStorage')} />;
      break;
    }
    case 'imagestore': {
      const s = entry.store;
      kind = 'diagram.kind.imagestore';
      name = s.name;
      state = undefined;
      body = (
        <Fields
          rows={[
            ['diagram.field.zone', entry.zone.name],
            ['diagram.field.protocol', s.protocol ?? s.providername],
            ['diagram.field.size', s.disksizetotal !== undefined ? formatBytes(s.disksizetotal, locale) : undefined],
            [
              'diagram.field.used',
              s.disksizetotal !== undefined
                ? `${formatBytes(s.disksizeused ?? 0, locale)} (${pct(usageOfBytes(s.disksizeused, s.disksizetotal))})`
                : undefined,
            ],
            ['common.id', s.id],
          ]}
        />
      );
      link = <PageLink path="/secondary-storage" id={s.id} label={t('diagram.openSecondaryStorage')} />;
      break;
    }
  }

  return (
    <Paper withBorder p="sm" radius="sm" role="region" aria-label={t('common.details')} data-testid="diagram-details">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(kind)}
            </Text>
            <Title order={3} style={{ wordBreak: 'break-word' }}>
              {name}
            </Title>
          </div>
          <CloseButton onClick={props.onClose} aria-label={t('common.close')} />
        </Group>
        {state !== undefined && (
          <Group gap={6} data-testid="details-state">
            <StateBadge state={state} />
          </Group>
        )}
        {body}
        {link}
      </Stack>
    </Paper>
  );
}
