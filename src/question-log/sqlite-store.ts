// The question log in SQLite (better-sqlite3): the default, one file under DATA_DIR, nothing to run.
// WAL lets `npm run report` read while the bot writes; a busy timeout lets two processes on one host
// share the file. better-sqlite3 is synchronous: the bot runs this store in a worker thread
// (worker-store.ts) behind the batching queue (question-log.ts), so a write never sits on an
// answer's path; `npm run report` uses it directly.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, pending } from './migrations.ts';
import type {
  AnswerRate,
  FactRating,
  QuestionLogStore,
  QuestionRow,
  RateDimension,
  StoreInfo,
  UnansweredGroup,
  VoteResult,
  VoteRow,
} from './question-log-store.ts';

/** How long a write waits for another process's lock before failing (the queue then retries it). */
const BUSY_TIMEOUT_MS = 2000;
/**
 * Rows per transaction when this store runs on the thread that answers (not the bot's case): a row costs
 * 5 to 50 µs of CPU, and the thread waits meanwhile; 20 rows keep one write near a millisecond.
 */
const ROWS_PER_WRITE = 20;

export interface SqliteStoreOptions {
  /** The database file; its folder is created on open. */
  file: string;
  /** Report mode: fail when the file does not exist instead of creating it. */
  mustExist?: boolean;
}

