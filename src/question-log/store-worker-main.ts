// Inside the worker thread: the question log's store (SQLite or PostgreSQL), answering the calls the
// bot's thread posts. better-sqlite3 blocks the thread it runs on while it writes, and a write can wait
// on the disk (a checkpoint's fsync on a busy disk took 300 ms in npm run bench:store's machine);
// node-postgres serialises each batch's arrays and parses each reply in JavaScript. Here that thread
// is not the one answering questions.
import { parentPort, workerData } from 'node:worker_threads';
import { createPostgresStore, type PostgresStoreOptions } from './postgres-store.ts';
import type { QuestionLogStore } from './question-log-store.ts';
import { createSqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';

export type StoreMethod = 'open' | 'insertQuestions' | 'upsertVote' | 'deleteBefore' | 'unanswered' | 'worstRatedFacts' | 'answerRates' | 'close';
export interface StoreCall {
  id: number;
  method: StoreMethod;
  args: unknown[];
}
/** A call's result; id 0 says the worker is ready, id -1 carries an idle connection's error (PostgreSQL). */
export type StoreReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** Which store the worker runs: what crosses to it is data only (no callbacks). */
export type WorkerStoreSpec = { kind: 'sqlite'; options: SqliteStoreOptions } | { kind: 'postgres'; options: Omit<PostgresStoreOptions, 'onIdleError'> };

if (parentPort) {
  const port = parentPort;
  const spec = workerData as WorkerStoreSpec;
  const store: QuestionLogStore =
    spec.kind === 'sqlite'
      ? createSqliteStore(spec.options)
      : createPostgresStore({ ...spec.options, onIdleError: (err) => port.postMessage({ id: -1, ok: false, message: err.message } satisfies StoreReply) });
  port.on('message', (call: StoreCall) => {
    const method = store[call.method] as (...args: unknown[]) => Promise<unknown>;
    // SQLite's calls run one at a time, in order (each finishes its work synchronously); PostgreSQL's
    // overlap on its pool, as they would on the main thread.
    Promise.resolve()
      .then(() => method.apply(store, call.args))
      .then(
        (value) => port.postMessage({ id: call.id, ok: true, value } satisfies StoreReply),
        (err: unknown) => port.postMessage({ id: call.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies StoreReply),
      );
  });
  port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies StoreReply);
}
