// The timing arithmetic of `npm run bench`: percentiles of one pass, and one result from several fresh
// processes that asked the same questions in the same order.

export interface Timing {
  p50_ms: number;
  p99_ms: number;
}

/** p50 and p99 of one pass's times (ms), rounded to the microsecond. */
export function percentiles(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return { p50_ms: round3(at(0.5)), p99_ms: round3(at(0.99)) };
}

/**
 * Each question's time as its median over the runs (`runs[r][i]`: run r's time for question i). A
 * question that is slow at first sight is slow in every run; a hiccup of the shared machine (a few ms,
 * landing on whichever question is running) is in one, and does not set the p99.
 */
export function perQuestionMedian(runs: ReadonlyArray<readonly number[]>): number[] {
  if (runs.length === 0) return [];
  const count = runs[0]!.length;
  if (runs.some((r) => r.length !== count)) throw new Error('every run must time the same questions');
  return runs[0]!.map((_, i) => median(runs.map((r) => r[i]!)));
}

export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
