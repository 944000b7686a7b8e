import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { invalidParameter } from '../domain/errors';
import { message } from '../domain/messages';
import { MANAGEMENT_SERVER_STATES, type ManagementServerState } from '../domain/management-servers';
import { nowIso, toCloudStackDate } from '../domain/time';
import type { Store } from '../db/connect';
import { ilike, matchingCount } from '../db/query-helpers';
import type { ManagementServerTable } from '../db/schema';
import type { ListManagementServersInput, ManagementServer } from '../api/schemas/management-servers';
import type { CoreServices, SettingsReader } from './core-services';
import { pageWindow } from './paging';
import { keywordPattern } from './tenancy/shared';

/** What a server records about itself at every start (listManagementServers shows it). */
type ServerFacts = Pick<
  ManagementServerTable,
  'version' | 'service_ip' | 'runtime_version' | 'os_distribution' | 'kernel_version' | 'last_boot'
>;

function osDistribution(): string {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    if (pretty) return pretty;
  } catch {
    // not Linux, or no os-release: fall back to the kernel's name
  }
  return `${os.type()} ${os.release()}`;
}

/** The first non-internal IPv4 address of this machine (CloudStack's serviceip), else loopback. */
function serviceIp(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return '127.0.0.1';
}

/** This process's facts: the Stackyard version given, the runtime, the OS, the boot time. */
export function thisServerFacts(version: string): ServerFacts {
  return {
    version,
    service_ip: serviceIp(),
    runtime_version: process.versions.node,
    os_distribution: osDistribution(),
    kernel_version: os.release(),
    last_boot: new Date(Date.now() - os.uptime() * 1000).toISOString(),
  };
}

/**
 * The stable id of the server called `name`: the uuid its row got when a server of that name
 * first started (a new row, Down until its job runner starts, otherwise). Hosts record it as their
 * managementserverid, so it must survive restarts. Two servers racing to create the same name
 * get the same row (unique name).
 */
export async function identifyServer(store: Store, name: string, facts: ServerFacts): Promise<string> {
  const { db } = store;
  const existing = await db.selectFrom('management_servers').select('uuid').where('name', '=', name).executeTakeFirst();
  if (existing) {
    await db.updateTable('management_servers').set(facts).where('uuid', '=', existing.uuid).execute();
    return existing.uuid;
  }
  const now = nowIso();
  await db
    .insertInto('management_servers')
    .values({ uuid: crypto.randomUUID(), name, state: 'Down', started: now, last_heartbeat: now, ...facts })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('management_servers')
    .select('uuid')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.uuid;
}

/** How long a server may stay silent before the others take over its hosts and jobs. */
export function deadAfterMs(config: SettingsReader): number {
  return (
    config.get<number>('management.server.heartbeat.seconds') *
    config.get<number>('management.server.heartbeat.misses') *
    1000
  );
}

function stateFilter(state: string | undefined): ManagementServerState | undefined {
  if (state === undefined) return undefined;
  const found = MANAGEMENT_SERVER_STATES.find((s) => s.toLowerCase() === state.trim().toLowerCase());
  if (!found) {
    throw invalidParameter(
      'MANAGEMENT_SERVER.BAD_STATE',
      message('error.managementServer.badState', {
        value: state.slice(0, 40),
        states: MANAGEMENT_SERVER_STATES.join(', '),
      }),
    );
  }
  return found;
}

/** listManagementServers: every server that shares this database, by name. */
export class ManagementServerQueries {
  constructor(private readonly services: Pick<CoreServices, 'store' | 'config'>) {}

  async list(input: ListManagementServersInput): Promise<{ items: ManagementServer[]; count: number }> {
    const { db } = this.services.store;
    const state = stateFilter(input.state);
    const pattern = keywordPattern(input.keyword);
    const filtered = () => {
      let q = db.selectFrom('management_servers');
      if (input.id) q = q.where('uuid', '=', input.id);
      if (input.name) q = q.where('name', '=', input.name);
      if (state) q = q.where('state', '=', state);
      if (pattern) q = q.where(ilike('name', pattern));
      return q;
    };
    const page = pageWindow(input, this.services.config);
    let q = filtered()
      .selectAll('management_servers')
      .select((eb) => [
        eb
          .selectFrom('hosts')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('hosts.owner_server', '=', 'management_servers.uuid')
          .where('hosts.removed', 'is', null)
          .as('agents'),
        eb
          .selectFrom('async_jobs')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('async_jobs.owner_server', '=', 'management_servers.uuid')
          .where('async_jobs.completed', 'is', null)
          .as('pending'),
      ])
      .orderBy('name');
    if (page) q = q.limit(page.limit).offset(page.offset);
    const rows = await q.execute();
    return {
      count: await matchingCount(filtered, page, rows.length),
      items: rows.map((r) => ({
        id: r.uuid,
        name: r.name,
        state: stateFilter(r.state) ?? 'Down',
        version: r.version ?? undefined,
        javadistribution: r.runtime_version ? 'Node.js' : undefined,
        javaversion: r.runtime_version ?? undefined,
        osdistribution: r.os_distribution ?? undefined,
        kernelversion: r.kernel_version ?? undefined,
        lastboottime: toCloudStackDate(r.last_boot),
        lastserverstart: toCloudStackDate(r.started),
        lastserverstop: toCloudStackDate(r.last_stop),
        serviceip: r.service_ip ?? undefined,
        agentscount: Number(r.agents ?? 0),
        pendingjobscount: Number(r.pending ?? 0),
      })),
    };
  }
}
