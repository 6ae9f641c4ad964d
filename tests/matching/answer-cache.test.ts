// Recent answers are cached; callers get their own copies.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';

describe('answer cache', () => {
  it('returns equal answers for the same question twice', () => {
    const core = createCore();
    const first = core.ask({ text: '독일 데이터센터 몇 곳이야?' });
    const second = core.ask({ text: '독일 데이터센터 몇 곳이야?' });
    expect(second).toEqual(first);
    expect(second.body).toContain('521');
  });

  it('returns frozen answers, so no asker can change an answer for the next one', () => {
    const core = createCore();
    const first = core.ask({ text: 'UK data centres' });
    const original = structuredClone(first);
    expect(() => (first.body = 'changed')).toThrow(TypeError);
    expect(() => (first.text = 'changed')).toThrow(TypeError);
    expect(() => (first.facts[0]!.answer.en = 'changed')).toThrow(TypeError);
    expect(() => (first.facts[0]!.values[0]!.value = -1)).toThrow(TypeError);
    expect(() => (first.citations.length = 0)).toThrow(TypeError);
    expect(() => first.suggestions.push('changed')).toThrow(TypeError);
    const second = core.ask({ text: 'UK data centres' });
    expect(second).toEqual(original);
    expect(second).toBe(first); // the cached answer itself: safe to share because it is frozen
    expect(second.body).toContain('514');
  });

  it('mutating an abstention’s suggestions does not change the next abstention', () => {
    const core = createCore();
    const first = core.ask({ text: 'Japan data centres' });
    expect(() => first.suggestions.splice(0, 3, 'x')).toThrow(TypeError);
    expect(core.ask({ text: 'Japan data centres' }).suggestions).toHaveLength(3);
  });

  it('keys on the locale hint as well as the text', () => {
    const core = createCore();
    const ko = core.ask({ text: '449', locale: 'ko' });
    const en = core.ask({ text: '449', locale: 'en' });
    expect(ko.locale).toBe('ko');
    expect(en.locale).toBe('en');
  });

  it('works with the cache turned off (answerCacheSize 0), and answers the same', () => {
    const cached = createCore();
    const uncached = createCore({ answerCacheSize: 0 });
    for (const text of ['미국 데이터센터 몇 개', 'Harvard ranking', '일본 데이터센터', '서울대 몇 계단 올랐어?']) {
      const a = uncached.ask({ text });
      const b = uncached.ask({ text });
      expect(b).toEqual(a);
      expect(a).toEqual(cached.ask({ text }));
    }
  });

  it('keeps answering correctly past a tiny capacity (answerCacheSize 1)', () => {
    const core = createCore({ answerCacheSize: 1 });
    for (let i = 0; i < 3; i++) {
      expect(core.ask({ text: '독일 데이터센터' }).body).toContain('521');
      expect(core.ask({ text: '영국 데이터센터' }).body).toContain('514');
    }
  });
});
