import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../../../lib/i18n';
import { HYPERVISOR_OPTIONS, type Hypervisor } from '../../model/draft';
import { Field } from '../fields';
import { useWizard } from '../wizard-context';

/** The first cluster of the pod and its hypervisor. */
export function ClusterStep() {
  const t = useT();
  const w = useWizard();
  const c = w.draft.cluster;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="sm">
        <Field
          path="cluster.name"
          label={t('wizard.cluster.name')}
          placeholder="Cluster 1"
          value={c.name}
          onValue={(v) =>
            w.update((d) => {
              d.cluster.name = v;
            })
          }
          required
          data-autofocus
        />
        <Select
          label={t('wizard.cluster.hypervisor')}
          data={HYPERVISOR_OPTIONS.map((h) => ({ value: h, label: h }))}
          value={c.hypervisor}
          allowDeselect={false}
          readOnly={w.locked('cluster.hypervisor')}
          onChange={(v) =>
            v &&
            w.update((d) => {
              d.cluster.hypervisor = v as Hypervisor;
            })
          }
          required
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {c.hypervisor === 'Simulator' ? t('wizard.cluster.simulatorHint') : t('wizard.cluster.kvmHint')}
      </Text>
    </Stack>
  );
}
