import { Modal, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { FormFooter } from '../../../components/form-footer';
import type { ImageStore, StoragePool } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useInfraMutation } from '../api/commands';
import { useZoneOptions } from '../api/queries';
import { isUrlWithScheme } from '../lib/ip-validation';
import { HYPERVISORS } from '../lib/states';
import { splitTags } from '../lib/tags';
import { LocationFields, type Location } from './location-fields';

const POOL_SCHEMES = ['nfs', 'iscsi', 'rbd', 'gluster', 'presetup', 'sharedmountpoint', 'clvm', 'vmfs', 'file'];

interface PoolForm extends Location {
  name: string;
  scope: 'CLUSTER' | 'ZONE';
  url: string;
  tags: string[];
  hypervisor: string;
}

/** createStoragePool: cluster- or zone-wide, its URL (nfs://server/path) and tags. */
export function AddPoolDialog(props: {
  initial: Location;
  onClose(): void;
  onAdded(pool: StoragePool | undefined): void;
}) {
  const t = useT();
  const [form, setForm] = useState<PoolForm>({
    ...props.initial,
    name: '',
    scope: 'CLUSTER',
    url: '',
    tags: [],
    hypervisor: 'Simulator',
  });
  const [submitted, setSubmitted] = useState(false);
  const add = useInfraMutation((input: PoolForm) => {
    const zoneWide = input.scope === 'ZONE';
    return {
      command: 'createStoragePool',
      params: {
        zoneid: input.zoneid,
        podid: zoneWide ? undefined : input.podid,
        clusterid: zoneWide ? undefined : input.clusterid,
        scope: input.scope.toLowerCase(),
        hypervisor: zoneWide ? input.hypervisor : undefined,
        name: input.name.trim(),
        url: input.url.trim(),
        tags: input.tags.length ? input.tags.join(',') : undefined,
      },
      title: `${t('infra.storage.add')}: ${input.name.trim()}`,
      link: '#/primary-storage',
    };
  });
  const zoneWide = form.scope === 'ZONE';
  const errors = {
    zoneid: form.zoneid ? undefined : t('common.required'),
    podid: zoneWide || form.podid ? undefined : t('common.required'),
    clusterid: zoneWide || form.clusterid ? undefined : t('common.required'),
    name: form.name.trim() ? undefined : t('common.required'),
    url: !form.url.trim()
      ? t('common.required')
      : isUrlWithScheme(form.url, POOL_SCHEMES)
        ? undefined
        : t('infra.storage.urlInvalid'),
  };
  const valid = Object.values(errors).every((e) => e === undefined);
  const show = (e: string | undefined) => (submitted ? e : undefined);
  const urlError = form.url.trim() && errors.url ? errors.url : show(errors.url);
  const setLocation = (location: Location) => setForm((f) => ({ ...f, ...location }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    add.mutate(form, { onSuccess: props.onAdded });
  };
  return (
    <Modal opened onClose={props.onClose} title={t('infra.storage.add')} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('infra.storage.add')}>
        <Stack gap="sm">
          <SegmentedControl
            value={form.scope}
            onChange={(v) => setForm((f) => ({ ...f, scope: v as PoolForm['scope'] }))}
            data={[
              { value: 'CLUSTER', label: t('infra.storage.scopeCluster') },
              { value: 'ZONE', label: t('infra.storage.scopeZone') },
            ]}
            aria-label={t('infra.storage.scope')}
          />
          <SimpleGrid cols={zoneWide ? 2 : 3} spacing="sm">
            <LocationFields
              value={form}
              onChange={setLocation}
              levels={zoneWide ? 'zone' : 'cluster'}
              errors={{ zoneid: show(errors.zoneid), podid: show(errors.podid), clusterid: show(errors.clusterid) }}
            />
            {zoneWide && (
              <Select
                label={t('infra.hypervisor')}
                data={[...HYPERVISORS]}
                value={form.hypervisor}
                onChange={(v) => setForm((f) => ({ ...f, hypervisor: v ?? 'Simulator' }))}
                allowDeselect={false}
              />
            )}
          </SimpleGrid>
          <TextInput
            label={t('common.name')}
            value={form.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setForm((f) => ({ ...f, name }));
            }}
            error={show(errors.name)}
            required
            data-autofocus
          />
          <TextInput
            label={t('infra.storage.url')}
            description={t('infra.storage.urlHint')}
            placeholder="nfs://10.0.0.1/export/primary"
            value={form.url}
            onChange={(e) => {
              const url = e.currentTarget.value;
              setForm((f) => ({ ...f, url }));
            }}
            error={urlError}
            required
          />
          <TagsInput
            label={t('infra.storage.tags')}
            description={t('infra.tagsHint')}
            value={form.tags}
            onChange={(tags) => setForm((f) => ({ ...f, tags }))}
            size="xs"
            clearable
          />
          <FormFooter error={add.error} pending={add.isPending} onCancel={props.onClose} submitLabel={t('infra.add')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** updateStoragePool tags: replaces the pool's tags. */
export function EditPoolTagsDialog({ pool, onClose }: { pool: StoragePool; onClose(): void }) {
  const t = useT();
  const [tags, setTags] = useState<string[]>(splitTags(pool.tags));
  const update = useInfraMutation((list: string[]) => ({
    command: 'updateStoragePool',
    params: { id: pool.id, tags: list.join(',') },
    title: `${t('infra.storage.editTags')}: ${pool.name}`,
    link: `#/primary-storage?id=${pool.id}`,
  }));
  return (
    <Modal opened onClose={onClose} title={`${t('infra.storage.editTags')}: ${pool.name}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(tags, { onSuccess: onClose });
        }}
        aria-label={t('infra.storage.editTags')}
      >
        <Stack gap="sm">
          <TagsInput
            label={t('infra.storage.tags')}
            description={t('infra.tagsHint')}
            value={tags}
            onChange={setTags}
            size="xs"
            clearable
            data-autofocus
          />
          <FormFooter
            error={update.error}
            pending={update.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

interface StoreForm {
  zoneid: string;
  name: string;
  url: string;
}

/** addImageStore (NFS): a zone's secondary storage for templates, ISOs and snapshots. */
export function AddImageStoreDialog(props: {
  zoneId?: string;
  onClose(): void;
  onAdded(store: ImageStore | undefined): void;
}) {
  const t = useT();
  const zones = useZoneOptions();
  const zoneData = useMemo(() => (zones.data?.items ?? []).map((z) => ({ value: z.id, label: z.name })), [zones.data]);
  const [form, setForm] = useState<StoreForm>({ zoneid: props.zoneId ?? '', name: '', url: '' });
  const [submitted, setSubmitted] = useState(false);
  if (!form.zoneid && zoneData.length === 1 && zoneData[0]) setForm({ ...form, zoneid: zoneData[0].value });
  const add = useInfraMutation((input: StoreForm) => ({
    command: 'addImageStore',
    params: {
      zoneid: input.zoneid,
      name: input.name.trim() || undefined,
      url: input.url.trim(),
      provider: 'NFS',
    },
    title: `${t('infra.imageStores.add')}: ${input.name.trim() || input.url.trim()}`,
    link: '#/secondary-storage',
  }));
  const errors = {
    zoneid: form.zoneid ? undefined : t('common.required'),
    url: !form.url.trim()
      ? t('common.required')
      : isUrlWithScheme(form.url, ['nfs'])
        ? undefined
        : t('infra.imageStores.urlInvalid'),
  };
  const valid = Object.values(errors).every((e) => e === undefined);
  const show = (e: string | undefined) => (submitted ? e : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!valid) return;
    add.mutate(form, { onSuccess: props.onAdded });
  };
  return (
    <Modal opened onClose={props.onClose} title={t('infra.imageStores.add')} size="md">
      <form onSubmit={submit} noValidate aria-label={t('infra.imageStores.add')}>
        <Stack gap="sm">
          <Select
            label={t('infra.zone')}
            data={zoneData}
            value={form.zoneid || null}
            onChange={(v) => setForm((f) => ({ ...f, zoneid: v ?? '' }))}
            searchable
            required
            error={show(errors.zoneid)}
          />
          <TextInput
            label={t('common.name')}
            value={form.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setForm((f) => ({ ...f, name }));
            }}
            data-autofocus
          />
          <TextInput
            label={t('infra.storage.url')}
            placeholder="nfs://10.0.0.1/export/secondary"
            value={form.url}
            onChange={(e) => {
              const url = e.currentTarget.value;
              setForm((f) => ({ ...f, url }));
            }}
            error={form.url.trim() && errors.url ? errors.url : show(errors.url)}
            required
          />
          <Text size="xs" c="dimmed">
            {t('infra.imageStores.hint')}
          </Text>
          <FormFooter error={add.error} pending={add.isPending} onCancel={props.onClose} submitLabel={t('infra.add')} />
        </Stack>
      </form>
    </Modal>
  );
}
