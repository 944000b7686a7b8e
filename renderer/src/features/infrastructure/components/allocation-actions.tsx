import { IconCircleCheck, IconCircleOff, IconTrash } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import type { CommandRun } from '../api/commands';
import { isDisabled, isEnabled } from '../lib/states';
import { useRunAction, type ActionSpec, type BatchSpec } from './actions';

interface Allocated {
  id: string;
  name: string;
  allocationstate?: string;
}

/** The commands that enable, disable and delete zones, pods and clusters (same parameters each). */
type AllocationUpdate = 'updateZone' | 'updatePod' | 'updateCluster';
type AllocationRemove = 'deleteZone' | 'deletePod' | 'deleteCluster';

const NOUN: Record<AllocationUpdate, BatchSpec['noun']> = {
  updateZone: 'zones',
  updatePod: 'pods',
  updateCluster: 'clusters',
};

/**
 * Enable / disable (allocationstate on the update command) and delete for zones, pods and
 * clusters, one at a time or in bulk.
 */
export function useAllocationActions<T extends Allocated>(options: {
  /** Translated titles: "Enable cluster", "Disable cluster", "Delete cluster". */
  titles: { enable: string; disable: string; remove: string };
  path: string;
  update: AllocationUpdate;
  remove: AllocationRemove;
  /** Extra per-resource actions, placed before delete. */
  extra?: (item: T) => ActionSpec[];
  deleteBlocked?: (item: T) => string | undefined;
  deleteMessage: (item: T) => string;
  disableMessage: (item: T) => string;
  onDeleted?: (item: T) => void;
}) {
  const t = useT();
  const can = useCan();
  const run = useRunAction();
  const toggleRun = (item: T, state: 'Enabled' | 'Disabled'): CommandRun => ({
    command: options.update,
    params: { id: item.id, allocationstate: state },
    title: `${state === 'Enabled' ? options.titles.enable : options.titles.disable}: ${item.name}`,
    link: `#${options.path}?id=${item.id}`,
  });

  const forItem = (item: T): ActionSpec[] => {
    const actions: ActionSpec[] = [];
    if (can(options.update) && !isEnabled(item.allocationstate))
      actions.push({
        key: 'enable',
        label: t('infra.action.enable'),
        icon: <IconCircleCheck size={14} />,
        run: () => run([toggleRun(item, 'Enabled')]),
      });
    if (can(options.update) && !isDisabled(item.allocationstate))
      actions.push({
        key: 'disable',
        label: t('infra.action.disable'),
        icon: <IconCircleOff size={14} />,
        run: () =>
          run([toggleRun(item, 'Disabled')], {
            title: options.titles.disable,
            message: options.disableMessage(item),
            confirmLabel: t('infra.action.disable'),
          }),
      });
    actions.push(...(options.extra?.(item) ?? []));
    if (can(options.remove))
      actions.push({
        key: 'delete',
        label: t('common.delete'),
        icon: <IconTrash size={14} />,
        danger: true,
        disabledReason: options.deleteBlocked?.(item),
        run: async () => {
          const outcomes = await run(
            [
              {
                command: options.remove,
                params: { id: item.id },
                title: `${options.titles.remove}: ${item.name}`,
                link: `#${options.path}`,
              },
            ],
            {
              title: options.titles.remove,
              message: options.deleteMessage(item),
              confirmLabel: t('common.delete'),
              danger: true,
            },
          );
          if (outcomes && outcomes.length > 0) options.onDeleted?.(item);
        },
      });
    return actions;
  };

  const forMany = (items: T[]): ActionSpec[] => {
    if (!can(options.update)) return [];
    const toEnable = items.filter((i) => !isEnabled(i.allocationstate));
    const toDisable = items.filter((i) => !isDisabled(i.allocationstate));
    const label = (text: string, count: number) => (count > 0 && count < items.length ? `${text} (${count})` : text);
    return [
      {
        key: 'enable',
        label: label(t('infra.action.enable'), toEnable.length),
        icon: <IconCircleCheck size={12} />,
        disabledReason: toEnable.length === 0 ? t('infra.bulk.noneApplies') : undefined,
        run: () =>
          run(
            toEnable.map((i) => toggleRun(i, 'Enabled')),
            undefined,
            { verb: 'enable', noun: NOUN[options.update] },
          ),
      },
      {
        key: 'disable',
        label: label(t('infra.action.disable'), toDisable.length),
        icon: <IconCircleOff size={12} />,
        disabledReason: toDisable.length === 0 ? t('infra.bulk.noneApplies') : undefined,
        run: () =>
          run(
            toDisable.map((i) => toggleRun(i, 'Disabled')),
            {
              title: options.titles.disable,
              message: t('infra.bulk.disableConfirm', { count: toDisable.length }),
              confirmLabel: t('infra.action.disable'),
            },
            { verb: 'disable', noun: NOUN[options.update] },
          ),
      },
    ];
  };

  return { forItem, forMany };
}
