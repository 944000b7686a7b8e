/**
 * The arithmetic of the dashboard's two SVG charts: scales, ticks, the monotone curve of the
 * history lines and a text width estimate (no layout needed, so it works in tests too).
 */

/** A linear map from a domain [d0, d1] onto a pixel range [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** The top of a percent axis: 100, or the next multiple of `step` above the largest value (overcommit). */
export function percentMax(values: Iterable<number>, step = 20): number {
  let max = 100;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  return Math.ceil(max / step) * step;
}

/** 0, step, 2·step … up to max. */
export function percentTicks(max: number, step = 20): number[] {
  const ticks: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) ticks.push(v);
  return ticks;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/**
 * Round moments (local time) between start and end, as many as fit when each label needs
 * `minGapPx` pixels: the smallest step of 1 s, 5 s … 1 h, 2 h … 1 d, 2 d, 7 d that keeps the
 * labels apart.
 */
export function timeTicks(start: number, end: number, widthPx: number, minGapPx: number): number[] {
  const span = end - start;
  if (!(span > 0) || widthPx <= 0) return [];
  const pxPerMs = widthPx / span;
  const step = TIME_STEPS.find((s) => s * pxPerMs >= minGapPx) ?? Math.ceil(minGapPx / pxPerMs / DAY) * DAY;
  // Local time: the zone's offset at the start (a daylight saving change may shift ticks by an hour).
  const offset = new Date(start).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let t = Math.ceil((start - offset) / step) * step + offset; t <= end; t += step) ticks.push(t);
  return ticks;
}

/** The index of the point whose time is nearest to `t` (points sorted by time), or -1 when empty. */
export function nearestIndex(times: readonly number[], t: number): number {
  if (times.length === 0) return -1;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && t - times[lo - 1]! <= times[lo]! - t) return lo - 1;
  return lo;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * An SVG path through the points as a monotone cubic in x (d3's curveMonotoneX, the "monotone"
 * lines the dashboard drew before): smooth, through every point, no overshoot between two of them.
 */
export function monotonePath(points: readonly (readonly [number, number])[]): string {
  const n = points.length;
  if (n === 0) return '';
  const [fx, fy] = points[0]!;
  if (n === 1) return `M${round(fx)},${round(fy)}`;
  if (n === 2) return `M${round(fx)},${round(fy)}L${round(points[1]![0])},${round(points[1]![1])}`;
  const slope = (i: number) => {
    const h = points[i + 1]![0] - points[i]![0];
    return h === 0 ? 0 : (points[i + 1]![1] - points[i]![1]) / h;
  };
  const m = new Array<number>(n);
  for (let i = 1; i < n - 1; i++) {
    const h0 = points[i]![0] - points[i - 1]![0];
    const h1 = points[i + 1]![0] - points[i]![0];
    const s0 = slope(i - 1);
    const s1 = slope(i);
    const p = h0 + h1 === 0 ? 0 : (s0 * h1 + s1 * h0) / (h0 + h1);
    const sign = (x: number) => (x < 0 ? -1 : 1);
    m[i] = (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  m[0] = (3 * slope(0) - m[1]!) / 2;
  m[n - 1] = (3 * slope(n - 2) - m[n - 2]!) / 2;
  let d = `M${round(fx)},${round(fy)}`;
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    const dx = (x1 - x0) / 3;
    d +=
      `C${round(x0 + dx)},${round(y0 + dx * m[i]!)},` +
      `${round(x1 - dx)},${round(y1 - dx * m[i + 1]!)},${round(x1)},${round(y1)}`;
  }
  return d;
}

/**
 * About how wide a text is drawn at `fontSize` px in the UI's sans-serif fonts, a little on the
 * wide side: Hangul and other full-width characters take 1 em, digits 0.64, Latin letters about 0.56.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xff00 && c <= 0xff60)
    )
      em += 1;
    else if (" .,:;'|!`ijlI()[]".includes(ch)) em += 0.32;
    else if ('-/frt'.includes(ch)) em += 0.42;
    else if ('mwMW@%'.includes(ch)) em += 0.9;
    else if (ch >= 'A' && ch <= 'Z') em += 0.7;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else em += 0.56;
  }
  return em * fontSize;
}

/** The text, cut with an ellipsis when it would be wider than `maxWidth` px. */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
