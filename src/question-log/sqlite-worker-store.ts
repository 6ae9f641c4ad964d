// The SQLite question log as the bot uses it: the store runs in a worker thread of its own, so a write
// that waits on the disk never holds the thread that answers questions. Same interface and behaviour as
// sqlite-store.ts (the contract suite runs against both); the report, which answers nobody, uses that
// one directly. A worker that dies fails the calls in flight (the queue retries them) and is started
// again by the next open().
import { Worker } from 'node:worker_threads';
import type { QuestionLogStore } from './question-log-store.ts';
import type { SqliteStoreOptions } from './sqlite-store.ts';
import type { StoreCall, StoreMethod, StoreReply } from './sqlite-worker-main.ts';

/**
 * Rows per write. The worker writes them, but the answering thread still prepares each batch (hashes
 * users, normalises refused questions, copies the rows to the worker): 50 rows keep that well under a
 * millisecond, and the queue lets answers run between batches.
 */
const ROWS_PER_WRITE = 50;
const WORKER_ENTRY = new URL('./sqlite-worker.mjs', import.meta.url);

export function createSqliteWorkerStore(options: SqliteStoreOptions): QuestionLogStore {
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
      const w = new Worker(WORKER_ENTRY, { workerData: options });
      // An idle worker never keeps the process alive (close() ends it); one with a call in flight does,
      // so the last batch at the end of a terminal session is written before the process exits.
      w.unref();
      w.on('message', (reply: StoreReply) => {
        if (reply.id === 0) return resolve();
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
    kind: 'sqlite',
    location: options.file,
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
