import { useEffect, useState } from 'react';

/** One clock per step, shared by every component that reads it, running only while read. */
interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
  subscribe(listener: () => void): () => void;
  read(): number;
}

const tickers = new Map<number, Ticker>();

function tickerOf(stepMs: number): Ticker {
  const known = tickers.get(stepMs);
  if (known) return known;
  const ticker: Ticker = {
    now: Date.now(),
    listeners: new Set(),
    subscribe(listener) {
      ticker.listeners.add(listener);
      ticker.timer ??= setInterval(() => {
        ticker.now = Date.now();
        for (const l of ticker.listeners) l();
      }, stepMs);
      return () => {
        ticker.listeners.delete(listener);
        if (ticker.listeners.size === 0 && ticker.timer) {
          clearInterval(ticker.timer);
          ticker.timer = undefined;
        }
      };
    },
    read: () => ticker.now,
  };
  tickers.set(stepMs, ticker);
  return ticker;
}

/**
 * The current time, renewed every `stepMs` (relative times such as "12 s ago" keep counting).
 * Every reader of one step shares one timer, so a list of a hundred such cells ticks once; only
 * the cells that read it render again. While nothing reads it the clock stands still; readers use
 * it with the moments they show (never a moment after it), see HostHeartbeat.
 */
export function useNow(stepMs = 1000): number {
  const ticker = tickerOf(stepMs);
  const [now, setNow] = useState(ticker.read);
  useEffect(() => ticker.subscribe(() => setNow(ticker.read())), [ticker]);
  return now;
}

/** How often a relative time of a moment this far away changes: seconds, then tens of seconds, then minutes. */
export function relativeStep(distanceMs: number): number {
  const d = Math.abs(distanceMs);
  if (d < 60_000) return 1000;
  if (d < 3600_000) return 10_000;
  return 60_000;
}

/**
 * The current time for showing `moment` (ms) relative to it: renewed every second while the
 * moment is under a minute away, every 10 s within the hour, every minute after.
 */
export function useNowFor(moment: number | undefined): number {
  const [step, setStep] = useState(() => (moment === undefined ? 60_000 : relativeStep(Date.now() - moment)));
  const now = useNow(step);
  const wanted = moment === undefined ? 60_000 : relativeStep(now - moment);
  // Derived state: the step follows the moment's age as the clock moves on.
  if (wanted !== step) setStep(wanted);
  return now;
}
