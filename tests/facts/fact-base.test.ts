// The real fact base: it loads, every fact is sourced and quoted verbatim, it states no number the
// article does not give, and everything the article states (issue 2, "the fact base") has a fact.
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load-facts.ts';
import { checkArticleNumbers, extractNumbers } from '../../src/facts/check-numbers.ts';
import { DEFAULT_FACTS_DIR } from '../../src/paths.ts';

const base = loadFactBase(DEFAULT_FACTS_DIR);
const article = base.articles.find((a) => a.data.article.id === 'newstoday-2025-02-24')!;
const facts = base.articles.flatMap((a) => a.data.facts);
const byId = new Map(facts.map((f) => [f.id, f]));
const entityIds = new Set(base.entities.map((e) => e.id));
const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;

/** Values of one measure, as entity -> {value, before}. */
function valuesOf(measure: string): Map<string, { value: number; before?: number | undefined }> {
  const out = new Map<string, { value: number; before?: number | undefined }>();
  for (const f of facts) for (const v of f.values) if (v.measure === measure) out.set(v.entity, { value: v.value, before: v.before });
  return out;
}

describe('the fact base', () => {
  it('loads the article with its metadata, three charts and 60+ facts', () => {
    expect(article).toBeDefined();
    const a = article.data.article;
    expect(a.outlet).toEqual({ ko: '뉴스투데이', en: 'Newstoday' });
    expect(a.date).toBe('2025-02-24');
    expect(a.writer.ko).toContain('곽대종');
    expect(a.writer.en).toContain('Gwak');
    expect(a.editor.ko).toContain('최봉');
    expect(a.title.ko).toBe('[중국 AI 점검 (下)] 딥시크 외에도 중국에는 AI 스타트업 매우 활성화');
    expect(facts.length).toBeGreaterThanOrEqual(60);
  });

  it('has the three charts with their captions and credited sources', () => {
    const charts = new Map(article.data.charts.map((c) => [c.id, c]));
    expect(charts.get('nature-index-2016-2024')).toMatchObject({
      caption: { ko: '주요국 대학별 네이처 인덱스 랭킹 변화 (2016년 대비 2024년)' },
      source: { ko: '네이처 인덱스 자료를 바탕으로 필자 작성', en: 'Nature Index, compiled by the writer' },
    });
    expect(charts.get('data-centres-by-country')).toMatchObject({
      caption: { ko: '주요국별 대형 데이터 센터 보유수 (2024년 기준)' },
      source: { en: 'VisualCapitalist' },
    });
    expect(charts.get('ai-paper-authors-2024')).toMatchObject({
      caption: { ko: 'AI 분야 논문 저자수 순위 (2024년)' },
      source: { ko: '일본 닛케이신문을 바탕으로 필자 작성', en: 'Nikkei (Nihon Keizai Shimbun), compiled by the writer' },
    });
    // Every chart caption is in the article text, and every chart has facts.
    for (const c of article.data.charts) {
      expect(article.text).toContain(c.caption.ko);
      expect(facts.some((f) => f.chart === c.id), c.id).toBe(true);
    }
  });

  it('names a source in Korean and English for every fact', () => {
    for (const f of facts) {
      expect(f.source.ko.trim(), f.id).not.toBe('');
      expect(f.source.en.trim(), f.id).not.toBe('');
    }
  });

  it('quotes every fact verbatim from the article text', () => {
    for (const f of facts) expect(article.text.includes(f.quote), f.id).toBe(true);
  });

  it('states no number in a Korean answer, quote or value that the article does not give', () => {
    expect(checkArticleNumbers(article)).toEqual([]);
  });

  it('answers in English without Hangul and in Korean with it', () => {
    for (const f of facts) {
      expect(HANGUL.test(f.answer.en), `${f.id}: ${f.answer.en}`).toBe(false);
      expect(HANGUL.test(f.answer.ko), `${f.id}: ${f.answer.ko}`).toBe(true);
      for (const q of f.questions.en) expect(HANGUL.test(q), `${f.id}: ${q}`).toBe(false);
    }
  });

  it('gives every fact at least three example questions in each language', () => {
    for (const f of facts) {
      expect(f.questions.ko.length, f.id).toBeGreaterThanOrEqual(3);
      expect(f.questions.en.length, f.id).toBeGreaterThanOrEqual(3);
      expect(f.keywords.ko.length + f.keywords.en.length, f.id).toBeGreaterThan(0);
    }
  });

  it('refers only to entities that entities.yaml lists', () => {
    for (const f of facts) {
      for (const e of f.entities) expect(entityIds.has(e), `${f.id}: ${e}`).toBe(true);
      for (const v of f.values) expect(entityIds.has(v.entity), `${f.id}: ${v.entity}`).toBe(true);
    }
  });

  it('lists each entity name under one entity only', () => {
    const owner = new Map<string, string>();
    for (const e of base.entities) {
      for (const name of [...e.names.ko, ...e.names.en]) {
        const key = name.toLowerCase();
        expect(owner.get(key) ?? e.id, `"${name}" is under ${owner.get(key)} and ${e.id}`).toBe(e.id);
        owner.set(key, e.id);
      }
    }
  });

  it('keeps places, universities and companies the article never mentions out of every fact', () => {
    // The bot says "the article does not cover this" for these; a fact naming one would answer instead.
    const used = new Set(facts.flatMap((f) => [...f.entities, ...f.values.map((v) => v.entity)]));
    for (const id of ['japan', 'russia', 'india', 'france', 'taiwan', 'microsoft', 'nvidia', 'samsung', 'gemini', 'stanford', 'musk']) {
      expect(entityIds.has(id), `${id} should be a known entity`).toBe(true);
      expect(used.has(id), `${id} should be in no fact`).toBe(false);
    }
  });

  it('gives one value per entity and measure, the same wherever it is repeated', () => {
    const seen = new Map<string, string>();
    for (const f of facts) {
      for (const v of f.values) {
        const key = `${v.entity}/${v.measure}`;
        const val = `${v.value}/${v.before ?? ''}`;
        expect(seen.get(key) ?? val, `${f.id}: ${key}`).toBe(val);
        seen.set(key, val);
      }
    }
  });

  it('declares every measure it lists and uses each one', () => {
    const used = new Set(facts.flatMap((f) => f.values.map((v) => v.measure)));
    for (const m of article.data.measures) expect(used.has(m.id), m.id).toBe(true);
    // The comparisons the bot can compute: counts and ranks of the charts.
    const declared = new Map(article.data.measures.map((m) => [m.id, m.kind]));
    expect(declared.get('data-centres')).toBe('count');
    expect(declared.get('nature-index-rank')).toBe('rank');
    expect(declared.get('ai-paper-author-rank')).toBe('rank');
  });

  it('states every structured value in both answers', () => {
    for (const f of facts) {
      const ko = new Set([...extractNumbers(f.answer.ko).map((n) => n.value), ...koreanCountWords(f.answer.ko)]);
      const en = new Set(englishNumbers(f.answer.en));
      for (const v of f.values) {
        for (const n of v.before === undefined ? [v.value] : [v.value, v.before]) {
          expect(ko.has(n), `${f.id} ko answer lacks ${n}: ${f.answer.ko}`).toBe(true);
          expect(en.has(n), `${f.id} en answer lacks ${n}: ${f.answer.en}`).toBe(true);
        }
      }
    }
  });
});

