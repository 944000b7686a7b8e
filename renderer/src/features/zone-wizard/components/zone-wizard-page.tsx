import { Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconFlask, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, type ComponentType } from 'react';
import { PageHeader } from '../../../components/page-header';
import { useApi } from '../../../lib/api-context';
import { useT } from '../../../lib/i18n';
import { replaceQuery, useLocation } from '../../../lib/router';
import { freeZoneName } from '../api/server-checks';
import { labPreset, STEP_IDS, type StepId } from '../model/draft';
import { createdResources } from '../model/plan';
import { useServerErrors } from '../store/server-errors';
import { useWizardStore } from '../store/wizard-store';
import { ServerChecks } from './server-checks';
import { StepRail } from './step-rail';
import { ClusterStep } from './steps/cluster-step';
import { HostStep } from './steps/host-step';
import { NetworkStep } from './steps/network-step';
import { PodStep } from './steps/pod-step';
import { RangesStep } from './steps/ranges-step';
import { ReviewStep } from './steps/review-step';
import { PrimaryStorageStep, SecondaryStorageStep } from './steps/storage-steps';
import { TypeStep } from './steps/type-step';
import { ZoneStep } from './steps/zone-step';
import { SummaryPanel } from './summary-panel';
import { useWizard, WizardProvider } from './wizard-context';
import classes from './zone-wizard.module.css';

const STEPS: Record<StepId, ComponentType> = {
  type: TypeStep,
  zone: ZoneStep,
  network: NetworkStep,
  pod: PodStep,
  ranges: RangesStep,
  cluster: ClusterStep,
  host: HostStep,
  primary: PrimaryStorageStep,
  secondary: SecondaryStorageStep,
  review: ReviewStep,
};

/** A partial apply's resources exist: the draft may not be replaced (finish or discard first). */
function hasLeftovers(): boolean {
  const s = useWizardStore.getState();
  return (
    (createdResources(s.produced).length > 0 && s.phase !== 'done') ||
    s.phase === 'applying' ||
    s.phase === 'discarding'
  );
}

function randomSlug(): string {
  return `lab-${Math.random().toString(36).slice(2, 7)}`;
}

/** Fills the draft with the lab preset, picking a zone name nobody uses. */
function useApplyPreset() {
  const client = useApi();
  return useCallback(async () => {
    const name = await freeZoneName(client, 'Lab');
    const state = useWizardStore.getState();
    if (hasLeftovers()) return;
    useServerErrors.getState().clear();
    state.reset(labPreset(randomSlug(), name));
    // Everything is filled in: show the plan; every step can still be opened and changed.
    useWizardStore.setState({ visited: [...STEP_IDS], step: 'review' });
  }, [client]);
}

/** Opens a step (stable, so the memoized rail does not re-render for it). */
function goTo(step: StepId) {
  const s = useWizardStore.getState();
  s.markVisited(s.step);
  s.goTo(step);
}

function WizardBody() {
  const t = useT();
  const w = useWizard();
  const Step = STEPS[w.step];
  const basic = w.draft.networktype === 'Basic';
  const title = w.step === 'ranges' && basic ? t('wizard.step.guestRange') : t(`wizard.step.${w.step}`);
  const hint = w.step === 'ranges' && basic ? t('wizard.stepHint.guestRange') : t(`wizard.stepHint.${w.step}`);
  const index = w.steps.indexOf(w.step);
  const blocked = w.step !== 'review' && w.errorCount(w.step) > 0;
  return (
    <div className={classes.layout}>
      <div className={classes.rail}>
        <StepRail
          items={w.steps.map((id) => ({ id, status: w.status(id), errors: w.shownCount(id) }))}
          active={w.step}
          basic={basic}
          onGo={goTo}
        />
      </div>
      <section className={classes.form} aria-labelledby="wizard-step-title" data-testid={`wizard-form-${w.step}`}>
        <div className={classes.formBody}>
          <Stack gap={2} mb="sm">
            <Title order={2} size="h4" id="wizard-step-title">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          </Stack>
          <Step />
        </div>
        {w.step !== 'review' && (
          <Group justify="space-between" className={classes.formFooter}>
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={w.back} disabled={index === 0}>
              {t('wizard.back')}
            </Button>
            <Group gap="xs">
              {blocked && w.shownCount(w.step) > 0 && (
                <Text size="xs" c="yellow.8">
                  {t('wizard.fixFirst', { count: w.shownCount(w.step) })}
                </Text>
              )}
              <Button rightSection={<IconArrowRight size={16} />} onClick={w.next} data-testid="wizard-next">
                {w.steps[index + 1] === 'review' ? t('wizard.toReview') : t('wizard.next')}
              </Button>
            </Group>
          </Group>
        )}
      </section>
      <aside className={classes.summary} aria-label={t('wizard.summary.title')}>
        <SummaryPanel
          draft={w.draft}
          calls={w.plan.length}
          done={w.plan.filter((c) => w.progress[c.key]?.state === 'done').length}
          failed={w.phase === 'failed'}
        />
      </aside>
    </div>
  );
}

/**
 * The zone wizard (CloudStack's steps, better): steps on the left with their marks, the form in
 * the middle validated as the operator types, a live summary on the right; the Review step lists
 * the exact API calls, applies them with per-call progress, resumes after a failure and can
 * discard what a partial apply created.
 */
export function ZoneWizardPage() {
  const t = useT();
  const { query } = useLocation();
  const preset = query.get('preset');
  const applyPreset = useApplyPreset();
  const produced = useWizardStore((s) => s.produced);
  const phase = useWizardStore((s) => s.phase);
  const created = createdResources(produced).length;
  const busy = phase === 'applying' || phase === 'discarding';
  const locked = (created > 0 && phase !== 'done') || busy;

  useEffect(() => {
    if (preset !== 'lab') return;
    replaceQuery({});
    // A partial apply is never thrown away by a link: its resources would be left behind.
    if (!hasLeftovers()) void applyPreset();
  }, [preset, applyPreset]);

  const startOver = () => {
    useServerErrors.getState().clear();
    useWizardStore.getState().reset();
  };

  return (
    <div className={classes.page}>
      <PageHeader title={t('wizard.title')}>
        <Tooltip label={locked ? t('wizard.lockedHint') : t('wizard.preset.labHint')} multiline w={280}>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconFlask size={14} />}
            onClick={() => void applyPreset()}
            disabled={locked}
            data-testid="preset-lab"
          >
            {t('wizard.preset.lab')}
          </Button>
        </Tooltip>
        <Tooltip label={locked ? t('wizard.lockedHint') : t('wizard.startOverHint')} multiline w={280}>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            onClick={startOver}
            disabled={locked}
            data-testid="start-over"
          >
            {t('wizard.startOver')}
          </Button>
        </Tooltip>
      </PageHeader>
      <WizardProvider>
        <ServerChecks />
        <WizardBody />
      </WizardProvider>
    </div>
  );
}