export function createSqliteStore(options: SqliteStoreOptions): QuestionLogStore {
  let db: Database.Database | undefined;
  const conn = () => {
    if (!db) throw new Error(`question log ${options.file} is not open`);
    return db;
  };
  // Prepared once per connection: preparing costs more than the insert itself.
  let inserts: { question: Database.Statement; fact: Database.Statement } | undefined;
  const insertStatements = () =>
    (inserts ??= {
      question: conn().prepare(
        `INSERT OR IGNORE INTO questions (id, asked_at, platform, locale, user_hash, outcome, score, question_text, normalised)
         VALUES (@id, @askedAt, @platform, @locale, @userHash, @outcome, @score, @text, @normalised)`,
      ),
      fact: conn().prepare('INSERT OR IGNORE INTO question_facts (question_id, fact_id, asked_at) VALUES (?, ?, ?)'),
    });
  const sinceMs = (since: Date | undefined) => (since ? since.getTime() : 0);

  return {
    kind: 'sqlite',
    location: options.file,
    batchSize: ROWS_PER_WRITE,

    async open(): Promise<StoreInfo> {
      if (!db) {
        if (!options.mustExist) mkdirSync(dirname(options.file), { recursive: true });
        db = new Database(options.file, { fileMustExist: options.mustExist ?? false, timeout: BUSY_TIMEOUT_MS });
        db.pragma('journal_mode = WAL');
        // NORMAL in WAL mode survives a crash of the process; a power cut may lose the last commits,
        // which a question log can afford.
        db.pragma('synchronous = NORMAL');
      }
      const d = db;
      d.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
      const applied: number[] = [];
      // IMMEDIATE takes the write lock first, so two processes starting together migrate one after the other.
      const migrate = d.transaction(() => {
        const done = d.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
        for (const m of pending(loadMigrations('sqlite'), done)) {
          d.exec(m.sql);
          d.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
          applied.push(m.version);
        }
        d.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run('user_salt', randomBytes(16).toString('hex'));
      });
      migrate.immediate();
      const userSalt = d.prepare("SELECT value FROM settings WHERE key = 'user_salt'").pluck().get() as string;
      const schemaVersion = d.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number;
      return { userSalt, schemaVersion, applied };
    },

    async insertQuestions(rows: readonly QuestionRow[]) {
      const d = conn();
      const { question, fact } = insertStatements();
      d.transaction(() => {
        for (const r of rows) {
          const askedAt = r.askedAt.getTime();
          const inserted = question.run({ ...r, askedAt }).changes > 0;
          if (inserted) for (const f of new Set(r.facts)) fact.run(r.id, f, askedAt);
        }
      })();
    },

    async upsertVote(vote: VoteRow): Promise<VoteResult> {
      const d = conn();
      const value = vote.value === 'up' ? 1 : -1;
      return d.transaction((): VoteResult => {
        const before = d.prepare('SELECT value FROM votes WHERE answer_id = ? AND user_hash = ?').pluck().get(vote.answerId, vote.userHash) as
          | number
          | undefined;
        d.prepare(
          `INSERT INTO votes (answer_id, user_hash, value, question_text, voted_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (answer_id, user_hash) DO UPDATE SET value = excluded.value, question_text = excluded.question_text, voted_at = excluded.voted_at`,
        ).run(vote.answerId, vote.userHash, value, value === -1 ? vote.text : null, vote.votedAt.getTime());
        if (before === undefined) return 'recorded';
        return before === value ? 'unchanged' : 'changed';
      }).immediate();
    },

    async deleteBefore(cutoff: Date) {
      const d = conn();
      const t = cutoff.getTime();
      return d.transaction(() => {
        d.prepare('DELETE FROM question_facts WHERE asked_at < ?').run(t);
        const questions = d.prepare('DELETE FROM questions WHERE asked_at < ?').run(t).changes;
        const votes = d.prepare('DELETE FROM votes WHERE voted_at < ?').run(t).changes;
        return { questions, votes };
      }).immediate();
    },

    async unanswered(since, limit): Promise<UnansweredGroup[]> {
      // SQLite returns the bare columns (question_text) of the row holding MAX(asked_at): the latest wording.
      const rows = conn()
        .prepare(
          `SELECT normalised, COUNT(*) AS count, COUNT(DISTINCT COALESCE(user_hash, '')) AS users,
                  MAX(asked_at) AS last_asked, question_text AS example
           FROM questions
           WHERE outcome = 'refused' AND normalised IS NOT NULL AND asked_at >= ?
           GROUP BY normalised
           ORDER BY count DESC, last_asked DESC, normalised
           LIMIT ?`,
        )
        .all(sinceMs(since), limit) as Array<{ normalised: string; count: number; users: number; last_asked: number; example: string }>;
      return rows.map((r) => ({ normalised: r.normalised, count: r.count, users: r.users, example: r.example ?? r.normalised, lastAsked: new Date(r.last_asked) }));
    },

    async worstRatedFacts(since, limit): Promise<FactRating[]> {
      const rows = conn()
        .prepare(
          `SELECT * FROM (
             SELECT qf.fact_id AS fact_id,
                    COUNT(DISTINCT qf.question_id) AS answers,
                    COALESCE(SUM(CASE WHEN v.value = 1 THEN 1 ELSE 0 END), 0) AS up,
                    COALESCE(SUM(CASE WHEN v.value = -1 THEN 1 ELSE 0 END), 0) AS down,
                    MAX(CASE WHEN v.value = -1 THEN v.question_text END) AS example
             FROM question_facts qf LEFT JOIN votes v ON v.answer_id = qf.question_id
             WHERE qf.asked_at >= ?
             GROUP BY qf.fact_id
           ) r
           WHERE down > 0
           ORDER BY down - up DESC, down DESC, fact_id
           LIMIT ?`,
        )
        .all(sinceMs(since), limit) as Array<{ fact_id: string; answers: number; up: number; down: number; example: string | null }>;
      return rows.map((r) => ({ factId: r.fact_id, answers: r.answers, up: r.up, down: r.down, example: r.example }));
    },

    async answerRates(since, by: RateDimension): Promise<AnswerRate[]> {
      const key = { day: "strftime('%Y-%m-%d', asked_at / 1000, 'unixepoch')", locale: 'locale', platform: 'platform' }[by];
      const order = by === 'day' ? 'key' : 'asked DESC, key';
      const rows = conn()
        .prepare(
          `SELECT ${key} AS key, COUNT(*) AS asked,
                  SUM(CASE WHEN outcome = 'answered' THEN 1 ELSE 0 END) AS answered,
                  SUM(CASE WHEN outcome = 'refused' THEN 1 ELSE 0 END) AS refused,
                  SUM(CASE WHEN outcome = 'error' THEN 1 ELSE 0 END) AS errors
           FROM questions WHERE asked_at >= ?
           GROUP BY key ORDER BY ${order}`,
        )
        .all(sinceMs(since)) as AnswerRate[];
      return rows;
    },

    async close() {
      inserts = undefined;
      db?.close();
      db = undefined;
    },
  };
}
