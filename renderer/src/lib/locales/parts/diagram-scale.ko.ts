import type { diagramScaleEn } from './diagram-scale.en';

/** 대규모 구성도의 한국어 메시지: 클러스터 카드, 범례 막대. */
export const diagramScaleKo: Record<keyof typeof diagramScaleEn, string> = {
  'diagram.card.aria': '클러스터 {name}, 호스트 {count}대',
  'diagram.card.ariaOne': '클러스터 {name}, 호스트 1대',
  'diagram.card.hosts': '호스트 {count}대',
  'diagram.card.oneHost': '호스트 1대',
  'diagram.card.problem': '{state} {count}',
  'diagram.card.allUp': '모두 정상',
  'diagram.card.noHosts': '호스트 없음',
  'diagram.card.more': '외 {count}대',
  'diagram.legend.states': '호스트 상태',
  'diagram.legend.highlight': '이 상태의 호스트를 강조 표시',
};
