// The charts as adapters use them: which chart an answer carries, its PNG (rendered once per chart,
// highlight and language, then from memory), its terminal text and alt text. Separate from the core so
// that the core stays synchronous and light (no ECharts, no native resvg, no 12 MB font) for `npm run
// ask`, the benchmark and every process that never draws; one renderer per process, over one core.
// A fact reload gives the core a new chart book: the next call sees it and drops every cached picture.
import { LRUCache } from 'lru-cache';
import type { Core } from '../core.ts';
import type { Answer, Locale } from '../types.ts';
import { altText } from './alt-text.ts';
import type { ChartBook } from './chart-book.ts';
import { chartForAnswer } from './chart-for-answer.ts';
import { chartForRequest } from './chart-request.ts';
import { chartOption } from './chart-option.ts';
import { localiseChart, type LocalisedChart } from './localise-chart.ts';
import { textChart, type TextChartOptions } from './text-chart.ts';

/** One chart, in one language, with its asked items highlighted: what an adapter attaches. */
export interface ChartView {
  /** The chart's id (facts' `charts`), e.g. data-centres-by-country. */
  readonly chart: string;
  readonly locale: Locale;
  /** Highlighted entity ids, sorted; empty for the plain chart. */
  readonly highlight: readonly string[];
  /** chart|highlight|locale: the cache key, also usable as a stable upload name. */
  readonly key: string;
  /** The chart's caption in `locale` (for an embed title or a file title). */
  readonly title: string;
  /** An ASCII file name, e.g. data-centres-by-country.ko.png (Discord's attachment://<fileName>). */
  readonly fileName: string;
  /** Every figure in one sentence, for alt text (Slack alt_text, Discord attachment description). */
  readonly altText: string;
  /** "Source: VisualCapitalist · Article: Newstoday, 2025-02-24" (an embed footer, a caption line). */
  readonly credit: string;
}

/** What a chart request asks for: one chart, or (no chart could be told) the list to choose from. */
export type ChartRequest = { view: ChartView } | { choices: ChartChoice[]; locale: Locale };

export interface ChartChoice {
  id: string;
  title: string;
}

export interface ChartRenderer {
  /** The chart an answer carries (its asked items highlighted), or undefined: no fact of it is from a chart. */
  forAnswer(answer: Answer): ChartView | undefined;
  /**
   * A request for a picture ("차트 보여줘", "show the chart", "데이터센터 그래프"): the chart it names, else
   * the chart of the conversation's latest answer from one, else the list. undefined: not a chart request.
   * Give the text as typed and the Answer ctx.handle returned for it (its locale and conversation).
   */
  forRequest(text: string, answer: Answer): ChartRequest | undefined;
  /** A chart by id (a /chart command, "show the chart"), plain or highlighted; undefined for an unknown id. */
  view(chartId: string, locale: Locale, highlight?: readonly string[]): ChartView | undefined;
  /** The charts there are, in the fact file's order, captioned in `locale` (e.g. /chart's choices). */
  list(locale: Locale): ChartChoice[];
  /** The PNG: rendered off the main thread the first time, from memory after. Rejects if drawing fails. */
  png(view: ChartView): Promise<Buffer>;
  /** The SVG the PNG is drawn from (ECharts SSR). */
  svg(view: ChartView): Promise<string>;
  /** A Unicode block chart for a terminal. */
  text(view: ChartView, options?: TextChartOptions): string;
  /** Draws every plain chart in both languages ahead of the first question (call at start, not awaited). */
  warm(): Promise<void>;
  /** How many PNGs were drawn and served from memory since start (for tests and /metrics). */
  readonly stats: { renders: number; hits: number };
}

export interface ChartRendererOptions {
  /**
   * Bytes of PNGs kept (default 24 MB). A chart is 50 to 150 KB; the article's answers need about 60
   * (chart, highlight, language) combinations, so the default keeps them all with room to spare.
   */
  maxCacheBytes?: number;
  /** PNG scale over the 800 px CSS width (default 2: 1600 px wide). */
  scale?: number;
}

const DEFAULT_CACHE_BYTES = 24 * 1024 * 1024;

/**
 * ECharts and resvg, loaded on the first drawing: importing ECharts takes a second or more, and most
 * processes that load the core (npm run ask, tests, a bot that is never asked for a chart) never draw.
 */
type Painter = { renderSvg: typeof import('./render-svg.ts').renderSvg; renderPng: typeof import('./render-png.ts').renderPng };
let painter: Promise<Painter> | undefined;
function loadPainter(): Promise<Painter> {
  painter ??= Promise.all([import('./render-svg.ts'), import('./render-png.ts')]).then(([svg, png]) => ({ renderSvg: svg.renderSvg, renderPng: png.renderPng }));
  return painter;
}
/** Localised views are small; this bounds them if highlights were ever made up from user input. */
const MAX_VIEWS = 2000;

