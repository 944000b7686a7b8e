import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '../../../../lib/i18n';
import { emptyPhysicalNetwork, trafficTypesFor, type TrafficTypeName } from '../../model/draft';
import { countVlans, parseVlanRanges } from '../../model/validators';
import { errorText, Field } from '../fields';
import { useWizard } from '../wizard-context';

const TRAFFIC_COLOR: Record<TrafficTypeName, string> = { Management: 'grape', Public: 'blue', Guest: 'teal' };

/** Physical networks, which traffic each carries, labels per hypervisor and the guest VLAN range. */
export function NetworkStep() {
  const t = useT();
  const w = useWizard();
  const d = w.draft;
  const advanced = d.networktype === 'Advanced';
  const networks = advanced ? d.physicalNetworks : d.physicalNetworks.slice(0, 1);
  const types = trafficTypesFor(d.networktype);
  const carrier = (type: TrafficTypeName) => (advanced ? d.traffic[type].network : networks[0]?.uid);
  const created = (uid: string) => w.locked(`network.${uid}.name`) && !w.busy;

  return (
    <Stack gap="md">
      <Stack gap="xs">
        {networks.map((n, index) => {
          const carried = types.filter((type) => carrier(type) === n.uid);
          const vlans = parseVlanRanges(n.vlan);
          const problem = w.error(`network.${n.uid}.traffic`);
          return (
            <Paper key={n.uid} withBorder p="sm" radius="sm" data-testid="physical-network">
              <Group justify="space-between" mb={6}>
                <Group gap={6}>
                  <Text fw={600} size="sm">
                    {t('wizard.network.title', { index: index + 1 })}
                  </Text>
                  {carried.map((type) => (
                    <Badge key={type} size="sm" variant="light" color={TRAFFIC_COLOR[type]}>
                      {t(`wizard.traffic.${type}`)}
                    </Badge>
                  ))}
                </Group>
                {advanced && networks.length > 1 && (
                  <Tooltip label={t('wizard.remove')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('wizard.network.remove', { index: index + 1 })}
                      disabled={created(n.uid) || w.busy}
                      onClick={() =>
                        w.update((draft) => {
                          draft.physicalNetworks = draft.physicalNetworks.filter((x) => x.uid !== n.uid);
                          const first = draft.physicalNetworks[0]!.uid;
                          for (const type of types)
                            if (draft.traffic[type].network === n.uid) draft.traffic[type].network = first;
                        })
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
              <SimpleGrid cols={advanced ? 3 : 2} spacing="sm">
                <Field
                  path={`network.${n.uid}.name`}
                  label={t('wizard.network.name')}
                  value={n.name}
                  onValue={(v) =>
                    w.update((draft) => {
                      draft.physicalNetworks.find((x) => x.uid === n.uid)!.name = v;
                    })
                  }
                  required
                />
                <Field
                  path={`network.${n.uid}.tags`}
                  label={t('wizard.network.tags')}
                  placeholder="eth0"
                  value={n.tags}
                  onValue={(v) =>
                    w.update((draft) => {
                      draft.physicalNetworks.find((x) => x.uid === n.uid)!.tags = v;
                    })
                  }
                />
                {advanced && carried.includes('Guest') && (
                  <Field
                    path={`network.${n.uid}.vlan`}
                    label={t('wizard.network.guestVlan')}
                    description={
                      vlans.ok
                        ? t('wizard.network.vlanCount', { count: countVlans(vlans.ranges) })
                        : t('wizard.network.vlanHint')
                    }
                    placeholder="100-199"
                    value={n.vlan}
                    onValue={(v) =>
                      w.update((draft) => {
                        draft.physicalNetworks.find((x) => x.uid === n.uid)!.vlan = v;
                      })
                    }
                  />
                )}
              </SimpleGrid>
              {problem && (
                <Text size="xs" c="red" mt={4} role="alert">
                  {errorText(t, problem)}
                </Text>
              )}
            </Paper>
          );
        })}
        {advanced && (
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              disabled={w.busy}
              onClick={() =>
                w.update((draft) => {
                  draft.physicalNetworks.push(emptyPhysicalNetwork(draft.physicalNetworks.length + 1));
                })
              }
            >
              {t('wizard.network.add')}
            </Button>
          </Group>
        )}
      </Stack>

      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('wizard.traffic.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('wizard.traffic.hint')}
        </Text>
        <Table withTableBorder verticalSpacing={4} horizontalSpacing="xs" data-testid="traffic-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{t('wizard.traffic.type')}</Table.Th>
              {advanced && <Table.Th>{t('wizard.traffic.network')}</Table.Th>}
              <Table.Th>{t('wizard.traffic.kvm')}</Table.Th>
              <Table.Th>{t('wizard.traffic.vmware')}</Table.Th>
              <Table.Th>{t('wizard.traffic.xen')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map((type) => {
              const a = d.traffic[type];
              const setLabel = (field: 'kvm' | 'vmware' | 'xen') => (v: string) =>
                w.update((draft) => {
                  draft.traffic[type][field] = v;
                });
              return (
                <Table.Tr key={type}>
                  <Table.Td>
                    <Badge variant="light" color={TRAFFIC_COLOR[type]}>
                      {t(`wizard.traffic.${type}`)}
                    </Badge>
                  </Table.Td>
                  {advanced && (
                    <Table.Td miw={180}>
                      <Select
                        size="xs"
                        aria-label={t('wizard.traffic.networkOf', { type: t(`wizard.traffic.${type}`) })}
                        data={networks.map((n, i) => ({
                          value: n.uid,
                          label: n.name || t('wizard.network.title', { index: i + 1 }),
                        }))}
                        value={a.network}
                        allowDeselect={false}
                        readOnly={w.locked(`traffic.${type}`)}
                        error={errorText(t, w.error(`traffic.${type}.network`))}
                        onChange={(v) =>
                          v &&
                          w.update((draft) => {
                            draft.traffic[type].network = v;
                          })
                        }
                      />
                    </Table.Td>
                  )}
                  {(['kvm', 'vmware', 'xen'] as const).map((hv) => (
                    <Table.Td key={hv}>
                      <Field
                        size="xs"
                        path={`traffic.${type}.${hv}`}
                        aria-label={`${t(`wizard.traffic.${type}`)} ${t(`wizard.traffic.${hv}`)}`}
                        label={undefined}
                        placeholder={hv === 'kvm' ? 'cloudbr0' : hv === 'vmware' ? 'vSwitch0' : 'xenbr0'}
                        value={a[hv]}
                        onValue={setLabel(hv)}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
