import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '../../../components/form-footer';
import type { Cluster } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useInfraMutation } from '../api/commands';
import { HYPERVISORS } from '../lib/states';
import { LocationFields, type Location } from './location-fields';

interface ClusterForm extends Location {
  clustername: string;
  hypervisor: string;
}

/** addCluster: a CloudManaged cluster of one hypervisor in a pod (Simulator for a lab cloud). */
export function AddClusterDialog(props: {
  initial: Location;
  onClose(): void;
  onAdded(cluster: Cluster | undefined): void;
}) {
  const t = useT();
  const [form, setForm] = useState<ClusterForm>({
    ...props.initial,
    clusterid: '',
    clustername: '',
    hypervisor: 'Simulator',
  });
  const [submitted, setSubmitted] = useState(false);
  const add = useInfraMutation((input: ClusterForm) => ({
    command: 'addCluster',
    params: {
      zoneid: input.zoneid,
      podid: input.podid,
      clustername: input.clustername.trim(),
      hypervisor: input.hypervisor,
      clustertype: 'CloudManaged',
    },
    title: `${t('infra.clusters.add')}: ${input.clustername.trim()}`,
    link: '#/clusters',
  }));
  const errors = {
    zoneid: form.zoneid ? undefined : t('common.required'),
    podid: form.podid ? undefined : t('common.required'),
    clustername: form.clustername.trim() ? undefined : t('common.required'),
  };
  const valid = Object.values(errors).every((e) => e === undefined);
  const show = (e: string | undefined) => (submitted ? e : undefined);
  const setLocation = (location: Location) => setForm((f) => ({ ...f, ...location }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    add.mutate(form, { onSuccess: props.onAdded });
  };
  return (
    <Modal opened onClose={props.onClose} title={t('infra.clusters.add')} size="md">
      <form onSubmit={submit} noValidate aria-label={t('infra.clusters.add')}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <LocationFields
              value={form}
              onChange={setLocation}
              levels="pod"
              errors={{ zoneid: show(errors.zoneid), podid: show(errors.podid) }}
            />
          </SimpleGrid>
          <TextInput
            label={t('common.name')}
            value={form.clustername}
            onChange={(e) => {
              const clustername = e.currentTarget.value;
              setForm((f) => ({ ...f, clustername }));
            }}
            error={show(errors.clustername)}
            required
            data-autofocus
          />
          <Select
            label={t('infra.hypervisor')}
            data={[...HYPERVISORS]}
            value={form.hypervisor}
            onChange={(v) => setForm((f) => ({ ...f, hypervisor: v ?? 'Simulator' }))}
            allowDeselect={false}
            required
          />
          <FormFooter error={add.error} pending={add.isPending} onCancel={props.onClose} submitLabel={t('infra.add')} />
        </Stack>
      </form>
    </Modal>
  );
}
