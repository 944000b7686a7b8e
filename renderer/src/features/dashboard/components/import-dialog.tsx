import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconCheck, IconFileImport, IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import type { DataCenterImport, DataCenterImportCounts } from '../../../lib/contract';
import { formatBytes, formatNumber, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { resultOf, useJobStore, useRunJob, type JobEntry } from '../../../lib/jobs';
import { href } from '../../../lib/router';
import { summarizeMarvin, type MarvinParse, type MarvinSummary } from '../lib/marvin-summary';
import classes from './dashboard.module.css';

const KINDS = [
  'configurations',
  'zones',
  'physicalnetworks',
  'traffictypes',
  'networkserviceproviders',
  'pods',
  'vlanipranges',
  'clusters',
  'hosts',
  'storagepools',
  'imagestores',
];

function kindLabel(t: (key: MessageKey) => string, kind: string): string {
  return KINDS.includes(kind) ? t(`dashboard.import.kind.${kind}` as MessageKey) : kind;
}

const SUMMARY_FIELDS: [keyof Omit<MarvinSummary, 'zones'>, MessageKey][] = [
  ['physicalNetworks', 'dashboard.import.count.physicalNetworks'],
  ['pods', 'dashboard.import.count.pods'],
  ['clusters', 'dashboard.import.count.clusters'],
  ['hosts', 'dashboard.import.count.hosts'],
  ['primaryStorages', 'dashboard.import.count.primaryStorages'],
  ['secondaryStorages', 'dashboard.import.count.secondaryStorages'],
  ['globalSettings', 'dashboard.import.count.globalSettings'],
];

function parseErrorText(t: ReturnType<typeof useT>, parse: Extract<MarvinParse, { ok: false }>): string {
  switch (parse.error.kind) {
    case 'empty':
      return t('dashboard.import.error.empty');
    case 'noZones':
      return t('dashboard.import.error.noZones');
    default:
      return t('dashboard.import.error.json', { message: parse.error.message });
  }
}

/** What a finished import (or dry run) job reports. */
function importOf(entry: JobEntry): DataCenterImport | null {
  return resultOf(entry, 'importDataCenter')?.datacenterimport ?? null;
}

/**
 * Pick or drop a Marvin datacenter description, see what it holds, optionally dry-run it on the
 * core (planned calls and warnings), then import it as a job that the tray follows.
 */
export function ImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const run = useRunJob();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; size: number; text: string } | null>(null);
  const [parse, setParse] = useState<MarvinParse | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<'dryrun' | 'import' | null>(null);
  const [dryRun, setDryRun] = useState<DataCenterImport | null>(null);
  const [result, setResult] = useState<DataCenterImport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jobid, setJobid] = useState<string | null>(null);
  const job = useJobStore((s) => (jobid ? s.jobs.find((j) => j.jobid === jobid) : undefined));

  const reset = () => {
    setFile(null);
    setParse(null);
    setDryRun(null);
    setResult(null);
    setError(null);
    setJobid(null);
    setPending(null);
  };
  const close = () => {
    onClose();
    reset();
  };

  const read = (picked: File | undefined) => {
    if (!picked) return;
    const reader = new FileReader();
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      setFile({ name: picked.name, size: picked.size, text });
      setParse(summarizeMarvin(text));
      setDryRun(null);
      setResult(null);
      setError(null);
      setJobid(null);
    };
    reader.onerror = () => setError(reader.error ?? new Error('read failed'));
    reader.readAsText(picked);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    read(event.dataTransfer.files[0]);
  };

  const start = async (dryrun: boolean) => {
    if (!file || !parse?.ok) return;
    setPending(dryrun ? 'dryrun' : 'import');
    setError(null);
    setResult(null);
    if (!dryrun) setDryRun(null);
    try {
      const started = await run({
        command: 'importDataCenter',
        params: dryrun ? { config: file.text, dryrun: true } : { config: file.text },
        title: t(dryrun ? 'dashboard.import.dryRunJob' : 'dashboard.import.job', { file: file.name }),
        link: dryrun ? undefined : href('/infrastructure'),
        invalidate: dryrun ? [] : ['infrastructure', 'events', 'settings'],
      });
      if (!dryrun) setJobid(started.start.jobid);
      const entry = await started.done;
      if (dryrun) setDryRun(importOf(entry));
      else setResult(importOf(entry));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  const canSubmit = parse?.ok === true && pending === null;
  const created = (counts: DataCenterImportCounts | undefined) =>
    Object.entries<number>({ ...counts })
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${kindLabel(t, kind)} ${formatNumber(n, locale)}`)
      .join(' · ');

  return (
    <Modal opened={opened} onClose={close} title={t('dashboard.import.title')} size="lg">
      <Stack gap="sm" data-testid="import-dialog">
        <Text size="xs" c="dimmed">
          {t('dashboard.import.intro')}
        </Text>
        <UnstyledButton
          className={classes.dropzone}
          data-active={dragging || undefined}
          onClick={() => input.current?.click()}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-dropzone"
        >
          <Stack gap={4} align="center">
            <IconUpload size={20} />
            <Text size="sm">{file ? file.name : t('dashboard.import.drop')}</Text>
            <Text size="xs" c="dimmed">
              {file ? formatBytes(file.size, locale) : t('dashboard.import.formats')}
            </Text>
          </Stack>
        </UnstyledButton>
        <input
          ref={input}
          type="file"
          accept=".json,.cfg,.txt,application/json,text/plain"
          hidden
          aria-label={t('dashboard.import.choose')}
          data-testid="import-file"
          onChange={(e) => {
            read(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />

        {parse && !parse.ok && (
          <Alert color="red" variant="light" py="xs" title={t('dashboard.import.error.title')} role="alert">
            <Text size="sm">{parseErrorText(t, parse)}</Text>
          </Alert>
        )}

        {parse?.ok && (
          <Stack gap={6} data-testid="marvin-summary">
            <Text size="sm">
              {t('dashboard.import.zones', { count: parse.summary.zones.length })}{' '}
              <Text span ff="monospace" size="xs">
                {parse.summary.zones.join(', ')}
              </Text>
            </Text>
            <SimpleGrid cols={4} spacing={6} verticalSpacing={6}>
              {SUMMARY_FIELDS.map(([field, label]) => (
                <div key={field} data-testid={`count-${field}`}>
                  <Text size="xs" c="dimmed">
                    {t(label)}
                  </Text>
                  <Text fw={600} className={classes.numbers} data-testid="count-value">
                    {formatNumber(parse.summary[field], locale)}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Stack>
        )}

        {dryRun && (
          <Alert
            color="blue"
            variant="light"
            py="xs"
            icon={<IconInfoCircle size={16} />}
            title={t('dashboard.import.dryRunTitle', { calls: formatNumber(dryRun.calls ?? 0, locale) })}
            data-testid="dry-run-result"
          >
            <Stack gap={4}>
              <Text size="xs">{created(dryRun.created) || t('dashboard.import.nothing')}</Text>
              {(dryRun.warnings ?? []).length > 0 && (
                <>
                  <Text size="xs" fw={600} c="yellow.8">
                    {t('dashboard.import.warnings', { count: dryRun.warnings?.length ?? 0 })}
                  </Text>
                  <List size="xs" spacing={0} data-testid="dry-run-warnings">
                    {dryRun.warnings?.map((w) => (
                      <List.Item key={w}>{w}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {(dryRun.plan ?? []).length > 0 && (
                <ScrollArea.Autosize mah={160} type="auto">
                  <Stack gap={0}>
                    {dryRun.plan?.map((step, i) => (
                      <Text key={i} size="xs" ff="monospace" truncate>
                        {i + 1}. {step.command}
                        {step.label ? ` — ${step.label}` : ''}
                      </Text>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              )}
            </Stack>
          </Alert>
        )}

        {job?.state === 'running' && (
          <Stack gap={4} data-testid="import-progress">
            <Group justify="space-between">
              <Text size="xs">{job.progressText ?? t('dashboard.import.running')}</Text>
              <Text size="xs" c="dimmed">
                {job.progress}%
              </Text>
            </Group>
            <Progress value={job.progress} animated size="sm" />
            <Text size="xs" c="dimmed">
              {t('dashboard.import.background')}
            </Text>
          </Stack>
        )}

        {result && (
          <Alert
            color="green"
            variant="light"
            py="xs"
            icon={<IconCheck size={16} />}
            title={t('dashboard.import.done', {
              zones: (result.zones ?? []).map((z) => z.name).join(', '),
              calls: formatNumber(result.calls ?? 0, locale),
            })}
            data-testid="import-result"
          >
            <Text size="xs">{created(result.created)}</Text>
            {(result.warnings ?? []).length > 0 && (
              <Text size="xs" c="yellow.8" mt={4}>
                {t('dashboard.import.warnings', { count: result.warnings?.length ?? 0 })}: {result.warnings?.join('; ')}
              </Text>
            )}
          </Alert>
        )}

        {error !== null && <ErrorAlert error={error} />}

        {parse?.ok && !result && (
          <Text size="xs" c="dimmed">
            {t('dashboard.import.dryRunHint')} <Code>dryrun=true</Code>
          </Text>
        )}

        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {result ? t('common.close') : t('common.cancel')}
          </Button>
          {!result && (
            <>
              <Button
                variant="light"
                disabled={!canSubmit}
                loading={pending === 'dryrun'}
                onClick={() => void start(true)}
              >
                {t('dashboard.import.dryRun')}
              </Button>
              <Button
                leftSection={<IconFileImport size={14} />}
                disabled={!canSubmit}
                loading={pending === 'import'}
                onClick={() => void start(false)}
              >
                {t('dashboard.import.submit')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
