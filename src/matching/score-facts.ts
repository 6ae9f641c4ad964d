// Scores facts against a read question. A fact's score is the share of the question's content words
// that its terms explain (entity names, keywords, example-question words, numbers), so a question
// with words the article never uses ("lunch", "Gemini") scores low and the bot abstains.
import type { KnownFact } from '../facts/knowledge.ts';
import type { ReadQuestion } from './read-question.ts';
import { lookupTerms, type TermHit } from './term-lookup.ts';
import type { Term, Vocabulary } from './vocabulary.ts';
import { CHOSEONG_SIMILARITY, ENTITY_SIMILARITY, ENTITY_WORD_WEIGHT, KEEP_RANKED as KEEP, MIN_WORD_WEIGHT, NAME_WORD_SIMILARITY, NUMBER_WEIGHT, STOPWORD_BONUS, UNASKED_ENTITY_COST, UNKNOWN_WORD_WEIGHT } from './tuning.ts';

export interface FactScore {
  index: number;
  score: number;
}

export interface ScoredQuestion {
  /** Facts by score, best first (only facts compatible with the entities asked about). */
  ranked: FactScore[];
  /** Entities the question names (with high similarity). */
  entities: Set<string>;
  /** Named entities that no fact covers (e.g. Japan, Microsoft). */
  uncovered: Set<string>;
  /** Facts about what was asked that do not answer it ("딥시크 창업자": DeepSeek's other facts): suggestions. */
  related: FactScore[];
  /** Sum of content-word weights: 0 means nothing to match on. */
  contentWeight: number;
}

export function scoreFacts(vocab: Vocabulary, facts: KnownFact[], q: ReadQuestion): ScoredQuestion {
  const n = q.words.length;
  // How telling each word is: a word found in few facts (9위, 매출) says more than one found in many (AI).
  // One unknown syllable (장, 안) is usually a counter or particle the stop lists miss.
  const telling = Float32Array.from(q.words, (w) => (w.raw.length === 1 && /[가-힣]/.test(w.raw) ? UNKNOWN_WORD_WEIGHT / 2 : UNKNOWN_WORD_WEIGHT));
  const matched = new Uint8Array(n);
  // Words that name an entity: a fact must explain something else the question asks, if it asks anything.
  const namesEntity = new Uint8Array(n);
  const entities = new Set<string>();
  const maxIdf = Math.log(1 + facts.length);
  const accepted: Array<{ term: Term; similarity: number; from: number; to: number }> = [];

  const foundExactly = new Uint8Array(n);
  for (const p of q.patterns) {
    const single = p.from === p.to;
    // Fuzzy search only where it can help: not for stop words (they only add a bonus), not for
    // three-word spans, and for two-word spans only when a word in them was not found as written.
    const fuzzy = single ? !q.words[p.from]!.stop : p.to - p.from === 1 && !(foundExactly[p.from] && foundExactly[p.to]);
    const hits: TermHit[] =
      p.mode === 'choseong'
        ? (vocab.byChoseong.get(p.keys[0]!) ?? []).map((term) => ({ term, similarity: CHOSEONG_SIMILARITY }))
        : lookupTerms(vocab, p.keys, single, fuzzy);
    if (single && hits.some((h) => h.similarity === 1)) foundExactly[p.from] = 1;
    for (const { term, similarity } of hits) {
      // "네이처 인덱스 9" is 네이처 인덱스 with one letter too many: a span is no better match than the
      // words inside it already gave, and must not claim the extra word.
      if (accepted.some((a) => a.term === term && a.from >= p.from && a.to <= p.to && a.similarity >= similarity)) continue;
      accepted.push({ term, similarity, from: p.from, to: p.to });
      if (similarity >= ENTITY_SIMILARITY) {
        // An entity named by a stop word alone ("us") is too weak a signal to exclude facts on.
        const onlyStop = p.from === p.to && q.words[p.from]!.stop;
        if (!onlyStop) for (const e of term.entities) entities.add(e);
      }
      if (term.entities.length > 0 && similarity >= NAME_WORD_SIMILARITY) for (let i = p.from; i <= p.to; i++) namesEntity[i] = 1;
      if (term.facts.length === 0) continue;
      const idf = Math.max(MIN_WORD_WEIGHT, Math.log(1 + facts.length / term.facts.length) / maxIdf);
      for (let i = p.from; i <= p.to; i++) {
        telling[i] = matched[i] ? Math.max(telling[i]!, idf) : idf;
        matched[i] = 1;
      }
    }
  }

  // A number in a question (9위, 2019) is as specific as words get, however many facts share it.
  // So is a name: "China" is in many facts of this article, but among data-centre facts it is the point.
  const weights = q.words.map((w, i) =>
    w.stop ? 0 : w.numeric ? Math.max(NUMBER_WEIGHT, telling[i]!) : namesEntity[i] ? Math.max(ENTITY_WORD_WEIGHT, telling[i]!) : telling[i]!,
  );
  const asksBeyondEntities = q.words.some((w, i) => !w.stop && !w.numeric && !namesEntity[i]);
  const contentWeight = weights.reduce((a, b) => a + b, 0);
  const uncovered = new Set([...entities].filter((e) => !vocab.coveredEntities.has(e)));
  if (contentWeight === 0) return { ranked: [], related: [], entities, uncovered, contentWeight };

  // Word by word, each fact's best match for that word, added up with the word's weight. Scratch arrays
  // indexed by fact keep this proportional to the postings touched, not to the size of the fact base.
  const { wordBest, explained, explainedWords, touched, touchedWord } = scratchFor(vocab, facts.length);
  for (let i = 0; i < n; i++) {
    for (const a of accepted) {
      if (a.from > i || a.to < i) continue;
      const { facts: postings, weights: kindWeights } = a.term;
      for (let k = 0; k < postings.length; k++) {
        const fact = postings[k]!;
        const strength = a.similarity * kindWeights[k]!;
        if (wordBest[fact] === 0) touchedWord.push(fact);
        if (wordBest[fact]! < strength) wordBest[fact] = strength;
      }
    }
    const counts = !q.words[i]!.numeric && !(asksBeyondEntities && namesEntity[i]);
    for (const fact of touchedWord) {
      if (explained[fact] === 0 && explainedWords[fact] === 0) touched.push(fact);
      explained[fact] = explained[fact]! + (weights[i]! > 0 ? (weights[i]! * wordBest[fact]!) / contentWeight : STOPWORD_BONUS);
      if (weights[i]! > 0 && counts) explainedWords[fact] = explainedWords[fact]! + 1;
      wordBest[fact] = 0;
    }
    touchedWord.length = 0;
  }

  const ranked: FactScore[] = [];
  const related: FactScore[] = [];
  const askedKinds = kindsOf(entities, vocab);
  for (const index of touched) {
    const fact = facts[index]!;
    const score = explained[index]!;
    const words = explainedWords[index]!;
    explained[index] = 0;
    explainedWords[index] = 0;
    // Cheap test first: a fact that could not enter either list needs no entity check (most of a large base).
    if (!couldKeep(ranked, index, score) && !couldKeep(related, index, score)) continue;
    if (!compatible(fact, askedKinds, vocab)) continue;
    // Numbers alone ("2 더하기 2") are no question about the article, and a fact that only shares the
    // entity ("문샷 AI 매출": the article gives Moonshot's valuation, not its revenue) is no answer,
    // unless it is about two of the entities asked for together (Kimi k1.5 and Claude 3.5 Sonnet).
    let asked = 0;
    for (const e of fact.entities) if (entities.has(e)) asked++;
    const unasked = fact.entities.length - asked;
    keepBest(words === 0 && asked < 2 ? related : ranked, { index, score: score - unasked * UNASKED_ENTITY_COST });
  }
  touched.length = 0;
  return { ranked, related, entities, uncovered, contentWeight };
}


