// The question log in PostgreSQL (node-postgres), used when DATABASE_URL is set: one log for every
// instance of the bot. Migrations run under an advisory lock, so instances starting together apply
// each one once. Timeouts are short: a database that does not answer fails the write (the queue keeps
// the rows and retries) rather than holding work forever.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
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

/** A pool of a few connections: the bot writes in batches, the report reads once. */
const POOL_SIZE = 4;
/** A database on the same network connects in milliseconds; two seconds means it is not there. */
const CONNECT_TIMEOUT_MS = 2000;
/**
 * Rows per write: one INSERT ... SELECT unnest() round trip. The bot runs this store in a worker thread
 * (worker-store.ts, whose batch size applies there); used directly, 100 rows keep each batch's
 * serialising short, and answers run between batches.
 */
const ROWS_PER_WRITE = 100;
/** The longest a single statement may take (a batch insert or a report query over 90 days of log). */
const STATEMENT_TIMEOUT_MS = 15_000;

export interface PostgresStoreOptions {
  connectionString: string;
  /** A schema of its own (created on open), e.g. one per test run; default: the connection's search_path. */
  schema?: string;
  /** Told about errors on idle connections (a restarted server), which would otherwise crash the process. */
  onIdleError?: (err: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPostgresStore(options: PostgresStoreOptions): QuestionLogStore {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`schema name "${options.schema}" must be lower-case letters, digits and _ (at most 63)`);
  }
  let pool: pg.Pool | undefined;
  const db = () => {
    if (!pool) throw new Error('question log database is not open');
    return pool;
  };
  const since0 = (since: Date | undefined) => since ?? new Date(0);

  return {
    kind: 'postgres',
    location: describeUrl(options.connectionString, options.schema),
    batchSize: ROWS_PER_WRITE,

    async open(): Promise<StoreInfo> {
      if (!pool) {
        const p = new pg.Pool({
          connectionString: options.connectionString,
          max: POOL_SIZE,
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
          statement_timeout: STATEMENT_TIMEOUT_MS,
          query_timeout: STATEMENT_TIMEOUT_MS + 1000,
          application_name: 'china-ai-fact-bot',
          ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
        });
        p.on('error', (err) => options.onIdleError?.(err));
        pool = p;
      }
      return transaction(db(), async (client) => {
        // One migrator at a time per schema (creating the schema included); the lock ends with the transaction.
        await client.query("SELECT pg_advisory_xact_lock(hashtext(COALESCE($1, current_schema(), '') || ':question-log-migrations'))", [
          options.schema ?? null,
        ]);
        if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
        );
        const done = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
        const applied: number[] = [];
        for (const m of pending(loadMigrations('postgres'), done)) {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          applied.push(m.version);
        }
        await client.query("INSERT INTO settings (key, value) VALUES ('user_salt', $1) ON CONFLICT (key) DO NOTHING", [randomBytes(16).toString('hex')]);
        const userSalt = (await client.query<{ value: string }>("SELECT value FROM settings WHERE key = 'user_salt'")).rows[0]!.value;
        const schemaVersion = (await client.query<{ v: number }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]!.v;
        return { userSalt, schemaVersion, applied };
      });
    },

    async insertQuestions(rows: readonly QuestionRow[]) {
      if (rows.length === 0) return;
      const facts = rows.flatMap((r) => [...new Set(r.facts)].map((f) => [r.id, f, r.askedAt] as const));
      await transaction(db(), async (client) => {
        // unnest() turns one array per column into rows: one statement per batch, whatever its size.
        await client.query(
          `INSERT INTO questions (id, asked_at, platform, locale, user_hash, outcome, score, question_text, normalised)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::real[], $8::text[], $9::text[])
           ON CONFLICT (id) DO NOTHING`,
          [
            rows.map((r) => r.id),
            rows.map((r) => r.askedAt),
            rows.map((r) => r.platform),
            rows.map((r) => r.locale),
            rows.map((r) => r.userHash),
            rows.map((r) => r.outcome),
            rows.map((r) => r.score),
            rows.map((r) => r.text),
            rows.map((r) => r.normalised),
          ],
        );
        if (facts.length > 0) {
          await client.query(
            `INSERT INTO question_facts (question_id, fact_id, asked_at)
             SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
             ON CONFLICT DO NOTHING`,
            [facts.map((f) => f[0]), facts.map((f) => f[1]), facts.map((f) => f[2])],
          );
        }
      });
    },

