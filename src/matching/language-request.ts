// "영어로", "say that in English pls", "한국어로 다시": the asker wants an answer in the other language,
// of the question in the same message, or of the last answer when the message asks nothing else.
import type { Locale } from '../types.ts';

const TO_ENGLISH = /영어로|영문으로|\bin english\b|\benglish (?:please|pls|plz)\b|\b(?:to|into) english\b/i;
// "in Korean won" is the currency, not the language.
const TO_KOREAN = /한국어로|한글로|우리말로|\b(?:in|to|into) korean\b(?!\s*(?:won|currency|money|terms))|\bkorean (?:please|pls|plz)\b/i;

// What is left of a bare request once the language is taken out: words of asking again, and politeness.
const REQUEST_FILLER =
  /영어로|영문으로|한국어로|한글로|우리말로|다시|한\s*번\s*더|말해\s*(?:줘|줄래|주세요|줄\s*수\s*있어)|알려\s*(?:줘|줄래|주세요)|해\s*(?:줘|줄래|주세요)|번역(?:해\s*(?:줘|줄래|주세요))?|부탁(?:해|해요|드려요)?|해\s*봐|답해\s*(?:줘|주세요)|좀|\b(?:in|into|to) (?:english|korean)\b|\b(?:english|korean)\b|\b(?:can|could|would) you\b|\b(?:say|tell|give|repeat|answer|translate|write|put|show)\b|\b(?:me|that|this|it|the|answer|again|once more|one more time|please|pls|plz|thanks|thx|version|same)\b|[?!.,~…ㅠㅜ^]+/gi;

export interface LanguageRequest {
  locale: Locale;
  /** Nothing else is asked: the last answer, again, in that language. */
  bare: boolean;
}

export function readLanguageRequest(text: string): LanguageRequest | undefined {
  const english = TO_ENGLISH.test(text);
  const korean = TO_KOREAN.test(text);
  if (english === korean) return undefined;
  return { locale: english ? 'en' : 'ko', bare: text.replace(REQUEST_FILLER, ' ').trim() === '' };
}
