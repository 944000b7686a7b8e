import { z } from 'zod';
import { addImageStore, deleteImageStore, listImageStores } from '../../services/infrastructure/image-stores';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';

const ADMIN = ['Admin'] as const;
const LISTERS = ['Admin', 'ResourceAdmin'] as const;

const IMAGE_STORE_RESPONSE = {
  name: 'imagestore',
  fields: {
    id: 'the ID of the image store',
    name: 'the name of the image store',
    zoneid: 'the Zone ID of the image store',
    zonename: 'the Zone name of the image store',
    protocol: 'the protocol of the image store',
    providername: 'the provider name of the image store',
    scope: 'the scope of the image store',
    url: 'the url of the image store',
    readonly: 'defines if store is read-only',
    disksizetotal: 'the total disk size of the host',
    disksizeused: "the host's currently used disk size",
  },
};

const addImageStoreCommand = defineCommand({
  name: 'addImageStore',
  description:
    'Adds backup image store. Providers: NFS (nfs://server/path; never contacted, sized by simulator.storage.capacity.gb) and, for labs, a local directory (file:///path or /path; real size).',
  roles: ADMIN,
  params: z.object({
    name: param.string('the name for the image store').optional(),
    url: param.string('the URL for the image store', 2048).optional(),
    provider: param.string('the image store provider name: NFS (default) or Filesystem').optional(),
    zoneid: param.uuid('the Zone ID for the image store').optional(),
    details: param.map('the details for the image store').optional(),
  }),
  response: IMAGE_STORE_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'imagestore', value: await addImageStore(ctx.services, ctx.caller, p) };
  },
});

const deleteImageStoreCommand = defineCommand({
  name: 'deleteImageStore',
  description: 'Deletes an image store.',
  roles: ADMIN,
  params: z.object({ id: param.uuid('the image store ID') }),
  response: {
    name: 'success',
    fields: {
      success: 'true if operation is executed successfully',
      displaytext: 'any text associated with the success or failure',
    },
  },
  async handler(ctx, p) {
    await deleteImageStore(ctx.services, ctx.caller, p.id);
    return { kind: 'success' };
  },
});

const listImageStoresCommand = defineCommand({
  name: 'listImageStores',
  description: 'Lists image stores.',
  roles: LISTERS,
  params: z.object({
    ...listParams,
    id: param.uuid('the ID of the storage pool').optional(),
    name: param.string('the name of the image store').optional(),
    zoneid: param.uuid('the Zone ID for the image store').optional(),
    provider: param.string('the image store provider').optional(),
    protocol: param.string('the image store protocol').optional(),
  }),
  response: IMAGE_STORE_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await listImageStores(ctx.services, p);
    return { kind: 'list', name: 'imagestore', items, count };
  },
});

export const imageStoreCommands = [addImageStoreCommand, deleteImageStoreCommand, listImageStoresCommand];
