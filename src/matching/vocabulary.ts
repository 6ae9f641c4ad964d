// The vocabulary the matcher looks question words up in: every entity name, fact keyword, word of an
// example question and number in an answer, each pointing at the facts it speaks for. Keys are jamo
// strings, so a typo costs one letter. A trigram index picks the few keys worth comparing with
// fuse.js, which keeps a lookup nearly flat as the fact base grows.
import type { Attribute, Entity } from '../facts/schema.ts';
import type { KnownFact } from '../facts/knowledge.ts';
import { termKey, toWords } from './question-words.ts';
import { hasHangul, toChoseong, toJamo } from './text.ts';
import { MIN_SOUNDS_LIKE_LENGTH, soundsLike } from './sounds-like.ts';
import { SHORT_KEY } from './tuning.ts';

/** How much a match on each kind of term says about a fact. */
export const KIND_WEIGHT = { entity: 1, keyword: 1, number: 1, qword: 0.8, aword: 0.6 } as const;
export type TermKind = keyof typeof KIND_WEIGHT;

export interface Term {
  /** Jamo key (Latin letters and digits unchanged). */
  key: string;
  /** The text the key came from (first seen), for debugging and autocomplete. */
  text: string;
  /** The facts this term speaks for (indexes), and for each the weight of the best kind it has there. */
  facts: Int32Array;
  weights: Float32Array;
  /** Entities this term names (usually none or one). */
  entities: readonly string[];
  /** Attributes (facts/attributes.yaml) this term asks about: 창업자 -> founder. */
  attributes: readonly string[];
}

/** A term while the vocabulary is built; frozen into compact typed arrays afterwards. */
interface TermDraft {
  key: string;
  text: string;
  postings: Map<number, number>;
  entities: Set<string>;
  attributes: Set<string>;
}

const NO_ENTITIES: readonly string[] = Object.freeze([]);

export interface Vocabulary {
  terms: Term[];
  byKey: Map<string, Term>;
  byChoseong: Map<string, Term[]>;
  /**
   * Korean keywords by their jamo minus the last letter, so a conjugated word finds its verb or noun:
   * 만든 is keyed ㅁㅏㄴㄷㅡ, which 만들어졌어 starts with.
   */
  byStem: Map<string, Term[]>;
  trigrams: Map<string, number[]>;
  /** Short keys by their one-letter deletions (SymSpell): finds one-typo matches that share no trigram. */
  deletions: Map<string, number[]>;
  /** Latin one-word terms by how they sound (sounds-like.ts): "valuashun" finds valuation. */
  bySound: Map<string, Term[]>;
  entityKind: Map<string, Entity['kind']>;
  /** Entities that at least one fact is about. */
  coveredEntities: Set<string>;
  /** Recent lookups (see term-lookup.ts): a vocabulary never changes, so its lookups can be kept. */
  lookups: Map<string, import('./term-lookup.ts').TermHit[]>;
}

export { SHORT_KEY };

