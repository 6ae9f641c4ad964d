// The core's public types: what adapters send in (Question) and get back (Answer).
// See DESIGN.md "The core's contract". Adapters import these only through src/index.ts.

export type Locale = 'ko' | 'en';
export const LOCALES: readonly Locale[] = ['ko', 'en'];

export interface Question {
  text: string;
  /** A platform hint (Discord interaction.locale mapped to ko/en). The text's own language wins. */
  locale?: Locale;
  userId?: string;
  channelId?: string;
  /**
   * Where a conversation lives (a Slack thread, a Discord channel and user, one terminal session), as the
   * adapter names it. Turns with one key form one conversation: follow-ups ("그럼 미국은?") resolve in it.
   */
  conversation?: string;
}

/**
 * What the earlier turns of a conversation were understood as: enough to resolve a follow-up, nothing a
 * user typed. JSON-serialisable, so a shared store (Redis) can hold it. The core reads it and returns the
 * next one with each answer; it never keeps conversations itself.
 */
export interface ConversationContext {
  /** The most recent understood turns, oldest first (a few at most). */
  turns: UnderstoodTurn[];
}

export interface UnderstoodTurn {
  /** Entity ids the turn was about. */
  entities: string[];
  /** Attribute ids asked for (see facts/attributes.yaml). */
  attributes: string[];
  /** The question type (count, when, who, rank, most, compare, ...), when one was read. */
  kind?: string;
  /** The facts answered (ids), so "출처는?" and "언제 기준이야?" can speak about them. */
  facts: string[];
  answered: boolean;
  locale: Locale;
  /**
   * The turn before this one, for a question that leans past it: "출처는?" after a refusal means the
   * figure given before ("how many use them?" refused, then "who reported that figure?"); "MIT는?" after
   * "언제 발표됐어?" asks MIT's rank, as asked before. Filled in for the matcher, never stored.
   */
  before?: UnderstoodTurn;
}

export interface Citation {
  /** The source the article credits (Nature Index, VisualCapitalist, ...), in the answer's locale. */
  source: string;
  /** The chart caption when the figure comes from one of the article's charts. */
  figure?: string;
  /** The article: outlet, title. */
  article: string;
  /** The article's date, YYYY-MM-DD. */
  date: string;
  /** The verbatim Korean sentence the fact comes from. */
  quote?: string;
  url?: string;
}

/** A fact as the core serves it (validated, from facts/*.yaml). */
export interface Fact {
  id: string;
  topic: string;
  chart?: string;
  source: Bilingual;
  quote: string;
  answer: Bilingual;
  entities: string[];
  keywords: BilingualList;
  questions: BilingualList;
  values: FactValue[];
  /** Which attributes the fact gives for which entity ({ 'moonshot-ai': ['founder'] }; 'any': no entity needed). */
  answers: Record<string, string[]>;
  /** What the figure is as of, when the article says. */
  asOf?: Bilingual;
  /** Facts (ids) the article gives as this one's reason: what "왜?" after it is answered with. */
  because?: string[];
}

export interface Bilingual {
  ko: string;
  en: string;
}
export interface BilingualList {
  ko: string[];
  en: string[];
}

/** A structured figure, so the core can compare two of them (e.g. UK minus China data centres). */
export interface FactValue {
  entity: string;
  /** What is measured; values of one measure can be compared. e.g. 'data-centres', 'nature-index-rank'. */
  measure: string;
  value: number;
  /** For ranks and other changes: the earlier value (e.g. the 2016 rank). */
  before?: number;
  /** The article gives a lower bound ("1억달러 이상"). */
  atLeast?: boolean;
}

/** Why an Answer is not a normal answer or abstention. */
export type Notice = 'empty' | 'too-long' | 'rate-limited' | 'error';

export interface Answer {
  /** false: the article does not answer this (then `suggestions`). */
  answered: boolean;
  /** The language of the question text wins over the platform hint. */
  locale: Locale;
  /** Plain text as a user reads it, citation included. */
  text: string;
  /** The answer alone, without the citation line (adapters that lay out the citation themselves use this). */
  body: string;
  facts: Fact[];
  citations: Citation[];
  /** Questions it can answer, in `locale`. */
  suggestions: string[];
  /** Confidence 0..1. */
  score: number;
  notice?: Notice;
  /** The conversation after this turn, for the next one (absent for notices: they leave it unchanged). */
  context?: ConversationContext;
}

/** A topic with example questions, for /facts and help screens. */
export interface TopicSummary {
  id: string;
  title: string;
  examples: string[];
  factCount: number;
}

/** The article, for /about and footers. */
export interface ArticleInfo {
  outlet: string;
  title: string;
  date: string;
  writer: string;
  editor: string;
  url?: string;
}
