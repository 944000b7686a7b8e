import { Anchor, Badge, Drawer, Group, ScrollArea, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { enumLabel } from '../../../lib/enum-labels';
import { formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { useServerMessage } from '../../../lib/server-message';
import { href } from '../../../lib/router';
import { useResourceEvents } from '../api/queries';
import { ActionButtons, type ActionSpec } from './actions';

/** A link to another resource's detail (`#/clusters?id=...`), or plain text when the id is unknown. */
export function EntityLink({ path, id, name }: { path: string; id?: string; name?: string }) {
  if (!name && !id) return null;
  if (!id) return <>{name}</>;
  return (
    <Anchor href={href(path, { id })} size="sm" onClick={(e) => e.stopPropagation()}>
      {name || id}
    </Anchor>
  );
}

export interface DetailTab {
  value: string;
  label: string;
  content: ReactNode;
  count?: number;
}

/**
 * The detail view of one resource, opened by `?id=`: a header of name, state and the actions
 * the state allows, then tabs (details, related resources, events).
 */
export function DetailDrawer(props: {
  kind: string;
  name: string | undefined;
  badges?: ReactNode;
  subtitle?: ReactNode;
  actions: ActionSpec[];
  loading: boolean;
  error: unknown;
  tabs: DetailTab[];
  resourceId: string;
  onClose(): void;
  testId: string;
}) {
  const t = useT();
  const [tab, setTab] = useState<string | null>('details');
  const tabs: DetailTab[] = [
    ...props.tabs,
    { value: 'events', label: t('infra.tab.events'), content: <EventsTab resourceId={props.resourceId} /> },
  ];
  return (
    <Drawer
      opened
      onClose={props.onClose}
      position="right"
      size={760}
      title={props.kind}
      data-testid={props.testId}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {props.error ? <ErrorAlert error={props.error} /> : null}
      {props.name !== undefined ? (
        <Stack gap="sm">
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Title order={2} data-testid="detail-name">
                {props.name}
              </Title>
              {props.badges}
            </Group>
            {props.subtitle && (
              <Text size="xs" c="dimmed" component="div">
                {props.subtitle}
              </Text>
            )}
          </Stack>
          {props.actions.length > 0 && <ActionButtons actions={props.actions} />}
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              {tabs.map((item) => (
                <Tabs.Tab
                  key={item.value}
                  value={item.value}
                  rightSection={
                    item.count !== undefined ? (
                      <Badge size="xs" variant="default" circle={item.count < 10}>
                        {item.count}
                      </Badge>
                    ) : undefined
                  }
                >
                  {item.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {tabs.map((item) => (
              <Tabs.Panel key={item.value} value={item.value} pt="sm">
                {item.content}
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {props.loading ? t('common.loading') : t('infra.notFound')}
        </Text>
      )}
    </Drawer>
  );
}

/** listEvents filtered by the resource's id: who did what to it, newest first. */
export function EventsTab({ resourceId }: { resourceId: string }) {
  const t = useT();
  const describe = useServerMessage();
  const locale = useLocale();
  const events = useResourceEvents(resourceId, true);
  const items = events.data?.items ?? [];
  if (events.error) return <ErrorAlert error={events.error} />;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="events-empty">
        {events.isLoading ? t('common.loading') : t('infra.events.none')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Table verticalSpacing={3} fz="xs" withTableBorder striped data-testid="resource-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('infra.events.time')}</Table.Th>
            <Table.Th w={170}>{t('events.type')}</Table.Th>
            <Table.Th w={60}>{t('events.level')}</Table.Th>
            <Table.Th>{t('common.description')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(event.created, locale)}</Table.Td>
              <Table.Td ff="monospace">{event.type}</Table.Td>
              <Table.Td>
                <Text size="xs" c={event.level === 'ERROR' ? 'red' : event.level === 'WARN' ? 'yellow.8' : undefined}>
                  {enumLabel(t, 'eventLevel', event.level)}
                </Text>
              </Table.Td>
              <Table.Td>
                {describe(event.descriptionkey, event.descriptionparams, event.description)}
                {event.username && (
                  <Text size="xs" c="dimmed" span>
                    {' '}
                    — {event.username}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(events.data?.count ?? 0) > items.length && (
        <Anchor size="xs" href={href('/events')}>
          {t('infra.events.more', { count: events.data?.count ?? 0 })}
        </Anchor>
      )}
    </Stack>
  );
}

/** A section title inside a tab, with an optional link or button on the right. */
export function SectionTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" mt="xs" mb={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {children && <Group gap={6}>{children}</Group>}
    </Group>
  );
}
