import { FlexRender, type Row, type RowData } from '@tanstack/react-table';
import { useT } from '../lib/i18n';
import type { TableFeatureSet } from './data-table';
import classes from './data-table.module.css';

/**
 * The columns left out because every row shows the same value, named once above the rows
 * ("Same in every row: Hypervisor Simulator"), each value drawn as its cell draws it.
 */
export function UniformValues<T extends RowData>({
  row,
  columnIds,
}: {
  /** Any row: they all hold the same values in these columns. */
  row: Row<TableFeatureSet, T>;
  columnIds: string[];
}) {
  const t = useT();
  const cells = row.getAllCells().filter((cell) => columnIds.includes(cell.column.id));
  return (
    <div className={classes.uniform} data-testid="uniform-columns">
      <span className={classes.uniformTitle}>{t('table.sameInEveryRow')}</span>
      {cells.map((cell) => {
        const header = cell.column.columnDef.header;
        return (
          <span key={cell.id} className={classes.uniformItem} data-column={cell.column.id}>
            <span className={classes.uniformLabel}>{typeof header === 'string' ? header : cell.column.id}</span>
            {/* A cell that draws nothing (no value in any row) reads as a dash: see the CSS. */}
            <span className={classes.uniformValue}>
              <FlexRender cell={cell} />
            </span>
          </span>
        );
      })}
    </div>
  );
}
