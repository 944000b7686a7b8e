import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCloudComputing, IconFileImport, IconPlugConnected, IconServer, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useApi } from '../../../lib/api-context';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { navigate } from '../../../lib/router';
import classes from './dashboard.module.css';

function Choice(props: {
  icon: Icon;
  title: string;
  text: string;
  action: ReactNode;
  testId: string;
  disabled?: boolean;
  /** Why the choice is not available yet, shown under its text. */
  note?: string;
}) {
  return (
    <Paper
      withBorder
      p="md"
      className={classes.choice}
      data-testid={props.testId}
      data-disabled={props.disabled || undefined}
    >
      <Stack gap="xs" h="100%" justify="space-between">
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" size="lg" color={props.disabled ? 'gray' : undefined}>
              <props.icon size={18} />
            </ThemeIcon>
            <Text fw={600} size="sm">
              {props.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {props.text}
          </Text>
          {props.note && (
            <Text size="xs" fs="italic" c="dimmed" data-testid="choice-note">
              {props.note}
            </Text>
          )}
        </Stack>
        <Group>{props.action}</Group>
      </Stack>
    </Paper>
  );
}

/**
 * An empty cloud greets with choices, not a blank page: a lab cloud, this
 * machine as a KVM host, a datacenter description, a remote server.
 */
export function FirstRun({ onImport }: { onImport: () => void }) {
  const t = useT();
  const can = useCan();
  const client = useApi();
  const canCreate = can('createZone');
  const canImport = can('importDataCenter');
  // Switching servers needs connection profiles in the desktop shell; a browser talks to the
  // server that served it.
  const remoteHint =
    client.mode === 'http' ? t('dashboard.firstRun.remoteBrowser') : t('dashboard.firstRun.remoteDesktop');
  return (
    <Stack gap="md" maw={980} data-testid="first-run">
      <div>
        <Title order={2}>{t('dashboard.firstRun.title')}</Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('dashboard.firstRun.subtitle')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Choice
          icon={IconCloudComputing}
          title={t('dashboard.firstRun.lab')}
          text={t('dashboard.firstRun.labText')}
          testId="choice-lab"
          action={
            <Button
              onClick={() => navigate('/zones/new', { preset: 'lab' })}
              disabled={!canCreate}
              data-testid="first-run-lab"
            >
              {t('dashboard.firstRun.labAction')}
            </Button>
          }
        />
        <Choice
          icon={IconFileImport}
          title={t('dashboard.firstRun.import')}
          text={t('dashboard.firstRun.importText')}
          testId="choice-import"
          action={
            <Button variant="light" onClick={onImport} disabled={!canImport} data-testid="first-run-import">
              {t('dashboard.firstRun.importAction')}
            </Button>
          }
        />
        <Choice
          icon={IconServer}
          title={t('dashboard.firstRun.kvm')}
          text={t('dashboard.firstRun.kvmText')}
          testId="choice-kvm"
          disabled
          note={t('dashboard.firstRun.kvmLater')}
          action={
            <Tooltip label={t('dashboard.firstRun.kvmLater')} multiline maw={300}>
              <span>
                <Button variant="default" disabled data-testid="first-run-kvm">
                  {t('dashboard.firstRun.kvmAction')}
                </Button>
              </span>
            </Tooltip>
          }
        />
        <Choice
          icon={IconPlugConnected}
          title={t('dashboard.firstRun.remote')}
          text={t('dashboard.firstRun.remoteText')}
          testId="choice-remote"
          disabled
          note={remoteHint}
          action={
            <Group gap="xs">
              <Tooltip label={remoteHint} multiline maw={300}>
                <span>
                  <Button variant="default" disabled data-testid="first-run-remote">
                    {t('dashboard.firstRun.remoteAction')}
                  </Button>
                </span>
              </Tooltip>
              <Badge variant="light" color="gray">
                {t('dashboard.firstRun.desktopOnly')}
              </Badge>
            </Group>
          }
        />
      </SimpleGrid>
    </Stack>
  );
}
