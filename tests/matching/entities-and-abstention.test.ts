// Entities matter: a question about something the article does not cover abstains instead of
// answering with another entity's figure; so does a covered entity with a measure the article lacks.
import { describe, expect, it } from 'vitest';
import { createCore, type Answer } from '../../src/index.ts';

const core = createCore();

/** Figures the article gives for other entities: none may leak into an abstention. */
const FIGURES = ['449', '5381', '5,381', '521', '514', '11800', '1만1800', '43개', '58개', '33억', '560만', '1만8천', '18,000'];

function expectAbstains(a: Answer): void {
  expect(a.answered).toBe(false);
  expect(a.facts).toEqual([]);
  expect(a.citations).toEqual([]);
  for (const f of FIGURES) expect(a.body).not.toContain(f);
  expect(a.suggestions).toHaveLength(3);
}

describe('entities the article does not cover', () => {
  it.each([
    '일본은 대형 데이터센터를 몇 개 갖고 있어?',
    'How many big data centers are in Japan?',
    '인도의 데이터센터 수 알려줘',
    'India: number of data centres?',
    '마이크로소프트 기업가치는 얼마래?',
    "What's Microsoft valued at?",
    '스탠퍼드는 네이처 인덱스에서 몇 위였어?',
    'Stanford position in the Nature Index',
    '제미나이 성능은 어때?',
    'Is Gemini better than DeepSeek?',
    '프랑스 데이터센터 개수',
    'Nvidia GPUs in Korea?',
  ])('"%s" abstains without another entity’s figure', (text) => {
    expectAbstains(core.ask({ text }));
  });

  it('abstains in the asker’s language', () => {
    expect(core.ask({ text: '일본 데이터센터 몇 개야?', locale: 'en' }).locale).toBe('ko');
    expect(core.ask({ text: 'Japan data centres', locale: 'ko' }).locale).toBe('en');
  });
});

describe('covered entities with a measure the article does not give', () => {
  it.each([
    '문샷 AI 매출은 얼마야',
    "What is Moonshot AI's revenue?",
    '딥시크 직원 수는?',
    'How many employees does DeepSeek have?',
    '화웨이 매출 알려줘',
  ])('"%s" abstains', (text) => {
    expectAbstains(core.ask({ text }));
  });

  it('suggests what the article does say about that entity', () => {
    const a = core.ask({ text: '문샷 AI 매출은 얼마야' });
    expect(a.answered).toBe(false);
    expect(a.suggestions.every((s) => /문샷|키미/.test(s))).toBe(true);
  });
});

describe('suggestions after an abstention', () => {
  it('are three, in Korean, and about data centres for "일본 데이터센터"', () => {
    const a = core.ask({ text: '일본 데이터센터 몇 개야' });
    expect(a.answered).toBe(false);
    expect(a.suggestions).toHaveLength(3);
    for (const s of a.suggestions) {
      expect(s).toMatch(/[가-힣]/);
      expect(s).toContain('데이터센터');
    }
    // The abstention text lists them for users who read only the text.
    for (const s of a.suggestions) expect(a.text).toContain(s);
  });

  it('are three, in English, and about data centres for "Japan data centres"', () => {
    const a = core.ask({ text: 'How many data centres does Japan have?' });
    expect(a.suggestions).toHaveLength(3);
    for (const s of a.suggestions) {
      expect(s).not.toMatch(/[가-힣]/);
      expect(s).toMatch(/data cent(re|er)s?/i);
    }
  });

  it('are about rankings for a Stanford Nature Index question', () => {
    const a = core.ask({ text: 'Stanford Nature Index rank' });
    expect(a.suggestions).toHaveLength(3);
    for (const s of a.suggestions) expect(s).toMatch(/Nature Index/);
  });

  it('are not the question about Japan itself', () => {
    const a = core.ask({ text: '일본 데이터센터 몇 개야' });
    for (const s of a.suggestions) expect(s).not.toContain('일본');
  });
});

describe('exact entities beat fuzzy near-misses', () => {
  it('does not read 일반 (general) as 일본 (Japan): "일반에 공개됐어?" gets the EXAONE fact', () => {
    const a = core.ask({ text: '엑사원은 일반에 공개됐어?' });
    expect(a.answered).toBe(true);
    expect(a.facts[0]?.id).toBe('lg-exaone');
  });

  it('a covered entity asked exactly gets its own figure, not a neighbour’s (영국 514, not 독일 521)', () => {
    const uk = core.ask({ text: '영국 데이터센터는 몇 곳?' });
    expect(uk.facts[0]?.id).toBe('data-centres-uk');
    expect(uk.body).toContain('514');
    expect(uk.body).not.toContain('521');
  });

  it('Korea’s data centres come from Cloudscene (43), not China’s 449', () => {
    const a = core.ask({ text: '우리나라 데이터센터 수는 몇 개나 돼?' });
    expect(a.answered).toBe(true);
    expect(a.facts[0]?.id).toBe('data-centres-korea');
    expect(a.body).toContain('43');
    expect(a.body).not.toContain('449');
  });

  it('an uncovered university is not fuzzily turned into a covered one (스탠퍼드 is not 서울대)', () => {
    const a = core.ask({ text: '스탠퍼드 순위' });
    expect(a.answered).toBe(false);
  });
});
