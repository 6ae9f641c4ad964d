// The question log's variables, validated like the rest of the configuration (each problem names the
// variable and the fix), and the store they select: PostgreSQL when DATABASE_URL is set, otherwise a
// SQLite file under DATA_DIR.
import { join, resolve } from 'node:path';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.ts';
import { ConfigInvalidError, type Env } from '../runtime/config.ts';
import type { Logger } from '../runtime/logger.ts';
import { createQuestionLog, DEFAULT_RETENTION_DAYS, type QuestionLog } from './question-log.ts';
import { createQuestionLogMetrics } from './question-log-metrics.ts';
import type { QuestionLogStore } from './question-log-store.ts';
import { createPostgresStore } from './postgres-store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import { createPostgresWorkerStore, createSqliteWorkerStore } from './worker-store.ts';

export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');
export const SQLITE_FILE_NAME = 'question-log.sqlite';

export interface QuestionLogConfig {
  /** QUESTION_LOG=0 turns the log (and feedback storage) off. */
  enabled: boolean;
  databaseUrl?: string;
  dataDir: string;
  retentionDays: number;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const schema = z.object({
  QUESTION_LOG: z.preprocess(
    (v) => blank(v) ?? '1',
    z.enum(['0', '1', 'true', 'false', 'on', 'off'], { error: 'must be 1 (keep the question log, the default) or 0 (keep none)' }),
  ),
  DATABASE_URL: z.preprocess(
    blank,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, { error: 'must be a PostgreSQL URL (e.g. DATABASE_URL=postgres://bot@db.internal:5432/factbot); leave it unset for SQLite under DATA_DIR' })
      .optional(),
  ),
  DATA_DIR: z.preprocess(blank, z.string().optional()),
  QUESTION_LOG_RETENTION_DAYS: z.preprocess(
    (v) => blank(v) ?? DEFAULT_RETENTION_DAYS,
    z.coerce
      .number({ error: `must be a whole number of days from 1 to 3650 (e.g. QUESTION_LOG_RETENTION_DAYS=${DEFAULT_RETENTION_DAYS})` })
      .int({ error: `must be a whole number of days from 1 to 3650 (e.g. QUESTION_LOG_RETENTION_DAYS=${DEFAULT_RETENTION_DAYS})` })
      .min(1, { error: 'must be at least 1 day' })
      .max(3650, { error: 'must be at most 3650 days (10 years)' }),
  ),
});

export const QUESTION_LOG_VARIABLES = Object.keys(schema.shape);

export function parseQuestionLogConfig(env: Env, cwd = process.cwd()): QuestionLogConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigInvalidError(result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(environment)'), message: i.message })));
  }
  const c = result.data;
  return {
    enabled: !['0', 'false', 'off'].includes(c.QUESTION_LOG),
    ...(c.DATABASE_URL ? { databaseUrl: c.DATABASE_URL } : {}),
    dataDir: c.DATA_DIR ? resolve(cwd, c.DATA_DIR) : DEFAULT_DATA_DIR,
    retentionDays: c.QUESTION_LOG_RETENTION_DAYS,
  };
}

export interface StoreChoiceOptions {
  /** Report mode: a SQLite file that does not exist is an error, not a new empty log. */
  mustExist?: boolean;
  /** The store in a worker thread (the bot: a write never holds the thread that answers). */
  worker?: boolean;
  onIdleError?: (err: Error) => void;
}

export function createQuestionLogStore(config: QuestionLogConfig, options: StoreChoiceOptions = {}): QuestionLogStore {
  if (config.databaseUrl) {
    const postgres = { connectionString: config.databaseUrl, ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}) };
    return options.worker ? createPostgresWorkerStore(postgres) : createPostgresStore(postgres);
  }
  const sqlite = { file: join(config.dataDir, SQLITE_FILE_NAME), ...(options.mustExist ? { mustExist: true } : {}) };
  return options.worker ? createSqliteWorkerStore(sqlite) : createSqliteStore(sqlite);
}

export interface OpenQuestionLogOptions {
  logger: Logger;
  /** The runtime's metrics registry (metrics.registry): the log's failures show in /metrics. */
  registry?: Registry;
}

/**
 * The question log the configuration asks for, opening in the background (a store that is down is
 * retried; answers never wait), or undefined when QUESTION_LOG=0.
 */
export function openQuestionLog(config: QuestionLogConfig, options: OpenQuestionLogOptions): QuestionLog | undefined {
  if (!config.enabled) return undefined;
  const store = createQuestionLogStore(config, {
    worker: true,
    onIdleError: (err) => options.logger.debug({ err: err.message }, 'question log: an idle database connection failed'),
  });
  return createQuestionLog({
    store,
    logger: options.logger,
    ...(options.registry ? { metrics: createQuestionLogMetrics(options.registry) } : {}),
    retentionDays: config.retentionDays,
  });
}
