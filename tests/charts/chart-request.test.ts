// "차트 보여줘" / "show the chart": the chart the words name, else the one the conversation's latest
// answer came from (highlighted as it was), else the list of charts; other text is not a chart request.
import { describe, expect, it } from 'vitest';
import { createChartRenderer, createCore, isChartRequest, type ChartRequest } from '../../src/index.ts';
import { testCore } from '../helpers/test-context.ts';

const core = testCore();
const charts = createChartRenderer(core);
const picked = (r: ChartRequest | undefined) => (r && 'view' in r ? { chart: r.view.chart, highlight: r.view.highlight, locale: r.view.locale } : r && 'choices' in r ? 'choose' : undefined);
const request = (text: string) => picked(charts.forRequest(text, core.ask({ text })));

describe('a chart request', () => {
  it('is told from a question by its words, in Korean and English', () => {
    for (const text of ['차트 보여줘', '그래프 좀 보여주세요', 'show the chart', 'Can I see the graph?', '데이터센터 도표']) expect(isChartRequest(text), text).toBe(true);
    for (const text of ['중국 데이터센터 몇 개?', 'What is the figure for China?', '차이나']) expect(isChartRequest(text), text).toBe(false);
    expect(request('중국 데이터센터 몇 개?')).toBeUndefined();
  });

  it('leaves a question that only mentions charts to its answer: no request without a word that asks to see', () => {
    expect(request('기사 도표들의 출처는 어디야?')).toBeUndefined();
    expect(request('Where do the charts come from?')).toBeUndefined();
    // The answer has a chart of its own: the adapter shows it with the answer.
    expect(request('데이터센터 그래프')).toBeUndefined();
    expect(charts.forAnswer(core.ask({ text: '데이터센터 그래프' }))?.chart).toBe('data-centres-by-country');
  });

  it('shows the chart its words name, highlighted as the answer to them would be', () => {
    expect(request('데이터센터 차트 보여줘')).toEqual({ chart: 'data-centres-by-country', highlight: [], locale: 'ko' });
    expect(request('show me the data centre chart')).toEqual({ chart: 'data-centres-by-country', highlight: [], locale: 'en' });
    expect(request('서울대 순위 그래프 보여줘')).toEqual({ chart: 'nature-index-2016-2024', highlight: ['snu'], locale: 'ko' });
    // Words that only a caption holds: 네이처 인덱스 is in the Nature Index chart's caption.
    expect(request('네이처 인덱스 그래프')).toMatchObject({ chart: 'nature-index-2016-2024' });
  });

  it("shows the chart of the conversation's latest answer from one, with its highlight", () => {
    // A core without the answer cache: a cached "차트 보여줘" would carry another conversation's context.
    const fresh = createCore({ answerCacheSize: 0 });
    const renderer = createChartRenderer(fresh);
    const first = fresh.ask({ text: '영국은 중국보다 데이터센터가 몇 개 더 많아?' });
    const then = fresh.ask({ text: '차트 보여줘' }, first.context);
    expect(picked(renderer.forRequest('차트 보여줘', then))).toEqual({ chart: 'data-centres-by-country', highlight: ['china', 'uk'], locale: 'ko' });
  });

  it('offers the charts to choose from when it cannot tell which', () => {
    const r = charts.forRequest('show the chart', core.ask({ text: 'show the chart' }));
    expect(r && 'choices' in r && r.choices.map((c) => c.title)).toEqual([
      "Nature Index ranking of major countries' universities (2024 vs 2016)",
      'Large data centres by country (2024)',
      'AI paper author ranking (2024)',
    ]);
    expect(request('날씨 차트')).toBe('choose');
  });
});
