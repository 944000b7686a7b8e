import { Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { StateBadge } from '../../../components/state-badge';
import { ScopedSettingsTab } from '../../../components/settings/scoped-settings-tab';
import { useApi } from '../../../lib/api-context';
import type { NetworkServiceProvider, PhysicalNetwork, Pod, VlanIpRange, Zone } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifyError } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { href } from '../../../lib/router';
import { useInfraCommand } from '../api/commands';
import { useInfraList, useInfraOne } from '../api/queries';
import { podRangeText } from '../lib/pods';
import { useRunAction, type ActionSpec } from './actions';
import { DetailDrawer, EntityLink, SectionTitle } from './detail-drawer';
import { useFieldRows, type FieldSpec } from './fields';
import { IpRangeDialog, type RangeKind } from './ip-range-dialog';
import { MiniTable } from './mini-table';
import { PropertyTable } from './property-table';
import classes from './infra.module.css';
import { enumLabel } from '../../../lib/enum-labels';

const FIELDS: FieldSpec<Zone>[] = [
  ['id', 'common.id', 'id'],
  ['name', 'common.name'],
  ['description', 'common.description'],
  ['allocationstate', 'infra.allocationState', 'state'],
  ['networktype', 'infra.zones.networkType', 'networkType'],
  ['type', 'common.type'],
  ['dns1', 'infra.zones.dns1'],
  ['dns2', 'infra.zones.dns2'],
  ['ip6dns1', 'infra.zones.ip6dns1'],
  ['ip6dns2', 'infra.zones.ip6dns2'],
  ['internaldns1', 'infra.zones.internaldns1'],
  ['internaldns2', 'infra.zones.internaldns2'],
  ['guestcidraddress', 'infra.zones.guestCidr'],
  ['domain', 'infra.zones.networkDomain'],
  ['domainname', 'infra.zones.dedicatedDomain'],
  ['domainid', 'infra.field.domainId', 'id'],
  ['securitygroupsenabled', 'infra.zones.securityGroups', 'bool'],
  ['localstorageenabled', 'infra.zones.localStorage', 'bool'],
  ['dhcpprovider', 'infra.zones.dhcpProvider'],
];

/** Zone detail: details, physical networks (traffic types, providers), IP ranges, pods, events. */
export function ZoneDrawer(props: {
  zoneId: string;
  fallback?: Zone;
  actionsFor(zone: Zone): ActionSpec[];
  onClose(): void;
}) {
  const t = useT();
  const query = useInfraOne('listZones', { id: props.zoneId });
  const zone = query.data ?? props.fallback;
  const rows = useFieldRows(zone, FIELDS);
  const networks = useInfraList('listPhysicalNetworks', { zoneid: props.zoneId }, { keepPrevious: false });
  const ranges = useInfraList('listVlanIpRanges', { zoneid: props.zoneId }, { keepPrevious: false });
  const pods = useInfraList('listPods', { zoneid: props.zoneId }, { keepPrevious: false });
  return (
    <DetailDrawer
      kind={t('infra.zone')}
      testId="zone-drawer"
      resourceId={props.zoneId}
      name={zone?.name}
      loading={query.isLoading}
      error={query.error}
      onClose={props.onClose}
      badges={
        zone && (
          <>
            <StateBadge state={zone.allocationstate} />
            {zone.networktype && <Badge variant="default">{enumLabel(t, 'networkType', zone.networktype)}</Badge>}
          </>
        )
      }
      subtitle={zone?.description}
      actions={zone ? props.actionsFor(zone) : []}
      tabs={[
        { value: 'details', label: t('common.details'), content: <PropertyTable rows={rows} /> },
        {
          value: 'networks',
          label: t('infra.zones.physicalNetworks'),
          count: networks.data?.count,
          content: (
            <Stack gap="sm" data-testid="zone-networks">
              {(networks.data?.items ?? []).map((n) => (
                <PhysicalNetworkCard key={n.id} network={n} />
              ))}
              {networks.data && networks.data.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('infra.zones.noPhysicalNetworks')}
                </Text>
              )}
            </Stack>
          ),
        },
        {
          value: 'ranges',
          label: t('infra.zones.ipRanges'),
          count: ranges.data?.count,
          content: zone && (
            <ZoneRanges
              zone={zone}
              ranges={ranges.data?.items}
              loading={ranges.isLoading}
              networks={networks.data?.items ?? []}
            />
          ),
        },
        {
          value: 'pods',
          label: t('nav.pods'),
          count: pods.data?.count,
          content: (
            <Stack gap={4}>
              <SectionTitle title={t('nav.pods')}>
                <Anchor size="xs" href={href('/pods', { zoneid: props.zoneId })}>
                  {t('infra.openList')} →
                </Anchor>
              </SectionTitle>
              <MiniTable<Pod>
                testId="zone-pods"
                rows={pods.data?.items}
                loading={pods.isLoading}
                empty={t('infra.pods.none')}
                columns={[
                  { header: t('common.name'), render: (p) => <EntityLink path="/pods" id={p.id} name={p.name} /> },
                  { header: t('infra.allocationState'), render: (p) => <StateBadge state={p.allocationstate} /> },
                  { header: t('infra.ip.gateway'), render: (p) => p.gateway },
                  { header: t('infra.pods.range'), render: (p) => podRangeText(p) },
                  {
                    header: t('nav.clusters'),
                    render: (p) => (
                      <Anchor size="xs" href={href('/clusters', { podid: p.id })}>
                        {t('infra.openList')} →
                      </Anchor>
                    ),
                  },
                ]}
              />
            </Stack>
          ),
        },
        {
          value: 'settings',
          label: t('settings.tab'),
          content: <ScopedSettingsTab scope={{ kind: 'zone', id: props.zoneId }} />,
        },
      ]}
    />
  );
}

