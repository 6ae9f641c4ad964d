// One contract, two stores: every behaviour of the question log's storage holds on SQLite (a file in a
// temporary folder) and on PostgreSQL (the real server on 127.0.0.1:5432, in a schema of this run's own,
// dropped afterwards). Each test starts from an empty database, so each also proves the migrations.
// The worker variants are the bot's stores as its processes run them: from the run's compiled copy
// (tests/helpers/compiled.ts), whose worker thread starts the compiled store with no TypeScript loader.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/question-log/postgres-store.ts';
import { createSqliteStore } from '../../src/question-log/sqlite-store.ts';
import { loadMigrations } from '../../src/question-log/migrations.ts';
import type { QuestionLogStore, QuestionRow } from '../../src/question-log/question-log-store.ts';
import { importCompiled } from '../helpers/compiled.ts';
import { POSTGRES_URL, dropSchema, tempDir, uniqueName } from '../helpers/services.ts';

const { createPostgresWorkerStore, createSqliteWorkerStore } = await importCompiled<typeof import('../../src/question-log/worker-store.ts')>('src/question-log/worker-store.ts');

interface Harness {
  /** A store on a new, empty database. */
  fresh(): QuestionLogStore;
  /** A second store on the same database (another instance of the bot). */
  another(): QuestionLogStore;
  /** The tables the database holds. */
  tables(): Promise<string[]>;
  cleanup(): Promise<void>;
}

const sqlite = (create: typeof createSqliteStore) => (): Harness => {
    const dir = tempDir('qlog-contract');
    const file = join(dir.path, 'nested', 'question-log.sqlite');
    const opened: QuestionLogStore[] = [];
    const make = () => {
      const s = create({ file });
      opened.push(s);
      return s;
    };
    return {
      fresh: make,
      another: make,
      async tables() {
        const db = new Database(file, { readonly: true });
        try {
          return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
        } finally {
          db.close();
        }
      },
      async cleanup() {
        for (const s of opened) await s.close();
        dir.remove();
      },
    };
};

const stores: Record<string, () => Harness> = {
  sqlite: sqlite(createSqliteStore),
  // The bot's SQLite store: the same one, run in a worker thread.
  'sqlite-worker': sqlite(createSqliteWorkerStore),
  postgres: postgres(createPostgresStore),
  // The bot's PostgreSQL store: the same one, run in a worker thread.
  'postgres-worker': postgres(createPostgresWorkerStore),
};

function postgres(create: typeof createPostgresStore): () => Harness {
  return () => {
    const schema = uniqueName('qlog_contract');
    const opened: QuestionLogStore[] = [];
    const make = () => {
      const s = create({ connectionString: POSTGRES_URL, schema });
      opened.push(s);
      return s;
    };
    return {
      fresh: make,
      another: make,
      async tables() {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        try {
          const { rows } = await client.query<{ table_name: string }>(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
            [schema],
          );
          return rows.map((r) => r.table_name);
        } finally {
          await client.end();
        }
      },
      async cleanup() {
        for (const s of opened) await s.close();
        await dropSchema(schema);
      },
    };
  };
}

const DAY = 86_400_000;
const T0 = Date.parse('2025-03-01T10:00:00Z');

function row(over: Partial<QuestionRow> = {}): QuestionRow {
  return {
    id: randomUUID(),
    askedAt: new Date(T0),
    platform: 'slack',
    locale: 'ko',
    userHash: 'user-a',
    outcome: 'answered',
    score: 0.9,
    facts: ['data-centres-china'],
    text: null,
    normalised: null,
    ...over,
  };
}

function refused(text: string, normalised: string, over: Partial<QuestionRow> = {}): QuestionRow {
  return row({ outcome: 'refused', score: 0.1, facts: [], text, normalised, ...over });
}

