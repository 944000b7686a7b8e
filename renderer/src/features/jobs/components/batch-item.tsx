import { Anchor, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { batchCounts, batchState, batchText, type BatchEntry, type BatchItem } from '../../../lib/batch';
import { formatRelative, useLocale, useT } from '../../../lib/i18n';
import classes from './job-tray.module.css';
import { STATE_COLOR, STATE_LABEL } from './job-state';

function MemberRow({ item }: { item: BatchItem }) {
  const t = useT();
  const label = item.state === 'queued' ? t('batch.queued') : t(STATE_LABEL[item.state]);
  const color = item.state === 'queued' ? 'gray' : STATE_COLOR[item.state];
  return (
    <div data-testid="batch-member" data-state={item.state} data-jobid={item.jobid}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        {item.link ? (
          <Anchor size="xs" href={item.link} truncate title={item.label}>
            {item.label}
          </Anchor>
        ) : (
          <Text size="xs" truncate title={item.label}>
            {item.label}
          </Text>
        )}
        <Badge size="xs" variant="light" color={color}>
          {label}
        </Badge>
      </Group>
      {item.state === 'failed' && item.errortext && (
        <Text size="xs" c="red" className={classes.reason} data-testid="batch-member-error">
          {item.errortext}
        </Text>
      )}
    </div>
  );
}

/** One bulk action: its title, k/N with OK and failed counts, and each item's result on demand. */
export function BatchItemView({ batch }: { batch: BatchEntry }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const state = batchState(batch);
  const counts = batchCounts(batch);
  const title = batchText(locale, state === 'running' ? batch.title : batch.doneTitle);
  const percent = counts.total === 0 ? 100 : Math.round((counts.finished / counts.total) * 100);
  return (
    <div className={classes.item} data-testid="job-entry" data-kind="batch" data-state={state} data-batch={batch.id}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} truncate title={title} data-testid="job-title">
          {title}
        </Text>
        <Badge color={STATE_COLOR[state]} variant="light" data-testid="job-state">
          {t(STATE_LABEL[state])}
        </Badge>
      </Group>
      <Progress
        value={state === 'running' ? Math.max(percent, 4) : 100}
        color={STATE_COLOR[state]}
        striped={state === 'running'}
        animated={state === 'running'}
        size="sm"
        mt={6}
        aria-label={`${title} ${counts.finished}/${counts.total}`}
        data-testid="job-progress"
        data-progress={percent}
      />
      <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
        <Text size="xs" c={counts.failed > 0 ? 'red' : 'dimmed'} data-testid="batch-counts">
          {t('batch.progress', { finished: counts.finished, total: counts.total })} ·{' '}
          {t('batch.counts', { ok: counts.ok, failed: counts.failed })}
        </Text>
        <Group gap={8} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {formatRelative(new Date(batch.finishedAt ?? batch.startedAt).toISOString(), locale)}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            rightSection={open ? <IconChevronUp size={12} /> : <IconChevronDown size={12} />}
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            data-testid="batch-toggle"
          >
            {open ? t('batch.hideItems') : t('batch.showItems')}
          </Button>
        </Group>
      </Group>
      {open && (
        <Stack gap={4} mt={6} pl={8} className={classes.members} data-testid="batch-members">
          {batch.items.map((item, index) => (
            <MemberRow key={item.jobid ?? index} item={item} />
          ))}
        </Stack>
      )}
    </div>
  );
}
