// The question log end to end: `npm start`'s terminal chat (the real bot process, the real core)
// answers readers' questions piped in, with /good and /bad on the answers, into a SQLite log under
// DATA_DIR; then the real `npm run report` command reads it back as an editor would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/question-log/report.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { nodeArgs } from '../helpers/compiled.ts';
import { tempDir } from '../helpers/services.ts';
import { startBot, type BotProcess } from '../runtime/bot-process.ts';

const dir = tempDir('qlog-bot');
// What readers typed, in order. Three wordings of one question the article does not answer, two of
// another, one of a third; answered questions between them, one voted 👎, one 👍 then changed to 👎.
// (The chat is one conversation: the weather is asked before any answer a follow-up could lean on.)
const LINES = [
  "What's the weather in Seoul?",
  'what is the weather in seoul',
  '일본 데이터센터 몇 개야?',
  '중국 데이터센터 몇 개?',
  '/bad',
  '일본 데이터센터는 몇 개야?',
  '마이크로소프트 매출은?',
  '문샷AI 기업가치는?',
  '/good',
  '/good',
  '/bad',
  '일본의 데이터센터 수 알려줘',
];

let bot: BotProcess;
let exit: { code: number | null };

beforeAll(async () => {
  bot = startBot({ QUESTION_LOG: '1', DATA_DIR: dir.path, LOG_LEVEL: 'info' });
  bot.child.stdin.end(LINES.join('\n') + '\n');
  exit = await bot.exited;
}, 90_000);
afterAll(() => dir.remove());

function report(args: string[] = []) {
  return spawnSync(process.execPath, [...nodeArgs('src/cli/report.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', TMPDIR: process.env.TMPDIR ?? '', DATA_DIR: dir.path, ENV_FILE: join(dir.path, 'no.env') },
    encoding: 'utf8',
  });
}

describe('the terminal chat keeps a question log that npm run report reads', () => {
  it('answers every line, acknowledges each vote, and exits 0 with the log written', () => {
    expect(exit.code).toBe(0);
    const out = bot.stdout();
    expect(out).toContain('449');
    // /bad on the China answer, /good on Moonshot's, the same /good again, then changed to /bad.
    expect(out).toContain('👎 를 반영했고');
    expect(out).toContain('👍 를 반영했어요');
    expect(out).toContain('👍 는 이미 반영되어 있어요');
    expect(out).toContain('평가를 👎 로 바꿨어요');
    expect(bot.logs().filter((l) => l.msg === 'vote').map((l) => l.outcome)).toEqual(['recorded', 'recorded', 'unchanged', 'changed']);
  });

  it('lists the refused questions most asked first, grouped across wordings, and the facts voted 👎', () => {
    const run = report(['--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.unanswered.map((g) => [g.normalised, g.count])).toEqual([
      ['일본 데이터센터', 3],
      ['weather seoul', 2],
      ['마이크로소프트 매출', 1],
    ]);
    expect(r.unanswered[0]!.example).toBe('일본의 데이터센터 수 알려줘');
    expect(r.worstRatedFacts.map((f) => [f.factId, f.down, f.example]).sort()).toEqual([
      ['data-centres-china', 1, '중국 데이터센터 몇 개?'],
      ['moonshot-valuation', 1, '문샷AI 기업가치는?'],
    ]);
    expect(r.answerRate.byPlatform).toEqual([expect.objectContaining({ key: 'console', asked: 8, answered: 2, refused: 6 })]);

    const text = report();
    expect(text.status).toBe(0);
    expect(text.stdout.indexOf('일본의 데이터센터 수 알려줘')).toBeLessThan(text.stdout.indexOf('what is the weather in seoul'));
  });

  it('keeps the text of refused and 👎 questions only, and no raw user id', () => {
    const db = new Database(join(dir.path, 'question-log.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT outcome, question_text AS text, user_hash FROM questions').all() as Array<{ outcome: string; text: string | null; user_hash: string }>;
      expect(rows).toHaveLength(8);
      for (const row of rows) {
        expect(row.text === null).toBe(row.outcome === 'answered');
        expect(row.user_hash).toMatch(/^[0-9a-f]{12}$/);
      }
      const votes = db.prepare('SELECT value, question_text AS text FROM votes ORDER BY voted_at').all();
      expect(votes).toEqual([
        { value: -1, text: '중국 데이터센터 몇 개?' },
        { value: -1, text: '문샷AI 기업가치는?' },
      ]);
    } finally {
      db.close();
    }
  });
});