    async upsertVote(vote: VoteRow): Promise<VoteResult> {
      const value = vote.value === 'up' ? 1 : -1;
      // The CTE reads the vote as it was before this statement changed it.
      const { rows } = await db().query<{ before: number | null }>(
        `WITH before AS (SELECT value FROM votes WHERE answer_id = $1 AND user_hash = $2)
         INSERT INTO votes (answer_id, user_hash, value, question_text, voted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (answer_id, user_hash) DO UPDATE
           SET value = excluded.value, question_text = excluded.question_text, voted_at = excluded.voted_at
         RETURNING (SELECT value FROM before) AS before`,
        [vote.answerId, vote.userHash, value, value === -1 ? vote.text : null, vote.votedAt],
      );
      const before = rows[0]?.before;
      if (before === null || before === undefined) return 'recorded';
      return before === value ? 'unchanged' : 'changed';
    },

    async deleteBefore(cutoff: Date) {
      return transaction(db(), async (client) => {
        await client.query('DELETE FROM question_facts WHERE asked_at < $1', [cutoff]);
        const questions = (await client.query('DELETE FROM questions WHERE asked_at < $1', [cutoff])).rowCount ?? 0;
        const votes = (await client.query('DELETE FROM votes WHERE voted_at < $1', [cutoff])).rowCount ?? 0;
        return { questions, votes };
      });
    },

    async unanswered(since, limit): Promise<UnansweredGroup[]> {
      const { rows } = await db().query<{ normalised: string; count: string; users: string; last_asked: Date; example: string | null }>(
        `SELECT normalised, COUNT(*) AS count, COUNT(DISTINCT COALESCE(user_hash, '')) AS users, MAX(asked_at) AS last_asked,
                (array_agg(question_text ORDER BY asked_at DESC))[1] AS example
         FROM questions
         WHERE outcome = 'refused' AND normalised IS NOT NULL AND asked_at >= $1
         GROUP BY normalised
         ORDER BY count DESC, last_asked DESC, normalised
         LIMIT $2`,
        [since0(since), limit],
      );
      return rows.map((r) => ({
        normalised: r.normalised,
        count: Number(r.count),
        users: Number(r.users),
        example: r.example ?? r.normalised,
        lastAsked: r.last_asked,
      }));
    },

    async worstRatedFacts(since, limit): Promise<FactRating[]> {
      const { rows } = await db().query<{ fact_id: string; answers: string; up: string; down: string; example: string | null }>(
        `SELECT * FROM (
           SELECT qf.fact_id AS fact_id,
                  COUNT(DISTINCT qf.question_id) AS answers,
                  COUNT(*) FILTER (WHERE v.value = 1) AS up,
                  COUNT(*) FILTER (WHERE v.value = -1) AS down,
                  MAX(v.question_text) FILTER (WHERE v.value = -1) AS example
           FROM question_facts qf LEFT JOIN votes v ON v.answer_id = qf.question_id
           WHERE qf.asked_at >= $1
           GROUP BY qf.fact_id
         ) r
         WHERE down > 0
         ORDER BY down - up DESC, down DESC, fact_id
         LIMIT $2`,
        [since0(since), limit],
      );
      return rows.map((r) => ({ factId: r.fact_id, answers: Number(r.answers), up: Number(r.up), down: Number(r.down), example: r.example }));
    },

    async answerRates(since, by: RateDimension): Promise<AnswerRate[]> {
      const key = { day: "to_char(asked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')", locale: 'locale', platform: 'platform' }[by];
      const order = by === 'day' ? 'key' : 'asked DESC, key';
      const { rows } = await db().query<{ key: string; asked: string; answered: string; refused: string; errors: string }>(
        `SELECT ${key} AS key, COUNT(*) AS asked,
                COUNT(*) FILTER (WHERE outcome = 'answered') AS answered,
                COUNT(*) FILTER (WHERE outcome = 'refused') AS refused,
                COUNT(*) FILTER (WHERE outcome = 'error') AS errors
         FROM questions WHERE asked_at >= $1
         GROUP BY 1 ORDER BY ${order}`,
        [since0(since)],
      );
      return rows.map((r) => ({ key: r.key, asked: Number(r.asked), answered: Number(r.answered), refused: Number(r.refused), errors: Number(r.errors) }));
    },

    async close() {
      const p = pool;
      pool = undefined;
      await p?.end();
    },
  };
}

/**
 * Runs work in one transaction on one pooled connection. While it is checked out, the pool no longer listens for
 * its errors: a connection cut between two statements would then be an unhandled 'error' event and end
 * the process. The listener keeps it a failed statement (the queue retries).
 */
async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => (broken = err);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    if (!broken) await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.off('error', onError);
    // A broken connection goes back destroyed, not into the pool.
    client.release(broken);
  }
}

/** host:port/database[?schema], never the user or password. */
export function describeUrl(connectionString: string, schema?: string): string {
  try {
    const u = new URL(connectionString);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}${schema ? ` (schema ${schema})` : ''}`;
  } catch {
    return 'postgres (DATABASE_URL)';
  }
}
