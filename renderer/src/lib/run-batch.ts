import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from './api-context';
import {
  batchCounts,
  batchStorageKey,
  batchText,
  runBatch,
  useBatchStore,
  type BatchEntry,
  type RunBatchOptions,
} from './batch';
import { useLocaleStore } from './i18n';
import { invalidateAreas } from './jobs';
import { notifyBatch } from './notify';
import type { AreaRoot } from './query-keys';
import { useSession } from './session';

export interface UseRunBatchOptions<T> extends RunBatchOptions<T> {
  /** Areas to refresh once the batch has ended. */
  invalidate?: AreaRoot[];
}

/**
 * `const runBatch = useRunBatch(); await runBatch({ title, doneTitle, items, label, run })`: one
 * tray entry and one summary notification for the whole bulk action.
 */
export function useRunBatch(): <T>(options: UseRunBatchOptions<T>) => Promise<BatchEntry> {
  const client = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async <T>(options: UseRunBatchOptions<T>) => {
      const user = useSession.getState().user;
      const store = useBatchStore.getState();
      const key = user ? batchStorageKey(client.transport.target, user.userid) : null;
      if (key && store.storageKey !== key) store.load(key);
      const batch = await runBatch(client, options);
      invalidateAreas(queryClient, options.invalidate ?? ['events']);
      const title = batchText(useLocaleStore.getState().locale, batch.doneTitle);
      notifyBatch({ title, ...batchCounts(batch) });
      return batch;
    },
    [client, queryClient],
  );
}
