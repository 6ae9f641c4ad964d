// A question (or a fact's keyword, name or example question) as the words the matcher compares.
import { isParticle, stripKoreanTail } from './korean-endings.ts';
import { isStopword } from './stopwords.ts';
import { cleanText, hasHangul, splitWords } from './text.ts';
import { WORD_CACHE_LIMIT } from './tuning.ts';

export interface Word {
  /** The word as written (cleaned, lower case). */
  raw: string;
  /** Its head: Korean tail or English plural removed. */
  stem: string;
  /** Every form worth looking up: as written, one tail off, two tails off ("국가는" -> 국가, 국). */
  forms: string[];
  stop: boolean;
  numeric: boolean;
  /** Set on the pieces of one word typed without spaces and split (read-question.ts): which word they were. */
  piece?: number;
}

/**
 * A light English stemmer, the same on both sides (questions and vocabulary), so inflections meet:
 * announced / announce -> announc, ranking / ranked -> rank, universities -> university.
 */
export function englishStem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The words of a text (`cleaned`: the text has been through cleanText already). */
export function toWords(text: string, cleaned = false): Word[] {
  return splitWords(cleaned ? text : cleanText(text)).map(wordOf);
}

// Words recur across questions ("데이터센터", "몇", "china"): each is read once. Bounded, cleared when full.
const wordCache = new Map<string, Word>();

function wordOf(raw: string): Word {
  let word = wordCache.get(raw);
  if (!word) {
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    word = readWord(raw);
    wordCache.set(raw, word);
  }
  return word;
}

function readWord(raw: string): Word {
  let forms = [raw];
  if (hasHangul(raw)) {
    const once = stripKoreanTail(raw);
    forms = [raw, once, stripKoreanTail(once)];
  } else if (/^[a-z]/.test(raw)) forms = [raw, englishStem(raw)];
  forms = [...new Set(forms)];
  const stem = forms[forms.length - 1]!;
  // A particle typed apart from its word ("o1 이랑은", "DeepSeek 는") is no word of its own.
  const particle = hasHangul(raw) && isParticle(raw);
  return Object.freeze({ raw, stem, forms, stop: particle || isStopword(forms[0]!) || isStopword(forms[1] ?? ''), numeric: /^[0-9]/.test(raw) });
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
