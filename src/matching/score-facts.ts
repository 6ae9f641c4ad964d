// Scores facts against a read question. A fact's score is the share of the question's content words
// that its terms explain (entity names, keywords, example-question words, numbers), so a question
// with words the article never uses ("lunch", "Gemini") scores low and the bot abstains.
import type { KnownFact } from '../facts/knowledge.ts';
import type { ReadQuestion } from './read-question.ts';
import { lookupTerms, type TermHit } from './term-lookup.ts';
import type { Term, Vocabulary } from './vocabulary.ts';

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
  /** Sum of content-word weights: 0 means nothing to match on. */
  contentWeight: number;
}

const STOPWORD_BONUS = 0.03;
/** Weight of a word that matches nothing: it may be filler the stop lists miss, or the very thing asked. */
const UNKNOWN_WORD_WEIGHT = 0.8;
const MIN_WORD_WEIGHT = 0.3;
const NUMBER_WEIGHT = 1;
/** ㄷㅅㅋ names 딥시크 but also anything else with those consonants: never certain enough to decide alone. */
const CHOSEONG_SIMILARITY = 0.85;
/** Below this, a name match is a guess (일반 vs 일본): it may help a fact's score but decides nothing. */
const ENTITY_SIMILARITY = 0.9;
/** Prefer the general fact when a question names no entity: each unasked-for entity costs a little. */
const UNASKED_ENTITY_COST = 0.004;

export function scoreFacts(vocab: Vocabulary, facts: KnownFact[], q: ReadQuestion): ScoredQuestion {
  // best[fact][word] = best match strength of that word for that fact
  const best = new Map<number, Float32Array>();
  // How telling each word is: a word found in few facts (9위, 매출) says more than one found in many (AI).
  const telling = new Float32Array(q.words.length).fill(UNKNOWN_WORD_WEIGHT);
  const matched = new Uint8Array(q.words.length);
  // Words that name an entity: a fact must explain something else the question asks, if it asks anything.
  const namesEntity = new Uint8Array(q.words.length);
  const entities = new Set<string>();
  const maxIdf = Math.log(1 + facts.length);
  const spans = new Map<Term, Array<[number, number, number]>>();

  for (const p of q.patterns) {
    const hits: TermHit[] =
      p.mode === 'choseong'
        ? (vocab.byChoseong.get(p.key) ?? []).map((term) => ({ term, similarity: CHOSEONG_SIMILARITY }))
        : lookupTerms(vocab, p.key, p.from === p.to);
    for (const { term, similarity } of hits) {
      // "네이처 인덱스 9" is 네이처 인덱스 with one letter too many: a span is no better match than the
      // words inside it already gave, and must not claim the extra word.
      const before = spans.get(term);
      if (before?.some(([from, to, sim]) => from >= p.from && to <= p.to && sim >= similarity)) continue;
      spans.set(term, [...(before ?? []), [p.from, p.to, similarity]]);
      if (similarity >= ENTITY_SIMILARITY) {
        // An entity named by a stop word alone ("us") is too weak a signal to exclude facts on.
        const onlyStop = p.from === p.to && q.words[p.from]!.stop;
        if (!onlyStop) for (const e of term.entities) entities.add(e);
      }
      if (term.entities.size > 0 && similarity >= 0.8) for (let i = p.from; i <= p.to; i++) namesEntity[i] = 1;
      if (term.postings.size === 0) continue;
      const idf = Math.max(MIN_WORD_WEIGHT, Math.log(1 + facts.length / term.postings.size) / maxIdf);
      for (let i = p.from; i <= p.to; i++) {
        telling[i] = matched[i] ? Math.max(telling[i]!, idf) : idf;
        matched[i] = 1;
      }
      for (const [fact, kindWeight] of term.postings) {
        let row = best.get(fact);
        if (!row) best.set(fact, (row = new Float32Array(q.words.length)));
        const strength = similarity * kindWeight;
        for (let i = p.from; i <= p.to; i++) if (row[i]! < strength) row[i] = strength;
      }
    }
  }

  // A number in a question (9위, 2019) is as specific as words get, however many facts share it.
  const weights = q.words.map((w, i) => (w.stop ? 0 : w.numeric ? Math.max(NUMBER_WEIGHT, telling[i]!) : telling[i]!));
  const asksBeyondEntities = q.words.some((w, i) => !w.stop && !w.numeric && !namesEntity[i]);
  const contentWeight = weights.reduce((a, b) => a + b, 0);
  const uncovered = new Set([...entities].filter((e) => !vocab.coveredEntities.has(e)));
  const ranked: FactScore[] = [];
  for (const [index, row] of best) {
    const fact = facts[index]!;
    if (contentWeight === 0 || !compatible(fact, entities, vocab)) continue;
    let explained = 0;
    let explainedWords = 0;
    let bonus = 0;
    row.forEach((strength, i) => {
      if (weights[i]! > 0) {
        explained += weights[i]! * strength;
        if (strength > 0 && !q.words[i]!.numeric && !(asksBeyondEntities && namesEntity[i])) explainedWords++;
      } else if (strength > 0) bonus += STOPWORD_BONUS;
    });
    // Numbers alone ("2 더하기 2") are no question about the article, and a fact that only shares the
    // entity ("문샷 AI 매출": the article gives Moonshot's valuation, not its revenue) is no answer,
    // unless it is about two of the entities asked for together (Kimi k1.5 and Claude 3.5 Sonnet).
    const asked = fact.entities.filter((e) => entities.has(e)).length;
    if (explainedWords === 0 && asked < 2) continue;
    const unasked = fact.entities.length - asked;
    ranked.push({ index, score: explained / contentWeight + bonus - unasked * UNASKED_ENTITY_COST });
  }
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return { ranked, entities, uncovered, contentWeight };
}

/**
 * A fact about a particular country (company, university, ...) is no answer to a question about
 * another one of the same kind: "Japan's data centres" must not get China's figure.
 */
function compatible(fact: KnownFact, asked: Set<string>, vocab: Vocabulary): boolean {
  if (asked.size === 0) return true;
  const askedByKind = new Map<string, string[]>();
  for (const e of asked) {
    const kind = vocab.entityKind.get(e)!;
    askedByKind.set(kind, [...(askedByKind.get(kind) ?? []), e]);
  }
  for (const [kind, ids] of askedByKind) {
    const factHasKind = fact.entities.some((e) => vocab.entityKind.get(e) === kind);
    if (factHasKind && !ids.some((e) => fact.entities.includes(e))) return false;
  }
  return true;
}
