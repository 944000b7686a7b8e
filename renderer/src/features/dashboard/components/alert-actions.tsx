import { ActionIcon, Anchor, Button, Group, Menu } from '@mantine/core';
import {
  IconArchive,
  IconChecks,
  IconDots,
  IconExternalLink,
  IconPlugConnected,
  IconTool,
  IconUserPlus,
} from '@tabler/icons-react';
import { useConfirm } from '../../../components/confirm-dialog';
import type { Alert } from '../../../lib/contract';
import { useT, type MessageKey } from '../../../lib/i18n';
import { useRunJob } from '../../../lib/jobs';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { href } from '../../../lib/router';
import { useAlertChange } from '../api/alert-actions';

const RESOURCE_PATHS: Record<NonNullable<Alert['resourcetype']>, string> = {
  Host: '/hosts',
  Cluster: '/clusters',
  Pod: '/pods',
  Zone: '/zones',
};

/** The drawer of what the alert is about (`#/hosts?id=...`), if it names something. */
export function alertResourceHref(alert: Alert): string | undefined {
  return alert.resourcetype && alert.resourceid
    ? href(RESOURCE_PATHS[alert.resourcetype], { id: alert.resourceid })
    : undefined;
}

export interface AlertAction {
  key: string;
  label: string;
  icon: typeof IconArchive;
  href?: string;
  run?: () => void;
  testId: string;
}

/**
 * What an operator can do about an alert, in the order they would: open what it is about, act on
 * a host (reconnect, maintenance), acknowledge it, assign it (in the drawer), archive it.
 */
export function useAlertActions(alert: Alert, options: { onAssign?: () => void } = {}): AlertAction[] {
  const t = useT();
  const can = useCan();
  const confirm = useConfirm();
  const runJob = useRunJob();
  const change = useAlertChange();
  const name = alert.resourcename ?? alert.resourceid ?? '';
  const apply = async (what: 'acknowledge' | 'archive', done: MessageKey) => {
    try {
      await change.mutateAsync({ action: what, id: alert.id });
      notifySuccess(t(done));
    } catch (error) {
      notifyError(error);
    }
  };
  const actions: AlertAction[] = [];
  const link = alertResourceHref(alert);
  if (link && alert.resourcetype) {
    const label = t(`alerts.open.${alert.resourcetype}`);
    actions.push({ key: 'open', label, icon: IconExternalLink, href: link, testId: 'alert-open-resource' });
  }
  if (alert.resourcetype === 'Host' && alert.resourceid) {
    const id = alert.resourceid;
    if (can('reconnectHost'))
      actions.push({
        key: 'reconnect',
        label: t('alerts.reconnectHost'),
        icon: IconPlugConnected,
        testId: 'alert-reconnect-host',
        run: () =>
          void runJob({ command: 'reconnectHost', params: { id }, title: t('alerts.reconnectTitle', { name }), link }),
      });
    if (can('prepareHostForMaintenance'))
      actions.push({
        key: 'maintenance',
        label: t('alerts.maintenance'),
        icon: IconTool,
        testId: 'alert-host-maintenance',
        run: () =>
          void (async () => {
            const title = t('alerts.maintenanceTitle', { name });
            const ok = await confirm({
              title,
              message: t('infra.host.maintenanceConfirm', { name }),
              confirmLabel: t('alerts.maintenance'),
            });
            if (ok.confirmed) await runJob({ command: 'prepareHostForMaintenance', params: { id }, title, link });
          })().catch(notifyError),
      });
  }
  if (!alert.acknowledged && can('acknowledgeAlerts'))
    actions.push({
      key: 'acknowledge',
      label: t('alerts.acknowledge'),
      icon: IconChecks,
      testId: 'alert-acknowledge',
      run: () => void apply('acknowledge', 'alerts.acknowledgedDone'),
    });
  if (options.onAssign && can('assignAlert'))
    actions.push({
      key: 'assign',
      label: t('alerts.assign'),
      icon: IconUserPlus,
      testId: 'alert-assign',
      run: options.onAssign,
    });
  if (can('archiveAlerts'))
    actions.push({
      key: 'archive',
      label: t('alerts.archive'),
      icon: IconArchive,
      testId: 'alert-archive',
      run: () => void apply('archive', 'alerts.archivedOne'),
    });
  return actions;
}

/** The row's menu of actions (the sticky last column). */
export function AlertRowMenu({ alert, onAssign }: { alert: Alert; onAssign(): void }) {
  const t = useT();
  const actions = useAlertActions(alert, { onAssign });
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon
          size="sm"
          aria-label={t('alerts.actions', { name: alert.resourcename ?? alert.name })}
          onClick={(e) => e.stopPropagation()}
          data-testid="alert-row-menu"
        >
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        {actions.map((a) => (
          <Menu.Item
            key={a.key}
            leftSection={<a.icon size={14} />}
            data-testid={`${a.testId}-item`}
            {...(a.href ? { component: 'a' as const, href: a.href } : { onClick: a.run })}
          >
            {a.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The drawer's action buttons. */
export function AlertActionButtons({ alert }: { alert: Alert }) {
  const actions = useAlertActions(alert);
  return (
    <Group gap={6} wrap="wrap">
      {actions.map((a) =>
        a.href ? (
          <Button
            key={a.key}
            component="a"
            href={a.href}
            size="compact-sm"
            variant="light"
            leftSection={<a.icon size={14} />}
            data-testid={a.testId}
          >
            {a.label}
          </Button>
        ) : (
          <Button
            key={a.key}
            size="compact-sm"
            variant="default"
            leftSection={<a.icon size={14} />}
            onClick={a.run}
            data-testid={a.testId}
          >
            {a.label}
          </Button>
        ),
      )}
    </Group>
  );
}

/**
 * The alert's resource as a link (its name, or its id). In a table row (`inText`) it takes the
 * text colour, underlined: a link colour on the highlighted row under an open drawer's overlay
 * falls below the contrast the text keeps.
 */
export function AlertResourceLink({ alert, inText = false }: { alert: Alert; inText?: boolean }) {
  const link = alertResourceHref(alert);
  if (!link) return null;
  return (
    <Anchor
      href={link}
      size="sm"
      {...(inText ? { c: 'inherit', underline: 'always' as const } : {})}
      onClick={(e) => e.stopPropagation()}
      data-testid="alert-resource-link"
    >
      {alert.resourcename ?? alert.resourceid}
    </Anchor>
  );
}
