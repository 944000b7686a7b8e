import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { FormFooter } from '../../../components/form-footer';
import type { Pod } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useInfraMutation, type CommandRun } from '../api/commands';
import { useZoneOptions } from '../api/queries';
import { validateRange, type RangeInput } from '../lib/ip-validation';
import { podRanges } from '../lib/pods';
import { RangeFields } from './range-fields';

interface PodForm extends RangeInput {
  zoneid: string;
  name: string;
}

/**
 * createPod, or updatePod when `pod` is given: the pod's management range (gateway, netmask and
 * the start/end addresses reserved for system VMs), checked against the gateway's CIDR as typed.
 */
export function PodDialog(props: { pod?: Pod; zoneId?: string; onClose(): void; onSaved(pod: Pod | undefined): void }) {
  const t = useT();
  const editing = props.pod !== undefined;
  const first = props.pod ? podRanges(props.pod)[0] : undefined;
  const zones = useZoneOptions(!editing);
  const [form, setForm] = useState<PodForm>({
    zoneid: props.pod?.zoneid ?? props.zoneId ?? '',
    name: props.pod?.name ?? '',
    gateway: props.pod?.gateway ?? '',
    netmask: props.pod?.netmask ?? '',
    startip: first?.startip ?? '',
    endip: first?.endip ?? '',
  });
  const [submitted, setSubmitted] = useState(false);
  const zoneData = useMemo(() => (zones.data?.items ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  if (!editing && !form.zoneid && zoneData.length === 1 && zoneData[0]) setForm({ ...form, zoneid: zoneData[0].value });

  const save = useInfraMutation((input: PodForm): CommandRun<'createPod' | 'updatePod'> => {
    const trimmed = {
      name: input.name.trim(),
      gateway: input.gateway.trim(),
      netmask: input.netmask.trim(),
      startip: input.startip.trim(),
      endip: input.endip.trim() || undefined,
    };
    if (props.pod) {
      const pod = props.pod;
      const changed = <K extends keyof typeof trimmed>(key: K, before: string | undefined) =>
        trimmed[key] !== (before ?? '') && trimmed[key] !== undefined ? trimmed[key] : undefined;
      return {
        command: 'updatePod',
        params: {
          id: pod.id,
          name: changed('name', pod.name),
          gateway: changed('gateway', pod.gateway),
          netmask: changed('netmask', pod.netmask),
          startip: changed('startip', first?.startip),
          endip: changed('endip', first?.endip),
        },
        title: `${t('infra.pods.edit')}: ${pod.name}`,
        link: `#/pods?id=${pod.id}`,
      };
    }
    return {
      command: 'createPod',
      params: { zoneid: input.zoneid, ...trimmed },
      title: `${t('infra.pods.add')}: ${trimmed.name}`,
      link: '#/pods',
    };
  });

  const rangeErrors = validateRange(form);
  const nameError = form.name.trim() ? undefined : t('common.required');
  const zoneError = form.zoneid ? undefined : t('common.required');
  const valid = !nameError && !zoneError && Object.keys(rangeErrors).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    save.mutate(form, { onSuccess: (pod) => props.onSaved(pod) });
  };

  const title = editing ? t('infra.pods.edit') : t('infra.pods.add');
  return (
    <Modal opened onClose={props.onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          {!editing && (
            <Select
              label={t('infra.zone')}
              data={zoneData}
              value={form.zoneid || null}
              onChange={(v) => setForm({ ...form, zoneid: v ?? '' })}
              searchable
              required
              error={submitted ? zoneError : undefined}
            />
          )}
          <TextInput
            label={t('common.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={submitted ? nameError : undefined}
            required
            data-autofocus
          />
          <RangeFields
            value={form}
            onChange={(range) => setForm({ ...form, ...range })}
            errors={rangeErrors}
            submitted={submitted}
          />
          <FormFooter
            error={save.error}
            pending={save.isPending}
            onCancel={props.onClose}
            submitLabel={editing ? t('common.save') : t('infra.add')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
