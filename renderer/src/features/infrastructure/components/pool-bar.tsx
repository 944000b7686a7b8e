import type { StoragePool } from '../../../lib/contract';
import { formatBytes, useLocale } from '../../../lib/i18n';
import { ratioPercent } from '../lib/capacity';
import { CapacityBar } from './capacity-bar';

/** "nfs://10.0.0.1/export/x" from the pool's type, address and path. */
export function poolUrl(pool: StoragePool): string {
  if (!pool.ipaddress && !pool.path) return '';
  const scheme = (pool.type ?? '').toLowerCase() === 'networkfilesystem' ? 'nfs' : (pool.type ?? '').toLowerCase();
  return `${scheme ? `${scheme}://` : ''}${pool.ipaddress ?? ''}${pool.path ?? ''}`;
}

/** One capacity bar: used (or allocated) of total, in binary units. */
export function PoolBar({
  used,
  total,
  compact,
}: {
  used: number | undefined;
  total: number | undefined;
  compact?: boolean;
}) {
  const locale = useLocale();
  const percent = ratioPercent(used, total);
  return (
    <CapacityBar
      percent={percent}
      barWidth={compact ? 36 : undefined}
      tooltip={compact && percent !== undefined ? `${percent.toFixed(1)}%` : undefined}
      label={total ? `${formatBytes(used ?? 0, locale)} / ${formatBytes(total, locale)}` : undefined}
    />
  );
}
