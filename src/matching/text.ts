// Low-level text helpers shared by the matcher: cleaning, scripts, jamo.
import { getChoseong } from 'es-hangul';

// Control characters, zero-width and bidi marks, Hangul fillers, variation selectors: invisible, never
// meaningful here. Matching them is the point, so the rules against such characters in a class are off.
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
const CONSONANTS_ONLY = /^[\u3131-\u314e]+$/;

/** NFKC, lower case, invisible characters removed, Discord/Slack mention markup removed, spaces collapsed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    // NFKC folds full-width letters (ＡＩ -> AI) but would turn compatibility jamo (ㄷㅅㅋ) into
    // conjoining jamo, so Hangul is left out of it.
    .replace(/[^\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+/g, (run) => run.normalize('NFKC'))
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // 5,381 -> 5381
    .replace(INVISIBLE, ' ')
    .replace(/<[@#!][^>\s]{0,80}>/g, ' ') // <@U123>, <#C1>, <!channel>, <@&role>
    .replace(/@(everyone|here)\b/gi, ' ')
    .toLowerCase()
    .replace(/(\w)['’]s\b/g, '$1') // OpenAI's -> openai
    .replace(/\b(\d+)(st|nd|rd|th)\b/g, '$1') // 11th -> 11, as the figures are indexed
    .replace(/\s+/g, ' ')
    .trim();
}

export const hasHangul = (s: string) => HANGUL_SYLLABLE.test(s);
/** A token like ㄷㅅㅋ: initial consonants only (초성 검색). */
export const isChoseongQuery = (s: string) => CONSONANTS_ONLY.test(s) && s.length >= 2;

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'.split('');
const JUNGSEONG = ['ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅗㅏ', 'ㅗㅐ', 'ㅗㅣ', 'ㅛ', 'ㅜ', 'ㅜㅓ', 'ㅜㅔ', 'ㅜㅣ', 'ㅠ', 'ㅡ', 'ㅡㅣ', 'ㅣ'];
const JONGSEONG = ['', 'ㄱ', 'ㄲ', 'ㄱㅅ', 'ㄴ', 'ㄴㅈ', 'ㄴㅎ', 'ㄷ', 'ㄹ', 'ㄹㄱ', 'ㄹㅁ', 'ㄹㅂ', 'ㄹㅅ', 'ㄹㅌ', 'ㄹㅍ', 'ㄹㅎ', 'ㅁ', 'ㅂ', 'ㅂㅅ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

/**
 * Hangul to its jamo (데이터 -> ㄷㅔㅇㅣㅌㅓ) so a typo costs one letter, not one syllable; compound vowels
 * and final clusters split as es-hangul's disassemble does (ㅘ -> ㅗㅏ). Arithmetic on the syllable block,
 * because this runs for every word of every question.
 */
export function toJamo(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i) - 0xac00;
    if (code < 0 || code > 11171) {
      out += s[i];
      continue;
    }
    out += CHOSEONG[Math.floor(code / 588)]! + JUNGSEONG[Math.floor((code % 588) / 28)]! + JONGSEONG[code % 28]!;
  }
  return out;
}

export function toChoseong(s: string): string {
  return getChoseong(s).replace(/[^\u3131-\u314e]/g, '');
}

/** Splits text into runs of Hangul, Latin letters/digits and compatibility jamo; drops everything else. */
export function splitWords(text: string): string[] {
  return text.match(/[\uac00-\ud7a3]+|[\u3131-\u318e]+|[a-z0-9]+(?:[.][0-9]+)*/g) ?? [];
}
