// Finds the vocabulary terms a piece of a question means, allowing typos. The trigram index proposes
// candidates; fuse.js (Bitap, location ignored) scores each against the pattern; a length-aware error
// budget decides: short words must match exactly, longer ones may carry one or two wrong letters.
import Fuse from 'fuse.js';
import { deletionsOf, SHORT_KEY, trigramsOf, type Term, type Vocabulary } from './vocabulary.ts';

export interface TermHit {
  term: Term;
  /** 1 for an exact match, lower for each letter of difference. */
  similarity: number;
}

const MAX_CANDIDATES = 40;
const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true, // already lower case; jamo have no case
  threshold: 0.45,
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

/** A conjugated Korean word matched through its stem (만들어졌 -> 만든) is close, not certain. */
const STEM_SIMILARITY = 0.85;
const HANGUL_JAMO = /[\u3131-\u318e]/;

export function lookupTerms(vocab: Vocabulary, pattern: string, withStems = false): TermHit[] {
  const hits = lookupWhole(vocab, pattern);
  if (withStems && HANGUL_JAMO.test(pattern)) {
    // Every stem the word starts with; terms already found whole keep their similarity.
    for (let k = pattern.length; k >= 4; k--) {
      for (const term of vocab.byStem.get(pattern.slice(0, k)) ?? []) {
        if (!hits.some((h) => h.term === term)) hits.push({ term, similarity: STEM_SIMILARITY });
      }
    }
  }
  return hits;
}

function lookupWhole(vocab: Vocabulary, pattern: string): TermHit[] {
  const exact = vocab.byKey.get(pattern);
  if (pattern.length < 4) return exact ? [{ term: exact, similarity: 1 }] : [];

  const candidates = candidateTerms(vocab, pattern);
  if (candidates.length === 0) return exact ? [{ term: exact, similarity: 1 }] : [];
  const fuse = new Fuse(
    candidates.map((t) => t.key),
    FUSE_OPTIONS,
  );
  const hits: TermHit[] = [];
  for (const result of fuse.search(pattern)) {
    const term = candidates[result.refIndex]!;
    // Fuse's score is errors per pattern letter; letters of a longer term left unmatched are errors too.
    const fuseErrors = Math.round((result.score ?? 0) * pattern.length);
    const errors = fuseErrors + Math.max(0, term.key.length - pattern.length - fuseErrors);
    const longer = Math.max(term.key.length, pattern.length);
    if (errors > errorBudget(term.key.length)) continue;
    hits.push({ term, similarity: 1 - errors / longer });
  }
  if (exact && !hits.some((h) => h.term === exact)) hits.push({ term: exact, similarity: 1 });
  return hits;
}

function candidateTerms(vocab: Vocabulary, pattern: string): Term[] {
  if (pattern.length <= SHORT_KEY) {
    const ids = new Set<number>();
    for (const d of deletionsOf(pattern)) for (const id of vocab.deletions.get(d) ?? []) ids.add(id);
    return [...ids].slice(0, MAX_CANDIDATES).map((id) => vocab.terms[id]!);
  }
  const grams = new Set(trigramsOf(pattern));
  const counts = new Map<number, number>();
  for (const g of grams) {
    for (const id of vocab.trigrams.get(g) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const budget = errorBudget(pattern.length + 1);
  const scored: Array<[number, number]> = [];
  for (const [id, hits] of counts) {
    const term = vocab.terms[id]!;
    // A term within the error budget shares all but ~3 trigrams per wrong letter.
    const need = Math.min(grams.size, Math.max(1, term.key.length - 2)) - 3 * budget;
    if (hits >= Math.max(1, need) && Math.abs(term.key.length - pattern.length) <= budget + 1) scored.push([id, hits]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  return scored.slice(0, MAX_CANDIDATES).map(([id]) => vocab.terms[id]!);
}
