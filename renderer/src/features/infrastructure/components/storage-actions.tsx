import { IconCircleCheck, IconCircleOff, IconTags, IconTool, IconToolsOff, IconTrash } from '@tabler/icons-react';
import type { StoragePool } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import type { CommandRun } from '../api/commands';
import { poolState } from '../lib/states';
import { useRunAction, type ActionSpec, type BatchSpec } from './actions';

const link = (pool: StoragePool) => `#/primary-storage?id=${pool.id}`;

/**
 * Primary storage: enable / disable (updateStoragePool enabled), maintenance and its cancel
 * (async), tags, and delete once the pool is in Maintenance (CloudStack's rule).
 */
export function usePoolActions(handlers: { onEditTags(pool: StoragePool): void; onDeleted?(pool: StoragePool): void }) {
  const t = useT();
  const can = useCan();
  const run = useRunAction();

  const toggleRun = (p: StoragePool, enabled: boolean): CommandRun => ({
    command: 'updateStoragePool',
    params: { id: p.id, enabled },
    title: `${enabled ? t('infra.action.enable') : t('infra.action.disable')}: ${p.name}`,
    link: link(p),
  });
  const maintainRun = (p: StoragePool): CommandRun => ({
    command: 'enableStorageMaintenance',
    params: { id: p.id },
    title: `${t('infra.action.maintenance')}: ${p.name}`,
    link: link(p),
  });
  const cancelRun = (p: StoragePool): CommandRun => ({
    command: 'cancelStorageMaintenance',
    params: { id: p.id },
    title: `${t('infra.action.cancelMaintenance')}: ${p.name}`,
    link: link(p),
  });

  const forPool = (pool: StoragePool): ActionSpec[] => {
    const s = pool.state;
    const actions: ActionSpec[] = [];
    if (can('updateStoragePool') && poolState.canEnable(s))
      actions.push({
        key: 'enable',
        label: t('infra.action.enable'),
        icon: <IconCircleCheck size={14} />,
        run: () => run([toggleRun(pool, true)]),
      });
    if (can('updateStoragePool') && poolState.canDisable(s))
      actions.push({
        key: 'disable',
        label: t('infra.action.disable'),
        icon: <IconCircleOff size={14} />,
        run: () =>
          run([toggleRun(pool, false)], {
            title: t('infra.action.disable'),
            message: t('infra.storage.disableConfirm', { name: pool.name }),
            confirmLabel: t('infra.action.disable'),
          }),
      });
    if (can('enableStorageMaintenance') && poolState.canMaintain(s))
      actions.push({
        key: 'maintenance',
        label: t('infra.action.maintenance'),
        icon: <IconTool size={14} />,
        run: () =>
          run([maintainRun(pool)], {
            title: t('infra.action.maintenance'),
            message: t('infra.storage.maintenanceConfirm', { name: pool.name }),
            confirmLabel: t('infra.action.maintenance'),
          }),
      });
    if (can('cancelStorageMaintenance') && poolState.canCancelMaintenance(s))
      actions.push({
        key: 'cancelMaintenance',
        label: t('infra.action.cancelMaintenance'),
        icon: <IconToolsOff size={14} />,
        run: () => run([cancelRun(pool)]),
      });
    if (can('updateStoragePool'))
      actions.push({
        key: 'editTags',
        label: t('infra.storage.editTags'),
        icon: <IconTags size={14} />,
        run: () => handlers.onEditTags(pool),
      });
    if (can('deleteStoragePool'))
      actions.push({
        key: 'delete',
        label: t('common.delete'),
        icon: <IconTrash size={14} />,
        danger: true,
        disabledReason: poolState.canDelete(s) ? undefined : t('infra.storage.deleteNeedsMaintenance'),
        run: async () => {
          const outcomes = await run(
            [
              {
                command: 'deleteStoragePool',
                params: { id: pool.id },
                title: `${t('infra.storage.delete')}: ${pool.name}`,
                link: '#/primary-storage',
              },
            ],
            {
              title: t('infra.storage.delete'),
              message: t('infra.storage.deleteConfirm', { name: pool.name }),
              confirmLabel: t('common.delete'),
              danger: true,
            },
          );
          if (outcomes && outcomes.length > 0) handlers.onDeleted?.(pool);
        },
      });
    return actions;
  };

  const forMany = (pools: StoragePool[]): ActionSpec[] => {
    const bulk = (
      key: BatchSpec['verb'],
      label: string,
      icon: ActionSpec['icon'],
      allowed: (s: string | undefined) => boolean,
      make: (p: StoragePool) => CommandRun,
      confirm?: (count: number) => string,
    ): ActionSpec => {
      const targets = pools.filter((p) => allowed(p.state));
      return {
        key,
        label: targets.length > 0 && targets.length < pools.length ? `${label} (${targets.length})` : label,
        icon,
        disabledReason: targets.length === 0 ? t('infra.bulk.noneApplies') : undefined,
        run: () =>
          run(
            targets.map(make),
            confirm ? { title: label, message: confirm(targets.length), confirmLabel: label } : undefined,
            { verb: key, noun: 'storagePools' },
          ),
      };
    };
    const actions: ActionSpec[] = [];
    if (can('updateStoragePool')) {
      actions.push(
        bulk('enable', t('infra.action.enable'), <IconCircleCheck size={12} />, poolState.canEnable, (p) =>
          toggleRun(p, true),
        ),
      );
      actions.push(
        bulk(
          'disable',
          t('infra.action.disable'),
          <IconCircleOff size={12} />,
          poolState.canDisable,
          (p) => toggleRun(p, false),
          (count) => t('infra.bulk.disableConfirm', { count }),
        ),
      );
    }
    if (can('enableStorageMaintenance'))
      actions.push(
        bulk(
          'maintenance',
          t('infra.action.maintenance'),
          <IconTool size={12} />,
          poolState.canMaintain,
          maintainRun,
          (count) => t('infra.storage.maintenanceMany', { count }),
        ),
      );
    if (can('cancelStorageMaintenance'))
      actions.push(
        bulk(
          'cancelMaintenance',
          t('infra.action.cancelMaintenance'),
          <IconToolsOff size={12} />,
          poolState.canCancelMaintenance,
          cancelRun,
        ),
      );
    return actions;
  };

  return { forPool, forMany };
}
