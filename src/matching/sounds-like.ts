// How an English word sounds, roughly: "valuashun" and "valuation", "anounced" and "announced" share a key.
// A misspelling that is many letters off but sounds right ("valuashun" is three letters from "valuation")
// is found by this key when the letter-by-letter search finds nothing.

import { MIN_SOUNDS_LIKE_LENGTH } from './tuning.ts';
export { MIN_SOUNDS_LIKE_LENGTH };

/** Whether a typed word and a term plausibly are one word misspelt: same start, about the same length, same sound. */
export function soundsAlike(typed: string, term: string): boolean {
  return typed.slice(0, 2) === term.slice(0, 2) && Math.abs(typed.length - term.length) <= 2 && soundsLike(typed) === soundsLike(term);
}

/** The sound key: endings that sound alike merged, doubled letters single, vowels after the first letter dropped. */
export function soundsLike(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/(?:tion|sion|shun|shon|cion|tian|shan)/g, 'X')
    .replace(/ph/g, 'f')
    .replace(/ck|q/g, 'k')
    .replace(/ce|ci|cy/g, 's')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
  return w.charAt(0) + w.slice(1).replace(/[aeiouyw]/g, '');
}
