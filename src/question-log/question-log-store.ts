// The question log's storage contract: what the bot writes (each question's outcome, each vote) and what
// `npm run report` reads. SQLite (the default, one file under DATA_DIR) and PostgreSQL (DATABASE_URL)
// implement it; tests/question-log/store-contract.test.ts runs the same suite against both.
// Rows never hold a raw user id (a salted hash) nor the text of a question that was answered, unless a
// reader voted 👎 on it (then the vote holds it): see README.md beside this file.

/** What happened to a question: answered from the article, refused (the article does not say), or failed. */
export type QuestionOutcome = 'answered' | 'refused' | 'error';

export interface QuestionRow {
  /** The answer's id: feedback buttons carry it back with a vote. A random UUID. */
  id: string;
  askedAt: Date;
  platform: string;
  locale: string;
  /** sha256(salt, platform, user id), truncated; null when the platform gives no user. */
  userHash: string | null;
  outcome: QuestionOutcome;
  score: number;
  /** Ids of the facts the answer stated. */
  facts: string[];
  /** The question as typed: only for refused questions, else null. */
  text: string | null;
  /** The form refused questions are grouped by in the report (normaliseQuestion), else null. */
  normalised: string | null;
}

export type VoteValue = 'up' | 'down';

export interface VoteRow {
  answerId: string;
  userHash: string;
  value: VoteValue;
  /** The question the answer was for: kept only with a 👎 (null with a 👍). */
  text: string | null;
  votedAt: Date;
}

/** A first vote, a changed vote (👍 → 👎 or back), or the same click again. */
export type VoteResult = 'recorded' | 'changed' | 'unchanged';

export interface UnansweredGroup {
  normalised: string;
  /** How many times it was asked. */
  count: number;
  /** By how many different users (a user without an id counts as one). */
  users: number;
  /** The most recent wording. */
  example: string;
  lastAsked: Date;
}

export interface FactRating {
  factId: string;
  /** Answers that stated the fact. */
  answers: number;
  up: number;
  down: number;
  /** A question whose answer got a 👎. */
  example: string | null;
}

export type RateDimension = 'day' | 'locale' | 'platform';

export interface AnswerRate {
  /** YYYY-MM-DD (UTC) by day; the locale or platform otherwise. */
  key: string;
  asked: number;
  answered: number;
  refused: number;
  errors: number;
}

export interface StoreInfo {
  /** The salt user ids are hashed with: random, made once per database, so every instance hashes alike. */
  userSalt: string;
  /** The highest migration applied. */
  schemaVersion: number;
  /** Migrations applied by this open (empty when the schema was up to date). */
  applied: number[];
}

export interface QuestionLogStore {
  /** 'sqlite' or 'postgres'. */
  readonly kind: string;
  /**
   * Rows per write. A synchronous store (SQLite) holds the event loop while it writes, so its writes are
   * small and the queue yields between them: an answer waits for one small write at most.
   */
  readonly batchSize: number;
  /** Where the log is, for operators: a file path, or host and database (never a password). */
  readonly location: string;
  /** Creates the database (SQLite: the folder and file) and applies pending migrations. Idempotent. */
  open(): Promise<StoreInfo>;
  /** Writes questions in one transaction; a row whose id is already stored is skipped. */
  insertQuestions(rows: readonly QuestionRow[]): Promise<void>;
  /** One vote per user per answer: a second one replaces the first. */
  upsertVote(vote: VoteRow): Promise<VoteResult>;
  /** The retention: deletes questions and votes older than the cutoff. */
  deleteBefore(cutoff: Date): Promise<{ questions: number; votes: number }>;
  /** Refused questions grouped by normalised form, most asked first. */
  unanswered(since: Date | undefined, limit: number): Promise<UnansweredGroup[]>;
  /** Facts with at least one 👎, worst first (most 👎 beyond 👍). */
  worstRatedFacts(since: Date | undefined, limit: number): Promise<FactRating[]>;
  /** Questions asked and answered, by day (oldest first), locale or platform (most asked first). */
  answerRates(since: Date | undefined, by: RateDimension): Promise<AnswerRate[]>;
  close(): Promise<void>;
}
