import { Box, Group, Progress, Text, Tooltip } from '@mantine/core';
import { capacityColor } from '../../../lib/states';

/**
 * A small bar coloured by the capacity thresholds (green, amber, red) and its text. `percent` is
 * 0..100; `label` replaces the percentage text (e.g. "1.2 TiB / 4 TiB").
 */
export function CapacityBar({
  percent,
  label,
  tooltip,
  testId,
  barWidth = 54,
}: {
  barWidth?: number;
  percent: number | undefined;
  label?: string;
  tooltip?: string;
  testId?: string;
}) {
  if (percent === undefined) {
    return (
      <Text size="xs" c="dimmed" span>
        —
      </Text>
    );
  }
  const fraction = Math.max(0, percent) / 100;
  const color = capacityColor(fraction);
  const text = label ?? `${percent.toFixed(1)}%`;
  const bar = (
    <Group gap={6} wrap="nowrap" data-testid={testId} data-capacity={color} data-percent={percent.toFixed(1)}>
      <Box w={barWidth} style={{ flexShrink: 0 }}>
        <Progress value={Math.min(100, percent)} color={color} size={6} radius="xs" />
      </Box>
      <Text size="xs" span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    </Group>
  );
  return tooltip ? (
    <Tooltip label={tooltip} openDelay={400}>
      {bar}
    </Tooltip>
  ) : (
    bar
  );
}
