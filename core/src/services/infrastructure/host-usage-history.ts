import { sql } from 'kysely';
import type { HostStatsSample, HostUsageHistory, ListHostsUsageHistoryInput } from '../../api/schemas/hosts';
import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { toCloudStackDate } from '../../domain/time';
import { containsIgnoreCase, ilike } from '../../db/query-helpers';
import { pageOfIds } from '../../db/list-page';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { keywordPattern } from '../tenancy/shared';
import { formatDecimal } from './cluster-host-responses';
import { HOUR_MS, oldestSampleTime, rolledUpUntil } from './host-stats-history';

/** listHostsUsageHistory's parameters with the dates parsed (ISO-8601). */
export type HostUsageHistoryQuery = Omit<ListHostsUsageHistoryInput, 'startdate' | 'enddate'> & {
  startDate?: string;
  endDate?: string;
};

/** Without startdate, a chart gets the last day. */
const DEFAULT_WINDOW_MS = 24 * 3600 * 1000;

/** Hosts whose samples one statement reads. */
const HOSTS_PER_READ = 200;

const kib = (bytes: number) => Math.round(bytes / 1024);

interface StatsRow {
  host_id: number;
  at: string;
  cpu_used_percent: number;
  memory_used: number | string;
  memory_total: number | string;
}

/**
 * listHostsUsageHistory (CloudStack 24's host stats): a page of live hosts (id order), each with
 * its samples in the window, oldest first. A window about as long as the detail retention
 * (host.stats.history.detail.retention.hours) or shorter is answered from the samples, and from
 * hourly averages for the whole hours before the oldest sample kept; a longer one from hourly
 * averages up to the last hour rolled up, then from the samples since. Both are read in
 * (host_id, time) order, their tables' keys.
 */
export class HostUsageHistoryQueries {
  constructor(private readonly services: Pick<CoreServices, 'store' | 'config'>) {}

  async list(input: HostUsageHistoryQuery): Promise<{ items: HostUsageHistory[]; count: number }> {
    const { db } = this.services.store;
    if (input.id !== undefined && input.ids !== undefined) {
      throw invalidParameter('HOST.USAGE_HISTORY_IDS', message('error.host.usageHistoryIds', {}));
    }
    const now = Date.now();
    const start = input.startDate ?? new Date(now - DEFAULT_WINDOW_MS).toISOString();
    if (input.endDate !== undefined && input.endDate < start) {
      throw invalidParameter('HOST.USAGE_HISTORY_DATES', message('error.host.usageHistoryDates', {}));
    }
    const ids = input.ids?.map((id) => id.toLowerCase());
    const keyword = keywordPattern(input.keyword);
    const filtered = () => {
      let q = db.selectFrom('hosts').select(['id', 'uuid', 'name']).where('removed', 'is', null);
      if (input.id !== undefined) q = q.where('uuid', '=', input.id);
      if (ids !== undefined) q = ids.length > 0 ? q.where('uuid', 'in', ids) : q.where(sql<boolean>`1 = 0`);
      if (input.name !== undefined) q = q.where(containsIgnoreCase('name', input.name));
      if (keyword !== undefined) q = q.where(ilike('name', keyword));
      return q;
    };
    const page = await pageOfIds(db, filtered, pageWindow(input, this.services.config));
    if (page.ids.length === 0) return { items: [], count: page.count };
    const hosts = await db
      .selectFrom('hosts')
      .select(['id', 'uuid', 'name'])
      .where('id', 'in', page.ids)
      .orderBy('id')
      .execute();
    const stats = await this.samplesOf(
      hosts.map((h) => h.id),
      start,
      input.endDate,
      now,
    );
    const items = hosts.map((h) => ({ id: h.uuid, name: h.name, stats: stats.get(h.id) ?? [] }));
    return { items, count: page.count };
  }

  /** Where the window turns from hourly averages to samples (ms); its start when it has no averages. */
  private async samplesFrom(start: number, end: number): Promise<number> {
    const { db } = this.services.store;
    const detailHours = this.services.config.get<number>('host.stats.history.detail.retention.hours');
    // An hour's slack: a chart's "last day" is a day and a few seconds by the time it is read.
    const long = end - start > (detailHours + 1) * HOUR_MS;
    const at = long ? await rolledUpUntil(db) : await oldestSampleTime(db);
    return at === undefined ? start : Math.max(start, at);
  }

  private async samplesOf(hostIds: number[], start: string, end: string | undefined, now: number) {
    const { db } = this.services.store;
    const switchAt = await this.samplesFrom(Date.parse(start), end === undefined ? now : Date.parse(end));
    const from = new Date(switchAt).toISOString();
    // Only whole hours before the switch: an hour partly covered by samples is read from them.
    const lastHour = new Date(switchAt - HOUR_MS).toISOString();
    const out = new Map<number, HostStatsSample[]>();
    const add = (r: StatsRow) => {
      const used = Number(r.memory_used);
      const list = out.get(r.host_id) ?? [];
      list.push({
        timestamp: toCloudStackDate(r.at),
        cpuused: `${formatDecimal(Number(r.cpu_used_percent))}%`,
        memorykbs: kib(used),
        memoryintfreekbs: kib(Math.max(0, Number(r.memory_total) - used)),
      });
      out.set(r.host_id, list);
    };
    for (let i = 0; i < hostIds.length; i += HOSTS_PER_READ) {
      const ids = hostIds.slice(i, i + HOSTS_PER_READ);
      if (lastHour >= start) {
        let hours = db
          .selectFrom('host_stats_hourly')
          .select(['host_id', 'hour as at', 'cpu_used_percent', 'memory_used', 'memory_total'])
          .where('host_id', 'in', ids)
          .where('hour', '>=', start)
          .where('hour', '<=', lastHour);
        if (end !== undefined) hours = hours.where('hour', '<=', end);
        for (const r of await hours.orderBy('host_id').orderBy('hour').execute()) add(r);
      }
      let q = db
        .selectFrom('host_stats_history')
        .select(['host_id', 'sampled as at', 'cpu_used_percent', 'memory_used', 'memory_total'])
        .where('host_id', 'in', ids)
        .where('sampled', '>=', from);
      if (end !== undefined) q = q.where('sampled', '<=', end);
      for (const r of await q.orderBy('host_id').orderBy('sampled').execute()) add(r);
    }
    return out;
  }
}
