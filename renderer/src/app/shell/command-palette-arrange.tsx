import type { SearchResult } from '../../lib/contract';
import type { MessageKey } from '../../lib/i18n';
import type { PaletteItem } from './command-palette-items';
import type { RecentItem } from './command-palette-recent';
import { KINDS, openResult } from './command-palette-targets';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const MATCH_BADGE: Partial<Record<SearchResult['matchedby'], MessageKey>> = {
  ip: 'palette.match.ip',
  id: 'palette.match.id',
  range: 'palette.match.range',
};

/** A found (or recently opened) resource as a palette option: choosing it opens its page. */
export function resultItem(
  result: RecentItem & Partial<Pick<SearchResult, 'matchedby' | 'state' | 'ipaddress'>>,
  group: { key: string; label: string },
  t: Translate,
  remember: (item: RecentItem) => void,
): PaletteItem {
  const Glyph = KINDS[result.kind].icon;
  const badge = result.matchedby ? MATCH_BADGE[result.matchedby] : undefined;
  const detail = [result.ipaddress, result.context, result.state].filter((part) => part).join(' · ');
  return {
    id: `${group.key}:${result.kind}:${result.id}`,
    group: group.key,
    groupLabel: group.label,
    label: result.name,
    detail,
    badge: badge ? t(badge) : undefined,
    icon: <Glyph size={16} stroke={1.6} />,
    keywords: '',
    result: 'matchedby' in result && result.matchedby ? (result as SearchResult) : undefined,
    run: () => {
      remember(result);
      openResult(result);
    },
  };
}

/**
 * The options in display order. Nothing typed: recent items, then actions and pages. Typing: the
 * search results grouped by kind (in the order of their best match), the actions of the result
 * they are for (the best one unless another was picked with Tab) after that result's group,
 * then matching commands and pages; commands come first when one starts with the typed text.
 */
export function arrange(input: {
  text: string;
  staticItems: PaletteItem[];
  results: SearchResult[];
  recent: RecentItem[];
  resultActions: PaletteItem[];
  /** The result `resultActions` are for. */
  actionsFor?: SearchResult;
  t: Translate;
  remember(item: RecentItem): void;
}): PaletteItem[] {
  const { t } = input;
  const needle = input.text.trim().toLowerCase();
  if (!needle) {
    const recent = input.recent.map((r) =>
      resultItem(r, { key: 'recent', label: t('palette.recent') }, t, input.remember),
    );
    return [...recent, ...input.staticItems];
  }
  const matching = input.staticItems.filter((i) => `${i.label} ${i.keywords}`.toLowerCase().includes(needle));
  const kindOrder: SearchResult['kind'][] = [];
  for (const r of input.results) if (!kindOrder.includes(r.kind)) kindOrder.push(r.kind);
  const found = kindOrder.flatMap((kind) =>
    input.results
      .filter((r) => r.kind === kind)
      .map((r) => resultItem(r, { key: `kind-${kind}`, label: t(KINDS[kind].titleKey) }, t, input.remember)),
  );
  const commandsFirst = matching.some((i) => i.label.toLowerCase().startsWith(needle));
  return commandsFirst
    ? [...matching, ...found, ...input.resultActions]
    : [...withActions(found, input.resultActions, input.actionsFor), ...matching];
}

/** The groups up to the one holding the actions' result, its actions, then the other groups. */
function withActions(found: PaletteItem[], actions: PaletteItem[], target: SearchResult | undefined): PaletteItem[] {
  if (found.length === 0) return actions;
  const targetGroup = found.find((i) => i.result?.id === target?.id)?.group ?? found[0]?.group;
  const end = found.findLastIndex((i) => i.group === targetGroup) + 1;
  return [...found.slice(0, end), ...actions, ...found.slice(end)];
}
