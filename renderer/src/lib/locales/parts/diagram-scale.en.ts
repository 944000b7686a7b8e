/** English messages of the diagram at scale: cluster cards, zone and pod bands, the legend bar. */
export const diagramScaleEn = {
  'diagram.card.aria': 'Cluster {name}',
  'diagram.card.hosts': '{count} hosts',
  'diagram.card.allUp': 'All Up',
  'diagram.card.noHosts': 'No hosts',
  'diagram.card.more': '+{count} more',
  'diagram.label.zone': '{pods} pods · {clusters} clusters · {hosts} hosts',
  'diagram.label.pod': '{clusters} clusters · {hosts} hosts',
  'diagram.legend.states': 'Host states',
  'diagram.legend.highlight': 'Highlight the hosts in this state',
} as const;