/** One physical network: its state (enable / disable), traffic types and service providers. */
function PhysicalNetworkCard({ network }: { network: PhysicalNetwork }) {
  const t = useT();
  const can = useCan();
  const run = useRunAction();
  const client = useApi();
  const command = useInfraCommand();
  const [enabling, setEnabling] = useState<string | null>(null);
  const traffic = useInfraList('listTrafficTypes', { physicalnetworkid: network.id }, { keepPrevious: false });
  const providers = useInfraList(
    'listNetworkServiceProviders',
    { physicalnetworkid: network.id },
    { keepPrevious: false },
  );
  const enabled = (network.state ?? '').toLowerCase() === 'enabled';

  const toggle = () =>
    run(
      [
        {
          command: 'updatePhysicalNetwork',
          params: { id: network.id, state: enabled ? 'Disabled' : 'Enabled' },
          title: `${t('infra.zones.physicalNetwork')} ${enabled ? t('infra.action.disable') : t('infra.action.enable')}: ${network.name}`,
          link: `#/zones?id=${network.zoneid ?? ''}`,
        },
      ],
      enabled
        ? {
            title: t('infra.action.disable'),
            message: t('infra.zones.disableNetworkConfirm', { name: network.name }),
            confirmLabel: t('infra.action.disable'),
          }
        : undefined,
    );

  /** The VirtualRouter provider: configureVirtualRouterElement, then updateNetworkServiceProvider. */
  const enableVirtualRouter = async (provider: NetworkServiceProvider) => {
    setEnabling(provider.id);
    try {
      const elements = await client.list('listVirtualRouterElements', { nspid: provider.id });
      const element = elements.items[0];
      if (element && !element.enabled) {
        const configured = await command({
          command: 'configureVirtualRouterElement',
          params: { id: element.id, enabled: true },
          title: `${t('infra.zones.configureRouter')}: ${network.name}`,
        });
        await configured.done;
      }
      const updated = await command({
        command: 'updateNetworkServiceProvider',
        params: { id: provider.id, state: 'Enabled' },
        title: `${t('infra.zones.enableProvider', { name: provider.name })}: ${network.name}`,
      });
      await updated.done;
    } catch (error) {
      notifyError(error);
    } finally {
      setEnabling(null);
    }
  };

  return (
    <div className={classes.section} data-testid="physical-network" data-name={network.name}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {network.name}
          </Text>
          <StateBadge state={network.state} />
        </Group>
        {can('updatePhysicalNetwork') && (
          <Button
            size="compact-xs"
            variant="default"
            leftSection={enabled ? <IconCircleOff size={12} /> : <IconCircleCheck size={12} />}
            onClick={() => void toggle()}
          >
            {enabled ? t('infra.action.disable') : t('infra.action.enable')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {[
          network.isolationmethods && `${t('infra.zones.isolation')}: ${network.isolationmethods}`,
          network.vlan && `VLAN ${network.vlan}`,
          network.broadcastdomainrange && network.broadcastdomainrange,
          network.networkspeed && network.networkspeed,
          network.tags && `${t('infra.storage.tags')}: ${network.tags}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="xs" fw={600} mt="xs" mb={2}>
        {t('infra.zones.trafficTypes')}
      </Text>
      <Group gap={4} data-testid="traffic-types">
        {(traffic.data?.items ?? []).map((tt) => {
          const labels = [
            tt.kvmnetworklabel && `KVM: ${tt.kvmnetworklabel}`,
            tt.xennetworklabel && `Xen: ${tt.xennetworklabel}`,
            tt.vmwarenetworklabel && `VMware: ${tt.vmwarenetworklabel}`,
            tt.hypervnetworklabel && `Hyper-V: ${tt.hypervnetworklabel}`,
            tt.ovm3networklabel && `OVM3: ${tt.ovm3networklabel}`,
          ].filter(Boolean);
          const badge = (
            <Badge key={tt.id} variant="light" color="indigo" tt="none">
              {enumLabel(t, 'trafficType', tt.traffictype)}
            </Badge>
          );
          return labels.length > 0 ? (
            <Tooltip key={tt.id} label={labels.join(', ')}>
              {badge}
            </Tooltip>
          ) : (
            badge
          );
        })}
        {traffic.data && traffic.data.items.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('infra.zones.noTraffic')}
          </Text>
        )}
      </Group>
      <Text size="xs" fw={600} mt="xs" mb={2}>
        {t('infra.zones.providers')}
      </Text>
      <MiniTable<NetworkServiceProvider>
        testId="providers"
        rows={providers.data?.items}
        loading={providers.isLoading}
        columns={[
          { header: t('common.name'), render: (p) => p.name, width: 170 },
          { header: t('common.state'), render: (p) => <StateBadge state={p.state} />, width: 110 },
          {
            header: t('infra.zones.services'),
            render: (p) => (
              <Text size="xs" c="dimmed">
                {(p.servicelist ?? []).join(', ')}
              </Text>
            ),
          },
          {
            header: '',
            width: 90,
            render: (p) =>
              p.name === 'VirtualRouter' &&
              (p.state ?? '').toLowerCase() !== 'enabled' &&
              can('updateNetworkServiceProvider') ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={enabling === p.id}
                  onClick={() => void enableVirtualRouter(p)}
                  data-action="enable-provider"
                >
                  {t('infra.action.enable')}
                </Button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}

/** Public and guest ranges of the zone: add (createVlanIpRange) and delete. */
function ZoneRanges(props: {
  zone: Zone;
  ranges: VlanIpRange[] | undefined;
  loading: boolean;
  networks: PhysicalNetwork[];
}) {
  const t = useT();
  const can = useCan();
  const run = useRunAction();
  const [adding, setAdding] = useState<RangeKind | null>(null);
  const remove = (range: VlanIpRange) =>
    run(
      [
        {
          command: 'deleteVlanIpRange',
          params: { id: range.id },
          title: `${t('infra.ranges.delete')}: ${range.startip} – ${range.endip}`,
          link: `#/zones?id=${props.zone.id}`,
        },
      ],
      {
        title: t('infra.ranges.delete'),
        message: t('infra.ranges.deleteConfirm', { range: `${range.startip} – ${range.endip}` }),
        confirmLabel: t('common.delete'),
        danger: true,
      },
    );
  return (
    <Stack gap={4}>
      <SectionTitle title={t('infra.zones.ipRanges')}>
        {can('createVlanIpRange') && (
          <>
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconPlus size={12} />}
              onClick={() => setAdding('public')}
            >
              {t('infra.ranges.addPublic')}
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconPlus size={12} />}
              onClick={() => setAdding('guest')}
            >
              {t('infra.ranges.addGuest')}
            </Button>
          </>
        )}
      </SectionTitle>
      <MiniTable<VlanIpRange>
        testId="zone-ranges"
        rows={props.ranges}
        loading={props.loading}
        empty={t('infra.ranges.none')}
        columns={[
          {
            header: t('common.type'),
            width: 80,
            render: (r) => (
              <Badge variant="light" color={r.forvirtualnetwork ? 'cyan' : 'grape'}>
                {r.forvirtualnetwork ? t('infra.ranges.public') : t('infra.ranges.guest')}
              </Badge>
            ),
          },
          { header: t('infra.ranges.vlan'), render: (r) => r.vlan, width: 100 },
          { header: t('infra.ip.gateway'), render: (r) => r.gateway },
          { header: t('infra.ip.netmask'), render: (r) => r.netmask },
          {
            header: t('infra.ranges.range'),
            render: (r) => (
              <Text size="xs" ff="monospace">
                {r.startip} – {r.endip}
              </Text>
            ),
          },
          { header: t('infra.pod'), render: (r) => <EntityLink path="/pods" id={r.podid} name={r.podname} /> },
          {
            header: '',
            width: 40,
            render: (r) =>
              can('deleteVlanIpRange') ? (
                <Tooltip label={t('infra.ranges.delete')}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('infra.ranges.delete')} ${r.startip}`}
                    onClick={() => void remove(r)}
                  >
                    <IconTrash size={12} />
                  </Button>
                </Tooltip>
              ) : null,
          },
        ]}
      />
      {adding && (
        <IpRangeDialog
          zone={props.zone}
          kind={adding}
          physicalNetworks={props.networks}
          onClose={() => setAdding(null)}
        />
      )}
    </Stack>
  );
}
