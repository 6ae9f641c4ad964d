// Korean typed with the keyboard in English mode (2-set layout) is recognised and converted back;
// ordinary English is not mistaken for it. The Korean inputs are made with es-hangul's own converter.
import { convertHangulToQwerty } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';
import { detectLocale } from '../../src/matching/detect-locale.ts';
import { looksLikeQwertyKorean, qwertyToHangul } from '../../src/matching/qwerty.ts';

const core = createCore();

const KOREAN_PHRASES = ['영국 데이터센터 몇 개야', '하버드 순위', '바이촨 설립', '서울대 순위', '딥시크 개발비', '미국 데이터센터', '문샷 창업자'];

const ENGLISH_QUESTIONS = [
  'how many data centres does china have',
  'What is the rank of Harvard?',
  'Who founded Moonshot AI?',
  'when was the article published',
  'Is DeepSeek cheaper than GPT-4?',
  'How much did DeepSeek cost to build',
  'tell me about Kimi',
  'Which country has the most data centers?',
  'how many GPUs will Korea buy',
  'what did the government announce',
  'where does KAIST rank',
  'who wrote this',
  'How big is the world total?',
  'does Korea have enough data centres',
  'what about Baidu',
  'ok thanks',
  'hello there',
  'show me the ranking',
  'give me the figures please',
  'Germany vs UK data centres',
  'when was it',
];

const ENGLISH_WORDS = ['how', 'what', 'data', 'rank', 'who', 'china', 'harvard', 'deepseek', 'gpu', 'cost'];

describe('looksLikeQwertyKorean', () => {
  it.each(KOREAN_PHRASES)('is true for "%s" typed on the 2-set layout', (ko) => {
    const typed = convertHangulToQwerty(ko);
    expect(typed).toMatch(/^[a-zA-Z ]+$/);
    expect(looksLikeQwertyKorean(typed)).toBe(true);
  });

  it.each(ENGLISH_QUESTIONS)('is false for the English question "%s"', (en) => {
    expect(looksLikeQwertyKorean(en)).toBe(false);
  });

  it.each(ENGLISH_WORDS)('is false for the English word "%s"', (w) => {
    expect(looksLikeQwertyKorean(w)).toBe(false);
  });

  it('is false for text without Latin words, and for a single letter', () => {
    expect(looksLikeQwertyKorean('')).toBe(false);
    expect(looksLikeQwertyKorean('12345 !!')).toBe(false);
    expect(looksLikeQwertyKorean('중국 데이터센터')).toBe(false);
    expect(looksLikeQwertyKorean('r')).toBe(false);
  });

  it('never throws, even on key sequences es-hangul cannot convert', () => {
    for (const s of ['how', 'hhhhhhh', 'qqqq', 'xyz', 'AAAA', 'k', 'rkrkrk', 'a'.repeat(5000), 'ㅁ rk 🤖', '\u0000how']) {
      expect(() => looksLikeQwertyKorean(s)).not.toThrow();
      expect(() => qwertyToHangul(s)).not.toThrow();
    }
  });

  // Some English words type whole syllables ("author", "title"): the heuristic may say "maybe Korean", and
  // the core reads them as Korean only when that reading explains the question better.
  it.each(['author', 'title', 'Fudan', 'world total'])('leaves the English "%s" English in the answer', (en) => {
    expect(core.ask({ text: en }).locale).toBe('en');
  });
});

describe('qwertyToHangul', () => {
  it.each(KOREAN_PHRASES)('converts the 2-set typing of "%s" back to it', (ko) => {
    expect(qwertyToHangul(convertHangulToQwerty(ko))).toBe(ko);
  });

  it('converts wndrnr to 중국 and keeps digits and punctuation', () => {
    expect(qwertyToHangul('wndrnr 2024?')).toBe('중국 2024?');
  });

  it('leaves a Latin word that does not form whole syllables as it is', () => {
    expect(qwertyToHangul('china wndrnr')).toBe('china 중국');
  });
});

describe('detectLocale', () => {
  it('is ko for Hangul, even with Latin words mixed in', () => {
    expect(detectLocale('중국 데이터센터', 'en')).toBe('ko');
    expect(detectLocale('KAIST 순위', 'en')).toBe('ko');
    expect(detectLocale('ㄷㅅㅋ', 'en')).toBe('ko');
  });

  it.each(ENGLISH_QUESTIONS)('is en for "%s", whatever the hint', (en) => {
    expect(detectLocale(en, 'ko')).toBe('en');
  });

  it('is ko for Korean typed on an English layout', () => {
    expect(detectLocale(convertHangulToQwerty('중국 데이터센터 몇 개'), 'en')).toBe('ko');
    expect(detectLocale('wndrnr', 'en')).toBe('ko');
  });

  it('falls back to the hint when there are no letters (digits, emoji, punctuation)', () => {
    expect(detectLocale('12345', 'en')).toBe('en');
    expect(detectLocale('12345', 'ko')).toBe('ko');
    expect(detectLocale('🤖🤖 !!', 'en')).toBe('en');
    expect(detectLocale('???', 'ko')).toBe('ko');
  });

  it('defaults to ko without a hint or letters', () => {
    expect(detectLocale('449')).toBe('ko');
  });

  it('is what the core exposes', () => {
    expect(core.detectLocale('Germany', 'ko')).toBe('en');
    expect(core.detectLocale('독일', 'en')).toBe('ko');
  });
});

describe('Korean typed on an English layout, through the core', () => {
  it.each([
    ['영국 데이터센터 몇 개야', 'data-centres-uk', '514'],
    ['하버드 순위', 'nature-index-harvard', '1위'],
    ['바이촨 설립', 'baichuan-founded', '2023'],
    ['독일 데이터센터', 'data-centres-germany', '521'],
  ])('"%s" typed in English mode answers in Korean from %s', (ko, factId, figure) => {
    const a = core.ask({ text: convertHangulToQwerty(ko), locale: 'en' });
    expect(a.answered).toBe(true);
    expect(a.locale).toBe('ko');
    expect(a.facts[0]?.id).toBe(factId);
    expect(a.body).toContain(figure);
  });
});
