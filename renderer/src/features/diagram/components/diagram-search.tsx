import { Select, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useT, type MessageKey } from '../../../lib/i18n';
import { useHostSearch } from '../api/get-topology';
import { nodeId, type DiagramKind, type DiagramLayout } from '../lib/layout';

const GROUPS: { kind: DiagramKind; label: MessageKey }[] = [
  { kind: 'host', label: 'diagram.group.hosts' },
  { kind: 'cluster', label: 'diagram.group.clusters' },
  { kind: 'pod', label: 'diagram.group.pods' },
  { kind: 'zone', label: 'diagram.group.zones' },
  { kind: 'storagepool', label: 'diagram.group.primaryStorage' },
  { kind: 'imagestore', label: 'diagram.group.secondaryStorage' },
];

const REMOTE = 'remote:';

/**
 * Finds a node by name and hands it to `onFind`. When the topology is aggregated, hosts inside
 * collapsed clusters are not on the diagram: the box also asks listHosts, and picking such a host
 * expands its cluster first (`onFindHost`).
 */
export function DiagramSearch(props: {
  items: DiagramLayout['searchable'];
  aggregated: boolean;
  onFind(nodeId: string): void;
  onFindHost(host: { id: string; clusterid: string }): void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const remote = useHostSearch(debounced, props.aggregated);

  const data = useMemo(() => {
    const local = new Set(props.items.map((i) => i.id));
    const groups: ComboboxItemGroup<ComboboxItem>[] = GROUPS.map((g) => ({
      group: t(g.label),
      items: props.items
        .filter((i) => i.kind === g.kind)
        .map((i) => ({ value: i.id, label: i.context ? `${i.name} — ${i.context}` : i.name })),
    }));
    const hosts = groups[0];
    if (props.aggregated && hosts) {
      for (const h of remote.data ?? []) {
        if (!h.clusterid || local.has(nodeId('host', h.id))) continue;
        hosts.items.push({
          value: `${REMOTE}${h.id}:${h.clusterid}`,
          label: h.clustername ? `${h.name} — ${h.clustername}` : h.name,
        });
      }
    }
    return groups.filter((g) => g.items.length > 0);
  }, [props.items, props.aggregated, remote.data, t]);

  return (
    <Select
      w={300}
      searchable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      limit={40}
      maxDropdownHeight={360}
      placeholder={t('diagram.search')}
      aria-label={t('diagram.search')}
      nothingFoundMessage={search.trim() ? t('diagram.searchNothing') : undefined}
      leftSection={<IconSearch size={14} />}
      rightSection={<span />}
      data-testid="diagram-search"
      onOptionSubmit={(value) => {
        if (value.startsWith(REMOTE)) {
          const [id = '', clusterid = ''] = value.slice(REMOTE.length).split(':');
          props.onFindHost({ id, clusterid });
        } else {
          props.onFind(value);
        }
        setSearch('');
      }}
    />
  );
}
