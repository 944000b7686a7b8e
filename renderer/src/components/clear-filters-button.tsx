import { Button } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useT } from '../lib/i18n';

/** Clears a list's filters; shown only while one is set. */
export function ClearFiltersButton({ active, onClear }: { active: boolean; onClear(): void }) {
  const t = useT();
  if (!active) return null;
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      leftSection={<IconFilterOff size={14} />}
      onClick={onClear}
      data-testid="clear-filters"
    >
      {t('common.clearFilters')}
    </Button>
  );
}
