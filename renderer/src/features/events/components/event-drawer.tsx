import { Anchor, Badge, Button, Drawer, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink, IconFilter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import type { Event as CloudEvent } from '../../../lib/contract';
import { formatTimestamp, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { href } from '../../../lib/router';
import { stateStyle } from '../../../lib/states';
import { useEvent, useEventJob } from '../api/get-events';
import { enumLabel, stateLabel } from '../../../lib/enum-labels';
import { useServerMessage } from '../../../lib/server-message';
import { LINKED_RESOURCE_TYPES, resourceHref } from '../lib/resource-links';

/** The level's colour, as in the table. */
export function levelColor(level: string): string {
  return stateStyle(level === 'ERROR' ? 'error' : level === 'WARN' ? 'warn' : 'inactive').color;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={160} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The job an event was recorded in: its command and outcome, or that its record has expired. */
function JobCell({ jobid }: { jobid: string }) {
  const t = useT();
  const job = useEventJob(jobid);
  const status =
    job.data === null
      ? t('events.detail.jobGone')
      : job.data
        ? t(
            job.data.jobstatus === 0
              ? 'events.detail.jobRunning'
              : job.data.jobstatus === 1
                ? 'events.detail.jobSucceeded'
                : 'events.detail.jobFailed',
          )
        : t('common.loading');
  return (
    <Stack gap={2} data-testid="event-job">
      <Group gap={6}>
        {job.data?.cmd && (
          <Text size="sm" ff="monospace">
            {job.data.cmd.split('.').pop()}
          </Text>
        )}
        <Text size="sm" c={job.data?.jobstatus === 2 ? 'red' : undefined}>
          {status}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" ff="monospace">
        {jobid}
      </Text>
    </Stack>
  );
}

function CallerCell({ event }: { event: CloudEvent }) {
  const link = (path: string, id: string | undefined, text: string | undefined) =>
    text === undefined ? null : id ? (
      <Anchor href={href(path, { id })} size="sm">
        {text}
      </Anchor>
    ) : (
      <Text span size="sm">
        {text}
      </Text>
    );
  if (!event.username && !event.account) return <Text size="sm">—</Text>;
  return (
    <Group gap={6} data-testid="event-caller">
      {link('/users', event.userid, event.username)}
      {event.account && (
        <Text span size="sm" c="dimmed">
          /
        </Text>
      )}
      {link('/accounts', event.accountid, event.account)}
      {event.domain && (
        <Text span size="sm" c="dimmed">
          ({link('/domains', event.domainid, event.domain)})
        </Text>
      )}
    </Group>
  );
}

function ResourceCell({ event, onFilter }: { event: CloudEvent; onFilter(): void }) {
  const t = useT();
  if (!event.resourcetype && !event.resourceid) return <Text size="sm">—</Text>;
  const link = resourceHref(event.resourcetype, event.resourceid);
  const openKey = LINKED_RESOURCE_TYPES.includes(event.resourcetype ?? '')
    ? (`events.detail.open.${event.resourcetype}` as MessageKey)
    : undefined;
  return (
    <Stack gap={6} data-testid="event-resource">
      <Text size="sm">
        {event.resourcetype}{' '}
        <Text span size="xs" c="dimmed" ff="monospace">
          {event.resourceid}
        </Text>
      </Text>
      <Group gap={6}>
        {link && openKey && (
          <Button
            component="a"
            href={link}
            size="compact-xs"
            variant="light"
            leftSection={<IconExternalLink size={12} />}
            data-testid="event-open-resource"
          >
            {t(openKey)}
          </Button>
        )}
        <Button size="compact-xs" variant="subtle" leftSection={<IconFilter size={12} />} onClick={onFilter}>
          {t('events.detail.resourceEvents')}
        </Button>
      </Group>
    </Stack>
  );
}

function EventDetails({ event, onFilterResource }: { event: CloudEvent; onFilterResource(): void }) {
  const t = useT();
  const describe = useServerMessage();
  const locale = useLocale();
  const source =
    event.sourceaddress === 'local'
      ? t('events.detail.sourceLocal')
      : (event.sourceaddress ?? t('events.detail.sourceNone'));
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Title order={2} ff="monospace" size="h4" data-testid="event-type">
          {event.type}
        </Title>
        <Badge color={levelColor(event.level)} variant="light">
          {enumLabel(t, 'eventLevel', event.level)}
        </Badge>
        <Badge variant="default">{stateLabel(t, event.state)}</Badge>
      </Group>
      <Text size="sm" data-testid="event-description" style={{ wordBreak: 'keep-all', overflowWrap: 'anywhere' }}>
        {describe(event.descriptionkey, event.descriptionparams, event.description)}
      </Text>
      <Table verticalSpacing={6} fz="sm" withTableBorder>
        <Table.Tbody>
          <Row label={t('events.detail.time')}>{formatTimestamp(event.created, locale)}</Row>
          <Row label={t('events.detail.caller')}>
            <CallerCell event={event} />
          </Row>
          <Row label={t('events.detail.source')}>
            <Text size="sm" ff={event.sourceaddress && event.sourceaddress !== 'local' ? 'monospace' : undefined}>
              <span data-testid="event-source">{source}</span>
            </Text>
          </Row>
          {event.jobid && (
            <Row label={t('events.detail.job')}>
              <JobCell jobid={event.jobid} />
            </Row>
          )}
          {event.parentid && (
            <Row label={t('events.detail.parent')}>
              <Anchor href={href('/events', { id: event.parentid })} size="sm" ff="monospace">
                {event.parentid}
              </Anchor>
            </Row>
          )}
          <Row label={t('events.detail.resource')}>
            <ResourceCell event={event} onFilter={onFilterResource} />
          </Row>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * One event opened from the list (`#/events?id=...`): what happened, who did it from where, in
 * which job, and the resource it is about, with a link that opens that resource.
 */
export function EventDrawer(props: { id: string; onClose(): void; onFilterResource(event: CloudEvent): void }) {
  const t = useT();
  const event = useEvent(props.id);
  return (
    <Drawer
      opened
      onClose={props.onClose}
      position="right"
      size={640}
      title={t('events.detail.title')}
      data-testid="event-drawer"
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {event.error ? <ErrorAlert error={event.error} /> : null}
      {event.data ? (
        <EventDetails event={event.data} onFilterResource={() => props.onFilterResource(event.data as CloudEvent)} />
      ) : (
        <Text size="sm" c="dimmed">
          {event.isLoading ? t('common.loading') : t('events.detail.notFound')}
        </Text>
      )}
    </Drawer>
  );
}
