// Whatever a chat user pastes, the core answers with a well-formed Answer and never throws:
// random Unicode (fast-check), empty and blank input, emoji, control and zero-width characters,
// right-to-left text, mention spam, and questions far over the length cap (up to 1 MB).
// No timings are asserted here (the benchmark measures speed); the 1 MB case only has to return.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCore, MAX_QUESTION_CHARS, type Answer, type Locale } from '../src/index.ts';

const core = createCore();

/** The shape every Answer must have, whatever the question was. */
function expectWellFormed(answer: Answer): void {
  expect(typeof answer.answered).toBe('boolean');
  expect(['ko', 'en']).toContain(answer.locale);
  expect(typeof answer.text).toBe('string');
  expect(answer.text.trim().length).toBeGreaterThan(0);
  expect(typeof answer.body).toBe('string');
  expect(Array.isArray(answer.facts)).toBe(true);
  expect(Array.isArray(answer.citations)).toBe(true);
  expect(Array.isArray(answer.suggestions)).toBe(true);
  expect(Number.isFinite(answer.score)).toBe(true);
  expect(answer.score).toBeGreaterThanOrEqual(0);
  expect(answer.score).toBeLessThanOrEqual(1);
  // An answer always says where its figure comes from; a non-answer invents no figure.
  if (answer.answered) expect(answer.citations.length).toBeGreaterThan(0);
  else expect(answer.facts).toEqual([]);
}

function expectSuggestions(list: string[]): void {
  expect(Array.isArray(list)).toBe(true);
  expect(list.length).toBeLessThanOrEqual(25);
  for (const s of list) expect(typeof s).toBe('string');
}

const hint = fc.constantFrom<Locale | undefined>(undefined, 'ko', 'en');
/** Any UTF-16 code unit, lone surrogates included: what a broken client could send. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
/** Words of the article's domain with noise between them, so random input reaches the matcher's deeper paths. */
const domainWords = fc.constantFrom(
  '중국', '데이터센터', '데센', '몇 개', '순위', '카이스트', 'KAIST', '서울대', '네이처 인덱스', '딥시크', 'DeepSeek',
  '문샷', 'Kimi', '양즈린', 'ㅁㅅ', 'ㄷㅇㅌㅅㅌ', 'wndrnr', 'epdlxjtpsxj', 'GPU', '스타게이트', 'Stargate', '?', '!!',
  'how many', 'data centres', 'rank', 'Japan', '일본', '보다', 'than', '차이', '0', '449', '-1', '1e309', '\u200b', '🤖',
);
const domainSentence = fc
  .array(fc.oneof(domainWords, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join(' '));

describe('core.ask on arbitrary input (property)', () => {
  it('answers any printable Unicode string up to 10,000 graphemes without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 10_000 }), hint, (text, locale) => {
        expectWellFormed(core.ask({ text, ...(locale ? { locale } : {}) }));
      }),
      { numRuns: 100 },
    );
  });

  it('answers any string of code points up to 10,000, long ones included, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 10_000, size: 'max' }), hint, (text, locale) => {
        expectWellFormed(core.ask({ text, ...(locale ? { locale } : {}) }));
      }),
      { numRuns: 60 },
    );
  });

  it('answers strings just under the length cap, control characters included, without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: MAX_QUESTION_CHARS, size: 'large' }), (text) => {
        expectWellFormed(core.ask({ text }));
      }),
      { numRuns: 60 },
    );
  });

  it('answers strings with lone surrogates and any other UTF-16 code unit without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 2_000 }), hint, (text, locale) => {
        expectWellFormed(core.ask({ text, ...(locale ? { locale } : {}) }));
      }),
      { numRuns: 60 },
    );
  });

  it('answers noisy questions built from the article\'s own words without throwing', () => {
    fc.assert(
      fc.property(domainSentence, hint, (text, locale) => {
        expectWellFormed(core.ask({ text, ...(locale ? { locale } : {}) }));
      }),
      { numRuns: 150 },
    );
  });
});

