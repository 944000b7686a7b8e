import { z } from 'zod';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';
import { IMAGE_STORE_PROVIDERS, IMAGE_STORE_PROTOCOLS, IMAGE_STORE_SCOPES } from '../../domain/infrastructure';

/** CloudStack's ImageStoreResponse. */
export const ImageStore = entity('ImageStore', {
  id: field.uuid('the ID of the image store'),
  name: field.string('the name of the image store'),
  zoneid: field.uuid('the Zone ID of the image store').optional(),
  zonename: field.string('the Zone name of the image store').optional(),
  protocol: field.oneOf(IMAGE_STORE_PROTOCOLS, 'the protocol of the image store'),
  providername: field.oneOf(IMAGE_STORE_PROVIDERS, 'the provider name of the image store'),
  scope: field.oneOf(IMAGE_STORE_SCOPES, 'the scope of the image store'),
  url: field.string('the url of the image store'),
  readonly: field.boolean('defines if store is read-only'),
  disksizetotal: field.long('the total disk size of the host'),
  disksizeused: field.long("the host's currently used disk size"),
});
export type ImageStore = z.infer<typeof ImageStore>;

export const addImageStore = defineSpec({
  name: 'addImageStore',
  description:
    'Adds backup image store. Providers: NFS (nfs://server/path; never contacted, sized by simulator.storage.capacity.gb) and, for labs, a local directory (file:///path or /path; real size).',
  roles: ADMIN,
  params: z.object({
    name: param.name('the name for the image store').optional(),
    url: param.string('the URL for the image store', 2048).optional(),
    provider: param.string('the image store provider name: NFS (default) or Filesystem').optional(),
    zoneid: param.uuid('the Zone ID for the image store').optional(),
    details: param.map('the details for the image store').optional(),
  }),
  response: objectOf('imagestore', ImageStore),
});

export const deleteImageStore = defineSpec({
  name: 'deleteImageStore',
  description: 'Deletes an image store.',
  roles: ADMIN,
  params: z.object({ id: param.uuid('the image store ID') }),
  response: success(),
});

/** What listImageStores can be sorted by (Stackyard's sortby). */
export const IMAGE_STORE_SORT_KEYS = ['name', 'provider', 'protocol', 'scope', 'created'] as const;

export const listImageStores = defineSpec({
  name: 'listImageStores',
  description: 'Lists image stores.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    ...sortParams(IMAGE_STORE_SORT_KEYS),
    id: param.uuid('the ID of the storage pool').optional(),
    name: param.string('the name of the image store').optional(),
    zoneid: param.uuid('the Zone ID for the image store').optional(),
    provider: param.string('the image store provider').optional(),
    protocol: param.string('the image store protocol').optional(),
  }),
  response: listOf('imagestore', ImageStore),
});

export type AddImageStoreInput = CommandInput<typeof addImageStore>;
export type ListImageStoresInput = CommandInput<typeof listImageStores>;
