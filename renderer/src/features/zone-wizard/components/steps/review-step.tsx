import { Alert, Badge, Button, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleDashed,
  IconExternalLink,
  IconPlayerPlay,
  IconSitemap,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { memo, useEffect, useRef } from 'react';
import { useConfirm } from '../../../../components/confirm-dialog';
import { useApi } from '../../../../lib/api-context';
import { useT, type MessageKey, type Translate } from '../../../../lib/i18n';
import { notifySuccess } from '../../../../lib/notify';
import { href, navigate } from '../../../../lib/router';
import { applyPlan, discardCreated } from '../../api/run-plan';
import { STEP_IDS, type StepId } from '../../model/draft';
import { displayParams, isRef, type Ref } from '../../../../../../core/src/contract/zone-plan';
import { createdResources, MASK, type PlanCall } from '../../model/plan';
import { KEY } from '../../model/zone-spec';
import { useWizardStore, type CallProgress } from '../../store/wizard-store';
import { FinishPanel } from '../finish-panel';
import { useWizard } from '../wizard-context';
import classes from '../zone-wizard.module.css';

const REF_KEYS: Record<Ref['kind'], MessageKey> = {
  zone: 'wizard.ref.zone',
  physicalNetwork: 'wizard.ref.physicalNetwork',
  provider: 'wizard.ref.provider',
  vrElement: 'wizard.ref.vrElement',
  pod: 'wizard.ref.pod',
  cluster: 'wizard.ref.cluster',
  vlan: 'wizard.ref.vlan',
  host: 'wizard.ref.host',
  storagePool: 'wizard.ref.storagePool',
  imageStore: 'wizard.ref.imageStore',
};

/** "‹zone id›", "‹VirtualRouter provider id›" ... for references not produced yet. */
export function refLabel(t: Translate, ref: Ref): string {
  // A provider's key ends with its name ("network.<uid>.provider.VirtualRouter").
  const name = ref.kind === 'provider' ? (ref.ref.split('.').pop() ?? '') : '';
  return `‹${t(REF_KEYS[ref.kind], { name })}›`;
}

export function CallStatus({ progress }: { progress: CallProgress | undefined }) {
  const t = useT();
  const state = progress?.state ?? 'pending';
  const icon =
    state === 'running' ? (
      <Loader size={10} color="blue" />
    ) : state === 'done' ? (
      <IconCheck size={12} />
    ) : state === 'failed' ? (
      <IconX size={12} />
    ) : (
      <IconCircleDashed size={12} />
    );
  const color = { pending: 'gray', running: 'blue', done: 'green', failed: 'red' }[state];
  return (
    <Badge color={color} variant="light" size="sm" leftSection={icon} data-testid="call-state" data-state={state}>
      {t(`wizard.call.${state}`)}
    </Badge>
  );
}

/** One parameter: produced ids shortened (the full id on hover), references named; secrets come masked. */
function Param({ name, value }: { name: string; value: string | Ref }) {
  const t = useT();
  const ref = isRef(value) ? value.ref : undefined;
  const id = useWizardStore((s) => (ref ? s.produced[ref]?.id : undefined));
  let shown: React.ReactNode;
  let title: string | undefined;
  if (ref && id) {
    shown = id.length > 13 ? `${id.slice(0, 8)}…` : id;
    title = id;
  } else if (isRef(value)) {
    shown = (
      <Text span fz={11} fs="italic" c="dimmed">
        {refLabel(t, value)}
      </Text>
    );
  } else shown = value;
  return (
    <Code fz={11} data-testid="call-param" title={title}>
      {name}={shown}
    </Code>
  );
}

const CallRow = memo(function CallRow({
  call,
  index,
  progress: p,
  onFix,
}: {
  call: PlanCall;
  index: number;
  progress: CallProgress | undefined;
  onFix?: (step: StepId) => void;
}) {
  const t = useT();
  const row = useRef<HTMLTableRowElement>(null);
  const state = p?.state ?? 'pending';
  // Keep the call in progress (or the one that failed) in view while applying.
  useEffect(() => {
    if (state === 'running' || state === 'failed') row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state]);
  return (
    <Table.Tr
      ref={row}
      data-testid="plan-call"
      data-command={call.command}
      data-state={state}
      bg={state === 'failed' ? 'var(--mantine-color-red-light)' : undefined}
    >
      <Table.Td c="dimmed" ta="right" fz="xs">
        {index + 1}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="wrap">
          <Text ff="monospace" fz="sm" fw={700} mr={4}>
            {call.command}
          </Text>
          {displayParams(call, MASK).map(({ name, value }) => (
            <Param key={name} name={name} value={value} />
          ))}
        </Group>
        {state === 'failed' && (
          <Group gap="xs" mt={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="red" fw={500} data-testid="call-error" style={{ flex: 1 }}>
              {p?.errortext}
            </Text>
            {onFix && call.step !== 'review' && (
              <Button size="compact-xs" variant="light" color="red" onClick={() => onFix(call.step)}>
                {t('wizard.review.fixIn', { step: t(`wizard.step.${call.step}`) })}
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <CallStatus progress={p} />
      </Table.Td>
    </Table.Tr>
  );
});

/** The numbered call list with per-call state; a failed call shows CloudStack's errortext and where to fix it. */
function CallTable({
  calls,
  progress,
  onFix,
  testId,
}: {
  calls: PlanCall[];
  progress: Record<string, CallProgress>;
  onFix?: (step: StepId) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <Table
      verticalSpacing={4}
      horizontalSpacing="xs"
      withTableBorder
      layout="fixed"
      data-testid={testId}
      fz="sm"
      aria-label={t('wizard.review.calls', { count: calls.length })}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={34} ta="right">
            #
          </Table.Th>
          <Table.Th>{t('wizard.review.call')}</Table.Th>
          <Table.Th w={124}>{t('common.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {calls.map((call, index) => (
          <CallRow key={call.key} call={call} index={index} progress={progress[call.key]} onFix={onFix} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Opens a step from the review (stable: rows stay memoized). */
const fixIn = (step: StepId) => {
  const s = useWizardStore.getState();
  s.markVisited('review');
  s.goTo(step);
};

/** The last step: what will happen, then applying it with per-call progress, resume and discard. */
export function ReviewStep() {
  const t = useT();
  const w = useWizard();
  const client = useApi();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const discardProgress = useWizardStore((s) => s.discardProgress);
  const discardPlan = useWizardStore((s) => s.discardPlan);
  const { plan, progress, produced, phase } = w;
  const zoneName = w.draft.zone.name.trim();
  const invalid = STEP_IDS.filter((s) => s !== 'review' && w.errorCount(s) > 0);
  const doneCount = plan.filter((c) => progress[c.key]?.state === 'done').length;
  const failed = plan.find((c) => progress[c.key]?.state === 'failed');
  const created = createdResources(produced);
  const zoneId = produced[KEY.zone]?.id;
  const title = (call: PlanCall) => t('wizard.jobTitle', { command: call.command, zone: zoneName });

  const apply = () => void applyPlan(client, queryClient, plan, title);
  const discard = async () => {
    const answer = await confirm({
      title: t('wizard.discard.confirmTitle'),
      message: t('wizard.discard.confirmMessage', { count: created.length, zone: zoneName }),
      confirmLabel: t('wizard.discard.action'),
      danger: true,
    });
    if (!answer.confirmed) return;
    await discardCreated(client, queryClient, title);
    if (Object.keys(useWizardStore.getState().produced).length === 0) notifySuccess(t('wizard.discard.done'));
  };

  return (
    <Stack gap="sm">
      {invalid.length > 0 && phase !== 'done' && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} title={t('wizard.review.invalid')}>
          <Group gap="xs">
            {invalid.map((s) => (
              <Button key={s} size="compact-xs" variant="light" color="yellow" onClick={() => w.goTo(s)}>
                {t(`wizard.step.${s}`)} ({w.errorCount(s)})
              </Button>
            ))}
          </Group>
        </Alert>
      )}

      {phase === 'done' && zoneId && <FinishPanel zoneId={zoneId} zoneName={zoneName} calls={plan.length} />}

      {failed && !w.discarding && phase === 'failed' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          title={t('wizard.review.failedTitle', { command: failed.command })}
          data-testid="wizard-failed"
        >
          <Stack gap={6}>
            <Text size="sm">{progress[failed.key]?.errortext}</Text>
            <Text size="xs" c="dimmed">
              {t('wizard.review.failedHint', { done: doneCount })}
            </Text>
            {failed.step !== 'review' && (
              <Group gap="xs">
                <Button size="xs" color="red" variant="light" onClick={() => w.goTo(failed.step)}>
                  {t('wizard.review.fixIn', { step: t(`wizard.step.${failed.step}`) })}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}

      {/* The actions stay at hand above the list, however long it is. */}
      {/* Wraps when narrow: the finished zone's three actions do not fit beside the count in the middle column. */}
      <Group justify="space-between" className={classes.reviewBar} wrap="wrap" style={{ rowGap: 8 }}>
        <Stack gap={0}>
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {t('wizard.review.calls', { count: plan.length })}
          </Text>
          <Text size="xs" c="dimmed" data-testid="plan-progress">
            {t('wizard.review.progress', { done: doneCount, total: plan.length })}
            {created.length > 0 && phase !== 'done' ? ` · ${t('wizard.discard.hint', { count: created.length })}` : ''}
          </Text>
        </Stack>
        {phase === 'done' && zoneId && (
          <Group gap="xs" wrap="nowrap" ml="auto">
            <Button size="xs" variant="subtle" onClick={() => useWizardStore.getState().reset()}>
              {t('wizard.finish.another')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconSitemap size={14} />}
              component="a"
              href={href('/infrastructure')}
            >
              {t('wizard.finish.openDiagram')}
            </Button>
            <Button
              size="xs"
              leftSection={<IconExternalLink size={14} />}
              onClick={() => navigate('/zones', { id: zoneId })}
            >
              {t('wizard.finish.openZone')}
            </Button>
          </Group>
        )}
        {phase !== 'done' && (
          <Group gap="xs" wrap="nowrap">
            {created.length > 0 && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => void discard()}
                loading={phase === 'discarding'}
                disabled={phase === 'applying'}
                data-testid="discard-created"
              >
                {w.discarding ? t('wizard.discard.retry') : t('wizard.discard.action')}
              </Button>
            )}
            {!w.discarding && (
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                onClick={apply}
                loading={phase === 'applying'}
                disabled={invalid.length > 0}
                data-testid="apply-plan"
              >
                {doneCount > 0 ? t('wizard.review.resume', { index: doneCount + 1 }) : t('wizard.review.apply')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {discardPlan.length > 0 && (
        <Stack gap={6} data-testid="discard-panel">
          <Text size="sm" fw={600}>
            {t('wizard.discard.title')}
          </Text>
          <CallTable calls={discardPlan} progress={discardProgress} testId="discard-calls" />
        </Stack>
      )}

      <CallTable calls={plan} progress={progress} onFix={fixIn} testId="plan-calls" />
    </Stack>
  );
}
