// Reads a question into what the matcher looks up: words, spans of adjacent words (for spacing
// variants: "데이터 센터" is "데이터센터"), initial-consonant queries (ㄷㅅㅋ) and, when the text is
// Korean typed on an English keyboard (wndrnr), the same question converted back to Hangul.
import { toWords, type Word } from './question-words.ts';
import { hasHangul, isChoseongQuery, toJamo } from './text.ts';

export interface Pattern {
  /** Jamo keys to look up, one per form (as written, tails removed); an exact hit on any one settles it. */
  keys: string[];
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

import { MAX_SPAN, MAX_SPELLED_OUT, MAX_WORDS } from './tuning.ts';

/** Whether a jamo key is in the vocabulary (for splitting words typed without spaces). */
export type IsKnown = (key: string) => boolean;

export function readQuestion(text: string, isKnown?: IsKnown): ReadQuestion {
  const words = (isKnown ? splitRunTogether(toWords(text), isKnown) : toWords(text)).slice(0, MAX_WORDS);
  const patterns: Pattern[] = [];
  words.forEach((w, i) => {
    if (isChoseongQuery(w.raw)) {
      patterns.push({ keys: [w.raw], from: i, to: i, mode: 'choseong' });
      return;
    }
    patterns.push({ keys: w.forms.map(toJamo), from: i, to: i, mode: 'text' });
  });
  for (let span = 2; span <= MAX_SPELLED_OUT; span++) {
    for (let i = 0; i + span <= words.length; i++) {
      const group = words.slice(i, i + span);
      // Longer runs only of single syllables typed apart ("카 이 스 트", "엑 사 원").
      if (span > MAX_SPAN && !group.every((w) => /^[가-힣]$/.test(w.raw))) continue;
      if (group.some((w) => isChoseongQuery(w.raw))) continue;
      const inner = group.slice(0, -1).map((w) => w.raw).join('');
      const last = group[group.length - 1]!;
      // Also the heads of every word, for "중국의 데이터 센터를" style spans.
      const keys = new Set([...last.forms.map((tail) => inner + tail), group.map((w) => w.stem).join('')]);
      patterns.push({ keys: [...keys].map(toJamo), from: i, to: i + span - 1, mode: 'text' });
    }
  }
  return { words, patterns };
}

const MIN_RUN = 4;
const LONGEST_PIECE = 10;

/**
 * "중국데이터센터몇개야" typed without spaces is one word the vocabulary does not know. Split such a word
 * into the longest known pieces, left to right, when they cover most of it.
 */
function splitRunTogether(words: Word[], isKnown: IsKnown): Word[] {
  return words.flatMap((w) => {
    if (w.raw.length < MIN_RUN || !hasHangul(w.raw) || w.forms.some((f) => isKnown(toJamo(f)))) return [w];
    const pieces: string[] = [];
    let covered = 0;
    let pending = '';
    for (let i = 0; i < w.raw.length; ) {
      let j = Math.min(w.raw.length, i + LONGEST_PIECE);
      while (j >= i + 2 && !isKnown(toJamo(w.raw.slice(i, j)))) j--;
      if (j >= i + 2) {
        if (pending) pieces.push(pending);
        pending = '';
        pieces.push(w.raw.slice(i, j));
        covered += j - i;
        i = j;
      } else {
        pending += w.raw[i];
        i++;
      }
    }
    if (pending) pieces.push(pending);
    return covered / w.raw.length >= 0.6 ? toWords(pieces.join(' ')) : [w];
  });
}
