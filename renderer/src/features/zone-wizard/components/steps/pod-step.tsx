import { Stack, Text } from '@mantine/core';
import { useT } from '../../../../lib/i18n';
import { Field } from '../fields';
import { useWizard } from '../wizard-context';
import { RangeFields } from './range-fields';

/** The first pod and the IP range reserved for system VMs and hosts' management addresses. */
export function PodStep() {
  const t = useT();
  const w = useWizard();
  const p = w.draft.pod;
  return (
    <Stack gap="sm">
      <Field
        path="pod.name"
        label={t('wizard.pod.name')}
        placeholder="Pod 1"
        value={p.name}
        onValue={(v) =>
          w.update((d) => {
            d.pod.name = v;
          })
        }
        required
        data-autofocus
      />
      <Text size="sm" fw={600} mt={4}>
        {t('wizard.pod.reserved')}
      </Text>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('wizard.pod.reservedHint')}
      </Text>
      <div>
        <RangeFields
          path="pod"
          value={{ ...p, vlan: '' }}
          onChange={(field, v) =>
            w.update((d) => {
              if (field !== 'vlan') d.pod[field] = v;
            })
          }
        />
      </div>
    </Stack>
  );
}
