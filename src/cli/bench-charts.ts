// `npm run bench:charts`: what the charts cost.
//   0. Loading ECharts and resvg: once per process, before the first picture (the renderer loads them
//      on its first drawing; a bot with a platform that shows pictures does it at start).
//   1. First render per chart: the first PNG of each chart in each language, drawn cold in this process
//      (ECharts SSR to SVG on the main thread, then resvg to PNG on a worker), and the SVG part alone.
//   2. What a cached chart adds to an answer: for every question of the project's question set whose
//      answer carries a chart, the time of charts.forAnswer(answer) + await charts.png(view) once the
//      picture is in memory (p50, p99), next to core.ask's own time for the same (cached) answers.
// `-- --json` prints one JSON object per line. Separate from `npm run bench` (matching) on purpose:
// loading ECharts, resvg and the font is not part of answering a question.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChartRenderer } from '../charts/chart-renderer.ts';
import { pngSize } from '../charts/png-size.ts';
import { chartOption } from '../charts/chart-option.ts';
import { localiseChart } from '../charts/localise-chart.ts';
import { createCore } from '../core.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { LOCALES } from '../types.ts';

const json = process.argv.includes('--json');
const ROUNDS = 20;
const WARMUP_ROUNDS = 3;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const print = (row: Record<string, unknown>, line: string) => console.log(json ? JSON.stringify(row) : line);

const core = createCore();
const charts = createChartRenderer(core);

// 0. The modules the first drawing loads (the renderer's own import of them is then already done).
const l0 = performance.now();
const [{ renderSvg }] = await Promise.all([import('../charts/render-svg.ts'), import('../charts/render-png.ts')]);
const loadMs = performance.now() - l0;
print({ bench: 'load', load_ms: Math.round(loadMs) }, `loading ECharts and resvg (once per process): ${loadMs.toFixed(0)} ms\n`);

// 1. First render per chart (each (chart, language) is a new picture: nothing is cached yet).
if (!json) console.log('first render         locale   svg ms   total ms   png px      KB');
for (const { id } of charts.list('en')) {
  for (const locale of LOCALES) {
    const view = charts.view(id, locale)!;
    const t0 = performance.now();
    const png = await charts.png(view);
    const totalMs = performance.now() - t0;
    // The SVG step alone, measured once more now that the code is loaded (first-time SVG is in total_ms).
    const s0 = performance.now();
    renderSvg(chartOption(localiseChart(core.charts().byId.get(id)!, locale, core.t, [])));
    const svgMs = performance.now() - s0;
    const size = pngSize(png)!;
    print(
      { bench: 'first-render', chart: id, locale, svg_ms: Math.round(svgMs), total_ms: Math.round(totalMs), width: size.width, height: size.height, kb: Math.round(png.length / 1024) },
      `${id.padEnd(24)} ${locale}  ${svgMs.toFixed(0).padStart(7)}  ${totalMs.toFixed(0).padStart(9)}  ${`${size.width}x${size.height}`.padStart(9)}  ${String(Math.round(png.length / 1024)).padStart(6)}`,
    );
  }
}

// 2. The cost a cached chart adds to an answer.
const questions = questionSet().filter((q) => charts.forAnswer(core.ask({ text: q })) !== undefined);
for (const q of questions) await charts.png(charts.forAnswer(core.ask({ text: q }))!); // fill the cache
for (let r = 0; r < WARMUP_ROUNDS; r++) for (const q of questions) await charts.png(charts.forAnswer(core.ask({ text: q }))!);
const rendersBefore = charts.stats.renders;
const chartTimes: number[] = [];
const askTimes: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const q of questions) {
    const a0 = performance.now();
    const answer = core.ask({ text: q });
    const t0 = performance.now();
    const view = charts.forAnswer(answer)!;
    await charts.png(view);
    const t1 = performance.now();
    askTimes.push(t0 - a0);
    chartTimes.push(t1 - t0);
  }
}
if (charts.stats.renders !== rendersBefore) throw new Error('a cached chart was drawn again during the timed rounds');
const pct = (times: number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const row = {
  bench: 'cached-chart',
  answers: chartTimes.length,
  questions: questions.length,
  pictures: charts.stats.renders,
  chart_p50_ms: round3(pct(chartTimes, 0.5)),
  chart_p99_ms: round3(pct(chartTimes, 0.99)),
  ask_p50_ms: round3(pct(askTimes, 0.5)),
  ask_p99_ms: round3(pct(askTimes, 0.99)),
};
if (!json) console.log('');
print(
  row,
  `cached chart added to an answer: p50 ${row.chart_p50_ms} ms, p99 ${row.chart_p99_ms} ms over ${row.answers} answers ` +
    `(${row.questions} questions with a chart, ${row.pictures} distinct pictures); core.ask (cached answer) p50 ${row.ask_p50_ms} ms, p99 ${row.ask_p99_ms} ms`,
);

function questionSet(): string[] {
  const file = join(PROJECT_ROOT, 'tests', 'questions', 'questions.jsonl');
  if (!existsSync(file)) return core.topics('ko').flatMap((t) => t.examples);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
}
