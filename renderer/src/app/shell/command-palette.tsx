import { Kbd, Loader, Modal, ScrollArea, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../lib/api-context';
import type { SearchResult } from '../../lib/contract';
import { useT } from '../../lib/i18n';
import type { Area } from '../../lib/permissions';
import { useSession } from '../../lib/session';
import { useUiStore } from '../../lib/ui-store';
import { hasActions, useResultActions } from './command-palette-actions';
import { arrange } from './command-palette-arrange';
import { PaletteDialogs, type PaletteDialog } from './command-palette-dialogs';
import { RESULT_ACTIONS, useStaticItems, type PaletteItem } from './command-palette-items';
import { optionId, PaletteList } from './command-palette-list';
import { useRecentItems } from './command-palette-recent';
import { usePaletteSearch } from './command-palette-search';
import { KINDS } from './command-palette-targets';
import classes from './command-palette.module.css';

const LISTBOX_ID = 'command-palette-listbox';

/**
 * The options for what is typed: search results, the actions of the best result (or of the one
 * picked with Tab), commands and pages.
 */
function usePaletteItems(
  areas: Area[],
  text: string,
  open: boolean,
  picked: SearchResult | undefined,
  openDialog: (d: PaletteDialog) => void,
) {
  const t = useT();
  const client = useApi();
  const user = useSession((s) => s.user);
  const { recent, remember } = useRecentItems(client.transport.target, user?.userid);
  const staticItems = useStaticItems(areas, openDialog);
  const search = usePaletteSearch(text, open);
  const results = search.results.filter((r) => areas.includes(KINDS[r.kind].area));
  const actionsFor = results.find((r) => r.id === picked?.id) ?? results[0];
  const resultActions = useResultActions(actionsFor, openDialog);
  const items = arrange({ text, staticItems, results, recent, resultActions, actionsFor, t, remember });
  return { items, searching: search.searching };
}

/**
 * Ctrl+K: search hosts, clusters, pods, zones, storage, accounts, users and domains by name, IP or
 * id and open them; run the best result's actions (Tab on another result shows its own), create
 * and import actions, go to any page.
 */
export function CommandPalette({ areas }: { areas: Area[] }) {
  const t = useT();
  const open = useUiStore((s) => s.paletteOpen);
  const setOpen = useUiStore((s) => s.setPaletteOpen);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [dialog, setDialog] = useState<PaletteDialog | null>(null);
  const [picked, setPicked] = useState<{ result: SearchResult; jump: boolean }>();
  const openDialog = useCallback((d: PaletteDialog) => setDialog(d), []);
  const { items, searching } = usePaletteItems(areas, text, open, picked?.result, openDialog);
  const current = Math.min(active, Math.max(0, items.length - 1));
  const moveTo = (index: number) => {
    setActive(index);
    document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
  };

  // After Tab on a result, the highlight lands on its first action once the actions are listed
  // (a host's actions wait for the host to be read).
  const firstAction = items.findIndex(
    (i) => i.group === RESULT_ACTIONS && i.id.startsWith(`act:${picked?.result.id}:`),
  );
  useEffect(() => {
    if (!picked?.jump || firstAction < 0) return;
    moveTo(firstAction);
    setPicked({ result: picked.result, jump: false });
  }, [picked, firstAction]);

  useHotkeys([['mod+K', () => setOpen(!useUiStore.getState().paletteOpen)]], []);

  const close = () => {
    setOpen(false);
    setText('');
    setActive(0);
    setPicked(undefined);
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
    const result = items[current]?.result;
    if (move) {
      event.preventDefault();
      moveTo(move());
    } else if (event.key === 'Tab' && !event.shiftKey && result && hasActions(result)) {
      event.preventDefault();
      setPicked({ result, jump: true });
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
              setPicked(undefined);
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
                actionsHint={(item) =>
                  item.result && hasActions(item.result) ? t('palette.tabForActions') : undefined
                }
              />
            )}
          </ScrollArea.Autosize>
        </div>
      </Modal>
      <PaletteDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
