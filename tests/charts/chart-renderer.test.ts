// The pictures: PNG bytes of the right size, drawn with the bundled Korean font, the asked item in
// its own colour, each (chart, highlight, language) drawn once, and drawn anew after a fact reload.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { createChartRenderer, createCore } from '../../src/index.ts';
import { CHART_WIDTH } from '../../src/charts/chart-option.ts';
import { FONT_FILES, PNG_SCALE, renderPng } from '../../src/charts/render-png.ts';
import { PNG_SIGNATURE, pngSize } from '../../src/charts/png-size.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { testCore } from '../helpers/test-context.ts';
import { copyFacts } from '../runtime/fact-fixture.ts';

const core = testCore();
const charts = createChartRenderer(core);
const LIT = '#e8590c';
/** The first drawing loads ECharts, and resvg shares two cores with the rest of the suite: more than the default. */
const DRAWING_TIMEOUT_MS = 60_000;

describe('chart PNGs', { timeout: DRAWING_TIMEOUT_MS }, () => {
  it.each(['ko', 'en'] as const)(
    'every chart in %s is a PNG at least 600 px wide, its size in the IHDR chunk',
    async (locale) => {
      const pngs = await Promise.all(charts.list(locale).map(({ id }) => charts.png(charts.view(id, locale)!)));
      for (const png of pngs) {
        expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
        expect(png.toString('ascii', 12, 16)).toBe('IHDR');
        const size = pngSize(png)!;
        expect(size.width).toBe(CHART_WIDTH * PNG_SCALE);
        expect(size.width).toBeGreaterThanOrEqual(600);
        expect(size.height).toBeGreaterThan(300);
      }
      // Each chart is as tall as its rows need: the three differ.
      expect(new Set(pngs.map((p) => pngSize(p)!.height)).size).toBe(pngs.length);
    },
  );

  it('draws Hangul with the bundled font: a Korean chart differs from the same chart drawn with no font at all', async () => {
    const svg = await charts.svg(charts.view('data-centres-by-country', 'ko')!);
    const withFont = await renderPng(svg);
    const withoutFont = await renderPng(svg, { fonts: false });
    expect(withFont.equals(withoutFont)).toBe(false);
    // And the difference is the text: Hangul alone has ink with the bundled font, none without any font.
    const hangul = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" font-size="24" font-family="Noto Sans KR">데이터센터</text></svg>`;
    const ink = (fontFiles: string[]) => {
      const pixels = new Resvg(hangul, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Sans KR' }, background: '#ffffff' }).render().pixels;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
      return dark;
    };
    expect(ink(FONT_FILES)).toBeGreaterThan(100);
    expect(ink([])).toBe(0);
    expect(FONT_FILES.every((f) => f.includes('@expo-google-fonts/noto-sans-kr') && f.endsWith('.ttf'))).toBe(true);
  });

  it('colours the asked item: a highlighted chart is another picture, with the highlight colour on it', async () => {
    const plain = charts.view('data-centres-by-country', 'en')!;
    const china = charts.view('data-centres-by-country', 'en', ['china'])!;
    expect(china.key).not.toBe(plain.key);
    expect((await charts.png(china)).equals(await charts.png(plain))).toBe(false);
    expect(await charts.svg(plain)).not.toContain(LIT);
    expect(await charts.svg(china)).toContain(LIT);
  });

  it.each(['en', 'ko'] as const)("keeps the README's pictures (docs/charts, %s) as the fact file draws them now", async (locale) => {
    for (const { id } of charts.list(locale)) {
      const view = charts.view(id, locale)!;
      const committed = readFileSync(join(PROJECT_ROOT, 'docs', 'charts', view.fileName));
      const message = `docs/charts/${view.fileName} is out of date: npm run charts -- --out docs/charts`;
      expect((await charts.png(view)).equals(committed), message).toBe(true);
    }
  });

  it('ignores highlights the chart does not draw (no new picture for them)', () => {
    expect(charts.view('data-centres-by-country', 'ko', ['japan', 'china', 'china'])!.key).toBe(charts.view('data-centres-by-country', 'ko', ['china'])!.key);
    expect(charts.view('no-such-chart', 'ko')).toBeUndefined();
  });
});

describe('the chart cache', { timeout: DRAWING_TIMEOUT_MS }, () => {
  it('draws each (chart, highlight, language) once, even when asked for it twice at the same time', async () => {
    const fresh = createChartRenderer(core);
    const view = fresh.view('data-centres-by-country', 'ko', ['china'])!;
    const [a, b] = await Promise.all([fresh.png(view), fresh.png(view)]);
    const c = await fresh.png(fresh.view('data-centres-by-country', 'ko', ['china'])!);
    expect(fresh.stats.renders).toBe(1);
    expect(fresh.stats.hits).toBe(2);
    expect(b).toBe(a);
    expect(c).toBe(a);
    await fresh.png(fresh.view('data-centres-by-country', 'en', ['china'])!);
    expect(fresh.stats.renders).toBe(2);
  });

  describe('after a fact reload', () => {
    const facts = copyFacts();
    afterAll(() => rmSync(facts.dir, { recursive: true, force: true }));

    it('draws the chart anew from the reloaded facts', async () => {
      const reloading = createCore({ factsDir: facts.dir });
      const renderer = createChartRenderer(reloading);
      const before = await renderer.png(renderer.view('data-centres-by-country', 'en')!);
      facts.write(readFileSync(facts.file, 'utf8').replace('en: "Large data centres by country (2024)"', 'en: "Big data centres by country (2024)"'));
      reloading.reload();
      const view = renderer.view('data-centres-by-country', 'en')!;
      expect(view.title).toBe('Big data centres by country (2024)');
      const after = await renderer.png(view);
      expect(renderer.stats.renders).toBe(2);
      expect(after.equals(before)).toBe(false);
    });
  });
});

describe('the chart an answer carries', () => {
  const pick = (text: string) => {
    const answer = core.ask({ text });
    const view = charts.forAnswer(answer);
    return view && { chart: view.chart, highlight: view.highlight, locale: view.locale };
  };

  it('is the chart of the figure, with the asked entity highlighted, in the answer language', () => {
    expect(pick('중국 데이터센터 몇 개?')).toEqual({ chart: 'data-centres-by-country', highlight: ['china'], locale: 'ko' });
    expect(pick('How many large data centres does Germany have?')).toEqual({ chart: 'data-centres-by-country', highlight: ['germany'], locale: 'en' });
    expect(pick('서울대 네이처 인덱스 순위는?')).toMatchObject({ chart: 'nature-index-2016-2024', highlight: ['snu'] });
  });

  it('highlights both sides of a computed comparison', () => {
    expect(pick('영국은 중국보다 데이터센터가 몇 개 더 많아?')).toEqual({ chart: 'data-centres-by-country', highlight: ['china', 'uk'], locale: 'ko' });
  });

  it('is none for an abstention or a figure from the text alone', () => {
    expect(pick('오늘 날씨 어때?')).toBeUndefined();
    expect(pick('문샷 AI 기업가치는?')).toBeUndefined();
  });

  it('gives alt text that lists the figures and marks the asked one', () => {
    const view = charts.forAnswer(core.ask({ text: '중국 데이터센터 몇 개?' }))!;
    expect(view.altText).toContain('중국 449 (질문한 항목)');
    expect(view.altText).toContain('미국 5,381');
    expect(view.altText).toContain('VisualCapitalist');
    expect(view.fileName).toBe('data-centres-by-country.ko.png');
  });
});
