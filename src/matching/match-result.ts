import type { KnownFact } from '../facts/knowledge.ts';

/** A figure the core computed from two structured values (e.g. UK minus China data centres). */
export interface Computation {
  /** i18n key under core:compute.* */
  key: string;
  vars: Record<string, string | number>;
}

export type MatchResult = (
  | { kind: 'empty' }
  | { kind: 'answer'; facts: KnownFact[]; score: number; computation?: Computation }
  | { kind: 'abstain'; score: number; reason: 'low-confidence' | 'uncovered-entity' | 'no-content'; suggestions: KnownFact[] }
) & {
  /** The question was read as Korean typed on an English keyboard layout (wndrnr -> 중국). */
  qwerty?: boolean;
};
