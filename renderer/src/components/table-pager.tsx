import { Group, Pagination, Select, Text } from '@mantine/core';
import { formatNumber, useLocale, useT } from '../lib/i18n';
import { useRemembered } from '../lib/remembered';

export const PAGE_SIZES = [50, 100, 200, 500];

const isPageSize = (value: unknown): value is number => typeof value === 'number' && PAGE_SIZES.includes(value);

/** A list's page size, remembered per list (`list` names it) across visits. */
export function usePageSize(list: string): [number, (size: number) => void] {
  return useRemembered(`pagesize.${list}`, 100, isPageSize);
}

/** Server paging under a table: total, page size and pages (CloudStack page/pagesize). */
export function TablePager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}) {
  const t = useT();
  const locale = useLocale();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <Group justify="space-between" mt={6} gap="xs">
      <Text size="xs" c="dimmed" data-testid="table-total">
        {t('common.total', { count: formatNumber(props.total, locale) })}
      </Text>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('common.rowsPerPage')}
        </Text>
        <Select
          size="xs"
          w={80}
          value={String(props.pageSize)}
          data={PAGE_SIZES.map(String)}
          onChange={(v) => v && props.onPageSize(Number(v))}
          allowDeselect={false}
          aria-label={t('common.rowsPerPage')}
        />
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(props.page, pages)}
          onChange={props.onPage}
          siblings={1}
          boundaries={1}
          getControlProps={(control) => ({
            'aria-label': t(
              control === 'previous'
                ? 'common.previousPage'
                : control === 'next'
                  ? 'common.nextPage'
                  : control === 'first'
                    ? 'common.firstPage'
                    : 'common.lastPage',
            ),
          })}
          getItemProps={(page) => ({ 'aria-label': `${t('common.page')} ${page}` })}
        />
      </Group>
    </Group>
  );
}