/** The key itself and the key with each one letter removed. */
export function deletionsOf(key: string): string[] {
  const out = new Set([key]);
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

export function trigramsOf(key: string): string[] {
  if (key.length < 3) return [key];
  const out: string[] = [];
  for (let i = 0; i + 3 <= key.length; i++) out.push(key.slice(i, i + 3));
  return out;
}

export function buildVocabulary(facts: KnownFact[], entities: Entity[], attributes: readonly Attribute[] = []): Vocabulary {
  const drafts = new Map<string, TermDraft>();
  // The same words recur across facts (every synthetic fact has 기업가치): each text is keyed once.
  const keys = new Map<string, { base: string; key: string } | null>();
  const keyOf = (text: string) => {
    let k = keys.get(text);
    if (k === undefined) {
      const base = termKey(text);
      k = base ? { base, key: toJamo(base) } : null;
      keys.set(text, k);
    }
    return k;
  };
  const add = (text: string, factIndex: number | undefined, kind: TermKind, entity?: string, attribute?: string) => {
    const k = keyOf(text);
    if (!k) return;
    const { base, key } = k;
    let term = drafts.get(key);
    if (!term) {
      term = { key, text: base, postings: new Map(), entities: new Set(), attributes: new Set() };
      drafts.set(key, term);
    }
    if (entity) term.entities.add(entity);
    if (attribute) term.attributes.add(attribute);
    if (factIndex !== undefined) {
      const weight = KIND_WEIGHT[kind];
      if ((term.postings.get(factIndex) ?? 0) < weight) term.postings.set(factIndex, weight);
    }
  };

  const factsByEntity = new Map<string, number[]>();
  facts.forEach((fact, i) => {
    for (const e of fact.entities) {
      const list = factsByEntity.get(e);
      if (list) list.push(i);
      else factsByEntity.set(e, [i]);
    }
    for (const k of [...fact.keywords.ko, ...fact.keywords.en]) add(k, i, 'keyword');
    for (const q of [...fact.questions.ko, ...fact.questions.en]) {
      for (const w of toWords(q)) if (!w.stop && !w.numeric) add(w.stem, i, 'qword');
    }
    for (const n of numbersIn(fact)) add(n, i, 'number');
    // The answer's and the article sentence's own words: weaker than curated keywords, but they let
    // a question use any word the article uses ("박사학위", "high-performance").
    for (const text of [fact.answer.ko, fact.answer.en, fact.quote]) {
      for (const w of toWords(text)) if (!w.stop && !w.numeric) add(w.stem, i, 'aword');
    }
  });
  // What people ask about: the attribute's words point at the attribute (the frame reader joins it
  // with the entity), and at the facts that give it (so the coverage score knows them too).
  const factsByAttribute = new Map<string, number[]>();
  facts.forEach((fact, i) => {
    for (const attrs of Object.values(fact.answers ?? {})) {
      for (const a of attrs) {
        const list = factsByAttribute.get(a);
        if (!list) factsByAttribute.set(a, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
  });
  for (const attribute of attributes) {
    const giving = factsByAttribute.get(attribute.id) ?? [];
    for (const word of [...attribute.words.ko, ...attribute.words.en]) {
      add(word, undefined, 'keyword', undefined, attribute.id);
      for (const i of giving) add(word, i, 'keyword');
    }
  }
  for (const entity of entities) {
    const covering = factsByEntity.get(entity.id) ?? [];
    for (const name of [...entity.names.ko, ...entity.names.en]) {
      add(name, undefined, 'entity', entity.id);
      for (const i of covering) add(name, i, 'entity');
    }
  }

  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  for (const draft of drafts.values()) {
    const term: Term = {
      key: draft.key,
      text: draft.text,
      facts: Int32Array.from(draft.postings.keys()),
      weights: Float32Array.from(draft.postings.values()),
      entities: draft.entities.size > 0 ? [...draft.entities] : NO_ENTITIES,
      attributes: draft.attributes.size > 0 ? [...draft.attributes] : NO_ENTITIES,
    };
    terms.push(term);
    byKey.set(term.key, term);
  }
  drafts.clear();

  const trigrams = new Map<string, number[]>();
  const deletions = new Map<string, number[]>();
  const byChoseong = new Map<string, Term[]>();
  const byStem = new Map<string, Term[]>();
  const bySound = new Map<string, Term[]>();
  const index = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  terms.forEach((term, id) => {
    for (const g of new Set(trigramsOf(term.key))) index(trigrams, g, id);
    if (term.key.length <= SHORT_KEY + 1) for (const d of deletionsOf(term.key)) index(deletions, d, id);
    if (/^[a-z]+$/.test(term.key) && term.key.length >= MIN_SOUNDS_LIKE_LENGTH && (term.entities.length > 0 || term.attributes.length > 0)) {
      const sound = soundsLike(term.key);
      bySound.set(sound, [...(bySound.get(sound) ?? []), term]);
    }
    if (hasHangul(term.text)) {
      const cho = toChoseong(term.text);
      if (cho.length >= 2) byChoseong.set(cho, [...(byChoseong.get(cho) ?? []), term]);
      if (term.key.length >= 5 && (term.facts.length > 0 || term.attributes.length > 0) && term.entities.length === 0) {
        const stem = term.key.slice(0, -1);
        byStem.set(stem, [...(byStem.get(stem) ?? []), term]);
      }
    }
  });
  return {
    terms,
    byKey,
    byChoseong,
    byStem,
    trigrams,
    deletions,
    bySound,
    entityKind: new Map(entities.map((e) => [e.id, e.kind])),
    // A fact answers for the entities it lists and for those its `answers` name (정부 for the government's plans).
    coveredEntities: new Set([...factsByEntity.keys(), ...facts.flatMap((f) => Object.keys(f.answers ?? {})).filter((e) => e !== 'any')]),
    lookups: new Map(),
  };
}

/** The numbers a fact states, as a question would write them (449, 2.5, 2024). */
function numbersIn(fact: KnownFact): string[] {
  const found = new Set<string>();
  for (const text of [fact.answer.ko, fact.answer.en]) {
    for (const m of text.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []) found.add(m);
  }
  for (const v of fact.values) {
    found.add(String(v.value));
    if (v.before !== undefined) found.add(String(v.before));
  }
  return [...found];
}
