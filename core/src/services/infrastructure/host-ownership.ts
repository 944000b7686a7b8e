import { sql } from 'kysely';
import type { CoreServices } from '../core-services';
import { deadAfterMs } from '../management-servers';

type Services = Pick<CoreServices, 'store' | 'config' | 'serverId'>;

/** Uuids of the servers that may keep their hosts: Up and heart-beaten within the dead-after window. */
async function liveServers(services: Services): Promise<string[]> {
  const since = new Date(Date.now() - deadAfterMs(services.config)).toISOString();
  const rows = await services.store.db
    .selectFrom('management_servers')
    .select('uuid')
    .where('state', '=', 'Up')
    .where('last_heartbeat', '>=', since)
    .execute();
  return rows.map((r) => r.uuid);
}

/**
 * Takes over hosts nobody owns, or whose management server is not Up or has been silent longer
 * than it may be. One statement: when several servers adopt at once, each host gets one owner
 * (the row lock makes the second statement re-check its owner, now a live server). Returns how
 * many hosts this server took.
 */
export async function adoptHosts(services: Services): Promise<number> {
  const me = services.serverId;
  const since = new Date(Date.now() - deadAfterMs(services.config)).toISOString();
  const result = await services.store.db
    .updateTable('hosts')
    .set({ owner_server: me })
    .where('removed', 'is', null)
    .where((eb) =>
      eb.or([
        eb('owner_server', 'is', null),
        eb.and([
          eb('owner_server', '!=', me),
          eb(
            'owner_server',
            'not in',
            eb
              .selectFrom('management_servers')
              .select('management_servers.uuid')
              .where('management_servers.state', '=', 'Up')
              .where('management_servers.last_heartbeat', '>=', since),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Gives up this server's hosts (a draining server), so the others adopt them at their next heartbeat. */
export async function releaseHosts(services: Services): Promise<number> {
  const result = await services.store.db
    .updateTable('hosts')
    .set({ owner_server: null })
    .where('owner_server', '=', services.serverId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * agent.lb.enabled: a server with fewer than its fair share (hosts / live servers, rounded down)
 * takes the difference from the live server with the most hosts, never leaving that one below
 * the fair share, so servers do not pass hosts back and forth. Each host moves by a
 * compare-and-set on its owner: a host its owner gave up or lost meanwhile is not taken.
 */
export async function rebalanceHosts(services: Services): Promise<number> {
  const me = services.serverId;
  const live = await liveServers(services);
  if (live.length < 2 || !live.includes(me)) return 0;
  const { db } = services.store;
  const rows = await db
    .selectFrom('hosts')
    .select(['owner_server', sql<number>`count(*)`.as('n')])
    .where('removed', 'is', null)
    .where('owner_server', 'in', live)
    .groupBy('owner_server')
    .execute();
  const counts = new Map(rows.map((r) => [r.owner_server as string, Number(r.n)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const fair = Math.floor(total / live.length);
  const mine = counts.get(me) ?? 0;
  const donor = [...counts.entries()].filter(([uuid]) => uuid !== me).sort((a, b) => b[1] - a[1])[0];
  if (!donor || mine >= fair) return 0;
  const take = Math.min(fair - mine, donor[1] - fair);
  if (take <= 0) return 0;
  const [donorId] = donor;
  const result = await db
    .updateTable('hosts')
    .set({ owner_server: me })
    .where('owner_server', '=', donorId)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('hosts as h')
        .select('h.id')
        .where('h.owner_server', '=', donorId)
        .where('h.removed', 'is', null)
        .orderBy('h.id', 'desc')
        .limit(take),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
