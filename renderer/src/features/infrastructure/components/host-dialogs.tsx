import { Modal, PasswordInput, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormFooter } from '../../../components/form-footer';
import type { Cluster, Host } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useInfraMutation } from '../api/commands';
import { isUrlWithScheme } from '../lib/ip-validation';
import { splitTags } from '../lib/tags';
import { LocationFields, type Location } from './location-fields';

interface AddHostInput extends Location {
  url: string;
  username: string;
  password: string;
  hosttags: string[];
  hypervisor: string;
}

/** addHost: where (zone, pod, cluster), the host's URL and credentials, and its tags. */
export function AddHostDialog(props: { initial: Location; onClose(): void; onAdded(host: Host | undefined): void }) {
  const t = useT();
  const [location, setLocation] = useState<Location>(props.initial);
  const [cluster, setCluster] = useState<Cluster | undefined>();
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('root');
  const [password, setPassword] = useState('');
  const [hosttags, setHosttags] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const add = useInfraMutation((input: AddHostInput) => ({
    command: 'addHost',
    params: {
      zoneid: input.zoneid,
      podid: input.podid,
      clusterid: input.clusterid,
      hypervisor: input.hypervisor,
      url: input.url.trim(),
      username: input.username.trim(),
      password: input.password,
      hosttags: input.hosttags.length ? input.hosttags.join(',') : undefined,
    },
    title: `${t('infra.hosts.add')}: ${input.url.trim()}`,
    link: '#/hosts',
  }));

  const errors = {
    zoneid: location.zoneid ? undefined : t('common.required'),
    podid: location.podid ? undefined : t('common.required'),
    clusterid: location.clusterid ? undefined : t('common.required'),
    url: !url.trim()
      ? t('common.required')
      : isUrlWithScheme(url, ['http', 'https'])
        ? undefined
        : t('infra.host.urlInvalid'),
    username: username.trim() ? undefined : t('common.required'),
    password: password ? undefined : t('common.required'),
  };
  const valid = Object.values(errors).every((e) => e === undefined);
  const show = (error: string | undefined) => (touched ? error : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    add.mutate(
      { ...location, url, username, password, hosttags, hypervisor: cluster?.hypervisortype ?? 'Simulator' },
      {
        onSuccess: (host) => props.onAdded(host),
      },
    );
  };

  return (
    <Modal opened onClose={props.onClose} title={t('infra.hosts.add')} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('infra.hosts.add')}>
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="sm">
            <LocationFields
              value={location}
              onChange={setLocation}
              levels="cluster"
              errors={{ zoneid: show(errors.zoneid), podid: show(errors.podid), clusterid: show(errors.clusterid) }}
              onCluster={setCluster}
            />
          </SimpleGrid>
          {cluster && (
            <Text size="xs" c="dimmed">
              {t('infra.host.hypervisorFromCluster', { hypervisor: cluster.hypervisortype ?? '' })}
            </Text>
          )}
          <TextInput
            label={t('infra.host.url')}
            description={t('infra.host.urlHint')}
            placeholder="http://sim/c0/h0"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={show(errors.url)}
            required
            data-autofocus
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('users.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={show(errors.username)}
              required
              autoComplete="off"
            />
            <PasswordInput
              label={t('users.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={show(errors.password)}
              required
              autoComplete="new-password"
            />
          </SimpleGrid>
          <TagsInput
            label={t('infra.field.hostTags')}
            description={t('infra.tagsHint')}
            value={hosttags}
            onChange={setHosttags}
            size="xs"
            clearable
          />
          <FormFooter error={add.error} pending={add.isPending} onCancel={props.onClose} submitLabel={t('infra.add')} />
        </Stack>
      </form>
    </Modal>
  );
}

/** updateHost hosttags: replaces the host's tags (an empty list removes them). */
export function EditHostTagsDialog({ host, onClose }: { host: Host; onClose(): void }) {
  const t = useT();
  const [tags, setTags] = useState<string[]>(splitTags(host.hosttags));
  const update = useInfraMutation((list: string[]) => ({
    command: 'updateHost',
    params: { id: host.id, hosttags: list.join(',') },
    title: `${t('infra.host.editTags')}: ${host.name}`,
    link: `#/hosts?id=${host.id}`,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(tags, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={`${t('infra.host.editTags')}: ${host.name}`}>
      <form onSubmit={submit} aria-label={t('infra.host.editTags')}>
        <Stack gap="sm">
          <TagsInput
            label={t('infra.field.hostTags')}
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
