// The question log as the runtime uses it, on the real core's answers: what is kept (and what is not),
// votes, retention, and a store that goes away and comes back while answers go on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';
import { createQuestionLog, type QuestionLog } from '../../src/question-log/question-log.ts';
import { createQuestionLogMetrics } from '../../src/question-log/question-log-metrics.ts';
import { createSqliteStore } from '../../src/question-log/sqlite-store.ts';
import { createPostgresStore } from '../../src/question-log/postgres-store.ts';
import { openQuestionLog, parseQuestionLogConfig } from '../../src/question-log/question-log-config.ts';
import { existsSync } from 'node:fs';
import { POSTGRES_URL, dropSchema, tempDir, uniqueName } from '../helpers/services.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { captureLog } from '../helpers/capture-log.ts';

const core = createCore();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function sqliteLog(options: { now?: () => number; retentionDays?: number } = {}) {
  const dir = tempDir('qlog');
  const file = join(dir.path, 'data', 'question-log.sqlite');
  const log = captureLog();
  const registry = new Registry();
  const qlog = createQuestionLog({ store: createSqliteStore({ file }), logger: log.logger, metrics: createQuestionLogMetrics(registry), ...options });
  cleanups.push(() => dir.remove(), () => qlog.close());
  const rows = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT * FROM questions ORDER BY asked_at').all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };
  return { qlog, file, dir: dir.path, log, registry, rows };
}

const ask = (qlog: QuestionLog, text: string, userId = 'U0RAWUSERID', platform = 'slack', at?: Date) =>
  qlog.record({ platform, userId, text, answer: core.ask({ text }), ...(at ? { at } : {}) });

