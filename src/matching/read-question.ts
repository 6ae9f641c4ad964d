// Reads a question into what the matcher looks up: words, spans of adjacent words (for spacing
// variants: "데이터 센터" is "데이터센터"), initial-consonant queries (ㄷㅅㅋ) and, when the text is
// Korean typed on an English keyboard (wndrnr), the same question converted back to Hangul.
import { toWords, type Word } from './question-words.ts';
import { hasHangul, isChoseongQuery, toJamo } from './text.ts';
import { isParticle } from './korean-endings.ts';

export interface Pattern {
  /** Jamo keys to look up, one per form (as written, tails removed); an exact hit on any one settles it. */
  keys: string[];
  /** Word indexes it covers. */
  from: number;
  to: number;
  /** 'choseong' keys are looked up in the initial-consonant index. */
  mode: 'text' | 'choseong';
  /** Syllables typed apart joined into one word ("카 이 스 트", "데 이 타 쎈터"): read as one word, typos and all. */
  spelled?: boolean;
}

export interface ReadQuestion {
  words: Word[];
  patterns: Pattern[];
}

import { LONGEST_PIECE, MAX_SPAN, MAX_SPELLED_OUT, MAX_WORDS, MIN_RUN, SPLIT_COVERAGE } from './tuning.ts';

/** Whether a jamo key is in the vocabulary (for splitting words typed without spaces). */
export type IsKnown = (key: string) => boolean;

export function readQuestion(text: string, isKnown?: IsKnown, cleaned = false): ReadQuestion {
  const read = toWords(text, cleaned);
  const words = (isKnown ? splitRunTogether(read, isKnown) : read).slice(0, MAX_WORDS);
  const n = words.length;
  const patterns: Pattern[] = [];
  const choseong = words.map((w) => isChoseongQuery(w.raw));
  const syllable = words.map((w) => w.raw.length === 1 && hasHangul(w.raw));
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    patterns.push(choseong[i] ? { keys: [w.raw], from: i, to: i, mode: 'choseong' } : { keys: w.forms.map(toJamo), from: i, to: i, mode: 'text' });
  }
  for (let i = 0; i < n; i++) {
    if (choseong[i]) continue;
    let inner = '';
    let stems = '';
    // Whether every word before the span's last one is a single syllable (letters typed apart).
    let apart = true;
    for (let j = i + 1; j < n && j - i < MAX_SPELLED_OUT; j++) {
      if (choseong[j]) break;
      const before = words[j - 1]!;
      inner += before.raw;
      stems += before.stem;
      apart &&= syllable[j - 1]!;
      // Beyond three words, only syllables typed apart ("카 이 스 트", "데 이 타 쎈터").
      if (j - i + 1 > MAX_SPAN && !apart) break;
      const last = words[j]!;
      // As written, and with every word's head, for "중국의 데이터 센터를" style spans.
      const keys = new Set([...last.forms.map((tail) => inner + tail), stems + last.stem]);
      // All the pieces of one word typed without spaces are that word: as tolerant of a typo as any word
      // ("오사기타" split into 오사 + 기타 is still 오서기타 misspelt).
      const wholeWord = words[i]!.piece !== undefined && words[i]!.piece === last.piece && words[i - 1]?.piece !== last.piece && words[j + 1]?.piece !== last.piece;
      patterns.push({ keys: [...keys].map(toJamo), from: i, to: j, mode: 'text', ...(apart || wholeWord ? { spelled: true } : {}) });
    }
  }
  return { words, patterns };
}


/**
 * "중국데이터센터몇개야" typed without spaces is one word the vocabulary does not know. Split such a word
 * into the longest known pieces, left to right, when they cover most of it.
 */
function splitRunTogether(words: Word[], isKnown: IsKnown): Word[] {
  return words.flatMap((w, index) => {
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
    // One known piece and one stray syllable that is no particle ("노두기포" = 노두기 + 포) is more likely a
    // longer name misspelt: left whole, for the typo-tolerant lookup.
    const stray = pieces.length === 2 && pieces.filter((p) => p.length === 1 && !isParticle(p)).length === 1;
    return covered / w.raw.length >= SPLIT_COVERAGE && !stray ? toWords(pieces.join(' ')).map((p) => ({ ...p, piece: index })) : [w];
  });
}
