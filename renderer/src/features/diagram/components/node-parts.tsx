import { Handle, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { useDiagramStore } from '../lib/diagram-store';
import type { Usage } from '../lib/metrics';
import classes from './diagram.module.css';

/** A Mantine palette colour as a CSS value (one meaning per colour). */
export const paletteColor = (color: string) => `var(--mantine-color-${color}-6)`;

export const stateVars = (color: string) => ({ '--state-color': paletteColor(color) }) as CSSProperties;

export function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={classes.handle} />
      <Handle type="source" position={Position.Right} isConnectable={false} className={classes.handle} />
    </>
  );
}

export function useSelected(id: string): boolean {
  return useDiagramStore((s) => s.selectedId === id);
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** One row: label, capacity bar, percent. */
export function UsageRow({ label, use, testId }: { label: string; use: Usage | undefined; testId?: string }) {
  return (
    <div className={classes.usage} data-testid={testId} data-capacity={use?.color}>
      <span>{label}</span>
      <div className={classes.bar}>
        {use && (
          <div
            className={classes.barFill}
            style={{ width: percent(use.fraction), '--fill': paletteColor(use.color) } as CSSProperties}
          />
        )}
      </div>
      <span className={classes.pct}>{use ? percent(use.fraction) : '–'}</span>
    </div>
  );
}