async function metric(registry: Registry, name: string, labels = ''): Promise<number> {
  const line = (await registry.metrics()).split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('question log', () => {
  it('as the bot opens it: creates DATA_DIR on start, SQLite in a worker thread, questions and votes written', async () => {
    const dir = tempDir('qlog-open');
    cleanups.push(() => dir.remove());
    const dataDir = join(dir.path, 'state', 'data');
    const registry = new Registry();
    const qlog = openQuestionLog(parseQuestionLogConfig({ DATA_DIR: dataDir }), { logger: captureLog().logger, registry })!;
    cleanups.push(() => qlog.close());
    const id = ask(qlog, '일본 데이터센터 몇 개야?')!;
    expect(await qlog.vote({ answerId: id, platform: 'slack', userId: 'U9', value: 'down' })).toBe('recorded');
    await qlog.flush();
    expect(existsSync(join(dataDir, 'question-log.sqlite'))).toBe(true);
    expect(qlog.store.kind).toBe('sqlite');
    expect(await qlog.store.unanswered(undefined, 5)).toMatchObject([{ normalised: '일본 데이터센터', count: 1 }]);
    expect(await metric(registry, 'question_log_written_total')).toBe(1);
  });

  it('keeps every outcome, the text of refused questions only, and never a raw user id', async () => {
    const { qlog, file, rows } = sqliteLog();
    const answeredId = ask(qlog, '중국 데이터센터 몇 개?');
    const refusedId = ask(qlog, '일본 데이터센터는 몇 개야?');
    expect(answeredId).toMatch(/^[0-9a-f-]{36}$/);
    expect(refusedId).toMatch(/^[0-9a-f-]{36}$/);
    await qlog.flush();
    const [answered, refused] = rows();
    expect(answered).toMatchObject({ id: answeredId, outcome: 'answered', platform: 'slack', locale: 'ko', question_text: null, normalised: null });
    expect(answered!.score).toBeGreaterThan(0.5);
    expect(refused).toMatchObject({ id: refusedId, outcome: 'refused', question_text: '일본 데이터센터는 몇 개야?', normalised: '일본 데이터센터' });
    expect(answered!.user_hash).toMatch(/^[0-9a-f]{12}$/);
    expect(answered!.user_hash).toBe(refused!.user_hash);
    const db = new Database(file, { readonly: true });
    const facts = db.prepare('SELECT fact_id FROM question_facts WHERE question_id = ?').pluck().all(answeredId);
    db.close();
    expect(facts).toEqual(core.ask({ text: '중국 데이터센터 몇 개?' }).facts.map((f) => f.id));
    await qlog.close();
    // Nowhere in the file (WAL included): not the raw id, not the answered question.
    const bytes = readFileSync(file).toString('utf8');
    expect(bytes).not.toContain('U0RAWUSERID');
    expect(bytes).not.toContain('중국 데이터센터 몇 개?');
  });

  it('returns before writing anything: the write happens later, off the answer path', async () => {
    const { qlog, rows } = sqliteLog();
    await qlog.flush(); // opened
    for (let i = 0; i < 5; i++) ask(qlog, '독일 데이터센터는 몇 개?');
    expect(qlog.pending).toBe(5);
    expect(rows()).toHaveLength(0);
    await qlog.flush();
    expect(qlog.pending).toBe(0);
    expect(rows()).toHaveLength(5);
  });

  it('does not log notices (empty, too long): there was no question for the article to answer', async () => {
    const { qlog, rows } = sqliteLog();
    expect(ask(qlog, '')).toBeUndefined();
    expect(ask(qlog, '가'.repeat(5000))).toBeUndefined();
    expect(qlog.record({ platform: 'discord', text: 'x', answer: { answered: false, locale: 'ko', facts: [], score: 0, notice: 'rate-limited' } })).toBeUndefined();
    await qlog.flush();
    expect(rows()).toHaveLength(0);
  });

  it('takes one vote per user per answer and keeps the question text only with a 👎', async () => {
    const { qlog, file } = sqliteLog();
    const id = ask(qlog, '문샷AI 기업가치는?')!;
    expect(await qlog.vote({ answerId: id, platform: 'slack', userId: 'U1', value: 'up' })).toBe('recorded');
    expect(await qlog.vote({ answerId: id, platform: 'slack', userId: 'U1', value: 'up' })).toBe('unchanged');
    expect(await qlog.vote({ answerId: id, platform: 'slack', userId: 'U1', value: 'down' })).toBe('changed');
    expect(await qlog.vote({ answerId: id, platform: 'slack', userId: 'U2', value: 'up' })).toBe('recorded');
    expect(await qlog.vote({ answerId: 'not-an-answer-id', platform: 'slack', userId: 'U1', value: 'down' })).toBe('invalid');
    expect(await qlog.vote({ answerId: id, platform: 'slack', userId: undefined, value: 'down' })).toBe('invalid');
    await qlog.flush();
    const db = new Database(file, { readonly: true });
    const votes = db.prepare('SELECT value, question_text FROM votes ORDER BY value').all();
    db.close();
    expect(votes).toEqual([
      { value: -1, question_text: '문샷AI 기업가치는?' },
      { value: 1, question_text: null },
    ]);
  });

  it('deletes rows older than the retention (90 days by default) at start', async () => {
    let t = Date.parse('2025-01-01T00:00:00Z');
    const first = sqliteLog({ now: () => t });
    ask(first.qlog, '일본 데이터센터 몇 개?');
    await first.qlog.close();
    t += 91 * 86_400_000;
    const log = captureLog();
    const again = createQuestionLog({ store: createSqliteStore({ file: first.file }), logger: log.logger, now: () => t });
    cleanups.push(() => again.close());
    ask(again, '미국 데이터센터 몇 개?');
    await again.flush();
    expect(await again.prune()).toEqual({ questions: 0, votes: 0 }); // the start-up prune already ran
    expect(first.rows().map((r) => r.question_text ?? r.outcome)).toEqual(['answered']);
    expect(log.lines.some((l) => l.msg === 'question log: old rows deleted' && l.questions === 1)).toBe(true);
  });

  it('keeps answering when the data folder cannot be created: one warning naming it, a metric, no throw', async () => {
    const dir = tempDir('qlog-bad');
    cleanups.push(() => dir.remove());
    const blocker = join(dir.path, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const log = captureLog();
    const registry = new Registry();
    const qlog = createQuestionLog({
      store: createSqliteStore({ file: join(blocker, 'data', 'question-log.sqlite') }),
      logger: log.logger,
      metrics: createQuestionLogMetrics(registry),
    });
    cleanups.push(() => qlog.close());
    for (let i = 0; i < 20; i++) expect(ask(qlog, '중국 데이터센터 몇 개?')).toMatch(/^[0-9a-f-]{36}$/);
    await qlog.flush();
    expect(await qlog.vote({ answerId: ask(qlog, 'q')!, platform: 'slack', userId: 'U', value: 'down' })).toBe('unavailable');
    expect(qlog.available).toBe(false);
    const warnings = log.warnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ msg: expect.stringContaining('question log unavailable'), location: expect.stringContaining(blocker) });
    expect(await metric(registry, 'question_log_failures_total', 'operation="open"')).toBeGreaterThanOrEqual(1);
  });

  it('bounds what waits in memory while the store is down, counting what it drops', async () => {
    const dir = tempDir('qlog-bad');
    cleanups.push(() => dir.remove());
    writeFileSync(join(dir.path, 'file'), '');
    const log = captureLog();
    const registry = new Registry();
    const qlog = createQuestionLog({
      store: createSqliteStore({ file: join(dir.path, 'file', 'x.sqlite') }),
      logger: log.logger,
      metrics: createQuestionLogMetrics(registry),
      maxQueue: 50,
    });
    cleanups.push(() => qlog.close());
    const answer = core.ask({ text: '중국 데이터센터 몇 개?' });
    for (let i = 0; i < 500; i++) qlog.record({ platform: 'slack', userId: `U${i}`, text: 'q', answer });
    expect(qlog.pending).toBe(50);
    expect(await metric(registry, 'question_log_dropped_total')).toBe(450);
    expect(log.warnings().filter((w) => String(w.msg).includes('queue full'))).toHaveLength(1);
  });
});

