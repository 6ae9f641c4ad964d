import type { KnownFact } from '../facts/knowledge.ts';

/** A figure the core computed from structured values (e.g. UK minus China data centres). */
export interface Computation {
  /** i18n key under core:compute.* */
  key: string;
  vars: Record<string, string | number>;
}

/** What the question was understood to ask: shown with follow-up answers, kept for the next turn. */
export interface Understood {
  entities: string[];
  attributes: string[];
  /** The question kind, when one decided the answer (count, when, who, most, ...). */
  kind?: string;
}

/** An entity and attribute the article does not give together, and who it does give the attribute for. */
export interface Missing {
  entity?: string;
  attribute?: string;
  /** The figure that is missing when the attribute is given but not that figure (a rank, a year's value). */
  measure?: string;
  year?: number;
  givenFor: string[];
  /** When the top of a ranking is asked and the article names only lower places: the highest it names. */
  best?: { entity: string; value: number };
  /** The fact that says all the article does say about it (a bound, "over $1bn"), when an exact figure was asked. */
  said?: string;
  /** The facts whose figures a refused computation would have used, quoted so the reader has them. */
  quoted?: string[];
  /** A place in a ranking the article names no one in ("5위는?"), and the places near it that it does name. */
  place?: number;
  places?: Array<{ entity: string; value: number }>;
}

export type AbstainReason =
  /** Nothing explained the question well enough (chit-chat, another topic). */
  | 'low-confidence'
  /** It names something the article never speaks of (Japan, Microsoft). */
  | 'uncovered-entity'
  /** A name the article does not know, where a name goes ("Vyvy AI의 투자액"): the attribute is known, the name is not. */
  | 'unknown-name'
  /** The top of a ranking, which the article does not name (it names 2nd and below). */
  | 'top-not-given'
  /** Another place in a ranking that the article names no one in ("5위는?"). */
  | 'place-not-given'
  /** Only filler, markup or instructions: no question about the article. */
  | 'no-content'
  /** The entity and the attribute are both known, but the article does not give one for the other. */
  | 'not-given'
  /** A ratio or difference the article's figures do not allow (money, or two different measures). */
  | 'cannot-compute'
  /** "언제 기준이야?" about a figure whose date the article does not state. */
  | 'no-as-of'
  /** A bare "why?" after an answer: the bot gives the article's figures and facts, not reasons of its own. */
  | 'asks-why'
  /** "인터넷에서 확인해줘", "google it": a request to look beyond the article, which the bot cannot do. */
  | 'asks-browsing'
  /** "보고서 작성해 줘", "write me an essay": a task other than answering from the article. */
  | 'asks-task'
  /** "정확히 얼마?" where the article gives no figure for it, only words ("a unicorn, valued over $1bn"). */
  | 'no-exact-figure';

export type MatchResult = (
  | { kind: 'empty' }
  | {
      kind: 'answer';
      facts: KnownFact[];
      score: number;
      computations: Computation[];
      /** Parts of a several-part question the article does not answer ("중국이랑 일본 각각"). */
      missing?: Missing[];
    }
  | { kind: 'abstain'; score: number; reason: AbstainReason; suggestions: KnownFact[]; missing?: Missing }
) & {
  /** The question was read as Korean typed on an English keyboard layout (wndrnr -> 중국). */
  qwerty?: boolean;
  understood?: Understood;
  /** The question leaned on the conversation before it ("그럼 미국은?"): the answer says how it was read. */
  followUp?: boolean;
};