describe('core.suggest on arbitrary input (property)', () => {
  it('returns at most 25 string suggestions for any partial text and any limit', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: codeUnit, maxLength: 300 }), domainSentence),
        fc.constantFrom<Locale>('ko', 'en'),
        fc.option(fc.integer({ min: -10, max: 1_000 }), { nil: undefined }),
        (partial, locale, limit) => {
          expectSuggestions(limit === undefined ? core.suggest(partial, locale) : core.suggest(partial, locale, limit));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('core.ask on awkward inputs', () => {
  const mentions = '@everyone @here <@123> <!channel> ';

  const unanswerable: Array<[string, string]> = [
    ['an empty question', ''],
    ['only white space', '   \n\t\u00a0\u3000  '],
    ['only emoji', '🤖🔥👍🏽👨‍👩‍👧‍👦🇰🇷'],
    ['only control characters', '\u0000\u0001\u0007\u0008\u001b\u007f\u0085'],
    ['only zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'],
    ['right-to-left Arabic text', 'كم عدد مراكز البيانات في العالم؟'],
    ['right-to-left Hebrew with direction overrides', '\u202eשלום עולם\u202c \u200f'],
    ['a few mentions', mentions.repeat(5)],
    ['mention spam (x100)', mentions.repeat(100)],
  ];

  for (const [name, text] of unanswerable) {
    it(`gives a localised hint instead of an answer for ${name}`, () => {
      for (const locale of ['ko', 'en'] as const) {
        const answer = core.ask({ text, locale });
        expectWellFormed(answer);
        expect(answer.answered).toBe(false);
        expect(answer.suggestions.length).toBeGreaterThan(0);
      }
    });
  }

  it('uses the platform hint for the language of input that has no letters', () => {
    for (const text of ['', '🤖🔥', '\u200b\u200b', '???']) {
      expect(core.ask({ text, locale: 'en' }).locale).toBe('en');
      expect(core.ask({ text, locale: 'ko' }).locale).toBe('ko');
    }
  });

  it('never echoes mentions back to the channel', () => {
    for (const text of [mentions.repeat(5), `${mentions} 중국 데이터센터 몇 개?`, `${mentions} how many data centres in China?`]) {
      const answer = core.ask({ text });
      expectWellFormed(answer);
      for (const mention of ['@everyone', '@here', '<@123>', '<!channel>']) expect(answer.text).not.toContain(mention);
    }
  });

  it('still answers a real question surrounded by zero-width and direction marks', () => {
    const answer = core.ask({ text: '\u200e중\u200b국 데이터\u200d센터 몇 개?\ufeff' });
    expectWellFormed(answer);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('449');
  });

  it('still answers a real question padded with spaces up to the length cap', () => {
    const question = '중국 데이터센터 몇 개?';
    const answer = core.ask({ text: question + ' '.repeat(MAX_QUESTION_CHARS - question.length) });
    expectWellFormed(answer);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('449');
  });

  it('gives a too-long hint for a 40,000-character question', () => {
    const text = '중국 데이터센터는 몇 개인가요? '.repeat(3_000).slice(0, 40_000);
    const answer = core.ask({ text });
    expectWellFormed(answer);
    expect(answer.answered).toBe(false);
    expect(answer.notice).toBe('too-long');
    expect(answer.locale).toBe('ko');
  });

  it('returns an Answer for a 1 MB question', () => {
    const text = 'How many data centres does China have? '.repeat(30_000).slice(0, 1 << 20);
    expect(text.length).toBe(1 << 20);
    const answer = core.ask({ text });
    expectWellFormed(answer);
    expect(answer.answered).toBe(false);
    expect(answer.notice).toBe('too-long');
    expect(answer.locale).toBe('en');
  });

  it('returns an Answer for a 1 MB question of random code units', () => {
    const text = Array.from({ length: 1 << 16 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('').repeat(16);
    const answer = core.ask({ text });
    expectWellFormed(answer);
    expect(answer.answered).toBe(false);
  });

  it('treats a missing or non-string text from a careless caller as an empty question', () => {
    for (const text of [undefined, null, 42, { toString: () => '중국' }]) {
      const answer = core.ask({ text: text as unknown as string });
      expectWellFormed(answer);
      expect(answer.answered).toBe(false);
    }
  });
});

describe('core.suggest on awkward inputs', () => {
  it('returns at most 25 suggestions for empty, blank, emoji, mention spam and 1 MB partials', () => {
    const partials = ['', '   ', '🤖', '\u0000\u200b', '@everyone <!channel> '.repeat(100), 'ㄷ', 'd', '중'.repeat(1 << 20)];
    for (const partial of partials) {
      for (const locale of ['ko', 'en'] as const) expectSuggestions(core.suggest(partial, locale));
    }
  });

  it('honours a limit below 25 and never exceeds 25 for a larger one', () => {
    expect(core.suggest('', 'ko', 3).length).toBeLessThanOrEqual(3);
    expect(core.suggest('데이터', 'ko', 1_000).length).toBeLessThanOrEqual(25);
    expect(core.suggest('data', 'en', 0)).toEqual([]);
  });
});
