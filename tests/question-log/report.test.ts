// `npm run report` on a log filled the way the bot fills it: real questions through the real core,
// recorded and voted on through the question log, then read back as an editor would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { createQuestionLog } from '../../src/question-log/question-log.ts';
import { createSqliteStore } from '../../src/question-log/sqlite-store.ts';
import { runReport } from '../../src/cli/report.ts';
import type { Report } from '../../src/question-log/report.ts';
import { nodeArgs } from '../helpers/compiled.ts';
import { tempDir } from '../helpers/services.ts';
import { captureLog } from '../helpers/capture-log.ts';

const NOW = new Date('2025-03-10T12:00:00Z');
const DAY = 86_400_000;
const dir = tempDir('qlog-report');
const env = { DATA_DIR: dir.path };

// Readers' questions: [text, times asked, days before NOW]. Wordings of one question differ.
const ASKED: Array<[string, number, number]> = [
  ['일본 데이터센터 몇 개야?', 2, 1],
  ['일본 데이터센터는 몇 개야?', 1, 1],
  ['일본의 데이터센터 수 알려줘', 1, 0],
  ["What's the weather in Seoul?", 2, 0],
  ['what is the weather in seoul', 1, 0],
  ['Microsoft 매출은?', 1, 0],
  ['마이크로소프트 매출 알려줘', 1, 20], // only before --since 7d
  ['중국 데이터센터 몇 개?', 4, 0],
  ['문샷AI 기업가치는?', 2, 0],
  ['How many data centres does China have?', 1, 0],
];

beforeAll(async () => {
  const core = createCore();
  const log = captureLog();
  const qlog = createQuestionLog({ store: createSqliteStore({ file: join(dir.path, 'question-log.sqlite') }), logger: log.logger, now: () => NOW.getTime() });
  let reader = 0;
  const ids = new Map<string, string[]>();
  for (const [text, times, daysAgo] of ASKED) {
    for (let i = 0; i < times; i++) {
      const platform = reader % 3 === 0 ? 'discord' : 'slack';
      const id = qlog.record({ platform, userId: `reader-${reader++}`, text, answer: core.ask({ text }), at: new Date(NOW.getTime() - daysAgo * DAY) })!;
      ids.set(text, [...(ids.get(text) ?? []), id]);
    }
  }
  const [moonshot] = ids.get('문샷AI 기업가치는?')!;
  await qlog.vote({ answerId: moonshot!, platform: 'slack', userId: 'voter-1', value: 'down' });
  await qlog.vote({ answerId: moonshot!, platform: 'slack', userId: 'voter-2', value: 'down' });
  await qlog.vote({ answerId: ids.get('중국 데이터센터 몇 개?')![0]!, platform: 'slack', userId: 'voter-1', value: 'up' });
  await qlog.close();
});
afterAll(() => dir.remove());

describe('npm run report', () => {
  it('lists the refused questions most asked first, grouped across wordings, as JSON from the real command', () => {
    const run = spawnSync(process.execPath, [...nodeArgs('src/cli/report.ts'), '--json'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env, ENV_FILE: join(dir.path, 'no.env') },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.unanswered.map((g) => [g.normalised, g.count])).toEqual([
      ['일본 데이터센터', 4],
      ['weather seoul', 3],
      ['microsoft 매출', 1],
      ['마이크로소프트 매출', 1],
    ]);
    expect(report.unanswered[0]!.users).toBe(4);
    expect(report.unanswered[0]!.example).toBe('일본의 데이터센터 수 알려줘'); // the latest wording
    expect(report.worstRatedFacts).toEqual([{ factId: 'moonshot-valuation', answers: 2, up: 0, down: 2, example: '문샷AI 기업가치는?' }]);
    const total = report.answerRate.byPlatform.reduce((n, p) => n + p.asked, 0);
    expect(total).toBe(ASKED.reduce((n, [, times]) => n + times, 0));
    expect(report.answerRate.byLocale.map((l) => l.key).sort()).toEqual(['en', 'ko']);
  });

  it('prints the same as text for a person, most asked first, and only the period asked for with --since', async () => {
    const all = await runReport([], env, NOW);
    expect(all.code).toBe(0);
    const lines = all.stdout.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(at('일본의 데이터센터 수 알려줘')).toBeGreaterThan(at('Most-asked unanswered questions'));
    expect(at('일본의 데이터센터 수 알려줘')).toBeLessThan(at('What'));
    expect(at('What')).toBeLessThan(at('Microsoft 매출은?'));
    expect(lines[at('일본의 데이터센터 수 알려줘')]).toMatch(/^\s+4\s+4\s/);
    expect(all.stdout).toMatch(/2025-03-09\s+3\s+0\s+0%/);

    const week = JSON.parse((await runReport(['--since', '7d', '--json'], env, NOW)).stdout) as Report;
    expect(week.since).toBe(new Date(NOW.getTime() - 7 * DAY).toISOString());
    expect(week.unanswered.map((g) => g.normalised)).not.toContain('마이크로소프트 매출');
    const byDate = JSON.parse((await runReport(['--since=2025-03-10', '--json'], env, NOW)).stdout) as Report;
    expect(byDate.answerRate.byDay.map((d) => d.key)).toEqual(['2025-03-10']);
  });

  it('answers a wrong option or --since with the usage, and a missing log with where it looked', async () => {
    const bad = await runReport(['--since', 'yesterday'], env, NOW);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since "yesterday" is not a time');
    expect((await runReport(['--frobnicate'], env, NOW)).stderr).toContain('unknown option --frobnicate');
    expect((await runReport(['--limit', '0'], env, NOW)).code).toBe(2);
    const missing = await runReport([], { DATA_DIR: join(dir.path, 'nowhere') }, NOW);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(join(dir.path, 'nowhere', 'question-log.sqlite'));
    const badEnv = await runReport([], { QUESTION_LOG_RETENTION_DAYS: 'soon' }, NOW);
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain('QUESTION_LOG_RETENTION_DAYS');
  });

  it('never lets a question move the cursor or colour the terminal in the text report', async () => {
    const hostile = tempDir('qlog-hostile');
    try {
      const qlog = createQuestionLog({ store: createSqliteStore({ file: join(hostile.path, 'question-log.sqlite') }), logger: captureLog().logger });
      const text = 'Japan \u001b[2J\u001b[31mred\u0007 data centres?';
      qlog.record({ platform: 'slack', userId: 'u', text, answer: { answered: false, locale: 'en', facts: [], score: 0 } });
      await qlog.close();
      const out = (await runReport([], { DATA_DIR: hostile.path }, NOW)).stdout;
      // eslint-disable-next-line no-control-regex -- the point is that none are there
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      expect(out).toContain('Japan [2J [31mred data centres?');
      const json = (await runReport(['--json'], { DATA_DIR: hostile.path }, NOW)).stdout;
      expect((JSON.parse(json) as Report).unanswered[0]!.example).toBe(text);
    } finally {
      hostile.remove();
    }
  });
});
