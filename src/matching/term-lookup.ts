// Finds the vocabulary terms a piece of a question means, allowing typos. The trigram index proposes
// candidates; fuse.js (Bitap, location ignored) scores each against the pattern; a length-aware error
// budget decides: short words must match exactly, longer ones may carry one or two wrong letters.
import Fuse from 'fuse.js';
import { deletionsOf, SHORT_KEY, trigramsOf, type Term, type Vocabulary } from './vocabulary.ts';
import { MIN_SOUNDS_LIKE_LENGTH, soundsAlike, soundsLike } from './sounds-like.ts';
import { FUSE_THRESHOLD, FUZZY_SPAN_LIMIT, LOOKUP_CACHE_LIMIT, MAX_CANDIDATES, MAX_DISTANCE_CHECKS, SOUNDS_LIKE_SIMILARITY, STEM_SIMILARITY } from './tuning.ts';

export interface TermHit {
  term: Term;
  /** 1 for an exact match, lower for each letter of difference. */
  similarity: number;
}

const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true, // already lower case; jamo have no case
  threshold: FUSE_THRESHOLD,
  shouldSort: false,
} as const;

/**
 * Letters of difference a key of this length may have and still match. Jamo keys are long for what
 * they say (중국 is 6 jamo), so Latin words earn their first allowed typo at 5 letters.
 */
export function errorBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  if (length <= 12) return 2;
  return 3;
}

const HANGUL_JAMO = /[\u3131-\u318e]/;

/**
 * The terms one word (or span of words) means. Each key is one form of it; a form found exactly settles
 * the lookup (most words are spelled right, and that keeps the fuzzy search for the rest).
 */
export function lookupTerms(vocab: Vocabulary, keys: string[], singleWord: boolean, fuzzy = true): TermHit[] {
  // Words recur across questions ("데이터센터", "how many"): each lookup is worked out once per fact base.
  const cacheKey = `${singleWord ? 1 : 0}${fuzzy ? 1 : 0}${keys.join('\u0000')}`;
  const cached = vocab.lookups.get(cacheKey);
  if (cached) return cached;
  const hits = lookupUncached(vocab, keys, singleWord, fuzzy);
  if (vocab.lookups.size >= LOOKUP_CACHE_LIMIT) vocab.lookups.clear();
  vocab.lookups.set(cacheKey, hits);
  return hits;
}


function lookupUncached(vocab: Vocabulary, keys: string[], singleWord: boolean, fuzzy: boolean): TermHit[] {
  const hits: TermHit[] = [];
  for (const key of keys) {
    const exact = vocab.byKey.get(key);
    if (exact && !hits.some((h) => h.term === exact)) hits.push({ term: exact, similarity: 1 });
  }
  if (hits.length === 0 && fuzzy) {
    for (const key of keys) {
      if (!singleWord && key.length > FUZZY_SPAN_LIMIT) continue;
      for (const hit of fuzzyLookup(vocab, key)) if (!hits.some((h) => h.term === hit.term)) hits.push(hit);
    }
  }
  const word = keys[0] ?? '';
  if (hits.length === 0 && fuzzy && singleWord && /^[a-z]+$/.test(word) && word.length >= MIN_SOUNDS_LIKE_LENGTH) {
    // Many letters off but the same sound ("valuashun"): a name or attribute word, never certain.
    for (const term of vocab.bySound.get(soundsLike(word)) ?? []) if (soundsAlike(word, term.key)) hits.push({ term, similarity: SOUNDS_LIKE_SIMILARITY });
  }
  const foundAsWritten = hits.some((h) => h.similarity === 1);
  if (singleWord && !foundAsWritten && HANGUL_JAMO.test(word)) {
    // Every stem the word starts with; terms already found keep their similarity. Not for a word the
    // vocabulary knows as written: 기업가치 is a word of its own, not a conjugation of 기업.
    for (let k = word.length; k >= 4; k--) {
      for (const term of vocab.byStem.get(word.slice(0, k)) ?? []) {
        if (!hits.some((h) => h.term === term)) hits.push({ term, similarity: STEM_SIMILARITY });
      }
    }
  }
  return hits;
}

