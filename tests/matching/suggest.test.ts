// Autocomplete: core.suggest returns a few answerable questions that fit what was typed.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';

const core = createCore();
const HANGUL = /[가-힣]/;

describe('core.suggest', () => {
  it('returns at most the limit, and never more than 25', () => {
    expect(core.suggest('데이터센터', 'ko', 3).length).toBeLessThanOrEqual(3);
    expect(core.suggest('', 'ko', 100).length).toBeLessThanOrEqual(25);
    expect(core.suggest('rank', 'en', 1000).length).toBeLessThanOrEqual(25);
    expect(core.suggest('ㅁㅅ', 'ko', 30).length).toBeLessThanOrEqual(25);
  });

  it('returns nothing for a limit of 0 or below', () => {
    expect(core.suggest('데이터센터', 'ko', 0)).toEqual([]);
    expect(core.suggest('데이터센터', 'ko', -5)).toEqual([]);
  });

  it('suggests Korean data-centre questions for a Korean partial', () => {
    const list = core.suggest('데이터센', 'ko', 5);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(s).toMatch(HANGUL);
      expect(s).toContain('데이터센터');
    }
  });

  it('suggests English data-centre questions for an English partial', () => {
    const list = core.suggest('data cen', 'en', 5);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(s).not.toMatch(HANGUL);
      expect(s).toMatch(/data cent/i);
    }
  });

  it('answers in the requested language even when the partial is in the other one', () => {
    for (const s of core.suggest('데이터', 'en', 5)) expect(s).not.toMatch(HANGUL);
  });

  it('finds questions about an entity typed in part (카이스트)', () => {
    const list = core.suggest('카이스트', 'ko', 5);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(s).toContain('카이스트');
  });

  it('works for initial-consonant prefixes (ㄷㅇㅌㅅㅌ -> 데이터센터, ㅁㅅ -> 문샷)', () => {
    const dc = core.suggest('ㄷㅇㅌㅅㅌ', 'ko', 5);
    expect(dc.length).toBeGreaterThan(0);
    for (const s of dc) expect(s).toContain('데이터센터');
    const ms = core.suggest('ㅁㅅ', 'ko', 10);
    expect(ms.some((s) => s.includes('문샷'))).toBe(true);
  });

  it('returns example questions for empty input, in the requested language', () => {
    const ko = core.suggest('', 'ko', 5);
    expect(ko).toHaveLength(5);
    for (const s of ko) expect(s).toMatch(HANGUL);
    const en = core.suggest('   ', 'en', 5);
    expect(en).toHaveLength(5);
    for (const s of en) expect(s).not.toMatch(HANGUL);
  });

  it('suggests only questions the bot can answer', () => {
    for (const s of core.suggest('순위', 'ko', 10)) expect(core.ask({ text: s }).answered).toBe(true);
    for (const s of core.suggest('valuation', 'en', 5)) expect(core.ask({ text: s }).answered).toBe(true);
  });

  it('returns no duplicates', () => {
    const list = core.suggest('순위', 'ko', 25);
    expect(new Set(list).size).toBe(list.length);
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = ['\u0000', '🤖'.repeat(500), 'ㅁ', 'a'.repeat(10_000), '<@U1>', '\ud800', '%%%', undefined, null, 42];
    for (const p of odd) {
      expect(() => core.suggest(p as string, 'ko', 5)).not.toThrow();
      expect(() => core.suggest(p as string, 'en', 25)).not.toThrow();
    }
  });
});
