// The language of a question: Hangul means Korean; Latin text that reads as Korean typed on a QWERTY
// layout (wndrnr -> 중국) is Korean too; other Latin text is English; no letters at all: the platform hint.
import { looksLikeQwertyKorean } from './qwerty.ts';
import type { Locale } from '../types.ts';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g;
const LATIN = /[a-z]/gi;

export function detectLocale(text: string, hint?: Locale): Locale {
  const sample = String(text ?? '').slice(0, 2000);
  const hangul = sample.match(HANGUL)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  // An English sentence quoting a Korean word ("who organized (정리) the article?") is English; so is a
  // short one around a Korean name ("how old is 양즈린?"): English words outnumber Korean ones two to one.
  if (hangul > 0 && latin >= 20 && hangul / (hangul + latin) < 0.15) return 'en';
  if (hangul > 0 && englishSentence(sample)) return 'en';
  if (hangul > 0) return 'ko';
  if (latin === 0) return hint ?? 'ko';
  return looksLikeQwertyKorean(sample) ? 'ko' : 'en';
}

/** Words of English grammar: a sentence with them is English, whatever names it quotes. */
const ENGLISH_FUNCTION_WORD = /^(?:how|what|who|when|where|which|why|is|are|was|were|does|do|did|the|a|an|of|in|to|and|old|much|many)$/;

function englishSentence(text: string): boolean {
  const words = text.toLowerCase().split(/[^a-z\uac00-\ud7a3]+/).filter(Boolean);
  const english = words.filter((w) => /^[a-z]+$/.test(w));
  const korean = words.filter((w) => /[\uac00-\ud7a3]/.test(w));
  return english.filter((w) => ENGLISH_FUNCTION_WORD.test(w)).length >= 2 && english.length >= 2 * korean.length;
}
