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
  // An English sentence quoting a Korean word ("who organized (정리) the article?") is English.
  if (hangul > 0 && latin >= 20 && hangul / (hangul + latin) < 0.15) return 'en';
  if (hangul > 0) return 'ko';
  if (latin === 0) return hint ?? 'ko';
  return looksLikeQwertyKorean(sample) ? 'ko' : 'en';
}
