import { implement } from '../command';
import * as spec from '../schemas/image-stores';

const addImageStoreCommand = implement(spec.addImageStore, {
  handler: (ctx, p) => ctx.services.imageStores.add(ctx.caller, p),
});

const deleteImageStoreCommand = implement(spec.deleteImageStore, {
  handler: (ctx, p) => ctx.services.imageStores.delete(ctx.caller, p.id),
});

const listImageStoresCommand = implement(spec.listImageStores, {
  handler: (ctx, p) => ctx.services.imageStores.list(p),
});

export const imageStoreCommands = [addImageStoreCommand, deleteImageStoreCommand, listImageStoresCommand];
