import { Button, Code, Group, Modal, NavLink, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { useT, type MessageKey } from '../../../lib/i18n';
import type { Problems } from '../lib/checks';
import classes from './wizard-frame.module.css';

export interface WizardStepInfo<S extends string> {
  id: S;
  label: MessageKey;
}

/**
 * The offering wizards' frame, as every Stackyard wizard: the steps on the left (each with its
 * check or count of problems once visited), the form in the middle, a live summary on the right;
 * the last step shows the request before it is sent, and the server's refusal stays on screen
 * with the form, to fix and send again.
 */
export function WizardFrame<S extends string>(props: {
  title: string;
  testId: string;
  steps: WizardStepInfo<S>[];
  step: S;
  visited: ReadonlySet<S>;
  problems: Record<S, Problems>;
  onStep(step: S): void;
  onClose(): void;
  onSubmit(): void;
  pending: boolean;
  error: unknown;
  summary: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const index = props.steps.findIndex((s) => s.id === props.step);
  const last = index === props.steps.length - 1;
  const count = (id: S) => Object.keys(props.problems[id]).length;
  const total = props.steps.reduce((sum, s) => sum + count(s.id), 0);
  const go = (offset: number) => {
    const next = props.steps[index + offset];
    if (next) props.onStep(next.id);
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} size={1080} data-testid={props.testId}>
      <div className={classes.layout}>
        <nav className={classes.rail} aria-label={props.title}>
          {props.steps.map((s, i) => {
            const problems = count(s.id);
            const seen = props.visited.has(s.id);
            const icon =
              seen && problems > 0 ? (
                <ThemeIcon size={20} radius="xl" color="yellow" variant="light">
                  <IconAlertTriangle size={12} />
                </ThemeIcon>
              ) : seen && s.id !== props.step ? (
                <ThemeIcon size={20} radius="xl" color="green" variant="light">
                  <IconCheck size={12} />
                </ThemeIcon>
              ) : (
                <ThemeIcon size={20} radius="xl" color="gray" variant="light">
                  <Text size="xs" fw={600}>
                    {i + 1}
                  </Text>
                </ThemeIcon>
              );
            return (
              <NavLink
                key={s.id}
                label={t(s.label)}
                description={seen && problems > 0 ? t('offerings.wizard.stepErrors', { count: problems }) : undefined}
                leftSection={icon}
                active={s.id === props.step}
                onClick={() => props.onStep(s.id)}
                data-testid={`wizard-step-${s.id}`}
              />
            );
          })}
        </nav>
        <div className={classes.form}>
          <ScrollArea.Autosize mah="62vh" className={classes.formBody}>
            <Stack gap="sm" p="sm">
              {props.children}
            </Stack>
          </ScrollArea.Autosize>
          <Stack gap="xs" className={classes.footer}>
            <ErrorAlert error={props.error} />
            {last && total > 0 && (
              <Text size="sm" c="yellow.8">
                {t('offerings.wizard.fixErrors')}
              </Text>
            )}
            <Group justify="space-between">
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={14} />}
                disabled={index === 0}
                onClick={() => go(-1)}
              >
                {t('offerings.wizard.back')}
              </Button>
              <Group gap="xs">
                <Button variant="default" onClick={props.onClose}>
                  {t('common.cancel')}
                </Button>
                {last ? (
                  <Button onClick={props.onSubmit} loading={props.pending} disabled={total > 0}>
                    {t('common.create')}
                  </Button>
                ) : (
                  <Button rightSection={<IconArrowRight size={14} />} onClick={() => go(1)}>
                    {t('offerings.wizard.next')}
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </div>
        <aside className={classes.summary} aria-label={t('offerings.wizard.summary')}>
          <Text fw={600} size="sm" mb={6}>
            {t('offerings.wizard.summary')}
          </Text>
          {props.summary}
        </aside>
      </div>
    </Modal>
  );
}

/** The review step's view of the request the wizard will send. */
export function RequestPreview({ command, params }: { command: string; params: object }) {
  const t = useT();
  const lines = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `  ${key}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('offerings.wizard.call')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('offerings.wizard.callHint')}
      </Text>
      <Code block data-testid="request-preview">
        {[command, ...lines].join('\n')}
      </Code>
    </Stack>
  );
}

/** One line of a wizard's summary. */
export function SummaryRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className={classes.summaryRow}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className={classes.summaryValue}>
        {value}
      </Text>
    </div>
  );
}
