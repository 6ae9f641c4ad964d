// Which facts give which attribute of which entity (each fact's `answers`), looked up in O(1): the join
// a frame is answered from. It also says, for a refusal, who the article does give an attribute for.
import type { KnownFact } from '../facts/knowledge.ts';

/** The key in a fact's `answers` for an attribute it gives with no entity named (facts/README.md). */
export const ANY_ENTITY = 'any';

export interface FactIndex {
  /** Facts that give `attribute` for `entity`, in fact-file order. */
  factsFor(entity: string, attribute: string): readonly number[];
  /** Facts that give `attribute` with no entity named (what a unicorn is; the data-centre ranking). */
  generalFacts(attribute: string): readonly number[];
  /** Every fact that gives `attribute`, for any entity. */
  factsGiving(attribute: string): readonly number[];
  /** The entities the article gives `attribute` for, in first-seen order. */
  entitiesGiving(attribute: string): readonly string[];
  /** The attributes the article gives for `entity`. */
  attributesOf(entity: string): ReadonlySet<string>;
  /** Whether any fact speaks of the entity at all (its answers or its entities). */
  covers(entity: string): boolean;
}

const NONE: readonly number[] = Object.freeze([]);
const NO_NAMES: readonly string[] = Object.freeze([]);
const NO_ATTRIBUTES: ReadonlySet<string> = new Set();

export function buildFactIndex(facts: readonly KnownFact[]): FactIndex {
  const pairs = new Map<string, number[]>();
  const giving = new Map<string, number[]>();
  const entitiesOf = new Map<string, string[]>();
  const attributesOf = new Map<string, Set<string>>();
  const covered = new Set<string>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (!list) map.set(key, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  };
  facts.forEach((fact, i) => {
    for (const e of fact.entities) covered.add(e);
    for (const [entity, attrs] of Object.entries(fact.answers ?? {})) {
      covered.add(entity);
      for (const a of attrs) {
        push(pairs, `${entity}\u0000${a}`, i);
        push(giving, a, i);
        if (entity !== ANY_ENTITY && !(entitiesOf.get(a) ?? []).includes(entity)) push(entitiesOf, a, entity);
        const set = attributesOf.get(entity) ?? new Set<string>();
        set.add(a);
        attributesOf.set(entity, set);
      }
    }
  });
  return {
    factsFor: (entity, attribute) => pairs.get(`${entity}\u0000${attribute}`) ?? NONE,
    generalFacts: (attribute) => pairs.get(`${ANY_ENTITY}\u0000${attribute}`) ?? NONE,
    factsGiving: (attribute) => giving.get(attribute) ?? NONE,
    entitiesGiving: (attribute) => entitiesOf.get(attribute) ?? NO_NAMES,
    attributesOf: (entity) => attributesOf.get(entity) ?? NO_ATTRIBUTES,
    covers: (entity) => covered.has(entity),
  };
}
