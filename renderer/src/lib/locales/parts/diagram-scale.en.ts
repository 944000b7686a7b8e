/** English messages of the diagram at scale: cluster cards, zone and pod bands, the legend bar. */
export const diagramScaleEn = {
  'diagram.card.aria': 'Cluster {name}, {count} hosts',
  'diagram.card.ariaOne': 'Cluster {name}, 1 host',
  'diagram.card.hosts': '{count} hosts',
  'diagram.card.oneHost': '1 host',
  'diagram.card.problem': '{count} {state}',
  'diagram.card.allUp': 'All Up',
  'diagram.card.noHosts': 'No hosts',
  'diagram.card.more': '+{count} more',
  'diagram.legend.states': 'Host states',
  'diagram.legend.highlight': 'Highlight the hosts in this state',
} as const;
