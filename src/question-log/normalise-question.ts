// The form refused questions are grouped by in the report, so that "일본 데이터센터는 몇 개야?" and
// "일본 데이터센터 몇개?" count as one question asked twice. It reads words the way the matcher does
// (cleaned, Korean particle or ending removed, English plural off) and drops the words that shape a
// question without saying what it is about (몇, 알려줘, how many, please), keeping the order.
import { cleanText } from '../matching/text.ts';
import { toWords } from '../matching/question-words.ts';

/** Long enough for any real question's key; bounds what one odd question can put in an index. */
const MAX_KEY_CHARS = 200;

export function normaliseQuestion(text: string): string {
  const words = toWords(text);
  // forms[1] is the word with one tail off (Korean) or its English stem; forms[0] when it had none.
  const heads = (list: typeof words) => list.map((w) => w.forms[1] ?? w.forms[0]!);
  const content = heads(words.filter((w) => !w.stop));
  const key = (content.length > 0 ? content : heads(words)).join(' ');
  // Emoji-only or punctuation-only questions have no words: group them by their cleaned text.
  return (key || cleanText(text) || text.trim()).slice(0, MAX_KEY_CHARS);
}