/** Whether a fact with this score (before the small unasked-entity cost) could still enter the list. */
function couldKeep(list: FactScore[], index: number, score: number): boolean {
  if (list.length < KEEP) return true;
  const last = list[KEEP - 1]!;
  return score > last.score || (score === last.score && index < last.index);
}

/** Inserts into a list kept sorted (best first, then earlier fact) and at most KEEP long. */
function keepBest(list: FactScore[], item: FactScore): void {
  const better = (a: FactScore, b: FactScore) => a.score > b.score || (a.score === b.score && a.index < b.index);
  if (list.length === KEEP && !better(item, list[KEEP - 1]!)) return;
  let at = list.length;
  while (at > 0 && better(item, list[at - 1]!)) at--;
  list.splice(at, 0, item);
  if (list.length > KEEP) list.pop();
}

interface Scratch {
  wordBest: Float32Array;
  explained: Float64Array;
  explainedWords: Uint16Array;
  touched: number[];
  touchedWord: number[];
}
const scratches = new WeakMap<Vocabulary, Scratch>();

/** Per-vocabulary work arrays, zero between calls (scoring is synchronous, so one set is enough). */
function scratchFor(vocab: Vocabulary, size: number): Scratch {
  let s = scratches.get(vocab);
  if (!s) {
    s = { wordBest: new Float32Array(size), explained: new Float64Array(size), explainedWords: new Uint16Array(size), touched: [], touchedWord: [] };
    scratches.set(vocab, s);
  }
  return s;
}

/** The entities asked about, grouped by kind (country, company, ...). */
function kindsOf(asked: Set<string>, vocab: Vocabulary): Map<string, Set<string>> {
  const byKind = new Map<string, Set<string>>();
  for (const e of asked) {
    const kind = vocab.entityKind.get(e)!;
    const ids = byKind.get(kind);
    if (ids) ids.add(e);
    else byKind.set(kind, new Set([e]));
  }
  return byKind;
}

/**
 * A fact about a particular country (company, university, ...) is no answer to a question about
 * another one of the same kind: "Japan's data centres" must not get China's figure.
 */
function compatible(fact: KnownFact, askedByKind: Map<string, Set<string>>, vocab: Vocabulary): boolean {
  if (askedByKind.size === 0) return true;
  for (const [kind, ids] of askedByKind) {
    let hasKind = false;
    let hasAsked = false;
    for (const e of fact.entities) {
      if (ids.has(e)) hasAsked = true;
      else if (vocab.entityKind.get(e) === kind) hasKind = true;
    }
    if (hasKind && !hasAsked) return false;
  }
  return true;
}
