import { invalidParameter } from '../domain/errors';
import { message } from '../domain/messages';
import type { ListOrder } from '../db/list-page';
import type { PageWindow } from '../db/query-helpers';
import type { SettingsReader } from './core-services';

export interface PageParams {
  page?: number;
  pagesize?: number;
}

/** pagesize=-1 asks for every row, as in CloudStack. */
export const PAGE_SIZE_UNLIMITED = -1;

/**
 * CloudStack's list window: at most default.page.size rows unless pagesize says otherwise;
 * pagesize may not exceed default.page.size, and -1 lifts the limit.
 */
export function pageWindow(params: PageParams, config: SettingsReader): PageWindow | undefined {
  const max = config.get<number>('default.page.size');
  if (params.pagesize === PAGE_SIZE_UNLIMITED) return undefined;
  if (params.pagesize !== undefined && params.pagesize < 1) {
    // The message's text writes PAGE_SIZE_UNLIMITED (-1) out.
    throw invalidParameter('API.PAGE_SIZE', message('error.paging.badPageSize', {}));
  }
  if (params.pagesize !== undefined && params.pagesize > max) {
    throw invalidParameter('API.PAGE_SIZE', message('error.paging.pageSizeTooLarge', { max }));
  }
  const size = params.pagesize ?? max;
  return { limit: size, offset: ((params.page ?? 1) - 1) * size };
}

/** A list's Stackyard sorting parameters as parsed (see sortParams). */
export interface SortParams<K extends string> {
  sortby?: K;
  sortorder?: 'asc' | 'desc';
}

/**
 * The order a list is read in: without sortby its usual order (`usual`, turned around when
 * sortorder says the other way); with it, the key's column ascending unless sortorder says desc,
 * the usual id column breaking ties.
 */
export function listOrder<K extends string>(
  params: SortParams<K>,
  columns: Readonly<Record<K, string>>,
  usual: ListOrder,
): ListOrder {
  if (params.sortby === undefined) return { ...usual, direction: params.sortorder ?? usual.direction };
  return { key: columns[params.sortby], id: usual.id, direction: params.sortorder ?? 'asc' };
}
