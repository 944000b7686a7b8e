import {
  IconCircleCheck,
  IconCircleOff,
  IconPlugConnected,
  IconTags,
  IconTool,
  IconToolsOff,
  IconTrash,
} from '@tabler/icons-react';
import type { Host } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import type { CommandRun } from '../api/commands';
import { hostRs } from '../lib/states';
import { useRunAction, type ActionSpec, type BatchSpec } from './actions';

const link = (host: Host) => `#/hosts?id=${host.id}`;

/**
 * What an operator may do to a host in its resource state (CloudStack ResourceState): enable or
 * disable, maintenance and its cancel (async), reconnect (async), tags, and delete only once the
 * host is in Maintenance or Disabled.
 */
export function useHostActions(handlers: { onEditTags(host: Host): void; onDeleted?(host: Host): void }) {
  const t = useT();
  const can = useCan();
  const run = useRunAction();

  const enableRun = (h: Host): CommandRun => ({
    command: 'updateHost',
    params: { id: h.id, allocationstate: 'Enable' },
    title: `${t('infra.action.enable')}: ${h.name}`,
    link: link(h),
  });
  const disableRun = (h: Host): CommandRun => ({
    command: 'updateHost',
    params: { id: h.id, allocationstate: 'Disable' },
    title: `${t('infra.action.disable')}: ${h.name}`,
    link: link(h),
  });
  const maintainRun = (h: Host): CommandRun => ({
    command: 'prepareHostForMaintenance',
    params: { id: h.id },
    title: `${t('infra.action.maintenance')}: ${h.name}`,
    link: link(h),
  });
  const cancelRun = (h: Host): CommandRun => ({
    command: 'cancelHostMaintenance',
    params: { id: h.id },
    title: `${t('infra.action.cancelMaintenance')}: ${h.name}`,
    link: link(h),
  });

  const forHost = (host: Host): ActionSpec[] => {
    const rs = host.resourcestate;
    const actions: ActionSpec[] = [];
    if (can('updateHost') && hostRs.canEnable(rs))
      actions.push({
        key: 'enable',
        label: t('infra.action.enable'),
        icon: <IconCircleCheck size={14} />,
        run: () => run([enableRun(host)]),
      });
    if (can('updateHost') && hostRs.canDisable(rs))
      actions.push({
        key: 'disable',
        label: t('infra.action.disable'),
        icon: <IconCircleOff size={14} />,
        run: () =>
          run([disableRun(host)], {
            title: t('infra.host.disableTitle'),
            message: t('infra.host.disableConfirm', { name: host.name }),
            confirmLabel: t('infra.action.disable'),
          }),
      });
    if (can('prepareHostForMaintenance') && hostRs.canMaintain(rs))
      actions.push({
        key: 'maintenance',
        label: t('infra.action.maintenance'),
        icon: <IconTool size={14} />,
        run: () =>
          run([maintainRun(host)], {
            title: t('infra.action.maintenance'),
            message: t('infra.host.maintenanceConfirm', { name: host.name }),
            confirmLabel: t('infra.action.maintenance'),
          }),
      });
    if (can('cancelHostMaintenance') && hostRs.canCancelMaintenance(rs))
      actions.push({
        key: 'cancelMaintenance',
        label: t('infra.action.cancelMaintenance'),
        icon: <IconToolsOff size={14} />,
        run: () => run([cancelRun(host)]),
      });
    if (can('reconnectHost'))
      actions.push({
        key: 'reconnect',
        label: t('infra.action.reconnect'),
        icon: <IconPlugConnected size={14} />,
        disabledReason: hostRs.inMaintenance(rs) ? t('infra.host.reconnectInMaintenance') : undefined,
        run: () =>
          run([
            {
              command: 'reconnectHost',
              params: { id: host.id },
              title: `${t('infra.action.reconnect')}: ${host.name}`,
              link: link(host),
            },
          ]),
      });
    if (can('updateHost'))
      actions.push({
        key: 'editTags',
        label: t('infra.host.editTags'),
        icon: <IconTags size={14} />,
        run: () => handlers.onEditTags(host),
      });
    if (can('deleteHost'))
      actions.push({
        key: 'delete',
        label: t('common.delete'),
        icon: <IconTrash size={14} />,
        danger: true,
        disabledReason: hostRs.canDelete(rs) ? undefined : t('infra.host.deleteNeedsMaintenance'),
        run: async () => {
          const outcomes = await run(
            [
              {
                command: 'deleteHost',
                params: { id: host.id },
                title: `${t('infra.host.delete')}: ${host.name}`,
                link: '#/hosts',
              },
            ],
            {
              title: t('infra.host.delete'),
              message: t('infra.host.deleteConfirm', { name: host.name }),
              confirmLabel: t('common.delete'),
              danger: true,
            },
          );
          if (outcomes && outcomes.length > 0) handlers.onDeleted?.(host);
        },
      });
    return actions;
  };

  /** Bulk: each action runs on the selected hosts whose state allows it. */
  const forMany = (hosts: Host[]): ActionSpec[] => {
    const bulk = (
      key: BatchSpec['verb'],
      label: string,
      icon: ActionSpec['icon'],
      allowed: (rs: string | undefined) => boolean,
      make: (h: Host) => CommandRun,
      confirmMessage?: (count: number) => string,
    ): ActionSpec => {
      const targets = hosts.filter((h) => allowed(h.resourcestate));
      return {
        key,
        label: targets.length > 0 && targets.length < hosts.length ? `${label} (${targets.length})` : label,
        icon,
        disabledReason: targets.length === 0 ? t('infra.bulk.noneApplies') : undefined,
        run: () =>
          run(
            targets.map(make),
            confirmMessage ? { title: label, message: confirmMessage(targets.length), confirmLabel: label } : undefined,
            { verb: key, noun: 'hosts' },
          ),
      };
    };
    const actions: ActionSpec[] = [];
    if (can('updateHost')) {
      actions.push(
        bulk('enable', t('infra.action.enable'), <IconCircleCheck size={12} />, hostRs.canEnable, enableRun),
      );
      actions.push(
        bulk(
          'disable',
          t('infra.action.disable'),
          <IconCircleOff size={12} />,
          hostRs.canDisable,
          disableRun,
          (count) => t('infra.host.disableMany', { count }),
        ),
      );
    }
    if (can('prepareHostForMaintenance'))
      actions.push(
        bulk(
          'maintenance',
          t('infra.action.maintenance'),
          <IconTool size={12} />,
          hostRs.canMaintain,
          maintainRun,
          (count) => t('infra.host.maintenanceMany', { count }),
        ),
      );
    if (can('cancelHostMaintenance'))
      actions.push(
        bulk(
          'cancelMaintenance',
          t('infra.action.cancelMaintenance'),
          <IconToolsOff size={12} />,
          hostRs.canCancelMaintenance,
          cancelRun,
        ),
      );
    return actions;
  };

  return { forHost, forMany };
}