describe.each(Object.keys(stores))('question log store contract: %s', (kind) => {
  let h: Harness;
  const setup = () => (h = stores[kind]!());
  afterEach(async () => {
    await h?.cleanup();
  });

  it('migrates an empty database up to the latest version, once, with a salt every instance shares', async () => {
    setup();
    const first = await h.fresh().open();
    const latest = Math.max(...loadMigrations(kind === 'postgres' ? 'postgres' : 'sqlite').map((m) => m.version));
    expect(first.applied).toEqual(loadMigrations(kind === 'postgres' ? 'postgres' : 'sqlite').map((m) => m.version));
    expect(first.schemaVersion).toBe(latest);
    expect(first.userSalt).toMatch(/^[0-9a-f]{32}$/);
    expect(await h.tables()).toEqual(expect.arrayContaining(['question_facts', 'questions', 'schema_migrations', 'settings', 'votes']));

    const again = await h.another().open();
    expect(again.applied).toEqual([]);
    expect(again.schemaVersion).toBe(latest);
    expect(again.userSalt).toBe(first.userSalt);
  });

  it('lets two instances that start together migrate the same empty database without a conflict', async () => {
    setup();
    const [a, b] = await Promise.all([h.fresh().open(), h.another().open()]);
    expect([...a.applied, ...b.applied].sort()).toEqual(loadMigrations(kind === 'postgres' ? 'postgres' : 'sqlite').map((m) => m.version));
    expect(a.userSalt).toBe(b.userSalt);
  });

  it('counts questions asked, answered, refused and failed by day, language and platform', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    await s.insertQuestions([
      row({ askedAt: new Date(T0), locale: 'ko', platform: 'slack' }),
      row({ askedAt: new Date(T0 + 60_000), locale: 'en', platform: 'discord' }),
      refused('일본 데이터센터 몇 개야?', '일본 데이터센터', { askedAt: new Date(T0 + DAY), locale: 'ko', platform: 'slack' }),
      row({ askedAt: new Date(T0 + DAY), outcome: 'error', facts: [], score: 0, locale: 'en', platform: 'console' }),
      row({ askedAt: new Date(T0 + DAY), locale: 'ko', platform: 'slack' }),
    ]);
    expect(await s.answerRates(undefined, 'day')).toEqual([
      { key: '2025-03-01', asked: 2, answered: 2, refused: 0, errors: 0 },
      { key: '2025-03-02', asked: 3, answered: 1, refused: 1, errors: 1 },
    ]);
    expect(await s.answerRates(undefined, 'locale')).toEqual([
      { key: 'ko', asked: 3, answered: 2, refused: 1, errors: 0 },
      { key: 'en', asked: 2, answered: 1, refused: 0, errors: 1 },
    ]);
    expect(await s.answerRates(undefined, 'platform')).toEqual([
      { key: 'slack', asked: 3, answered: 2, refused: 1, errors: 0 },
      { key: 'console', asked: 1, answered: 0, refused: 0, errors: 1 },
      { key: 'discord', asked: 1, answered: 1, refused: 0, errors: 0 },
    ]);
    expect(await s.answerRates(new Date(T0 + DAY), 'day')).toEqual([{ key: '2025-03-02', asked: 3, answered: 1, refused: 1, errors: 1 }]);
  });

  it('writes a question once even when its batch is written twice (a retry after a timeout)', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    const batch = [row(), refused('q', 'q')];
    await s.insertQuestions(batch);
    await s.insertQuestions(batch);
    await s.insertQuestions([]);
    expect((await s.answerRates(undefined, 'platform'))[0]?.asked).toBe(2);
  });

  it('groups refused questions by normalised form, most asked first, with the latest wording and the askers', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    await s.insertQuestions([
      refused('일본 데이터센터는 몇 개야?', '일본 데이터센터', { askedAt: new Date(T0), userHash: 'a' }),
      refused('일본 데이터센터 몇개?', '일본 데이터센터', { askedAt: new Date(T0 + 2000), userHash: 'b' }),
      refused('일본 데이터센터 수', '일본 데이터센터', { askedAt: new Date(T0 + 1000), userHash: 'a' }),
      refused('What is the weather?', 'weather', { askedAt: new Date(T0 + 5000), userHash: null }),
      refused('What is the weather today?', 'weather', { askedAt: new Date(T0 + 6000), userHash: null }),
      refused('Microsoft revenue', 'microsoft revenue', { askedAt: new Date(T0 + 9000) }),
      row({ askedAt: new Date(T0 + 9000) }),
    ]);
    const groups = await s.unanswered(undefined, 10);
    expect(groups.map((g) => [g.normalised, g.count, g.users, g.example])).toEqual([
      ['일본 데이터센터', 3, 2, '일본 데이터센터 몇개?'],
      ['weather', 2, 1, 'What is the weather today?'],
      ['microsoft revenue', 1, 1, 'Microsoft revenue'],
    ]);
    expect(groups[0]!.lastAsked.getTime()).toBe(T0 + 2000);
    expect(await s.unanswered(undefined, 1)).toHaveLength(1);
    expect((await s.unanswered(new Date(T0 + 5000), 10)).map((g) => g.normalised)).toEqual(['weather', 'microsoft revenue']);
  });

  it('keeps one vote per user per answer: a second click changes it, the same click again changes nothing', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    const answer = row({ facts: ['fact-x'] });
    await s.insertQuestions([answer]);
    const vote = (userHash: string, value: 'up' | 'down', text: string | null = null) =>
      s.upsertVote({ answerId: answer.id, userHash, value, text, votedAt: new Date(T0 + 1000) });
    expect(await vote('u1', 'up')).toBe('recorded');
    expect(await vote('u1', 'up')).toBe('unchanged');
    expect(await vote('u1', 'down', '중국 데이터센터 몇 개?')).toBe('changed');
    expect(await vote('u2', 'down', 'China data centres?')).toBe('recorded');
    expect(await s.worstRatedFacts(undefined, 10)).toEqual([{ factId: 'fact-x', answers: 1, up: 0, down: 2, example: expect.any(String) }]);
    // Back to 👍: that user's question text goes with the 👎.
    expect(await vote('u1', 'up', 'this text is not kept')).toBe('changed');
    expect(await s.worstRatedFacts(undefined, 10)).toEqual([{ factId: 'fact-x', answers: 1, up: 1, down: 1, example: 'China data centres?' }]);
  });

  it('lists the worst-rated facts first and leaves out facts nobody disliked', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    const a1 = row({ facts: ['liked'] });
    const b1 = row({ facts: ['mixed', 'shared'] });
    const b2 = row({ facts: ['mixed'] });
    const c1 = row({ facts: ['disliked'] });
    const unvoted = row({ facts: ['never-voted'] });
    await s.insertQuestions([a1, b1, b2, c1, unvoted]);
    const v = (answerId: string, userHash: string, value: 'up' | 'down') =>
      s.upsertVote({ answerId, userHash, value, text: value === 'down' ? `q for ${answerId.slice(0, 4)}` : null, votedAt: new Date(T0) });
    await v(a1.id, 'u1', 'up');
    await v(b1.id, 'u1', 'down');
    await v(b1.id, 'u2', 'up');
    await v(b2.id, 'u3', 'down');
    await v(c1.id, 'u1', 'down');
    await v(c1.id, 'u2', 'down');
    await v(c1.id, 'u3', 'down');
    const worst = await s.worstRatedFacts(undefined, 10);
    expect(worst.map((f) => [f.factId, f.answers, f.up, f.down])).toEqual([
      ['disliked', 1, 0, 3],
      ['mixed', 2, 1, 2],
      ['shared', 1, 1, 1],
    ]);
    expect(worst[0]!.example).toBe(`q for ${c1.id.slice(0, 4)}`);
    expect(await s.worstRatedFacts(undefined, 1)).toHaveLength(1);
  });

  it('deletes questions, their facts and votes older than the retention cut, and keeps the rest', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    const old = refused('old question', 'old', { askedAt: new Date(T0 - 100 * DAY) });
    const oldAnswer = row({ askedAt: new Date(T0 - 100 * DAY), facts: ['old-fact'] });
    const recent = refused('recent question', 'recent', { askedAt: new Date(T0) });
    const recentAnswer = row({ askedAt: new Date(T0), facts: ['new-fact'] });
    await s.insertQuestions([old, oldAnswer, recent, recentAnswer]);
    await s.upsertVote({ answerId: oldAnswer.id, userHash: 'u', value: 'down', text: 'old', votedAt: new Date(T0 - 100 * DAY) });
    await s.upsertVote({ answerId: recentAnswer.id, userHash: 'u', value: 'down', text: 'new', votedAt: new Date(T0) });
    expect(await s.deleteBefore(new Date(T0 - 90 * DAY))).toEqual({ questions: 2, votes: 1 });
    expect((await s.unanswered(undefined, 10)).map((g) => g.normalised)).toEqual(['recent']);
    expect((await s.worstRatedFacts(undefined, 10)).map((f) => f.factId)).toEqual(['new-fact']);
    expect(await s.deleteBefore(new Date(T0 - 90 * DAY))).toEqual({ questions: 0, votes: 0 });
  });

  it('stores any text as given: quotes, SQL, emoji, control characters and 1,000 characters', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    const texts = ["'; DROP TABLE questions; --", '😀😀😀', 'a\u0000b\u0007c'.replace('\u0000', ''), '가'.repeat(1000), 'Robert"); --'];
    await s.insertQuestions(texts.map((t, i) => refused(t, `n${i}`, { askedAt: new Date(T0 + i) })));
    const examples = (await s.unanswered(undefined, 10)).map((g) => g.example).sort();
    expect(examples).toEqual([...texts].sort());
  });

  it('reports nothing, without failing, on an empty log', async () => {
    setup();
    const s = h.fresh();
    await s.open();
    expect(await s.unanswered(undefined, 10)).toEqual([]);
    expect(await s.worstRatedFacts(undefined, 10)).toEqual([]);
    expect(await s.answerRates(undefined, 'day')).toEqual([]);
  });
});
