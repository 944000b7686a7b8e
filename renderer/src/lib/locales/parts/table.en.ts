/** Tables: the column menu and the values every row shares (merged into en.ts). */
export const tableEn = {
  'table.sameInEveryRow': 'Same in every row:',
  'table.hiddenUniform': 'Hidden: the same in every row',
  'table.hiddenNarrow': 'Hidden to fit the window',
  'table.columnsReset': 'Default columns',
};
