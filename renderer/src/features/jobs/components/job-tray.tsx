import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Indicator,
  Popover,
  Progress,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { formatRelative, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { useJobStore, type JobEntry, type JobState } from '../../../lib/jobs';
import { stateStyle } from '../../../lib/states';
import classes from './job-tray.module.css';

const STATE_LABEL: Record<JobState, MessageKey> = {
  running: 'jobs.status.running',
  done: 'jobs.status.done',
  failed: 'jobs.status.failed',
};

const STATE_COLOR: Record<JobState, string> = {
  running: stateStyle('starting').color,
  done: stateStyle('running').color,
  failed: stateStyle('error').color,
};

/** One job: title, state, a progress bar and where it leads. */
export function JobItem({ job }: { job: JobEntry }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className={classes.item} data-testid="job-entry" data-state={job.state} data-jobid={job.jobid}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} truncate title={job.title}>
          {job.title}
        </Text>
        <Badge color={STATE_COLOR[job.state]} variant="light" data-testid="job-state">
          {t(STATE_LABEL[job.state])}
        </Badge>
      </Group>
      <Progress
        value={job.state === 'running' ? Math.max(job.progress, 4) : 100}
        color={STATE_COLOR[job.state]}
        striped={job.state === 'running'}
        animated={job.state === 'running'}
        size="sm"
        mt={6}
        aria-label={`${job.title} ${job.progress}%`}
        data-testid="job-progress"
        data-progress={job.progress}
      />
      <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
        <Text
          size="xs"
          c={job.state === 'failed' ? 'red' : 'dimmed'}
          truncate
          title={job.errortext ?? job.progressText}
        >
          {job.state === 'failed'
            ? job.errortext
            : (job.progressText ?? (job.state === 'running' ? `${job.progress}%` : ''))}
        </Text>
        <Group gap={8} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {formatRelative(new Date(job.finishedAt ?? job.startedAt).toISOString(), locale)}
          </Text>
          {job.link && (
            <Anchor size="xs" href={job.link}>
              {t('jobs.open')}
            </Anchor>
          )}
        </Group>
      </Group>
    </div>
  );
}

/** The job tray in the top bar: running and finished jobs with progress; never blocks the window. */
export function JobTray() {
  const t = useT();
  const jobs = useJobStore((s) => s.jobs);
  const clearFinished = useJobStore((s) => s.clearFinished);
  const running = jobs.filter((j) => j.state === 'running').length;
  const failed = jobs.some((j) => j.state === 'failed');
  const [opened, setOpened] = useState(false);

  return (
    <Popover position="bottom-end" width={380} shadow="md" withinPortal opened={opened} onChange={setOpened}>
      <Popover.Target>
        <Tooltip label={running > 0 ? t('jobs.running', { count: running }) : t('jobs.title')} disabled={opened}>
          <Indicator
            label={running > 0 ? running : undefined}
            size={running > 0 ? 15 : 8}
            disabled={running === 0 && !failed}
            color={running > 0 ? 'blue' : 'red'}
            processing={running > 0}
            offset={4}
          >
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('jobs.title')}
              aria-expanded={opened}
              // A controlled Popover leaves toggling to its target.
              onClick={() => setOpened((o) => !o)}
              data-testid="job-tray-button"
            >
              <IconChecklist size={18} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="job-tray">
        <Group justify="space-between" px="sm" py={8} className={classes.header}>
          <Text fw={600} size="sm">
            {t('jobs.title')}
          </Text>
          {jobs.length > running && (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={clearFinished}>
              {t('jobs.clear')}
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={420}>
          {jobs.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('jobs.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {jobs.map((job) => (
                <JobItem key={job.jobid} job={job} />
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
