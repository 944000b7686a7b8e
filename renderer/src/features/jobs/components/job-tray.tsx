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
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../../lib/api-context';
import { batchStorageKey, restoreBatches, useBatchStore } from '../../../lib/batch';
import { formatDateTime, formatRelative, useLocale, useT } from '../../../lib/i18n';
import { jobFailureText, useJobStore, type JobEntry } from '../../../lib/jobs';
import { useCurrentUser } from '../../../lib/session';
import { useJobHistory } from '../api/job-history';
import { commandTitleKey } from '../lib/command-titles';
import { trayEntries } from '../lib/tray-entries';
import { BatchItemView } from './batch-item';
import { STATE_COLOR, STATE_LABEL } from './job-state';
import classes from './job-tray.module.css';

/** One job: title, state, a progress bar and where it leads. */
export function JobItem({ job, showOwner = false }: { job: JobEntry; showOwner?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const failure = jobFailureText(job, locale);
  // A job learnt from the server has its command for a title: name it in the user's language.
  const key = job.title === job.command ? commandTitleKey(job.command) : undefined;
  const title = key ? t(key) : job.title;
  return (
    <div className={classes.item} data-testid="job-entry" data-kind="job" data-state={job.state} data-jobid={job.jobid}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} truncate title={title} data-testid="job-title">
          {title}
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
        aria-label={`${title} ${job.progress}%`}
        data-testid="job-progress"
        data-progress={job.progress}
      />
      <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
        <Text size="xs" c={job.state === 'failed' ? 'red' : 'dimmed'} truncate title={failure ?? job.progressText}>
          {job.state === 'failed' ? failure : (job.progressText ?? (job.state === 'running' ? `${job.progress}%` : ''))}
        </Text>
        <Group gap={8} wrap="nowrap">
          {showOwner && job.account && (
            <Text size="xs" c="dimmed" truncate maw={110} title={job.account}>
              {t('jobs.by', { account: job.account })}
            </Text>
          )}
          <Text
            size="xs"
            c="dimmed"
            title={formatDateTime(new Date(job.finishedAt ?? job.startedAt).toISOString(), locale)}
          >
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

const PAGE = 30;

/** Loads the signed-in user's batches kept for this server, and brings their members up to date. */
function useRestoredBatches(userId: string) {
  const client = useApi();
  const t = useT();
  const notStarted = t('batch.notStarted');
  useEffect(() => {
    void restoreBatches(client, batchStorageKey(client.transport.target, userId), notStarted);
    // Signed out (or someone else signed in): the next user starts from the server, not from
    // what this window held for the last one.
    return () => {
      useJobStore.setState({ jobs: [], clearedAt: 0 });
      useBatchStore.setState({ storageKey: null, batches: [] });
    };
    // The text is read once per sign-in; a language switch does not restore again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, userId]);
}

/** The entries the tray lists, from the job store and the batches, in the chosen scope. */
function useTrayEntries(mineOnly: boolean, userId: string) {
  const jobs = useJobStore((s) => s.jobs);
  const batches = useBatchStore((s) => s.batches);
  return useMemo(() => trayEntries(jobs, batches, { mineOnly, userId }), [jobs, batches, mineOnly, userId]);
}

/**
 * The job tray in the top bar: the user's jobs of the last day from the server (listAsyncJobs),
 * kept current by live job messages, and bulk actions as one entry each; admins may list
 * everyone's. Only the newest entries are drawn, more on demand; never blocks the window.
 */
export function JobTray() {
  const t = useT();
  const user = useCurrentUser();
  const isAdmin = user.type !== 0;
  const [everyone, setEveryone] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [opened, setOpened] = useState(false);
  const history = useJobHistory({ everyone: isAdmin && everyone, userId: user.userid, limit });
  useRestoredBatches(user.userid);
  const entries = useTrayEntries(!(isAdmin && everyone), user.userid);
  const clearJobs = useJobStore((s) => s.clearFinished);
  const clearBatches = useBatchStore((s) => s.clearFinished);
  const running = entries.filter((e) => e.state === 'running').length;
  const failed = entries.some((e) => e.state === 'failed');
  const shown = entries.slice(0, limit);
  // More to draw here, or more finished jobs on the server than fetched (a batch's members aside).
  const more = entries.length > shown.length || (history.data?.total ?? 0) > limit;

  const toggle = () => {
    if (!opened) void history.refetch();
    setOpened((o) => !o);
  };

  return (
    <Popover position="bottom-end" width={400} shadow="md" withinPortal opened={opened} onChange={setOpened}>
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
              onClick={toggle}
              data-testid="job-tray-button"
            >
              <IconChecklist size={18} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="job-tray">
        <Group justify="space-between" px="sm" py={8} className={classes.header} wrap="nowrap">
          <Text fw={600} size="sm">
            {t('jobs.title')}
          </Text>
          <Group gap={6} wrap="nowrap">
            {isAdmin && (
              <SegmentedControl
                size="xs"
                aria-label={t('jobs.filter.label')}
                value={everyone ? 'everyone' : 'mine'}
                onChange={(value) => setEveryone(value === 'everyone')}
                data={[
                  { value: 'mine', label: t('jobs.filter.mine') },
                  { value: 'everyone', label: t('jobs.filter.everyone') },
                ]}
                data-testid="job-scope"
              />
            )}
            {entries.length > running && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                onClick={() => {
                  clearJobs();
                  clearBatches();
                }}
              >
                {t('jobs.clear')}
              </Button>
            )}
          </Group>
        </Group>
        {history.error && (
          <Text size="xs" c="red" px="sm" pt={6}>
            {t('jobs.loadFailed', { error: history.error.message })}
          </Text>
        )}
        <ScrollArea.Autosize mah={460} scrollbars="y" classNames={{ content: classes.content }}>
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('jobs.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {shown.map((entry) =>
                entry.kind === 'batch' ? (
                  <BatchItemView key={entry.key} batch={entry.batch} />
                ) : (
                  <JobItem key={entry.key} job={entry.job} showOwner={everyone} />
                ),
              )}
            </Stack>
          )}
          {more && (
            <Group justify="center" py={6}>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setLimit((n) => n + PAGE)}
                data-testid="job-more"
              >
                {t('jobs.showMore')}
              </Button>
            </Group>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
