// Reads a question into what the matcher looks up: words, spans of adjacent words (for spacing
// variants: "데이터 센터" is "데이터센터"), initial-consonant queries (ㄷㅅㅋ) and, when the text is
// Korean typed on an English keyboard (wndrnr), the same question converted back to Hangul.
import { toWords, type Word } from './question-words.ts';
import { isChoseongQuery, toJamo } from './text.ts';

export interface Pattern {
  /** Jamo key to look up. */
  key: string;
  /** Word indexes it covers. */
  from: number;
  to: number;
  /** 'choseong' keys are looked up in the initial-consonant index. */
  mode: 'text' | 'choseong';
}

export interface ReadQuestion {
  words: Word[];
  patterns: Pattern[];
}

const MAX_WORDS = 40;
const MAX_SPAN = 3;

export function readQuestion(text: string): ReadQuestion {
  const words = toWords(text).slice(0, MAX_WORDS);
  const patterns: Pattern[] = [];
  words.forEach((w, i) => {
    if (isChoseongQuery(w.raw)) {
      patterns.push({ key: w.raw, from: i, to: i, mode: 'choseong' });
      return;
    }
    for (const v of w.forms) patterns.push({ key: toJamo(v), from: i, to: i, mode: 'text' });
  });
  for (let span = 2; span <= MAX_SPAN; span++) {
    for (let i = 0; i + span <= words.length; i++) {
      const group = words.slice(i, i + span);
      if (group.some((w) => isChoseongQuery(w.raw))) continue;
      const inner = group.slice(0, -1).map((w) => w.raw).join('');
      const last = group[group.length - 1]!;
      for (const tail of last.forms) {
        patterns.push({ key: toJamo(inner + tail), from: i, to: i + span - 1, mode: 'text' });
      }
      // Also the heads of every word, for "중국의 데이터 센터를" style spans.
      const heads = group.map((w) => w.stem).join('');
      if (heads !== inner + last.stem) patterns.push({ key: toJamo(heads), from: i, to: i + span - 1, mode: 'text' });
    }
  }
  return { words, patterns };
}
