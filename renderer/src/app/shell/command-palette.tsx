import { Kbd, Loader, Modal, ScrollArea, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../lib/api-context';
import { useT } from '../../lib/i18n';
import type { Area } from '../../lib/permissions';
import { useSession } from '../../lib/session';
import { useUiStore } from '../../lib/ui-store';
import { useResultActions } from './command-palette-actions';
import { arrange } from './command-palette-arrange';
import { PaletteDialogs, type PaletteDialog } from './command-palette-dialogs';
import { useStaticItems, type PaletteItem } from './command-palette-items';
import { optionId, PaletteList } from './command-palette-list';
import { useRecentItems } from './command-palette-recent';
import { usePaletteSearch } from './command-palette-search';
import { KINDS } from './command-palette-targets';
import classes from './command-palette.module.css';

const LISTBOX_ID = 'command-palette-listbox';

/** The options for what is typed: search results, the best result's actions, commands and pages. */
function usePaletteItems(areas: Area[], text: string, open: boolean, openDialog: (d: PaletteDialog) => void) {
  const t = useT();
  const client = useApi();
  const user = useSession((s) => s.user);
  const { recent, remember } = useRecentItems(client.transport.target, user?.userid);
  const staticItems = useStaticItems(areas, openDialog);
  const search = usePaletteSearch(text, open);
  const results = search.results.filter((r) => areas.includes(KINDS[r.kind].area));
  const resultActions = useResultActions(results[0], openDialog);
  const items = arrange({ text, staticItems, results, recent, resultActions, t, remember });
  return { items, searching: search.searching };
}

/**
 * Ctrl+K: search hosts, clusters, pods, zones, storage, accounts, users and domains by name, IP or
 * id and open them; run the best result's actions, create and import actions, go to any page.
 */
export function CommandPalette({ areas }: { areas: Area[] }) {
  const t = useT();
  const open = useUiStore((s) => s.paletteOpen);
  const setOpen = useUiStore((s) => s.setPaletteOpen);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [dialog, setDialog] = useState<PaletteDialog | null>(null);
  const openDialog = useCallback((d: PaletteDialog) => setDialog(d), []);
  const { items, searching } = usePaletteItems(areas, text, open, openDialog);
  const current = Math.min(active, Math.max(0, items.length - 1));

  useHotkeys([['mod+K', () => setOpen(!useUiStore.getState().paletteOpen)]], []);

  const close = () => {
    setOpen(false);
    setText('');
    setActive(0);
  };
  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    close();
    item.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(items.length - 1, current + 1),
      ArrowUp: () => Math.max(0, current - 1),
      PageDown: () => Math.min(items.length - 1, current + 8),
      PageUp: () => Math.max(0, current - 8),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = move();
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[current]);
    }
  };

  return (
    <>
      <Modal
        opened={open}
        onClose={close}
        withCloseButton={false}
        size={600}
        padding={0}
        yOffset="12vh"
        centered={false}
        trapFocus
        // Above an open detail drawer (same default layer), which Ctrl+K may be pressed over.
        zIndex={300}
        // Instant, so the first keystrokes land in the search box.
        transitionProps={{ duration: 0 }}
      >
        <div data-testid="command-palette">
          <TextInput
            size="md"
            variant="unstyled"
            px="sm"
            className={classes.input}
            placeholder={t('palette.placeholder')}
            aria-label={t('palette.placeholder')}
            role="combobox"
            aria-expanded
            aria-controls={LISTBOX_ID}
            aria-autocomplete="list"
            aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
            leftSection={searching && text.trim() ? <Loader size={14} /> : <IconSearch size={16} />}
            rightSection={<Kbd size="xs">Esc</Kbd>}
            rightSectionWidth={44}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            data-autofocus
          />
          <ScrollArea.Autosize mah={420}>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed" p="md" role="status">
                {searching ? t('palette.searching') : t('palette.empty')}
              </Text>
            ) : (
              <PaletteList
                id={LISTBOX_ID}
                label={t('palette.placeholder')}
                items={items}
                active={current}
                onHover={setActive}
                onChoose={choose}
              />
            )}
          </ScrollArea.Autosize>
        </div>
      </Modal>
      <PaletteDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
