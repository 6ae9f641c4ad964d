// The bench's article row combines fresh processes question by question (src/cli/bench-timings.ts).
import { describe, expect, it } from 'vitest';
import { percentiles, perQuestionMedian } from '../../src/cli/bench-timings.ts';

/** 200 questions of 0.2 ms, but for the given times at the given places. */
function pass(slow: Record<number, number>): number[] {
  return Array.from({ length: 200 }, (_, i) => slow[i] ?? 0.2);
}

describe('bench timings', () => {
  it('p99 of one pass is the time below which 99% of questions fall', () => {
    expect(percentiles(pass({ 10: 5, 20: 4, 30: 3 }))).toEqual({ p50_ms: 0.2, p99_ms: 4 });
  });

  it('a hiccup in one process lands on different questions each time and does not set the combined p99', () => {
    const runs = [pass({ 1: 5, 2: 5, 3: 5 }), pass({ 4: 5, 5: 5, 6: 5 }), pass({ 7: 5, 8: 5, 9: 5 })];
    for (const run of runs) expect(percentiles(run).p99_ms).toBe(5);
    expect(percentiles(perQuestionMedian(runs)).p99_ms).toBe(0.2);
  });

  it('a question slow in every process stays slow', () => {
    const runs = [pass({ 1: 5, 2: 5, 3: 6 }), pass({ 1: 4, 2: 6, 3: 5 }), pass({ 1: 6, 2: 4, 3: 4 })];
    expect(perQuestionMedian(runs).slice(1, 4)).toEqual([5, 5, 5]);
    expect(percentiles(perQuestionMedian(runs)).p99_ms).toBe(5);
  });

  it('refuses runs that did not time the same questions', () => {
    expect(() => perQuestionMedian([pass({}), pass({}).slice(1)])).toThrow(/same questions/);
  });
});
