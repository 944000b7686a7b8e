import { create } from 'zustand';
import type { ApiClient } from './api-client';
import type { AsyncStart } from './contract';
import { translate, type Locale, type MessageKey } from './i18n';
import { errorText } from './api-error';
import { followJob, jobFailureText, useJobStore, type JobState } from './jobs';

/**
 * A batch title kept as a message (key and parameters), so the entry reads in the language of the
 * moment, after a reload too; `nouns` are parameters that are messages themselves.
 */
export type BatchText =
  string | { key: MessageKey; vars?: Record<string, string | number>; nouns?: Record<string, MessageKey> };

export function batchText(locale: Locale, text: BatchText): string {
  if (typeof text === 'string') return text;
  const vars: Record<string, string | number> = { ...text.vars };
  for (const [name, key] of Object.entries(text.nouns ?? {})) vars[name] = translate(locale, key);
  return translate(locale, text.key, vars);
}

/**
 * A bulk action over N items as ONE tray entry: each item is a server job (async command) or a
 * synchronous call, run a few at a time; the entry counts k/N and keeps each item's result.
 * The grouping (title, labels, member job ids, results of synchronous calls) is kept in
 * localStorage per server and user, and rebuilt from the server's job records after a reload.
 */

/** `queued`: not started yet; an item whose window closed before it started ends `failed`. */
export type BatchItemState = 'queued' | JobState;

export interface BatchItem {
  label: string;
  link?: string;
  /** Set once the item's async command has answered: its state then lives in the job store. */
  jobid?: string;
  state: BatchItemState;
  errortext?: string;
}

export interface BatchEntry {
  id: string;
  /** "Disable 30 hosts" */
  title: BatchText;
  /** "Disabled 30 hosts": the summary's and the finished entry's title. */
  doneTitle: BatchText;
  startedAt: number;
  finishedAt?: number;
  items: BatchItem[];
}

export interface BatchCounts {
  total: number;
  ok: number;
  failed: number;
  finished: number;
}

export function batchCounts(batch: Pick<BatchEntry, 'items'>): BatchCounts {
  const ok = batch.items.filter((i) => i.state === 'done').length;
  const failed = batch.items.filter((i) => i.state === 'failed').length;
  return { total: batch.items.length, ok, failed, finished: ok + failed };
}

export function batchState(batch: Pick<BatchEntry, 'items'>): JobState {
  const counts = batchCounts(batch);
  if (counts.finished < counts.total) return 'running';
  return counts.failed > 0 ? 'failed' : 'done';
}

/** What one item's run answered: an async command's start, or a synchronous call's end. */
export type ItemOutcome = AsyncStart | { sync: true };

export interface RunBatchOptions<T> {
  title: BatchText;
  doneTitle: BatchText;
  items: readonly T[];
  label(item: T): string;
  link?(item: T): string | undefined;
  /** Starts one item: resolve with the async start (`{ jobid }`) or `{ sync: true }`; throw to fail it. */
  run(item: T): Promise<ItemOutcome>;
  /** How many items run at once (an async item holds its slot until its job ends). Default 4. */
  concurrency?: number;
}

const MAX_BATCHES = 50;
const KEEP_MS = 24 * 3600_000;

interface BatchStore {
  /** localStorage key of the signed-in user on this server; null before sign-in. */
  storageKey: string | null;
  batches: BatchEntry[];
  /** Loads the batches kept for this server and user (and keeps writing there). */
  load(storageKey: string): BatchEntry[];
  put(batch: BatchEntry): void;
  updateItem(batchId: string, index: number, patch: Partial<BatchItem>): void;
  clearFinished(): void;
}

function readStored(key: string): BatchEntry[] {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    if (!Array.isArray(parsed)) return [];
    return (parsed as BatchEntry[]).filter(
      (b) => typeof b?.id === 'string' && Array.isArray(b.items) && Date.now() - b.startedAt < KEEP_MS,
    );
  } catch {
    return [];
  }
}

function writeStored(key: string | null, batches: BatchEntry[]): void {
  if (!key) return;
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(batches));
  } catch {
    // A full or disabled storage only costs the entry's survival across a reload.
  }
}

