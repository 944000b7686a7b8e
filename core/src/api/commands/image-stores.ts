import { addImageStore, deleteImageStore, listImageStores } from '../../services/infrastructure/image-stores';
import { implement } from '../command';
import * as spec from '../schemas/image-stores';

const addImageStoreCommand = implement(spec.addImageStore, {
  handler: (ctx, p) => addImageStore(ctx.services, ctx.caller, p),
});

const deleteImageStoreCommand = implement(spec.deleteImageStore, {
  handler: (ctx, p) => deleteImageStore(ctx.services, ctx.caller, p.id),
});

const listImageStoresCommand = implement(spec.listImageStores, {
  handler: (ctx, p) => listImageStores(ctx.services, p),
});

export const imageStoreCommands = [addImageStoreCommand, deleteImageStoreCommand, listImageStoresCommand];
