// A question (or a fact's keyword, name or example question) as the words the matcher compares.
import { stripKoreanTail } from './korean-endings.ts';
import { isStopword } from './stopwords.ts';
import { cleanText, hasHangul, splitWords } from './text.ts';

export interface Word {
  /** The word as written (cleaned, lower case). */
  raw: string;
  /** Its head: Korean tail or English plural removed. */
  stem: string;
  /** Every form worth looking up: as written, one tail off, two tails off ("국가는" -> 국가, 국). */
  forms: string[];
  stop: boolean;
  numeric: boolean;
}

export function englishStem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith("'s")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function toWords(text: string): Word[] {
  return splitWords(cleanText(text)).map((raw) => {
    let forms = [raw];
    if (hasHangul(raw)) {
      const once = stripKoreanTail(raw);
      forms = [raw, once, stripKoreanTail(once)];
    } else if (/^[a-z]/.test(raw)) forms = [raw, englishStem(raw)];
    forms = [...new Set(forms)];
    const stem = forms[forms.length - 1]!;
    return { raw, stem, forms, stop: isStopword(forms[0]!) || isStopword(forms[1] ?? ''), numeric: /^[0-9]/.test(raw) };
  });
}

/**
 * A name or keyword as one lookup key: words joined without spaces ("데이터 센터" -> "데이터센터"), English
 * plurals off. Korean words keep their spelling: names and keywords carry no particles, and cutting what
 * looks like one would cut real syllables (우한대 is not 우 + 한대, 인도 is not 인 + 도). The question's
 * words are the ones that lose their tails.
 */
export function termKey(text: string): string {
  return toWords(text)
    .map((w) => (hasHangul(w.raw) ? w.raw : w.stem))
    .join('');
}
