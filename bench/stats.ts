/** Timing helpers for benchmarks: they print figures, they do not pass or fail. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] as number;
}

export async function timeRuns(
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ median: number; p95: number; max: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] as number };
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;
