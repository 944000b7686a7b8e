import {
  ActionIcon,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '../../../../lib/i18n';
import { emptyPrimaryStorage, emptySecondaryStorage, type PoolScope } from '../../model/draft';
import { Field } from '../fields';
import { useWizard } from '../wizard-context';

function RemoveButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick(): void }) {
  const t = useT();
  return (
    <Tooltip label={t('wizard.remove')}>
      <ActionIcon variant="subtle" color="red" aria-label={label} disabled={disabled} onClick={onClick}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** Primary storage pools: name, scope, URL, tags. */
export function PrimaryStorageStep() {
  const t = useT();
  const w = useWizard();
  const d = w.draft;
  const set = (uid: string, field: 'name' | 'url' | 'tags' | 'scope') => (v: string) =>
    w.update((draft) => {
      const pool = draft.primaryStorages.find((s) => s.uid === uid)!;
      if (field === 'scope') pool.scope = v as PoolScope;
      else pool[field] = v;
    });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('wizard.primary.hint')}
      </Text>
      {d.primaryStorages.map((s, index) => {
        const created = w.locked(`primary.${s.uid}.name`) && !w.busy;
        return (
          <Paper key={s.uid} withBorder p="sm" radius="sm" data-testid="primary-item">
            <Group justify="space-between" mb={6}>
              <Text fw={600} size="sm">
                {t('wizard.primary.title', { index: index + 1 })}
              </Text>
              <RemoveButton
                label={t('wizard.primary.remove', { index: index + 1 })}
                disabled={created || w.busy || d.primaryStorages.length === 1}
                onClick={() =>
                  w.update((draft) => {
                    draft.primaryStorages = draft.primaryStorages.filter((x) => x.uid !== s.uid);
                  })
                }
              />
            </Group>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
              <Field
                path={`primary.${s.uid}.name`}
                label={t('wizard.primary.name')}
                placeholder="Primary 1"
                value={s.name}
                onValue={set(s.uid, 'name')}
                required
              />
              <Input.Wrapper label={t('wizard.primary.scope')}>
                <SegmentedControl
                  fullWidth
                  size="xs"
                  mt={2}
                  value={s.scope}
                  disabled={w.locked(`primary.${s.uid}.scope`)}
                  onChange={set(s.uid, 'scope')}
                  data={[
                    { value: 'cluster', label: t('wizard.primary.scopeCluster') },
                    { value: 'zone', label: t('wizard.primary.scopeZone') },
                  ]}
                  aria-label={t('wizard.primary.scope')}
                />
              </Input.Wrapper>
              <Field
                path={`primary.${s.uid}.url`}
                label={t('wizard.primary.url')}
                placeholder="nfs://10.0.0.1/export/primary"
                value={s.url}
                onValue={set(s.uid, 'url')}
                required
              />
              <Field
                path={`primary.${s.uid}.tags`}
                label={t('wizard.primary.tags')}
                placeholder="ssd"
                value={s.tags}
                onValue={set(s.uid, 'tags')}
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
              draft.primaryStorages.push(emptyPrimaryStorage());
            })
          }
        >
          {t('wizard.primary.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Secondary storage (image stores): NFS or a local path. */
export function SecondaryStorageStep() {
  const t = useT();
  const w = useWizard();
  const d = w.draft;
  const set = (uid: string, field: 'name' | 'url') => (v: string) =>
    w.update((draft) => {
      draft.secondaryStorages.find((s) => s.uid === uid)![field] = v;
    });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('wizard.secondary.hint')}
      </Text>
      {d.secondaryStorages.map((s, index) => {
        const created = w.locked(`secondary.${s.uid}.url`) && !w.busy;
        return (
          <Paper key={s.uid} withBorder p="sm" radius="sm" data-testid="secondary-item">
            <Group justify="space-between" mb={6}>
              <Text fw={600} size="sm">
                {t('wizard.secondary.title', { index: index + 1 })}
              </Text>
              <RemoveButton
                label={t('wizard.secondary.remove', { index: index + 1 })}
                disabled={created || w.busy || d.secondaryStorages.length === 1}
                onClick={() =>
                  w.update((draft) => {
                    draft.secondaryStorages = draft.secondaryStorages.filter((x) => x.uid !== s.uid);
                  })
                }
              />
            </Group>
            <SimpleGrid cols={2} spacing="sm">
              <Field
                path={`secondary.${s.uid}.name`}
                label={t('wizard.secondary.name')}
                placeholder={t('wizard.optional')}
                value={s.name}
                onValue={set(s.uid, 'name')}
              />
              <Field
                path={`secondary.${s.uid}.url`}
                label={t('wizard.secondary.url')}
                placeholder="nfs://10.0.0.1/export/secondary"
                value={s.url}
                onValue={set(s.uid, 'url')}
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
              draft.secondaryStorages.push(emptySecondaryStorage());
            })
          }
        >
          {t('wizard.secondary.add')}
        </Button>
      </Group>
    </Stack>
  );
}
