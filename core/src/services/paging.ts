import { invalidParameter } from '../domain/errors';
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
    throw invalidParameter(
      'API.PAGE_SIZE',
      `Page size must be a positive number or ${PAGE_SIZE_UNLIMITED} for no limit`,
    );
  }
  if (params.pagesize !== undefined && params.pagesize > max) {
    throw invalidParameter('API.PAGE_SIZE', `Page size can't exceed max allowed page size value: ${max}`);
  }
  const size = params.pagesize ?? max;
  return { limit: size, offset: ((params.page ?? 1) - 1) * size };
}
