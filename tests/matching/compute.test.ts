// One step of arithmetic on the article's own figures: differences between two countries' counts
// and rank changes. The computed line comes first and both cited facts are included.
import { describe, expect, it } from 'vitest';
import { createCore, type Answer } from '../../src/index.ts';

const core = createCore();

function ids(a: Answer): string[] {
  return a.facts.map((f) => f.id).sort();
}

describe('difference between two countries’ data-centre counts', () => {
  it.each([
    ['독일이 영국보다 데이터센터 몇 개 더 많아?'],
    ['영국하고 독일 데이터센터 차이는?'],
  ])('Korean "%s": Germany has 7 more than the UK', (text) => {
    const a = core.ask({ text });
    expect(a.answered).toBe(true);
    expect(a.locale).toBe('ko');
    expect(a.body.split('\n')[0]).toMatch(/7개소/);
    expect(ids(a)).toEqual(['data-centres-germany', 'data-centres-uk']);
  });

  it.each([
    ['How many more data centres does Germany have than the UK?'],
    ['difference in data centres between the UK and Germany'],
  ])('English "%s": 7 more, 521 vs 514', (text) => {
    const a = core.ask({ text });
    expect(a.answered).toBe(true);
    expect(a.locale).toBe('en');
    const first = a.body.split('\n')[0]!;
    expect(first).toMatch(/\b7 more\b/);
    expect(first).toContain('521');
    expect(first).toContain('514');
    expect(ids(a)).toEqual(['data-centres-germany', 'data-centres-uk']);
  });

  it('US minus China is 4932, whichever country is named first', () => {
    for (const text of ['미국과 중국 데이터센터 격차', '중국과 미국 데이터센터 격차', 'China vs US data centres', 'US vs China data centres']) {
      const a = core.ask({ text });
      expect(a.answered).toBe(true);
      expect(a.body.split('\n')[0]).toContain('4932');
      expect(ids(a)).toEqual(['data-centres-china', 'data-centres-us']);
    }
  });

  it('Germany minus China is 72', () => {
    const a = core.ask({ text: '독일 vs 중국 데이터센터' });
    expect(a.body.split('\n')[0]).toContain('72');
    expect(ids(a)).toEqual(['data-centres-china', 'data-centres-germany']);
  });

  it('compares Cloudscene counts with Cloudscene counts: Ukraine has 15 more than Korea', () => {
    const a = core.ask({ text: '한국과 우크라이나 데이터센터 차이' });
    expect(a.body.split('\n')[0]).toContain('15');
    expect(ids(a)).toEqual(['data-centres-korea', 'data-centres-ukraine']);
  });

  it('cites both facts', () => {
    const a = core.ask({ text: 'How many more data centres does Germany have than the UK?' });
    expect(a.citations.length).toBeGreaterThanOrEqual(1);
    expect(a.body).toContain('Germany has 521');
    expect(a.body).toContain('The United Kingdom has 514');
  });

  it('does not subtract figures from different sources (Korea’s Cloudscene 43 vs China’s 449)', () => {
    const a = core.ask({ text: '한국은 중국보다 데이터센터 몇 개 적어?' });
    expect(a.body).not.toContain('406');
  });
});

describe('rank changes', () => {
  it('SNU climbed 2 places (56 -> 54), in Korean and English', () => {
    const ko = core.ask({ text: '서울대 순위 몇 계단 올랐어?' });
    expect(ko.answered).toBe(true);
    expect(ko.body.split('\n')[0]).toMatch(/2계단 올랐/);
    expect(ids(ko)).toEqual(['nature-index-snu']);
    const en = core.ask({ text: 'how many places did SNU climb' });
    expect(en.body.split('\n')[0]).toMatch(/climbed 2 places/);
    expect(en.body.split('\n')[0]).toMatch(/56th.*54th/);
  });

  it('KAIST fell 16 places (60 -> 76), in Korean and English', () => {
    const ko = core.ask({ text: '카이스트는 몇 계단 떨어졌어' });
    expect(ko.answered).toBe(true);
    expect(ko.body.split('\n')[0]).toMatch(/16계단 내려갔/);
    const en = core.ask({ text: 'how far did KAIST drop in the Nature Index' });
    expect(en.body.split('\n')[0]).toMatch(/fell 16 places/);
    expect(en.body.split('\n')[0]).toMatch(/60th.*76th/);
  });

  it('Tsinghua rose 6 places in AI papers (8 -> 2)', () => {
    const ko = core.ask({ text: '칭화대 AI 논문 순위 얼마나 올랐어' });
    expect(ko.body.split('\n')[0]).toMatch(/8위에서 2위로 6계단 올랐/);
    const en = core.ask({ text: 'how many places did Tsinghua rise in AI papers' });
    expect(en.body.split('\n')[0]).toMatch(/climbed 6 places.*8th to 2nd/);
    expect(en.facts.some((f) => f.values.some((v) => v.entity === 'tsinghua' && v.before === 8 && v.value === 2))).toBe(true);
  });

  it('a plain rank question is not turned into a rank change', () => {
    const a = core.ask({ text: '우한대 네이처 인덱스 순위' });
    expect(a.body).not.toMatch(/계단/);
    expect(a.body).toContain('21위');
  });
});

describe('ratio between two countries’ data-centre counts', () => {
  it.each([
    ['미국 데이터센터는 독일의 몇 배야?', 'ko', /약 10\.3배/],
    ['How many times as many data centres as Germany does the US have?', 'en', /about 10\.3 times/],
  ])('"%s" answers with the ratio of 5381 to 521, in %s', (text, locale, ratio) => {
    const a = core.ask({ text });
    expect(a.answered).toBe(true);
    expect(a.locale).toBe(locale);
    expect(a.body.split('\n')[0]).toMatch(ratio);
    expect(ids(a)).toEqual(['data-centres-germany', 'data-centres-us']);
  });
});