describe('question log on PostgreSQL going away mid-run', () => {
  let proxy: TcpProxy;
  it('keeps answering, warns once, counts failures, and writes everything once the database is back', async () => {
    proxy = await startTcpProxy(Number(new URL(POSTGRES_URL).port || 5432), new URL(POSTGRES_URL).hostname);
    const schema = uniqueName('qlog_outage');
    cleanups.push(() => dropSchema(schema), () => proxy.close());
    const viaProxy = new URL(POSTGRES_URL);
    viaProxy.port = String(proxy.port);
    let t = Date.parse('2025-03-01T00:00:00Z');
    const log = captureLog();
    const registry = new Registry();
    const store = createPostgresStore({ connectionString: viaProxy.toString(), schema, onIdleError: () => undefined });
    const qlog = createQuestionLog({ store, logger: log.logger, metrics: createQuestionLogMetrics(registry), now: () => t });
    cleanups.push(() => qlog.close());

    ask(qlog, '일본 데이터센터 몇 개?');
    await qlog.flush();
    expect(qlog.available).toBe(true);

    await proxy.cut();
    const during: Array<string | undefined> = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 10; i++) during.push(ask(qlog, `Japan question ${round}`, `U${i}`));
      t += 60_000; // past any retry pause
      await qlog.flush();
    }
    expect(during.every((id) => typeof id === 'string')).toBe(true);
    expect(qlog.available).toBe(false);
    expect(qlog.pending).toBe(50);
    expect(log.warnings()).toHaveLength(1);
    expect(await metric(registry, 'question_log_failures_total', 'operation="write"')).toBeGreaterThanOrEqual(5);

    await proxy.restore();
    t += 60_000;
    await qlog.flush();
    expect(qlog.pending).toBe(0);
    expect(qlog.available).toBe(true);
    expect(log.lines.some((l) => l.msg === 'question log is back')).toBe(true);
    const rates = await store.answerRates(undefined, 'platform');
    expect(rates).toEqual([{ key: 'slack', asked: 51, answered: 0, refused: 51, errors: 0 }]);
  });
});
