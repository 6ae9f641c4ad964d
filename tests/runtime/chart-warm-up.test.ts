// The runtime keeps one chart renderer for the process, shared by every platform, and draws the plain
// charts in both languages ahead of the first question when a platform that attaches pictures starts
// (in the background: starting does not wait for it). A process with only text platforms draws nothing.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlatform, type ChartRenderer } from '../../src/index.ts';
import { parseConfig } from '../../src/runtime/config.ts';
import { startRuntime, type Runtime } from '../../src/runtime/start-runtime.ts';
import { testCore } from '../helpers/test-context.ts';

const runtimes: Runtime[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.shutdown('test');
});

/** A platform that keeps the renderer its context hands it. */
function platform(name: string, pictures: boolean, seen: ChartRenderer[]) {
  return definePlatform({
    name,
    variables: z.object({}),
    isConfigured: () => true,
    configure: () => ({}),
    pictures,
    start: async (ctx) => {
      seen.push(ctx.charts);
      return { stop: async () => {} };
    },
  });
}

async function start(...platforms: ReturnType<typeof platform>[]): Promise<Runtime> {
  return startWith({}, ...platforms);
}

async function startWith(env: Record<string, string>, ...platforms: ReturnType<typeof platform>[]): Promise<Runtime> {
  const { runtime: config } = parseConfig(env);
  const runtime = await startRuntime({ config, core: testCore(), logger: pino({ level: 'silent' }), platforms: platforms.map((definition) => ({ definition, config: {} })) });
  runtimes.push(runtime);
  return runtime;
}

/** Six pictures (three charts, two languages) on a shared machine, ECharts loaded first. */
const WARM_TIMEOUT_MS = 60_000;

describe('the chart warm-up', () => {
  it('draws every chart in both languages once when a platform attaches pictures, with one renderer for all platforms', { timeout: WARM_TIMEOUT_MS }, async () => {
    const seen: ChartRenderer[] = [];
    await start(platform('pictures', true, seen), platform('text', false, seen));
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    const charts = seen[0]!;
    // Starting did not wait for the drawing; it goes on in the background.
    while (charts.stats.renders < 6) await new Promise((resolve) => setTimeout(resolve, 50));
    const views = (['ko', 'en'] as const).flatMap((locale) => charts.list(locale).map((c) => charts.view(c.id, locale)!));
    await Promise.all(views.map((v) => charts.png(v)));
    expect(charts.stats.renders).toBe(6);
  });

  it('draws nothing when no platform attaches pictures (the terminal chat alone)', async () => {
    const seen: ChartRenderer[] = [];
    await start(platform('text', false, seen));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen[0]!.stats.renders).toBe(0);
  });

  it('draws nothing ahead with CHARTS_WARM_UP=0, and still draws a chart when it is asked for', { timeout: WARM_TIMEOUT_MS }, async () => {
    const seen: ChartRenderer[] = [];
    await startWith({ CHARTS_WARM_UP: '0' }, platform('pictures', true, seen));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const charts = seen[0]!;
    expect(charts.stats.renders).toBe(0);
    const first = charts.list('ko')[0]!;
    expect((await charts.png(charts.view(first.id, 'ko')!)).length).toBeGreaterThan(0);
    expect(charts.stats.renders).toBe(1);
  });
});
