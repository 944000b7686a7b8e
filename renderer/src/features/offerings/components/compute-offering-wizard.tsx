import { SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { ServiceOffering } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { ACCOUNT_TYPES } from '../../../lib/permissions';
import { useCurrentUser } from '../../../lib/session';
import { useCreateComputeOffering } from '../api/offering-mutations';
import { OFFERING_STEPS, type OfferingStep } from '../lib/checks';
import {
  computeParams,
  computeProblems,
  emptyComputeDraft,
  type ComputeDraft,
  type SizeKind,
} from '../lib/compute-draft';
import { NameFields, StorageTypeFields } from './offering-fields';
import { ScopeFields, useScopeSummary } from './scope-fields';
import { useOfferingWizard } from './use-offering-wizard';
import { useProblemText } from './use-problem-text';
import { RequestPreview, SummaryRow, WizardFrame, type WizardStepInfo } from './wizard-frame';

const STEP_LABELS: Record<OfferingStep, WizardStepInfo<OfferingStep>['label']> = {
  basics: 'offerings.step.basics',
  size: 'offerings.step.size',
  storage: 'offerings.step.storage',
  scope: 'offerings.step.scope',
  review: 'offerings.step.review',
};
const STEPS = OFFERING_STEPS.map((id) => ({ id, label: STEP_LABELS[id] }));

/** createServiceOffering as a wizard: name, size, storage and host, scope, then the request. */
export function ComputeOfferingWizard(props: { onClose(): void; onCreated(offering: ServiceOffering): void }) {
  const t = useT();
  const text = useProblemText();
  const me = useCurrentUser();
  const domainAdmin = me.type === ACCOUNT_TYPES.DomainAdmin;
  const create = useCreateComputeOffering();
  const { draft, step, visited, patch, goTo, checkAll } = useOfferingWizard(() =>
    emptyComputeDraft(domainAdmin, me.domainid),
  );
  const problems = useMemo(
    () => computeProblems(draft, { domainAdmin, account: me.account }),
    [draft, domainAdmin, me.account],
  );
  const params = useMemo(() => computeParams(draft), [draft]);
  const scope = useScopeSummary(draft);
  const error = (s: OfferingStep, field: string) => (visited.has(s) ? text(problems[s][field]) : undefined);
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
    if (!checkAll(problems)) return;
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
      {step === 'basics' && <NameFields draft={draft} nameError={error('basics', 'name')} onChange={patch} />}
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
          <StorageTypeFields draft={draft} onChange={patch} />
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
          show={visited.has('scope')}
          domainAdmin={domainAdmin}
          onChange={patch}
        />
      )}
      {step === 'review' && <RequestPreview command="createServiceOffering" params={params} />}
    </WizardFrame>
  );
}
