import { SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { DiskOffering } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { ACCOUNT_TYPES } from '../../../lib/permissions';
import { useCurrentUser } from '../../../lib/session';
import { useCustomDiskBounds, useMaxVolumeSize } from '../api/get-offerings';
import { useCreateDiskOffering } from '../api/offering-mutations';
import { OFFERING_STEPS, type OfferingStep } from '../lib/checks';
import { diskParams, diskProblems, emptyDiskDraft } from '../lib/disk-draft';
import { NameFields, StorageTypeFields } from './offering-fields';
import { ScopeFields, useScopeSummary } from './scope-fields';
import { useOfferingWizard } from './use-offering-wizard';
import { useProblemText } from './use-problem-text';
import { RequestPreview, SummaryRow, WizardFrame, type WizardStepInfo } from './wizard-frame';

const STEP_LABELS: Record<OfferingStep, WizardStepInfo<OfferingStep>['label']> = {
  basics: 'offerings.step.basics',
  size: 'offerings.step.size',
  storage: 'offerings.step.diskStorage',
  scope: 'offerings.step.scope',
  review: 'offerings.step.review',
};
const STEPS = OFFERING_STEPS.map((id) => ({ id, label: STEP_LABELS[id] }));

/** createDiskOffering as a wizard: name, fixed or custom size, storage, scope, then the request. */
export function DiskOfferingWizard(props: { onClose(): void; onCreated(offering: DiskOffering): void }) {
  const t = useT();
  const text = useProblemText();
  const me = useCurrentUser();
  const domainAdmin = me.type === ACCOUNT_TYPES.DomainAdmin;
  const create = useCreateDiskOffering();
  const bounds = useCustomDiskBounds();
  const maxVolume = useMaxVolumeSize();
  const { draft, step, visited, patch, goTo, checkAll } = useOfferingWizard(() =>
    emptyDiskDraft(domainAdmin, me.domainid),
  );
  const problems = useMemo(
    () => diskProblems(draft, { domainAdmin, account: me.account }, maxVolume.data),
    [draft, domainAdmin, me.account, maxVolume.data],
  );
  const params = useMemo(() => diskParams(draft), [draft]);
  const scope = useScopeSummary(draft);
  const error = (s: OfferingStep, field: string) => (visited.has(s) ? text(problems[s][field]) : undefined);

  const submit = () => {
    if (!checkAll(problems)) return;
    create.mutate(params, {
      onSuccess: (offering) => {
        notifySuccess(t('offerings.disk.created', { name: offering.name }));
        props.onCreated(offering);
      },
    });
  };
  const range = bounds.data ?? { min: NaN, max: NaN };
  const customHint = t('offerings.field.diskCustomHint', {
    min: Number.isFinite(range.min) ? range.min : '?',
    max: Number.isFinite(range.max) ? range.max : '?',
  });

  return (
    <WizardFrame
      title={t('offerings.disk.create')}
      testId="disk-offering-wizard"
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
          <SummaryRow
            label={t('offerings.col.size')}
            value={draft.customized ? t('offerings.custom') : `${draft.disksize || '—'} GiB`}
          />
          <SummaryRow
            label={t('offerings.field.storagetype')}
            value={`${t(`offerings.storage.${draft.storagetype}`)}, ${t(`offerings.provisioning.${draft.provisioningtype}`)}`}
          />
          {params.tags && <SummaryRow label={t('offerings.field.tags')} value={params.tags} />}
          <SummaryRow label={t('offerings.field.domains')} value={scope.domains} />
          <SummaryRow label={t('offerings.field.zones')} value={scope.zones} />
        </Stack>
      }
    >
      {step === 'basics' && <NameFields draft={draft} nameError={error('basics', 'name')} onChange={patch} />}
      {step === 'size' && (
        <>
          <SegmentedControl
            aria-label={t('offerings.field.diskSizeKind')}
            value={draft.customized ? 'custom' : 'fixed'}
            onChange={(value) => patch({ customized: value === 'custom' })}
            data={[
              { value: 'fixed', label: t('offerings.field.diskFixed') },
              { value: 'custom', label: t('offerings.field.diskCustom') },
            ]}
          />
          {draft.customized ? (
            <Text size="sm" c="dimmed">
              {customHint}
            </Text>
          ) : (
            <TextInput
              label={t('offerings.field.disksize')}
              inputMode="numeric"
              value={draft.disksize}
              onChange={(e) => patch({ disksize: e.currentTarget.value })}
              error={error('size', 'disksize')}
              w={220}
            />
          )}
        </>
      )}
      {step === 'storage' && (
        <>
          <StorageTypeFields draft={draft} onChange={patch} />
          <TextInput
            label={t('offerings.field.tags')}
            description={domainAdmin ? t('offerings.field.tagsDomainAdmin') : t('offerings.field.tagsHint')}
            value={draft.tags}
            onChange={(e) => patch({ tags: e.currentTarget.value })}
            error={error('storage', 'tags')}
          />
          <Switch
            label={t('offerings.field.displayoffering')}
            checked={draft.displayoffering}
            onChange={(e) => patch({ displayoffering: e.currentTarget.checked })}
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
      {step === 'review' && <RequestPreview command="createDiskOffering" params={params} />}
    </WizardFrame>
  );
}