/** Marks the batch finished once every item has ended. */
function settle(batch: BatchEntry): BatchEntry {
  if (batch.finishedAt !== undefined || batchState(batch) === 'running') return batch;
  return { ...batch, finishedAt: Date.now() };
}

export const useBatchStore = create<BatchStore>((set, get) => {
  const commit = (batches: BatchEntry[]) => {
    set({ batches });
    writeStored(get().storageKey, batches);
  };
  return {
    storageKey: null,
    batches: [],
    load: (storageKey) => {
      const batches = readStored(storageKey);
      set({ storageKey, batches });
      return batches;
    },
    put: (batch) => commit([batch, ...get().batches.filter((b) => b.id !== batch.id)].slice(0, MAX_BATCHES)),
    updateItem: (batchId, index, patch) =>
      commit(
        get().batches.map((b) =>
          b.id === batchId
            ? settle({ ...b, items: b.items.map((it, i) => (i === index ? { ...it, ...patch } : it)) })
            : b,
        ),
      ),
    clearFinished: () => commit(get().batches.filter((b) => batchState(b) === 'running')),
  };
});

/** Where a user's batches are kept: one key per server and user, so nobody sees another's. */
export function batchStorageKey(serverTarget: string, userId: string): string {
  return `stackyard.batches.${serverTarget}.${userId}`;
}

/** Runs `work` over the indexes 0..count-1, at most `limit` at a time. */
async function pool(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}

let batchSeq = 0;

/**
 * Runs a bulk action as one batch and resolves with its final entry. Nothing is shown per item:
 * the caller gives one summary at the end (see notifyBatch).
 */
export async function runBatch<T>(client: ApiClient, options: RunBatchOptions<T>): Promise<BatchEntry> {
  const store = useBatchStore.getState();
  const id = `batch-${Date.now().toString(36)}-${(batchSeq++).toString(36)}`;
  store.put({
    id,
    title: options.title,
    doneTitle: options.doneTitle,
    startedAt: Date.now(),
    items: options.items.map((item) => ({ label: options.label(item), link: options.link?.(item), state: 'queued' })),
  });
  await pool(options.items.length, options.concurrency ?? 4, async (index) => {
    const item = options.items[index] as T;
    const update = (patch: Partial<BatchItem>) => useBatchStore.getState().updateItem(id, index, patch);
    update({ state: 'running' });
    try {
      const outcome = await options.run(item);
      if ('sync' in outcome) return update({ state: 'done' });
      update({ jobid: outcome.jobid });
      const entry = await followJob(client, outcome.jobid);
      update({ state: entry.state, errortext: jobFailureText(entry) });
    } catch (error) {
      update({ state: 'failed', errortext: errorText(error) });
    }
  });
  return useBatchStore.getState().batches.find((b) => b.id === id) as BatchEntry;
}

/**
 * After a reload or a new sign-in: loads the user's batches and asks the server how their jobs
 * stand (running ones are followed to their end). An item that never started stays failed.
 */
export async function restoreBatches(client: ApiClient, storageKey: string, notStartedText: string): Promise<void> {
  const store = useBatchStore.getState();
  const batches = store.load(storageKey);
  const pending: { batchId: string; index: number; jobid: string }[] = [];
  for (const batch of batches) {
    batch.items.forEach((item, index) => {
      if (item.jobid) pending.push({ batchId: batch.id, index, jobid: item.jobid });
      else if (item.state === 'queued' || item.state === 'running')
        store.updateItem(batch.id, index, { state: 'failed', errortext: notStartedText });
    });
  }
  await pool(pending.length, 4, async (n) => {
    const { batchId, index, jobid } = pending[n]!;
    const update = (patch: Partial<BatchItem>) => useBatchStore.getState().updateItem(batchId, index, patch);
    try {
      let entry = useJobStore.getState().jobs.find((j) => j.jobid === jobid);
      if (!entry || entry.state === 'running') entry = useJobStore.getState().apply(await client.queryJob(jobid));
      if (entry?.state === 'running') {
        update({ state: 'running' });
        entry = await followJob(client, jobid);
      }
      if (entry) update({ state: entry.state, errortext: jobFailureText(entry) });
    } catch (error) {
      update({ state: 'failed', errortext: errorText(error) });
    }
  });
}
