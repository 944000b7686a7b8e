import { Badge, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Title, an optional count and the page's actions on one compact line. */
export function PageHeader({ title, count, children }: { title: string; count?: number; children?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" mb="xs" gap="sm">
      <Group gap="xs" wrap="nowrap">
        <Title order={1}>{title}</Title>
        {count !== undefined && (
          <Badge variant="default" size="md" radius="sm" data-testid="page-count">
            {count}
          </Badge>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap" data-testid="page-actions">
        {children}
      </Group>
    </Group>
  );
}
