// The question log's store as the bot uses it: SQLite or PostgreSQL, run in a worker thread of its own,
// so a write that waits on the disk (SQLite) or the work of serialising a batch and parsing the reply
// (node-postgres) never holds the thread that answers questions. Same interface and behaviour as the
// store itself (the contract suite runs against both); the report, which answers nobody, uses the
// store directly. A worker that dies fails the calls in flight (the queue retries them) and is started
// again by the next open().
import { Worker } from 'node:worker_threads';
import { describeUrl, type PostgresStoreOptions } from './postgres-store.ts';
import type { QuestionLogStore } from './question-log-store.ts';
import type { SqliteStoreOptions } from './sqlite-store.ts';
import type { StoreCall, StoreMethod, StoreReply, WorkerStoreSpec } from './store-worker-main.ts';

/**
 * Rows per write. The worker writes them, but the answering thread still prepares each batch (hashes
 * users, normalises refused questions, copies the rows to the worker): 50 rows keep that well under a
 * millisecond, and the queue lets answers run between batches.
 */
const ROWS_PER_WRITE = 50;
/**
 * The worker's entry: from the TypeScript sources, store-worker.mjs, which registers tsx in the worker
 * first; compiled to JavaScript (as the tests' child processes run it), the compiled store itself.
 */
const WORKER_ENTRY = import.meta.url.endsWith('.ts') ? new URL('./store-worker.mjs', import.meta.url) : new URL('./store-worker-main.js', import.meta.url);

/** The bot's SQLite store (sqlite-store.ts) in a worker thread. */
export function createSqliteWorkerStore(options: SqliteStoreOptions): QuestionLogStore {
  return createWorkerStore({ kind: 'sqlite', options }, options.file);
}

/** The bot's PostgreSQL store (postgres-store.ts) in a worker thread; onIdleError is called on this thread. */
export function createPostgresWorkerStore(options: PostgresStoreOptions): QuestionLogStore {
  const { onIdleError, ...data } = options;
  return createWorkerStore({ kind: 'postgres', options: data }, describeUrl(options.connectionString, options.schema), onIdleError);
}

function createWorkerStore(spec: WorkerStoreSpec, location: string, onIdleError?: (err: Error) => void): QuestionLogStore {
  let worker: Worker | undefined;
  let started: Promise<void> | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  const start = (): Promise<void> => {
    started ??= new Promise<void>((resolve, reject) => {
      const w = new Worker(WORKER_ENTRY, { workerData: spec });
      // An idle worker never keeps the process alive (close() ends it); one with a call in flight does,
      // so the last batch at the end of a terminal session is written before the process exits.
      w.unref();
      w.on('message', (reply: StoreReply) => {
        if (reply.id === 0) return resolve();
        if (reply.id === -1) return onIdleError?.(new Error(reply.ok ? 'idle connection error' : reply.message));
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        if (pending.size === 0) w.unref();
        if (!p) return;
        if (reply.ok) p.resolve(reply.value);
        else p.reject(new Error(reply.message));
      });
      const gone = (err: Error) => {
        if (worker === w) {
          worker = undefined;
          started = undefined;
        }
        reject(err);
        failAll(err);
      };
      w.on('error', (err) => gone(new Error(`question log worker failed: ${err.message}`)));
      w.on('exit', (code) => gone(new Error(`question log worker exited (code ${code})`)));
      worker = w;
    });
    return started;
  };

  const call = async <T>(method: StoreMethod, args: unknown[]): Promise<T> => {
    await start();
    const w = worker;
    if (!w) throw new Error('question log worker is not running');
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      if (pending.size === 0) w.ref();
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ id, method, args } satisfies StoreCall);
    });
  };

  return {
    kind: spec.kind,
    location,
    batchSize: ROWS_PER_WRITE,
    open: () => call('open', []),
    insertQuestions: (rows) => call('insertQuestions', [rows]),
    upsertVote: (vote) => call('upsertVote', [vote]),
    deleteBefore: (cutoff) => call('deleteBefore', [cutoff]),
    unanswered: (since, limit) => call('unanswered', [since, limit]),
    worstRatedFacts: (since, limit) => call('worstRatedFacts', [since, limit]),
    answerRates: (since, by) => call('answerRates', [since, by]),
    async close() {
      const w = worker;
      if (!w) return;
      try {
        await call('close', []);
      } finally {
        worker = undefined;
        started = undefined;
        await w.terminate();
      }
    },
  };
}
