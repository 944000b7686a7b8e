import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { formatNumber, useLocale, useT } from '../../../../lib/i18n';
import { emptyRange } from '../../model/draft';
import { rangeSize } from '../../model/validators';
import { errorText } from '../fields';
import { useWizard } from '../wizard-context';
import { RangeFields } from './range-fields';

/** Advanced: the zone's public IP ranges. Basic: the pod's guest IP range. */
export function RangesStep() {
  const t = useT();
  const locale = useLocale();
  const w = useWizard();
  const d = w.draft;
  if (d.networktype === 'Basic') {
    return (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('wizard.ranges.guestHint')}
        </Text>
        <div data-testid="guest-range">
          <RangeFields
            path="guestRange"
            value={d.guestRange}
            onChange={(field, v) =>
              w.update((draft) => {
                draft.guestRange[field] = v;
              })
            }
          />
        </div>
      </Stack>
    );
  }
  const total = d.publicRanges.reduce((n, r) => n + rangeSize(r.startip, r.endip), 0);
  const listError = w.error('publicRange.list');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('wizard.ranges.publicHint')}
      </Text>
      {d.publicRanges.map((r, index) => {
        const created = w.locked(`publicRange.${r.uid}.startip`) && !w.busy;
        return (
          <Paper key={r.uid} withBorder p="sm" radius="sm" data-testid="public-range">
            <Group justify="space-between" mb={6}>
              <Text fw={600} size="sm">
                {t('wizard.ranges.publicTitle', { index: index + 1 })}
              </Text>
              <Tooltip label={t('wizard.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('wizard.ranges.remove', { index: index + 1 })}
                  disabled={created || w.busy || d.publicRanges.length === 1}
                  onClick={() =>
                    w.update((draft) => {
                      draft.publicRanges = draft.publicRanges.filter((x) => x.uid !== r.uid);
                    })
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <RangeFields
              path={`publicRange.${r.uid}`}
              withVlan
              value={r}
              onChange={(field, v) =>
                w.update((draft) => {
                  draft.publicRanges.find((x) => x.uid === r.uid)![field] = v;
                })
              }
            />
          </Paper>
        );
      })}
      {listError && (
        <Text size="xs" c="red">
          {errorText(t, listError)}
        </Text>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={w.busy}
          onClick={() =>
            w.update((draft) => {
              const last = draft.publicRanges[draft.publicRanges.length - 1];
              draft.publicRanges.push({
                ...emptyRange(),
                gateway: last?.gateway ?? '',
                netmask: last?.netmask ?? '',
                vlan: last?.vlan ?? '',
              });
            })
          }
        >
          {t('wizard.ranges.add')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('wizard.ranges.total', { count: formatNumber(total, locale) })}
        </Text>
      </Group>
    </Stack>
  );
}