function fuzzyLookup(vocab: Vocabulary, pattern: string): TermHit[] {
  if (pattern.length < 4) return [];
  // candidateTerms keeps only terms a cheap banded edit distance puts within budget; fuse.js scores them.
  const candidates = candidateTerms(vocab, pattern);
  if (candidates.length === 0) return [];
  const fuse = new Fuse(
    candidates.map((t) => t.key),
    FUSE_OPTIONS,
  );
  const hits: TermHit[] = [];
  for (const result of fuse.search(pattern)) {
    const term = candidates[result.refIndex]!;
    // Fuse's score is errors per pattern letter; letters of a longer term left unmatched are errors too.
    const fuseErrors = Math.round((result.score ?? 0) * pattern.length);
    // Two neighbouring letters swapped (Germnay) is one slip of the fingers, not two wrong letters.
    const errors = isAdjacentSwap(pattern, term.key) ? 1 : fuseErrors + Math.max(0, term.key.length - pattern.length - fuseErrors);
    const longer = Math.max(term.key.length, pattern.length);
    if (errors > errorBudget(term.key.length)) continue;
    hits.push({ term, similarity: 1 - errors / longer });
  }
  return hits;
}

function candidateTerms(vocab: Vocabulary, pattern: string): Term[] {
  if (pattern.length <= SHORT_KEY) {
    const ids = new Set<number>();
    for (const d of deletionsOf(pattern)) for (const id of vocab.deletions.get(d) ?? []) ids.add(id);
    // Shared deletions include terms two letters off.
    return withinBudget(vocab, pattern, ids);
  }
  const grams = new Set(trigramsOf(pattern));
  // Shared trigrams per term, counted in a reused array (a Map per new word was a fifth of first-sight time).
  const counts = countsFor(vocab);
  const touched: number[] = [];
  for (const g of grams) {
    const postings = vocab.trigrams.get(g);
    if (!postings) continue;
    for (const id of postings) if (counts[id]!++ === 0) touched.push(id);
  }
  const budget = errorBudget(pattern.length + 1);
  const scored: Array<[number, number]> = [];
  for (const id of touched) {
    const hits = counts[id]!;
    counts[id] = 0;
    const length = vocab.terms[id]!.key.length;
    if (Math.abs(length - pattern.length) > budget + 1) continue;
    // A term within the error budget shares all but ~3 trigrams per wrong letter.
    const need = Math.min(grams.size, Math.max(1, length - 2)) - 3 * budget;
    if (hits >= Math.max(1, need)) scored.push([id, hits]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  // At 100,000 names many share as many trigrams as the one meant: the distance check picks among the
  // best-sharing ones before the cap, so the name one jamo off is not lost behind look-alikes.
  return withinBudget(vocab, pattern, scored.slice(0, MAX_DISTANCE_CHECKS).map(([id]) => id));
}

/** A zeroed counter per term of a vocabulary, kept between lookups (each lookup leaves it zeroed). */
function countsFor(vocab: Vocabulary): Uint32Array {
  let counts = trigramCounts.get(vocab);
  if (!counts || counts.length < vocab.terms.length) trigramCounts.set(vocab, (counts = new Uint32Array(vocab.terms.length)));
  return counts;
}
const trigramCounts = new WeakMap<Vocabulary, Uint32Array>();

/** The first MAX_CANDIDATES terms within their error budget (plus one, for fuse.js to judge) of the pattern. */
function withinBudget(vocab: Vocabulary, pattern: string, ids: Iterable<number>): Term[] {
  const out: Term[] = [];
  for (const id of ids) {
    const term = vocab.terms[id]!;
    if (withinDistance(pattern, term.key, errorBudget(term.key.length) + 1)) out.push(term);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/** Whether the edit distance between a and b is at most max (banded dynamic programme, stops early). */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    if (from > 1) current[from - 1] = max + 1;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j - 1]! + cost, (j - 1 >= from - 1 ? current[j - 1]! : max + 1) + 1, (j <= i - 1 + max ? previous[j]! : max + 1) + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = max + 1;
    if (rowMin > max) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length]! <= max;
}

/** Whether b is a with exactly one pair of neighbouring letters swapped. */
export function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
