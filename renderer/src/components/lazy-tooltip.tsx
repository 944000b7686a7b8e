import { Tooltip } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A tooltip for table cells: until the pointer or focus arrives it is a plain span, so a list of
 * hundreds of rows does not mount hundreds of floating tooltips while it scrolls. The label may
 * be a function, computed only when the tooltip opens.
 */
export function LazyTooltip({
  label,
  children,
  openDelay = 400,
}: {
  label: ReactNode | (() => ReactNode);
  children: ReactNode;
  openDelay?: number;
}) {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(true), openDelay);
  };
  const hide = () => {
    clearTimeout(timer.current);
    setOpen(false);
  };
  const target = (
    <span onPointerEnter={show} onPointerLeave={hide} onFocus={show} onBlur={hide} style={{ display: 'inline-flex' }}>
      {children}
    </span>
  );
  if (!open) return target;
  return (
    <Tooltip label={typeof label === 'function' ? label() : label} opened withinPortal>
      {target}
    </Tooltip>
  );
}
