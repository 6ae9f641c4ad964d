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
  // short one around a Korean name ("how old is 양즈린?"): it opens in English and English words outnumber
  // Korean ones two to one.
  if (hangul > 0 && latin >= 20 && hangul / (hangul + latin) < 0.15) return 'en';
  if (hangul > 0 && englishSentence(sample)) return 'en';
  if (hangul > 0) return 'ko';
  if (latin === 0) return hint ?? 'ko';
  return looksLikeQwertyKorean(sample) ? 'ko' : 'en';
}

/** A question that opens in English grammar ("how old is …", "what's …", "is …"), whatever names it quotes. */
const OPENS_IN_ENGLISH = /^(?:how|what|what's|whats|who|who's|when|where|which|why|is|are|was|were|does|do|did|can|could|tell me)\b/;

function englishSentence(text: string): boolean {
  // Most Korean questions open in Hangul: no need to split them into words.
  if (!/^[^a-z\uac00-\ud7a3]*[a-z]/i.test(text)) return false;
  const plain = text.toLowerCase().replace(/https?:\/\/\S+|\]\([^)]*\)|[[\]()*_~`>#|]/g, ' ').trim();
  const words = plain.split(/[^a-z\uac00-\ud7a3']+/).filter(Boolean);
  const english = words.filter((w) => /^[a-z']+$/.test(w));
  const korean = words.filter((w) => /[\uac00-\ud7a3]/.test(w));
  return OPENS_IN_ENGLISH.test(plain) && english.length >= 2 && english.length >= 2 * korean.length;
}
