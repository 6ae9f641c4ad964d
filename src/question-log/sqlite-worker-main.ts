// Inside the worker thread: the SQLite store (sqlite-store.ts), answering the calls the bot's thread
// posts. better-sqlite3 blocks the thread it runs on while it writes, and a write can wait on the disk
// (a checkpoint's fsync on a busy disk took 300 ms in npm run bench:store's machine); here that thread
// is not the one answering questions.
import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';
import type { QuestionLogStore } from './question-log-store.ts';

export type StoreMethod = 'open' | 'insertQuestions' | 'upsertVote' | 'deleteBefore' | 'unanswered' | 'worstRatedFacts' | 'answerRates' | 'close';
export interface StoreCall {
  id: number;
  method: StoreMethod;
  args: unknown[];
}
export type StoreReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

if (parentPort) {
  const port = parentPort;
  const store = createSqliteStore(workerData as SqliteStoreOptions);
  port.on('message', (call: StoreCall) => {
    const method = store[call.method] as (...args: unknown[]) => Promise<unknown>;
    // Calls run one at a time, in order: each store method finishes its work synchronously.
    Promise.resolve()
      .then(() => method.apply(store as QuestionLogStore, call.args))
      .then(
        (value) => port.postMessage({ id: call.id, ok: true, value } satisfies StoreReply),
        (err: unknown) => port.postMessage({ id: call.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies StoreReply),
      );
  });
  port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies StoreReply);
}
