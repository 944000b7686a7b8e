import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { diagramLevel, rowsThatFit, textScale, type DiagramLevel } from '../lib/lod';

/**
 * How many rows of text fit a box `height` diagram units tall at the current zoom. A node
 * re-renders only when that number changes, not at every frame of a zoom.
 */
export function useRows(height: number): number {
  return useStore((s) => rowsThatFit(height, s.transform[2]));
}

/** The box's width on screen (px), rounded to 8 px steps (re-renders only at a step). */
export function useScreenWidth(width: number): number {
  return useStore((s) => Math.floor((width * s.transform[2]) / 8) * 8);
}

export function useLevel(): DiagramLevel {
  return useStore((s) => diagramLevel(s.transform[2]));
}

/**
 * Keeps the CSS variable --ts (the text scale, lib/lod.ts) on the canvas in step with the zoom:
 * labels are sized `calc(12px / var(--ts))`, the same on screen whatever the zoom below 1, and no
 * node re-renders for it.
 */
export function TextScale() {
  const store = useStoreApi();
  useEffect(() => {
    let last = Number.NaN;
    const apply = () => {
      const { domNode, transform } = store.getState();
      const scale = textScale(transform[2]);
      if (!domNode || scale === last) return;
      last = scale;
      domNode.style.setProperty('--ts', String(scale));
    };
    apply();
    return store.subscribe(apply);
  }, [store]);
  return null;
}
