import { Loader, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import { memo } from 'react';
import { IconAlertTriangle, IconCheck, IconLock, IconX } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import type { StepId } from '../model/draft';
import type { StepStatus } from './wizard-context';

function StatusIcon({ status, index }: { status: StepStatus; index: number }) {
  switch (status) {
    case 'valid':
      return (
        <ThemeIcon size={20} radius="xl" color="green" variant="light">
          <IconCheck size={12} />
        </ThemeIcon>
      );
    case 'created':
      return (
        <ThemeIcon size={20} radius="xl" color="green" variant="filled">
          <IconCheck size={12} />
        </ThemeIcon>
      );
    case 'error':
      return (
        <ThemeIcon size={20} radius="xl" color="yellow" variant="light">
          <IconAlertTriangle size={12} />
        </ThemeIcon>
      );
    case 'failed':
      return (
        <ThemeIcon size={20} radius="xl" color="red" variant="filled">
          <IconX size={12} />
        </ThemeIcon>
      );
    case 'running':
      return (
        <ThemeIcon size={20} radius="xl" color="blue" variant="light">
          <Loader size={10} color="blue" />
        </ThemeIcon>
      );
    default:
      return (
        <ThemeIcon size={20} radius="xl" color="gray" variant="light">
          <Text size="xs" fw={600}>
            {index + 1}
          </Text>
        </ThemeIcon>
      );
  }
}

export interface RailItem {
  id: StepId;
  status: StepStatus;
  errors: number;
}

/** The steps on the left, each with its check or error mark. */
export const StepRail = memo(
  function StepRail({
    items,
    active,
    basic,
    onGo,
  }: {
    items: RailItem[];
    active: StepId;
    basic: boolean;
    onGo(step: StepId): void;
  }) {
    const t = useT();
    const label = (id: StepId) => (id === 'ranges' && basic ? t('wizard.step.guestRange') : t(`wizard.step.${id}`));
    return (
      <Stack gap={2} component="nav" aria-label={t('wizard.steps')}>
        {items.map(({ id, status, errors }, index) => {
          const note =
            status === 'created'
              ? id === 'review'
                ? t('wizard.rail.finished')
                : t('wizard.rail.created')
              : status === 'failed'
                ? t('wizard.rail.failed')
                : status === 'error' && id !== 'review'
                  ? t('wizard.rail.errors', { count: errors })
                  : undefined;
          return (
            <NavLink
              key={id}
              active={active === id}
              label={label(id)}
              description={note}
              leftSection={<StatusIcon status={status} index={index} />}
              rightSection={status === 'created' && id !== 'review' ? <IconLock size={12} opacity={0.5} /> : undefined}
              onClick={() => onGo(id)}
              data-testid={`wizard-step-${id}`}
              data-status={status}
              aria-current={active === id ? 'step' : undefined}
              styles={{ label: { fontSize: 'var(--mantine-font-size-sm)' }, root: { borderRadius: 4 } }}
            />
          );
        })}
      </Stack>
    );
  },
  (a, b) =>
    a.active === b.active &&
    a.basic === b.basic &&
    a.onGo === b.onGo &&
    a.items.length === b.items.length &&
    a.items.every((x, i) => x.status === b.items[i]?.status && x.errors === b.items[i]?.errors),
);
