import { SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { DiskOffering } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifySuccess } from '../../../lib/notify';
import { ACCOUNT_TYPES } from '../../../lib/permissions';
import { useCurrentUser } from '../../../lib/session';
import { useCustomDiskBounds, useMaxVolumeSize } from '../api/get-offerings';
import { useCreateDiskOffering } from '../api/offering-mutations';
import { DISK_STEPS, diskParams, diskProblems, emptyDiskDraft, type DiskDraft, type DiskStep } from '../lib/disk-draft';
import { ScopeFields, useScopeSummary } from './scope-fields';
import { useProblemText } from './use-problem-text';
import { RequestPreview, SummaryRow, WizardFrame, type WizardStepInfo } from './wizard-frame';

const STEP_LABELS: Record<DiskStep, WizardStepInfo<DiskStep>['label']> = {
  basics: 'offerings.step.basics',
  size: 'offerings.step.size',
  storage: 'offerings.step.diskStorage',
  scope: 'offerings.step.scope',
  review: 'offerings.step.review',
};
const STEPS = DISK_STEPS.map((id) => ({ id, label: STEP_LABELS[id] }));

/** createDiskOffering as a wizard: name, fixed or custom size, storage, scope, then the request. */
export function DiskOfferingWizard(props: { onClose(): void; onCreated(offering: DiskOffering): void }) {
  const t = useT();
  const text = useProblemText();
  const me = useCurrentUser();
  const domainAdmin = me.type === ACCOUNT_TYPES.DomainAdmin;
  const create = useCreateDiskOffering();
  const bounds = useCustomDiskBounds();
  const maxVolume = useMaxVolumeSize();
  const [draft, setDraft] = useState<DiskDraft>(() => emptyDiskDraft(domainAdmin, me.domainid));
  const [step, setStep] = useState<DiskStep>('basics');
  const [visited, setVisited] = useState<Set<DiskStep>>(() => new Set());
  const problems = useMemo(
    () => diskProblems(draft, { domainAdmin, account: me.account }, maxVolume.data),
    [draft, domainAdmin, me.account, maxVolume.data],
  );
  const params = useMemo(() => diskParams(draft), [draft]);
  const scope = useScopeSummary(draft);
  const patch = (next: Partial<DiskDraft>) => setDraft((d) => ({ ...d, ...next }));
  const goTo = (next: DiskStep) => {
    setVisited((v) => new Set([...v, step]));
    setStep(next);
  };
  const error = (s: DiskStep, field: string) => (visited.has(s) ? text(problems[s][field]) : undefined);

  const submit = () => {
    setVisited(new Set(DISK_STEPS));
    if (DISK_STEPS.some((s) => Object.keys(problems[s]).length > 0)) return;
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
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('offerings.field.storagetype')}
              data={(['shared', 'local'] as const).map((v) => ({ value: v, label: t(`offerings.storage.${v}`) }))}
              value={draft.storagetype}
              onChange={(v) => patch({ storagetype: (v ?? 'shared') as DiskDraft['storagetype'] })}
              allowDeselect={false}
            />
            <Select
              label={t('offerings.field.provisioningtype')}
              data={(['thin', 'sparse', 'fat'] as const).map((v) => ({
                value: v,
                label: t(`offerings.provisioning.${v}`),
              }))}
              value={draft.provisioningtype}
              onChange={(v) => patch({ provisioningtype: (v ?? 'thin') as DiskDraft['provisioningtype'] })}
              allowDeselect={false}
            />
          </SimpleGrid>
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
