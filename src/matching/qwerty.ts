// Korean typed with the keyboard left in English mode: "ehrdlf epdlxjtpsxj" is 독일 데이터센터 on the
// 2-set (두벌식) layout. Such text converts to whole syllables; English words almost never do
// (they leave stray jamo: "china" -> 초ㅑㅜㅁ).
import { convertQwertyToHangul } from 'es-hangul';

const LATIN_WORD = /[a-z]+/gi;
const WHOLE_SYLLABLES = /^[\uac00-\ud7a3]+$/;

// On the 2-set layout these keys are consonants; a Korean word's first key is always one of them.
const CONSONANT_KEY = /^[qwertasdfgzxcvQWERT]/;
// A syllable needs a vowel key after its consonant.
const VOWEL_KEY = /[yuiophjklbnmOP]/;

/** Hangul for a Latin word typed on the 2-set layout, or undefined when it is not whole syllables. */
function asHangul(word: string): string | undefined {
  // Cheap first: most English words fail here ("how" starts with ㅗ) without a conversion attempt.
  if (!CONSONANT_KEY.test(word) || !VOWEL_KEY.test(word)) return undefined;
  const key = word.toLowerCase();
  if (seen.has(key)) return seen.get(key);
  let result: string | undefined;
  try {
    const converted = convertQwertyToHangul(key);
    result = WHOLE_SYLLABLES.test(converted) ? converted : undefined;
  } catch {
    result = undefined; // es-hangul throws on some impossible key sequences
  }
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.set(key, result);
  return result;
}

// Words recur (what, china, rank): each is converted once. Bounded, and cleared when full.
const SEEN_LIMIT = 10_000;
const seen = new Map<string, string | undefined>();

// Acronyms typed as such (AI, GPU, LLM) stay Latin in Korean text: "wlvn AI" is 지푸 AI.
const ACRONYM = /^[A-Z]{2,5}$/;

export function looksLikeQwertyKorean(text: string): boolean {
  const words = text.slice(0, 400).match(LATIN_WORD) ?? [];
  const long = words.filter((w) => w.length >= 2 && !ACRONYM.test(w));
  if (long.length === 0) return false;
  let syllables = 0;
  for (const w of long) {
    const converted = asHangul(w);
    if (!converted) return false;
    syllables += converted.length;
  }
  return syllables >= 2;
}

/** Converts each Latin word that reads as Hangul; leaves digits and other text as they are. */
export function qwertyToHangul(text: string): string {
  return text.slice(0, 1000).replace(LATIN_WORD, (w) => (ACRONYM.test(w) ? w : (asHangul(w) ?? w)));
}
