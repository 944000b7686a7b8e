import { ActionIcon, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { createContext, Fragment, useCallback, useContext, useState, type ReactNode } from 'react';
import { useConfirm } from '../../../components/confirm-dialog';
import { useApi } from '../../../lib/api-context';
import type { ItemOutcome } from '../../../lib/batch';
import { isAsyncCommand, type AsyncCommandName } from '../../../lib/contract';
import { useT, type MessageKey } from '../../../lib/i18n';
import { notifyError } from '../../../lib/notify';
import { useRunBatch } from '../../../lib/run-batch';
import { useInfraCommand, type CommandOutcome, type CommandRun } from '../api/commands';

/** One lifecycle action of a resource, as the row menu, the drawer header and the bulk bar show it. */
export interface ActionSpec {
  key: string;
  label: string;
  icon: ReactNode;
  /** Set when the action cannot run now: the control is disabled and this explains why. */
  disabledReason?: string;
  danger?: boolean;
  run(): void | Promise<unknown>;
}

export interface ConfirmSpec {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
}

/** What a bulk action does to what, for its batch's titles ("Disable 30 hosts", "Disabled 30 hosts"). */
export interface BatchSpec {
  verb: 'enable' | 'disable' | 'maintenance' | 'cancelMaintenance' | 'delete';
  noun: 'hosts' | 'zones' | 'pods' | 'clusters' | 'storagePools';
}

/** Runs several infrastructure commands as one batch: one tray entry, one summary at the end. */
function useRunInfraBatch() {
  const client = useApi();
  const runBatch = useRunBatch();
  return useCallback(
    async (runs: CommandRun[], spec: BatchSpec) => {
      const vars = { count: runs.length };
      const nouns = { noun: `batch.noun.${spec.noun}` as MessageKey };
      await runBatch({
        title: { key: `batch.run.${spec.verb}` as MessageKey, vars, nouns },
        doneTitle: { key: `batch.done.${spec.verb}` as MessageKey, vars, nouns },
        items: runs,
        label: (run) => run.title,
        link: (run) => run.link,
        invalidate: ['infrastructure', 'events'],
        run: async (run): Promise<ItemOutcome> => {
          if (isAsyncCommand(run.command))
            return client.startAsync(run.command as AsyncCommandName, run.params as never);
          await client.call(run.command, run.params as never);
          return { sync: true };
        },
      });
    },
    [client, runBatch],
  );
}

/**
 * Confirms (when asked), then runs one command per target: one confirmation for a bulk action,
 * one job or call per resource. Several targets with a `batch` spec run as one batch (one tray
 * entry, one summary). Failures to start are shown with CloudStack's errortext.
 */
export function useRunAction() {
  const confirm = useConfirm();
  const command = useInfraCommand();
  const runInfraBatch = useRunInfraBatch();
  return useCallback(
    async (runs: CommandRun[], confirmSpec?: ConfirmSpec, batch?: BatchSpec): Promise<CommandOutcome[] | null> => {
      if (confirmSpec) {
        const answer = await confirm(confirmSpec);
        if (!answer.confirmed) return null;
      }
      if (batch && runs.length > 1) {
        await runInfraBatch(runs, batch);
        return [];
      }
      const outcomes: CommandOutcome[] = [];
      for (const run of runs) {
        try {
          outcomes.push(await command(run));
        } catch (error) {
          notifyError(error, run.title);
        }
      }
      return outcomes;
    },
    [confirm, command, runInfraBatch],
  );
}

function withReason(key: string, reason: string | undefined, node: ReactNode) {
  if (!reason) return <Fragment key={key}>{node}</Fragment>;
  return (
    <Tooltip key={key} label={reason} multiline maw={280}>
      <span style={{ display: 'inline-flex' }} data-reason={reason}>
        {node}
      </span>
    </Tooltip>
  );
}

/** The drawer header's buttons; a disabled button tells why in a tooltip. */
export function ActionButtons({ actions }: { actions: ActionSpec[] }) {
  return (
    <Group gap={6} data-testid="detail-actions">
      {actions.map((action) =>
        withReason(
          action.key,
          action.disabledReason,
          <Button
            variant={action.danger ? 'light' : 'default'}
            color={action.danger ? 'red' : undefined}
            leftSection={action.icon}
            disabled={action.disabledReason !== undefined}
            data-action={action.key}
            onClick={() => void action.run()}
          >
            {action.label}
          </Button>,
        ),
      )}
    </Group>
  );
}

/** The "..." menu at the end of a row. */
export function RowActionsMenu({
  name,
  actions,
  defaultOpened,
}: {
  name: string;
  actions: ActionSpec[];
  defaultOpened?: boolean;
}) {
  const t = useT();
  if (actions.length === 0) return null;
  const regular = actions.filter((a) => !a.danger);
  const danger = actions.filter((a) => a.danger);
  const item = (action: ActionSpec) => (
    <Menu.Item
      key={action.key}
      leftSection={action.icon}
      color={action.danger ? 'red' : undefined}
      disabled={action.disabledReason !== undefined}
      data-action={action.key}
      onClick={() => void action.run()}
    >
      {action.label}
      {action.disabledReason && (
        <Text size="xs" c="dimmed" maw={240} style={{ whiteSpace: 'normal' }}>
          {action.disabledReason}
        </Text>
      )}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" width={260} defaultOpened={defaultOpened}>
      <Menu.Target>
        <ActionIcon size="sm" aria-label={`${t('common.actions')} ${name}`} onClick={(e) => e.stopPropagation()}>
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        {regular.map(item)}
        {danger.length > 0 && regular.length > 0 && <Menu.Divider />}
        {danger.map(item)}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Shown above the table while rows are selected: the bulk actions CloudStack allows. */
export function BulkBar({ count, actions, onClear }: { count: number; actions: ActionSpec[]; onClear(): void }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <Group gap="xs" mb={6} data-testid="bulk-bar">
      <Text size="xs" c="dimmed">
        {t('common.selected', { count })}
      </Text>
      {actions.map((action) =>
        withReason(
          action.key,
          action.disabledReason,
          <Button
            size="compact-xs"
            variant="light"
            color={action.danger ? 'red' : undefined}
            leftSection={action.icon}
            disabled={action.disabledReason !== undefined}
            data-action={action.key}
            onClick={() => void action.run()}
          >
            {action.label}
          </Button>,
        ),
      )}
      <Button size="compact-xs" variant="subtle" color="gray" onClick={onClear}>
        {t('infra.clearSelection')}
      </Button>
    </Group>
  );
}

/** Lets table cells reach the page's per-row actions without making the column definitions unstable. */
export const RowActionsContext = createContext<(row: never) => ActionSpec[]>(() => []);

/**
 * A row's "..." button. The menu itself (a floating popover, costly to mount in every row of a
 * long list) is mounted on the first click, already open.
 */
export function RowActionsCell<T extends { id: string; name: string }>({ row }: { row: T }) {
  const t = useT();
  const actionsFor = useContext(RowActionsContext) as (row: T) => ActionSpec[];
  const [menuMounted, setMenuMounted] = useState(false);
  const actions = actionsFor(row);
  if (actions.length === 0) return null;
  if (menuMounted) return <RowActionsMenu name={row.name} actions={actions} defaultOpened />;
  return (
    <ActionIcon
      size="sm"
      aria-label={`${t('common.actions')} ${row.name}`}
      aria-haspopup="menu"
      onClick={(e) => {
        e.stopPropagation();
        setMenuMounted(true);
      }}
    >
      <IconDots size={14} />
    </ActionIcon>
  );
}
