// A real question log (SQLite, in a temporary folder) for adapter tests: what ctx.handle records and
// ctx.vote writes, read back from the database file itself. Removed by remove().
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createQuestionLog, type QuestionLog } from '../../src/question-log/question-log.ts';
import { createSqliteStore } from '../../src/question-log/sqlite-store.ts';
import { captureLog } from './capture-log.ts';
import { tempDir } from './services.ts';

export interface VoteRow {
  answer_id: string;
  user_hash: string;
  /** 1 for 👍, -1 for 👎. */
  value: number;
  question_text: string | null;
}

export interface TempQuestionLog {
  qlog: QuestionLog;
  /** Every vote in the database. */
  votes(): VoteRow[];
  /** Every question written (flushes first). */
  questions(): Promise<Array<{ id: string; outcome: string; question_text: string | null; platform: string }>>;
  remove(): Promise<void>;
}

export function tempQuestionLog(): TempQuestionLog {
  const dir = tempDir('qlog-adapter');
  const file = join(dir.path, 'question-log.sqlite');
  const qlog = createQuestionLog({ store: createSqliteStore({ file }), logger: captureLog().logger });
  const read = <T>(sql: string): T[] => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  return {
    qlog,
    votes: () => read<VoteRow>('SELECT answer_id, user_hash, value, question_text FROM votes ORDER BY voted_at'),
    async questions() {
      await qlog.flush();
      return read('SELECT id, outcome, question_text, platform FROM questions ORDER BY asked_at');
    },
    async remove() {
      await qlog.close();
      dir.remove();
    },
  };
}
