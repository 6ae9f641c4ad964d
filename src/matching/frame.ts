// A question read as a frame: what it is about (entities), what it asks about them (attributes) and
// what kind of question it is. The frame is what the answer is planned from (plan-answer.ts), and what
// a conversation remembers of a turn, so that "그럼 미국은?" can borrow the rest from the turn before.
import type { QuestionKinds } from './question-kinds.ts';

/** How an entity takes part in a question. */
export type EntityRole =
  /** What the question is about: "중국 데이터센터 몇 개?" */
  | 'focus'
  /** Named to set the scene, in a clause that asks nothing ("요즘 딥시크 얘기가 많던데, ..."). */
  | 'context'
  /** Named to be left out: "딥시크 말고", "besides DeepSeek", "other than China". */
  | 'excluded'
  /** The other side of a comparison: "미국보다", "than the UK", "compared with Korea". */
  | 'compared';

export interface EntityMention {
  id: string;
  /** Word positions (in the whole question) the name covers. */
  from: number;
  to: number;
  similarity: number;
  role: EntityRole;
  /** Named in a clause that asks (not one that only sets the scene). */
  inQuestion: boolean;
}

export interface AttributeMention {
  id: string;
  from: number;
  to: number;
  similarity: number;
  /** A question clause asks; a context clause only sets the scene. */
  inQuestion: boolean;
}

export interface Frame {
  /** The question as read (cleaned: lower case, markup and invisible characters gone). */
  cleaned: string;
  entities: EntityMention[];
  attributes: AttributeMention[];
  kinds: QuestionKinds;
  /** Years the question names (2016, 2020, 2024): which of a before/after pair it wants. */
  years: number[];
  /** "그 회사", "거기", "it", "he": it refers back to something said before. */
  refersBack: boolean;
  /** Word positions of attributes named right after a demonstrative ("그 돈으로", "that money"): the figure just given. */
  pointedAttributes: number[];
  /** "그럼 ...?", "and ...?", "what about ...?", or a bare name with a topic particle ("독일은?"). */
  followUpShape: boolean;
  /** Content words nothing explained (no entity, attribute, kind or filler): the asked thing may be among them. */
  unexplained: string[];
  /**
   * A word nothing explains in the place a name takes, right before the attribute asked ("햐뜌햐 투자액",
   * "Vyvy AI's funding"): a name the article does not know, so the attribute is not asked of anything it gives.
   */
  unknownName?: string;
  /** Nothing visible was asked (only spaces, markup or control characters). */
  empty: boolean;
  /** The question's clauses (word ranges), and whether each asks something: a two-part question asks twice. */
  clauses: FrameClause[];
}

export interface FrameClause {
  from: number;
  to: number;
  asks: boolean;
  text: string;
}
