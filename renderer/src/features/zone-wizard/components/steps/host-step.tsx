import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '../../../../lib/i18n';
import { emptyHost } from '../../model/draft';
import { Field } from '../fields';
import { useWizard } from '../wizard-context';

/** Hosts of the first cluster: URL, credentials, tags. */
export function HostStep() {
  const t = useT();
  const w = useWizard();
  const d = w.draft;
  const simulator = d.cluster.hypervisor === 'Simulator';
  const set = (uid: string, field: 'url' | 'username' | 'password' | 'tags') => (v: string) =>
    w.update((draft) => {
      draft.hosts.find((h) => h.uid === uid)![field] = v;
    });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {simulator ? t('wizard.host.simulatorHint') : t('wizard.host.kvmHint')}
      </Text>
      {d.hosts.map((h, index) => {
        const created = w.locked(`host.${h.uid}.url`) && !w.busy;
        return (
          <Paper key={h.uid} withBorder p="sm" radius="sm" data-testid="host-item">
            <Group justify="space-between" mb={6}>
              <Text fw={600} size="sm">
                {t('wizard.host.title', { index: index + 1 })}
              </Text>
              <Tooltip label={t('wizard.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('wizard.host.remove', { index: index + 1 })}
                  disabled={created || w.busy || d.hosts.length === 1}
                  onClick={() =>
                    w.update((draft) => {
                      draft.hosts = draft.hosts.filter((x) => x.uid !== h.uid);
                    })
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
              <Field
                path={`host.${h.uid}.url`}
                label={t('wizard.host.url')}
                placeholder={simulator ? 'http://sim/c0/h0' : 'http://10.0.0.21'}
                value={h.url}
                onValue={set(h.uid, 'url')}
                required
              />
              <Field
                path={`host.${h.uid}.tags`}
                label={t('wizard.host.tags')}
                placeholder="ssd, gpu"
                value={h.tags}
                onValue={set(h.uid, 'tags')}
              />
              <Field
                path={`host.${h.uid}.username`}
                label={t('wizard.host.username')}
                value={h.username}
                onValue={set(h.uid, 'username')}
                required
              />
              <Field
                path={`host.${h.uid}.password`}
                label={t('wizard.host.password')}
                value={h.password}
                onValue={set(h.uid, 'password')}
                secret
                required
              />
            </SimpleGrid>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={w.busy}
          onClick={() =>
            w.update((draft) => {
              const last = draft.hosts[draft.hosts.length - 1];
              draft.hosts.push({ ...emptyHost(), username: last?.username ?? 'root', password: last?.password ?? '' });
            })
          }
        >
          {t('wizard.host.add')}
        </Button>
      </Group>
    </Stack>
  );
}
