import type { Kysely } from 'kysely';
import type { DataCenterImportCounts } from '../../api/schemas/datacenter-import';
import { discardPlan, resolveParams, wireParams, type RefKind } from '../../contract/zone-plan';
import type { Database } from '../../db/schema';
import type { ImportJournal, ImportRow } from './journal';
import { emptyCounts, type CreatedKind } from './plan';
import { ProgressThrottle, type RunHooks } from './run';
import { yieldToEventLoop } from '../event-loop';

export type RollbackHooks = Pick<RunHooks, 'invoke' | 'report' | 'now'>;

export interface RollbackOutcome {
  removed: DataCenterImportCounts;
  /** Global settings the import changed; they keep their values. */
  settingsKept: number;
  calls: number;
}

type ResourceKind = Exclude<RefKind, 'provider' | 'vrElement'>;

const TABLES = {
  zone: 'zones',
  physicalNetwork: 'physical_networks',
  pod: 'pods',
  vlan: 'vlan_ip_ranges',
  cluster: 'clusters',
  host: 'hosts',
  storagePool: 'storage_pools',
  imageStore: 'image_stores',
} as const satisfies Record<ResourceKind, keyof Database>;

const COUNTED: Record<ResourceKind, CreatedKind> = {
  zone: 'zones',
  physicalNetwork: 'physicalnetworks',
  pod: 'pods',
  vlan: 'vlanipranges',
  cluster: 'clusters',
  host: 'hosts',
  storagePool: 'storagepools',
  imageStore: 'imagestores',
};

async function stillThere(db: Kysely<Database>, kind: ResourceKind, uuid: string): Promise<boolean> {
  const row = await db
    .selectFrom(TABLES[kind])
    .select('uuid')
    .where('uuid', '=', uuid)
    .where('removed', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Deletes what the import's completed steps created, innermost first (image stores, storage,
 * hosts, clusters, IP ranges, pods, physical networks, zones), each through its delete command.
 * A resource already gone (deleted by hand) counts as removed. Each deletion leaves the journal
 * at once, so a removal that is itself interrupted continues with what is left.
 */
export async function rollbackImport(
  db: Kysely<Database>,
  journal: ImportJournal,
  row: ImportRow,
  hooks: RollbackHooks,
): Promise<RollbackOutcome> {
  const resources = await journal.resources(row.id);
  const ids = new Map(resources.map((r) => [r.ref, r.resource_uuid]));
  const kinds = new Map(resources.map((r) => [r.ref, r.kind as ResourceKind]));
  const calls = discardPlan(
    resources.map((r) => ({ ref: r.ref, kind: r.kind as RefKind, label: r.label ?? undefined })),
  );
  const removed = emptyCounts();
  const throttle = new ProgressThrottle(hooks.now ?? Date.now);
  let made = 0;
  for (const [i, call] of calls.entries()) {
    const percent = (i / Math.max(calls.length, 1)) * 100;
    if (hooks.report && throttle.due(percent)) {
      await hooks.report(percent, `Step ${i + 1} of ${calls.length}: ${call.label}`);
    }
    const kind = kinds.get(call.key) as ResourceKind;
    const uuid = ids.get(call.key) as string;
    try {
      made += 1;
      await hooks.invoke(call.command, wireParams(resolveParams(call, (ref) => ids.get(ref))));
    } catch (error) {
      if (await stillThere(db, kind, uuid)) throw error;
    }
    await journal.forget(row.id, call.key);
    removed[COUNTED[kind]] += 1;
    // As the import's runner does: let timers and I/O in between synchronous SQLite calls.
    await yieldToEventLoop();
  }
  if (hooks.report) await hooks.report(100, `Done: ${calls.length} deletions`);
  const settingsKept = (JSON.parse(row.counts) as Partial<DataCenterImportCounts>).configurations ?? 0;
  return { removed, settingsKept, calls: made };
}
