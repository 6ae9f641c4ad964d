// Korean particles (조사) and endings (어미) come off before a word is looked up, and what is left is
// still a word the fact base knows. Real fact base, real matcher: no mocks.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';
import { koreanStem, stripKoreanTail } from '../../src/matching/korean-endings.ts';

const core = createCore();

describe('stripKoreanTail removes one particle or ending', () => {
  it.each([
    ['데이터센터는', '데이터센터'],
    ['중국이야', '중국'],
    ['미국에서는', '미국'],
    ['카이스트가', '카이스트'],
    ['순위를', '순위'],
    ['중국의', '중국'],
    ['몇개야', '몇개'],
    ['발표했나요', '발표'],
  ])('%s -> %s', (word, head) => {
    expect(stripKoreanTail(word)).toBe(head);
  });

  it('prefers the longest tail ("에서는" before "는")', () => {
    expect(stripKoreanTail('독일에서는')).toBe('독일');
  });

  it('leaves a word without a tail unchanged', () => {
    expect(stripKoreanTail('독일')).toBe('독일');
    expect(stripKoreanTail('칭화대')).toBe('칭화대');
  });

  it('never strips a word down to nothing: a one-syllable particle stays as it is', () => {
    for (const w of ['는', '가', '이', '요', '야', '의', '에서']) {
      expect(stripKoreanTail(w)).toBe(w);
      expect(koreanStem(w)).toBe(w);
    }
  });

  it('leaves at least one syllable of a word made only of tails (이야, 했어요)', () => {
    for (const w of ['이야', '했어요', '에서는']) {
      expect(koreanStem(w).length).toBeGreaterThanOrEqual(1);
      expect(w.startsWith(koreanStem(w))).toBe(true);
    }
  });

  it('always keeps at least one syllable of a word longer than its tail', () => {
    for (const w of ['이는', '가요', '중국이에요', '국은']) {
      const out = stripKoreanTail(w);
      expect(out.length).toBeGreaterThanOrEqual(1);
      expect(w.startsWith(out)).toBe(true);
    }
  });
});

describe('koreanStem removes up to two tails', () => {
  it.each([
    ['설립됐어요', '설립'],
    ['서울대는요', '서울대'],
    ['데이터센터는', '데이터센터'],
    ['중국이야', '중국'],
  ])('%s -> %s', (word, stem) => {
    expect(koreanStem(word)).toBe(stem);
  });

  it('returns a word with no tail unchanged', () => {
    expect(koreanStem('네이처')).toBe('네이처');
  });
});

describe('questions with particles and endings reach the right fact', () => {
  it('answers a question whose entity carries a particle (독일에서는) with Germany’s 521', () => {
    const a = core.ask({ text: '독일에서는 대형 데이터센터가 몇 곳이나 돼요?' });
    expect(a.answered).toBe(true);
    expect(a.facts[0]?.id).toBe('data-centres-germany');
    expect(a.body).toContain('521');
  });

  it('answers a polite-ending founding question (설립됐어요) with Baichuan’s 2023', () => {
    const a = core.ask({ text: '바이촨은 언제 설립됐어요' });
    expect(a.answered).toBe(true);
    expect(a.facts[0]?.id).toBe('baichuan-founded');
    expect(a.body).toContain('2023');
  });

  it('answers a question ending in 이야 about Harvard’s Nature Index rank', () => {
    const a = core.ask({ text: '네이처 인덱스에서 1위 대학이 하버드야?' });
    expect(a.answered).toBe(true);
    expect(a.body).toContain('하버드');
    expect(a.body).toContain('1위');
  });

  it('still finds 화웨이 (ending in 이, which looks like a particle) through the fact base', () => {
    const a = core.ask({ text: '화웨이는 기사에서 어떻게 나와?' });
    expect(a.answered).toBe(true);
    expect(a.body).toContain('화웨이');
    expect(a.facts.some((f) => f.entities.includes('huawei'))).toBe(true);
  });

  it('answers a 우한대 question with its particle (우한대는) with 21위', () => {
    const a = core.ask({ text: '우한대는 네이처 인덱스 순위가 어떻게 돼?' });
    expect(a.answered).toBe(true);
    expect(a.facts[0]?.id).toBe('nature-index-wuhan');
    expect(a.body).toContain('21위');
  });

  // Known weakness: the counter 대 (GPU 몇 대) is read as Taiwan, because the entity name 대만 is keyed
  // as "대" after 만 is stripped as a particle. The question should get the 18,000-GPU plan.
  it('answers a GPU question counted with 대 (GPU 몇 대) instead of treating 대 as Taiwan', () => {
    const a = core.ask({ text: '정부는 고성능 GPU 몇 대 확보할 계획이야?' });
    expect(a.answered).toBe(true);
    expect(a.body).toContain('1만8천');
  });
});
