import { SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ServiceOffering } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { ACCOUNT_TYPES } from '../../../lib/permissions';
import { useCurrentUser } from '../../../lib/session';
import { useCreateComputeOffering } from '../api/offering-mutations';
import {
  COMPUTE_STEPS,
  computeParams,
  computeProblems,
  emptyComputeDraft,
  type ComputeDraft,
  type ComputeStep,
  type SizeKind,
} from '../lib/compute-draft';
import { ScopeFields, useScopeSummary } from './scope-fields';
import { useProblemText } from './use-problem-text';
import { RequestPreview, SummaryRow, WizardFrame, type WizardStepInfo } from './wizard-frame';

const STEP_LABELS: Record<ComputeStep, WizardStepInfo<ComputeStep>['label']> = {
  basics: 'offerings.step.basics',
  size: 'offerings.step.size',
  storage: 'offerings.step.storage',
  scope: 'offerings.step.scope',
  review: 'offerings.step.review',
};
const STEPS = COMPUTE_STEPS.map((id) => ({ id, label: STEP_LABELS[id] }));

/** createServiceOffering as a wizard: name, size, storage and host, scope, then the request. */
export function ComputeOfferingWizard(props: { onClose(): void; onCreated(offering: ServiceOffering): void }) {
  const t = useT();
  const text = useProblemText();
  const me = useCurrentUser();
  const domainAdmin = me.type === ACCOUNT_TYPES.DomainAdmin;
  const create = useCreateComputeOffering();
  const [draft, setDraft] = useState<ComputeDraft>(() => emptyComputeDraft(domainAdmin, me.domainid));
  const [step, setStep] = useState<ComputeStep>('basics');
  const [visited, setVisited] = useState<Set<ComputeStep>>(() => new Set());
  const problems = useMemo(
    () => computeProblems(draft, { domainAdmin, account: me.account }),
    [draft, domainAdmin, me.account],
  );
  const params = useMemo(() => computeParams(draft), [draft]);
  const scope = useScopeSummary(draft);
  const patch = (next: Partial<ComputeDraft>) => setDraft((d) => ({ ...d, ...next }));
  const goTo = (next: ComputeStep) => {
    setVisited((v) => new Set([...v, step]));
    setStep(next);
  };
  // A step's problems show once it has been left (then live as the operator types): not while first typing.
  const shown = (s: ComputeStep) => visited.has(s);
  const error = (s: ComputeStep, field: string) => (shown(s) ? text(problems[s][field]) : undefined);
  const numberInput = (field: keyof ComputeDraft & string, label: Parameters<typeof t>[0]) => (
    <TextInput
      label={t(label)}
      inputMode="numeric"
      value={String(draft[field])}
      onChange={(e) => patch({ [field]: e.currentTarget.value } as Partial<ComputeDraft>)}
      error={error('size', field)}
    />
  );

  const submit = () => {
    setVisited(new Set(COMPUTE_STEPS));
    if (COMPUTE_STEPS.some((s) => Object.keys(problems[s]).length > 0)) return;
    create.mutate(params, {
      onSuccess: (offering) => {
        notifySuccess(t('offerings.compute.created', { name: offering.name }));
        props.onCreated(offering);
      },
    });
  };

  const sizeText =
    draft.sizeKind === 'fixed'
      ? `${draft.cpunumber} × ${draft.cpuspeed} MHz, ${draft.memory} MiB`
      : draft.sizeKind === 'constrained'
        ? `${draft.mincpunumber}–${draft.maxcpunumber} × ${draft.cpuspeed} MHz, ${draft.minmemory}–${draft.maxmemory} MiB`
        : t('offerings.field.sizeUnconstrained');

  return (
    <WizardFrame
      title={t('offerings.compute.create')}
      testId="compute-offering-wizard"
      steps={STEPS}
      step={step}
      visited={visited}
      problems={problems}
      onStep={goTo}
      onClose={props.onClose}
      onSubmit={submit}
      pending={create.isPending}
      error={create.error}
      summary={
        <Stack gap={2}>
          <SummaryRow label={t('offerings.field.name')} value={draft.name.trim() || '—'} />
          <SummaryRow label={t('offerings.field.sizeKind')} value={sizeText} />
          <SummaryRow
            label={t('offerings.field.storagetype')}
            value={`${t(`offerings.storage.${draft.storagetype}`)}, ${t(`offerings.provisioning.${draft.provisioningtype}`)}`}
          />
          <SummaryRow label={t('offerings.col.ha')} value={draft.offerha ? t('common.yes') : t('common.no')} />
          {params.hosttags && <SummaryRow label={t('offerings.field.hosttags')} value={params.hosttags} />}
          {params.tags && <SummaryRow label={t('offerings.field.storagetags')} value={params.tags} />}
          <SummaryRow label={t('offerings.field.domains')} value={scope.domains} />
          <SummaryRow label={t('offerings.field.zones')} value={scope.zones} />
        </Stack>
      }
    >
      {step === 'basics' && (
        <>
          <TextInput
            label={t('offerings.field.name')}
            value={draft.name}
            onChange={(e) => patch({ name: e.currentTarget.value })}
            error={error('basics', 'name')}
            required
            data-autofocus
          />
          <TextInput
            label={t('offerings.field.displaytext')}
            description={t('offerings.field.displaytextHint')}
            value={draft.displaytext}
            onChange={(e) => patch({ displaytext: e.currentTarget.value })}
          />
        </>
      )}
      {step === 'size' && (
        <>
          <SegmentedControl
            aria-label={t('offerings.field.sizeKind')}
            value={draft.sizeKind}
            onChange={(value) => patch({ sizeKind: value as SizeKind })}
            data={[
              { value: 'fixed', label: t('offerings.field.sizeFixed') },
              { value: 'constrained', label: t('offerings.field.sizeConstrained') },
              { value: 'unconstrained', label: t('offerings.field.sizeUnconstrained') },
            ]}
          />
          <Text size="sm" c="dimmed">
            {t(
              draft.sizeKind === 'fixed'
                ? 'offerings.field.sizeFixedHint'
                : draft.sizeKind === 'constrained'
                  ? 'offerings.field.sizeConstrainedHint'
                  : 'offerings.field.sizeUnconstrainedHint',
            )}
          </Text>
          {draft.sizeKind === 'fixed' && (
            <SimpleGrid cols={3} spacing="sm">
              {numberInput('cpunumber', 'offerings.field.cpunumber')}
              {numberInput('cpuspeed', 'offerings.field.cpuspeed')}
              {numberInput('memory', 'offerings.field.memory')}
            </SimpleGrid>
          )}
          {draft.sizeKind === 'constrained' && (
            <SimpleGrid cols={2} spacing="sm">
              {numberInput('mincpunumber', 'offerings.field.mincpunumber')}
              {numberInput('maxcpunumber', 'offerings.field.maxcpunumber')}
              {numberInput('minmemory', 'offerings.field.minmemory')}
              {numberInput('maxmemory', 'offerings.field.maxmemory')}
              {numberInput('cpuspeed', 'offerings.field.cpuspeed')}
            </SimpleGrid>
          )}
        </>
      )}
      {step === 'storage' && (
        <>
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('offerings.field.storagetype')}
              data={(['shared', 'local'] as const).map((v) => ({ value: v, label: t(`offerings.storage.${v}`) }))}
              value={draft.storagetype}
              onChange={(v) => patch({ storagetype: (v ?? 'shared') as ComputeDraft['storagetype'] })}
              allowDeselect={false}
            />
            <Select
              label={t('offerings.field.provisioningtype')}
              data={(['thin', 'sparse', 'fat'] as const).map((v) => ({
                value: v,
                label: t(`offerings.provisioning.${v}`),
              }))}
              value={draft.provisioningtype}
              onChange={(v) => patch({ provisioningtype: (v ?? 'thin') as ComputeDraft['provisioningtype'] })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Switch
            label={t('offerings.field.offerha')}
            description={t('offerings.field.offerhaHint')}
            checked={draft.offerha}
            onChange={(e) => patch({ offerha: e.currentTarget.checked })}
            error={error('storage', 'offerha')}
          />
          <Switch
            label={t('offerings.field.limitcpuuse')}
            description={t('offerings.field.limitcpuuseHint')}
            checked={draft.limitcpuuse}
            onChange={(e) => patch({ limitcpuuse: e.currentTarget.checked })}
          />
          <Switch
            label={t('offerings.field.isvolatile')}
            description={t('offerings.field.isvolatileHint')}
            checked={draft.isvolatile}
            onChange={(e) => patch({ isvolatile: e.currentTarget.checked })}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('offerings.field.hosttags')}
              description={domainAdmin ? t('offerings.field.tagsDomainAdmin') : t('offerings.field.tagsHint')}
              value={draft.hosttags}
              onChange={(e) => patch({ hosttags: e.currentTarget.value })}
              error={error('storage', 'hosttags')}
            />
            <TextInput
              label={t('offerings.field.storagetags')}
              description={domainAdmin ? t('offerings.field.tagsDomainAdmin') : t('offerings.field.tagsHint')}
              value={draft.storagetags}
              onChange={(e) => patch({ storagetags: e.currentTarget.value })}
              error={error('storage', 'storagetags')}
            />
          </SimpleGrid>
          <TextInput
            label={t('offerings.field.networkrate')}
            description={t('offerings.field.networkrateHint')}
            inputMode="numeric"
            value={draft.networkrate}
            onChange={(e) => patch({ networkrate: e.currentTarget.value })}
            error={error('storage', 'networkrate')}
          />
        </>
      )}
      {step === 'scope' && (
        <ScopeFields
          draft={draft}
          problems={problems.scope}
          show={shown('scope')}
          domainAdmin={domainAdmin}
          onChange={patch}
        />
      )}
      {step === 'review' && <RequestPreview command="createServiceOffering" params={params} />}
    </WizardFrame>
  );
}