interface Entry {
  view: ChartView;
  chart: LocalisedChart;
}

export function createChartRenderer(core: Pick<Core, 'charts' | 't' | 'ask'>, options: ChartRendererOptions = {}): ChartRenderer {
  let book: ChartBook | undefined;
  const entries = new LRUCache<string, Entry>({ max: MAX_VIEWS });
  const pngs = new LRUCache<string, Buffer>({ maxSize: options.maxCacheBytes ?? DEFAULT_CACHE_BYTES, sizeCalculation: (b) => Math.max(1, b.length) });
  const drawing = new Map<string, Promise<Buffer>>();
  const stats = { renders: 0, hits: 0 };

  /** The current book; a reload (a new book) drops everything drawn from the old one. */
  function current(): ChartBook {
    const next = core.charts();
    if (next !== book) {
      book = next;
      entries.clear();
      pngs.clear();
      drawing.clear();
    }
    return next;
  }

  function entry(chartId: string, locale: Locale, highlight: readonly string[]): Entry | undefined {
    const b = current();
    const chart = b.byId.get(chartId);
    if (!chart) return undefined;
    const lit = [...new Set(highlight)].filter((e) => chart.entities.has(e)).sort();
    const key = `${chart.id}|${lit.join(',')}|${locale}`;
    let found = entries.get(key);
    if (!found) {
      const localised = localiseChart(chart, locale, core.t, lit);
      const view: ChartView = Object.freeze({
        chart: chart.id,
        locale,
        highlight: Object.freeze(lit),
        key,
        title: localised.title,
        fileName: `${chart.id}.${locale}.png`,
        altText: altText(localised),
        credit: `${localised.sourceLine} · ${localised.articleLine}`,
      });
      entries.set(key, (found = { view, chart: localised }));
    }
    return found;
  }

  function entryOf(view: ChartView): Entry {
    const found = entry(view.chart, view.locale, view.highlight);
    if (!found) throw new Error(`chart ${view.chart} is no longer in the fact base`);
    return found;
  }

  function draw(key: string, found: Entry): Promise<Buffer> {
    // ECharts lays out the SVG on this thread (a few ms to tens of ms); resvg draws the PNG on a worker.
    const scale = options.scale ? { scale: options.scale } : {};
    const pending = loadPainter().then(({ renderSvg, renderPng }) => renderPng(renderSvg(chartOption(found.chart)), scale));
    // Only this job's own bookkeeping: a reload meanwhile clears `drawing`, and a newer job may hold the key.
    const job: Promise<Buffer> = pending.then(
      (png) => {
        if (drawing.get(key) === job) {
          drawing.delete(key);
          pngs.set(key, png);
        }
        return png;
      },
      (err: unknown) => {
        if (drawing.get(key) === job) drawing.delete(key); // a failed drawing is tried again next time
        throw err;
      },
    );
    drawing.set(key, job);
    stats.renders++;
    return job;
  }

  return {
    stats,
    forAnswer(answer) {
      const pick = chartForAnswer(answer, current());
      return pick ? entry(pick.chart.id, answer.locale, pick.highlight)?.view : undefined;
    },
    forRequest(text, answer) {
      const request = chartForRequest(String(text ?? ''), answer, current(), (q) => core.ask(q));
      if (!request) return undefined;
      if ('choose' in request) return { choices: this.list(answer.locale), locale: answer.locale };
      const found = entry(request.pick.chart.id, answer.locale, request.pick.highlight);
      return found ? { view: found.view } : { choices: this.list(answer.locale), locale: answer.locale };
    },
    view(chartId, locale, highlight = []) {
      return entry(chartId, locale, highlight)?.view;
    },
    list(locale) {
      return current().charts.map((c) => ({ id: c.id, title: c.caption[locale] }));
    },
    png(view) {
      let found: Entry;
      try {
        found = entryOf(view);
      } catch (err) {
        return Promise.reject(err);
      }
      const key = found.view.key;
      const cached = pngs.get(key);
      if (cached) {
        stats.hits++;
        return Promise.resolve(cached);
      }
      const pending = drawing.get(key);
      if (pending) {
        stats.hits++;
        return pending;
      }
      return draw(key, found);
    },
    async svg(view) {
      const { renderSvg } = await loadPainter();
      return renderSvg(chartOption(entryOf(view).chart));
    },
    text(view, textOptions) {
      return textChart(entryOf(view).chart, textOptions);
    },
    async warm() {
      for (const chart of current().charts) {
        for (const locale of ['ko', 'en'] as const) {
          const view = entry(chart.id, locale, [])!.view;
          await this.png(view);
        }
      }
    },
  };
}
