// Low-level text helpers: cleaning chat text, jamo decomposition (checked against es-hangul on every
// syllable) and initial consonants.
import { disassemble } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { cleanText, isChoseongQuery, splitWords, toChoseong, toJamo } from '../../src/matching/text.ts';

describe('cleanText', () => {
  it('folds full-width Latin letters, digits and spaces to ASCII (NFKC) and lower-cases', () => {
    expect(cleanText('ＧＰＵ　１２３')).toBe('gpu 123');
    expect(cleanText('ＡＩ 데이터센터')).toBe('ai 데이터센터');
  });

  it('keeps compatibility jamo (ㄷㅅㅋ) as they are instead of turning them into conjoining jamo', () => {
    expect(cleanText('ㄷㅅㅋ')).toBe('ㄷㅅㅋ');
    expect(cleanText('ㅁㅅ 창업자')).toBe('ㅁㅅ 창업자');
  });

  it('keeps Hangul syllables composed (NFC) even when they arrive decomposed', () => {
    expect(cleanText('중국'.normalize('NFD'))).toBe('중국');
  });

  it('removes zero-width, control and bidi characters', () => {
    expect(cleanText('데이터\u200b센터')).toBe('데이터 센터');
    expect(cleanText('a\u202eb\u0007c\ufeffd\u2066e')).toBe('a b c d e');
    expect(cleanText('\u200f\u200e독일\u00ad')).toBe('독일');
  });

  it('removes Slack and Discord mention markup and @everyone/@here', () => {
    expect(cleanText('<@U123ABC> 중국 데이터센터 <!channel>')).toBe('중국 데이터센터');
    expect(cleanText('<#C42|general> @everyone @here rank <@&987>')).toBe('rank');
  });

  it('drops the thousands comma in numbers (5,381 -> 5381) but not a comma between words', () => {
    expect(cleanText('5,381개')).toBe('5381개');
    expect(cleanText('11,800 data centres')).toBe('11800 data centres');
    expect(cleanText('china, germany')).toBe('china, germany');
  });

  it('turns English ordinals into numbers (11th -> 11, 21st -> 21)', () => {
    expect(cleanText('ranked 11th')).toBe('ranked 11');
    expect(cleanText('the 21st place and 2nd and 3rd')).toBe('the 21 place and 2 and 3');
  });

  it("removes the English possessive ('s and ’s)", () => {
    expect(cleanText("OpenAI's model")).toBe('openai model');
    expect(cleanText('China’s data centres')).toBe('china data centres');
  });

  it('collapses runs of whitespace and trims', () => {
    expect(cleanText('  중국   \n\t 데이터센터  ')).toBe('중국 데이터센터');
  });
});

describe('toJamo', () => {
  it('equals es-hangul disassemble on all 11,172 Hangul syllables', () => {
    const mismatches: string[] = [];
    for (let code = 0xac00; code <= 0xd7a3; code++) {
      const s = String.fromCharCode(code);
      if (toJamo(s) !== disassemble(s)) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
  });

  it('splits compound vowels and final clusters (과 -> ㄱㅗㅏ, 값 -> ㄱㅏㅂㅅ)', () => {
    expect(toJamo('과')).toBe('ㄱㅗㅏ');
    expect(toJamo('값')).toBe('ㄱㅏㅂㅅ');
    expect(toJamo('데이터')).toBe('ㄷㅔㅇㅣㅌㅓ');
  });

  it('leaves Latin letters, digits and compatibility jamo unchanged', () => {
    expect(toJamo('ai 2.5 ㄷㅅㅋ')).toBe('ai 2.5 ㄷㅅㅋ');
    expect(toJamo('gpu중국')).toBe('gpuㅈㅜㅇㄱㅜㄱ');
  });

  it('makes a one-vowel typo one letter of difference (데이타 vs 데이터)', () => {
    const a = toJamo('데이타');
    const b = toJamo('데이터');
    expect(a.length).toBe(b.length);
    expect([...a].filter((c, i) => c !== b[i]).length).toBe(1);
  });
});

describe('toChoseong and initial-consonant queries', () => {
  it('gives the initial consonants of the Hangul only', () => {
    expect(toChoseong('딥시크')).toBe('ㄷㅅㅋ');
    expect(toChoseong('데이터 센터')).toBe('ㄷㅇㅌㅅㅌ');
    expect(toChoseong('abc 문샷 123')).toBe('ㅁㅅ');
  });

  it('recognises a consonants-only token of two or more as a 초성 query', () => {
    expect(isChoseongQuery('ㄷㅅㅋ')).toBe(true);
    expect(isChoseongQuery('ㅁㅅ')).toBe(true);
    expect(isChoseongQuery('ㅁ')).toBe(false);
    expect(isChoseongQuery('ㅏㅏ')).toBe(false);
    expect(isChoseongQuery('딥시크')).toBe(false);
  });
});

describe('splitWords', () => {
  it('splits into Hangul runs, jamo runs and Latin/digit runs, keeping decimals like 2.5', () => {
    expect(splitWords('qwen 2.5-max는 ㅋㅋ 중국ai')).toEqual(['qwen', '2.5', 'max', '는', 'ㅋㅋ', '중국', 'ai']);
  });
});

describe('the language of a short English question around a Korean name', () => {
  it('"how old is 양즈린?" is English; "딥시크 GPU 몇 개야?" stays Korean', async () => {
    const { detectLocale } = await import('../../src/matching/detect-locale.ts');
    expect(detectLocale('how old is 양즈린?')).toBe('en');
    expect(detectLocale('딥시크 GPU 몇 개야?')).toBe('ko');
    expect(detectLocale('Nature Index 2024 top10에 중국 대학 몇개야?')).toBe('ko');
  });
});
