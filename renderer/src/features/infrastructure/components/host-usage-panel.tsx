import { SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Host } from '../../../lib/contract';
import { formatBytes, formatNumber, useLocale, useT } from '../../../lib/i18n';
import { hostCpuPercent, hostMemoryPercent, parsePercent, ratioPercent } from '../lib/capacity';
import { UsageBar } from './usage-bar';
import classes from './infra.module.css';

const pct = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value * 10) / 10}%`);

/** One resource: its bar, then used, allocated and total as percentages and amounts. */
function UsageBlock(props: {
  title: string;
  used: number | undefined;
  allocated: number | undefined;
  rows: { label: string; percent?: number; amount: ReactNode }[];
  testId: string;
}) {
  return (
    <div className={classes.section} data-testid={props.testId}>
      <Text size="sm" fw={600} mb={6}>
        {props.title}
      </Text>
      <UsageBar used={props.used} allocated={props.allocated} barWidth={180} testId={`${props.testId}-bar`} />
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} mt={6} fz="xs">
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th w={72} c="dimmed" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td w={56} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.percent === undefined ? '' : pct(row.percent)}
              </Table.Td>
              <Table.Td>{row.amount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * A host's CPU and memory in full: what is used now (the last heartbeat's stats), what VMs have
 * been allocated (against the overprovisioned capacity, as CloudStack reports it) and the total.
 */
export function HostUsagePanel({ host }: { host: Host }) {
  const t = useT();
  const locale = useLocale();
  const cpuUsed = parsePercent(host.cpuused);
  const cpuAllocated = hostCpuPercent(host);
  const physicalMhz = (host.cpunumber ?? 0) * (host.cpuspeed ?? 0);
  const overMhz = Number(host.cpuwithoverprovisioning ?? physicalMhz);
  const memUsed = ratioPercent(host.memoryused, host.memorytotal);
  const memAllocated = hostMemoryPercent(host);
  const overMemory = Number(host.memorywithoverprovisioning ?? host.memorytotal ?? 0);
  const mhz = (value: number) => `${formatNumber(Math.round(value), locale)} MHz`;
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <UsageBlock
          title={t('hostDetails.usage.cpuTitle')}
          used={cpuUsed}
          allocated={cpuAllocated}
          testId="host-usage-cpu"
          rows={[
            {
              label: t('hostDetails.usage.used'),
              percent: cpuUsed,
              amount: cpuUsed === undefined ? '—' : mhz((cpuUsed / 100) * physicalMhz),
            },
            {
              label: t('hostDetails.usage.allocated'),
              percent: cpuAllocated,
              amount: t('hostDetails.usage.allocatedOf', {
                amount: mhz(host.cpuallocatedvalue ?? 0),
                total: mhz(overMhz),
              }),
            },
            {
              label: t('hostDetails.usage.total'),
              amount: t('hostDetails.usage.cpuTotal', {
                cpus: host.cpunumber ?? 0,
                speed: formatNumber(host.cpuspeed ?? 0, locale),
                total: formatNumber(physicalMhz, locale),
              }),
            },
          ]}
        />
        <UsageBlock
          title={t('hostDetails.usage.memoryTitle')}
          used={memUsed}
          allocated={memAllocated}
          testId="host-usage-memory"
          rows={[
            {
              label: t('hostDetails.usage.used'),
              percent: memUsed,
              amount: host.memoryused === undefined ? '—' : formatBytes(host.memoryused, locale),
            },
            {
              label: t('hostDetails.usage.allocated'),
              percent: memAllocated,
              amount: t('hostDetails.usage.allocatedOf', {
                amount: formatBytes(host.memoryallocated ?? 0, locale),
                total: formatBytes(overMemory, locale),
              }),
            },
            { label: t('hostDetails.usage.total'), amount: formatBytes(host.memorytotal ?? 0, locale) },
          ]}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('hostDetails.usage.legend')}
      </Text>
    </>
  );
}
