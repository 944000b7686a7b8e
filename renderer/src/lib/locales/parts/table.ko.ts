import type { tableEn } from './table.en';

/** 표의 열 메뉴와 모든 행에 공통인 값 (ko.ts에 합쳐진다). */
export const tableKo: Record<keyof typeof tableEn, string> = {
  'table.sameInEveryRow': '모든 행 공통:',
  'table.hiddenUniform': '모든 행의 값이 같아 숨김',
  'table.hiddenNarrow': '창 너비에 맞추려고 숨김',
  'table.columnsReset': '기본 열로 되돌리기',
};
