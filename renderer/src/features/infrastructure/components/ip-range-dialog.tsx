import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { FormFooter } from '../../../components/form-footer';
import type { PhysicalNetwork, Zone } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useInfraMutation } from '../api/commands';
import { usePodOptions } from '../api/queries';
import { validateRange, type RangeInput } from '../lib/ip-validation';
import { RangeFields } from './range-fields';

export type RangeKind = 'public' | 'guest';

interface RangeForm extends RangeInput {
  kind: RangeKind;
  vlan: string;
  podid: string;
  physicalnetworkid: string;
}

/** "untagged", "100" or "vlan://100" with an ID of 1-4094. */
export function isVlan(text: string): boolean {
  if (/^untagged$/i.test(text)) return true;
  const match = /^(?:vlan:\/\/)?(\d{1,4})$/i.exec(text);
  const id = match ? Number(match[1]) : 0;
  return id >= 1 && id <= 4094;
}

/**
 * createVlanIpRange for a zone: a public range (forvirtualnetwork, on a VLAN or untagged) or a
 * pod's guest range (Direct, untagged, as a Basic zone uses it).
 */
export function IpRangeDialog(props: {
  zone: Zone;
  kind: RangeKind;
  physicalNetworks: PhysicalNetwork[];
  onClose(): void;
}) {
  const t = useT();
  const pods = usePodOptions(props.zone.id);
  const podData = useMemo(() => (pods.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), [pods.data]);
  const [form, setForm] = useState<RangeForm>({
    kind: props.kind,
    vlan: '',
    podid: '',
    physicalnetworkid: props.physicalNetworks.length === 1 ? (props.physicalNetworks[0]?.id ?? '') : '',
    gateway: '',
    netmask: '',
    startip: '',
    endip: '',
  });
  const [submitted, setSubmitted] = useState(false);
  if (form.kind === 'guest' && !form.podid && podData.length === 1 && podData[0])
    setForm({ ...form, podid: podData[0].value });

  const save = useInfraMutation((input: RangeForm) => {
    const isPublic = input.kind === 'public';
    return {
      command: 'createVlanIpRange',
      params: {
        zoneid: props.zone.id,
        podid: isPublic ? undefined : input.podid,
        physicalnetworkid: isPublic ? input.physicalnetworkid || undefined : undefined,
        vlan: isPublic ? input.vlan.trim() || 'untagged' : 'untagged',
        gateway: input.gateway.trim(),
        netmask: input.netmask.trim(),
        startip: input.startip.trim(),
        endip: input.endip.trim() || undefined,
        forvirtualnetwork: isPublic,
      },
      title: `${isPublic ? t('infra.ranges.addPublic') : t('infra.ranges.addGuest')}: ${input.startip.trim()}`,
      link: `#/zones?id=${props.zone.id}`,
    };
  });

  const rangeErrors = validateRange(form, { endRequired: true });
  const vlanError =
    form.kind === 'public' && form.vlan.trim() && !isVlan(form.vlan.trim()) ? t('infra.ranges.vlanInvalid') : undefined;
  const podError = form.kind === 'guest' && !form.podid ? t('common.required') : undefined;
  const valid = Object.keys(rangeErrors).length === 0 && !vlanError && !podError;
  const title = form.kind === 'public' ? t('infra.ranges.addPublic') : t('infra.ranges.addGuest');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    save.mutate(form, { onSuccess: props.onClose });
  };

  return (
    <Modal opened onClose={props.onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <SegmentedControl
            value={form.kind}
            onChange={(kind) => setForm({ ...form, kind: kind as RangeKind })}
            data={[
              { value: 'public', label: t('infra.ranges.public') },
              { value: 'guest', label: t('infra.ranges.guest') },
            ]}
            aria-label={t('common.type')}
          />
          {form.kind === 'public' ? (
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label={t('infra.ranges.vlan')}
                description={t('infra.ranges.vlanHint')}
                placeholder="untagged"
                value={form.vlan}
                onChange={(e) => setForm({ ...form, vlan: e.currentTarget.value })}
                error={vlanError}
              />
              {props.physicalNetworks.length > 1 && (
                <Select
                  label={t('infra.zones.physicalNetwork')}
                  data={props.physicalNetworks.map((n) => ({ value: n.id, label: n.name }))}
                  value={form.physicalnetworkid || null}
                  onChange={(v) => setForm({ ...form, physicalnetworkid: v ?? '' })}
                />
              )}
            </SimpleGrid>
          ) : (
            <>
              <Select
                label={t('infra.pod')}
                data={podData}
                value={form.podid || null}
                onChange={(v) => setForm({ ...form, podid: v ?? '' })}
                required
                error={submitted ? podError : undefined}
              />
              <Text size="xs" c="dimmed">
                {t('infra.ranges.guestHint')}
              </Text>
            </>
          )}
          <RangeFields
            value={form}
            onChange={(range) => setForm({ ...form, ...range })}
            errors={rangeErrors}
            submitted={submitted}
            endRequired
          />
          <FormFooter
            error={save.error}
            pending={save.isPending}
            onCancel={props.onClose}
            submitLabel={t('infra.add')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