describe('coverage of everything the article states (issue 2)', () => {
  it('has a fact for each item in the list', () => {
    const expected = [
      // the article itself
      'article-writer', 'article-editor', 'article-date-outlet', 'article-title',
      // US-China, Stargate, DeepSeek
      'stargate-investment', 'deepseek-cost', 'gpt4-cost', 'deepseek-performance', 'us-china-ai-rivalry',
      // Nature Index
      'nature-index-harvard', 'nature-index-mit', 'nature-index-ucas', 'nature-index-sjtu', 'nature-index-china-top10',
      'nature-index-peking-2016', 'nature-index-fudan', 'nature-index-wuhan', 'nature-index-china-10-20',
      'nature-index-china-21-30', 'nature-index-snu', 'nature-index-kaist',
      // data centres
      'data-centres-world', 'data-centres-us', 'data-centres-china', 'data-centres-germany', 'data-centres-uk',
      'data-centres-korea', 'data-centres-ukraine',
      // AI papers
      'ai-papers-nikkei', 'ai-papers-china', 'ai-papers-us', 'ai-papers-tsinghua', 'ai-papers-peking',
      'ai-papers-zhejiang', 'ai-papers-sjtu',
      // Moonshot AI
      'moonshot-kimi', 'moonshot-kimi-timing', 'moonshot-founded', 'moonshot-founder', 'moonshot-staff',
      'moonshot-valuation', 'moonshot-funding',
      // other unicorns, investors, talent, start-ups
      'chinese-ai-unicorns', 'zhipu-founded', 'minimax-founded', 'baichuan-founded', 'unicorn-investors',
      'china-ai-talent', 'china-ai-startups-count',
      // big tech and policy
      'qwen-2-5-max', 'china-big-tech-ai', 'china-2017-ai-plan', 'china-genai-services',
      // Korea
      'korea-gpus-vs-deepseek', 'korea-ai-plan', 'korea-plan-gpus', 'korea-plan-unicorns',
      'korea-plan-manufacturing-ai', 'korea-plan-policy-finance', 'lg-exaone', 'naver-rebellions-saudi',
    ];
    const missing = expected.filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it('gives every Nature Index rank the article names', () => {
    expect(Object.fromEntries(valuesOf('nature-index-rank'))).toEqual({
      harvard: { value: 1, before: undefined },
      ucas: { value: 2, before: undefined },
      sjtu: { value: 9, before: undefined },
      mit: { value: 10, before: undefined },
      fudan: { value: 12, before: undefined },
      wuhan: { value: 21, before: undefined },
      snu: { value: 54, before: 56 },
      kaist: { value: 76, before: 60 },
    });
    expect(valuesOf('nature-index-top10-count').get('china')).toEqual({ value: 8, before: 1 });
  });

  it('gives every data-centre count, VisualCapitalist and Cloudscene kept apart', () => {
    const vc = valuesOf('data-centres');
    expect(Object.fromEntries([...vc].map(([e, v]) => [e, v.value]))).toEqual({ world: 11800, us: 5381, china: 449, germany: 521, uk: 514 });
    expect(valuesOf('data-centres-rank').get('china')?.value).toBe(4);
    expect(valuesOf('data-centres-rank').get('us')?.value).toBe(1);
    const cloudscene = valuesOf('data-centres-cloudscene');
    expect(Object.fromEntries([...cloudscene].map(([e, v]) => [e, v.value]))).toEqual({ korea: 43, ukraine: 58 });
    expect(valuesOf('data-centres-cloudscene-rank').get('ukraine')?.value).toBe(25);
  });

  it('gives the AI paper author ranking before and after', () => {
    expect(Object.fromEntries(valuesOf('ai-paper-author-rank'))).toEqual({
      tsinghua: { value: 2, before: 8 },
      peking: { value: 6, before: 17 },
      zhejiang: { value: 6, before: 89 },
      sjtu: { value: 9, before: 40 },
    });
    const top100 = valuesOf('ai-paper-top100-institutions');
    expect([top100.get('china')?.value, top100.get('us')?.value]).toEqual([31, 37]);
    expect(byId.get('ai-papers-nikkei')!.answer.ko).toContain('2월 3일');
  });

  it('gives the money figures in the article own forms (ko) and with digits (en)', () => {
    const cases: Array<[string, string, string]> = [
      ['stargate-investment', '5천억달러', '$500 billion'],
      ['deepseek-cost', '560만달러', '$5.6 million'],
      ['gpt4-cost', '1억달러', '$100 million'],
      ['moonshot-valuation', '33억달러(약 5100억원)', '$3.3 billion'],
      ['moonshot-funding', '10억달러', '$1 billion'],
      ['korea-plan-gpus', '1만8천개', '18,000'],
      ['korea-plan-policy-finance', '5조7천억원', '5.7 trillion won'],
      ['korea-gpus-vs-deepseek', '5~6만개', '50,000–60,000'],
    ];
    for (const [id, ko, en] of cases) {
      expect(byId.get(id)!.answer.ko, id).toContain(ko);
      expect(byId.get(id)!.answer.en, id).toContain(en);
    }
  });

  it('credits the sources the article names', () => {
    expect(byId.get('data-centres-korea')!.source.en).toBe('Cloudscene');
    expect(byId.get('data-centres-china')!.source.en).toBe('VisualCapitalist');
    expect(byId.get('moonshot-valuation')!.source.en).toBe('CB Insights');
    expect(byId.get('china-genai-services')!.source.en).toBe('Cyberspace Administration of China');
    expect(byId.get('nature-index-snu')!.source.en).toBe('Nature Index');
    expect(byId.get('ai-papers-tsinghua')!.source.en).toContain('Nikkei');
    expect(byId.get('korea-plan-gpus')!.source.en).toContain('National AI Committee');
    expect(byId.get('stargate-investment')!.source.ko).toBe('기사 본문');
  });
});

/** Native Korean counts the article writes in words: 한 개, 두 곳, 세 곳. */
function koreanCountWords(text: string): number[] {
  const words: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5 };
  return [...text.matchAll(/(한|두|세|네|다섯)\s?(개|곳)/g)].map((m) => words[m[1]!]!);
}

/** Numbers in an English answer: 11,800 / $5.6 million / 54th / eight / first. */
function englishNumbers(text: string): number[] {
  const scale: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };
  const out = [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|trillion))?/g)].map((m) => {
    const n = Number(m[1]!.replace(/,/g, ''));
    return m[2] ? Math.round(n * scale[m[2]]!) : n;
  });
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const ordinals = ['', 'first', 'second', 'third', 'fourth'];
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (words.includes(w)) out.push(words.indexOf(w));
    if (ordinals.includes(w) && w) out.push(ordinals.indexOf(w));
  }
  return out;
}
