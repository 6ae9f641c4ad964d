import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/index.ts';
import { createHandle } from '../../src/runtime/handle-question.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { createRateLimiter } from '../../src/runtime/rate-limiter.ts';
import type { QuestionLog } from '../../src/question-log/question-log.ts';
import { tempQuestionLog } from '../helpers/question-log.ts';

const core = createCore();

function setup(options: { max?: number; core?: Core; unlimited?: string[]; questionLog?: QuestionLog } = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  const metrics = createMetrics({ defaultMetrics: false });
  const handle = createHandle({
    core: options.core ?? core,
    logger,
    metrics,
    limiter: createRateLimiter({ max: options.max ?? 5, windowMs: 10_000 }),
    unlimited: new Set(options.unlimited ?? []),
    ...(options.questionLog ? { questionLog: options.questionLog } : {}),
  });
  const questionLines = () => lines.filter((l) => l.msg === 'question');
  return { handle, metrics, lines, questionLines };
}

describe('handle(): the pipeline for every question', () => {
  it('answers the question with the fact base (China has 449 large data centres)', async () => {
    const { handle } = setup();
    const answer = await handle({ platform: 'discord', userId: 'u1', text: '중국 데이터센터 몇 개?' });
    expect(answer?.answered).toBe(true);
    expect(answer?.body).toContain('449');
  });

  it('writes one structured log line per question, with the user hashed', async () => {
    const { handle, questionLines } = setup();
    const answer = await handle({ platform: 'slack', userId: 'U0SECRETID', text: 'How many data centres does China have?' });
    const lines = questionLines();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({ platform: 'slack', locale: 'en', answered: answer?.answered, score: answer?.score });
    expect(line.facts).toEqual(answer?.facts.map((f) => f.id));
    expect(typeof line.latency_ms).toBe('number');
    expect(line.user).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(lines)).not.toContain('U0SECRETID');
  });

  it('hashes one user to the same id within a process, different users to different ids', async () => {
    const { handle, questionLines } = setup();
    await handle({ platform: 'slack', userId: 'A', text: 'q' });
    await handle({ platform: 'slack', userId: 'A', text: 'q' });
    await handle({ platform: 'slack', userId: 'B', text: 'q' });
    const users = questionLines().map((l) => l.user);
    expect(users[0]).toBe(users[1]);
    expect(users[2]).not.toBe(users[0]);
  });

  it('gives the sixth question in the window one polite localised limit reply, then silence; another user is unaffected', async () => {
    const { handle } = setup();
    const ask = (userId: string, text = '중국 데이터센터 몇 개?') => handle({ platform: 'discord', userId, text });
    for (let i = 0; i < 5; i++) expect((await ask('flooder'))?.notice).toBeUndefined();
    const sixth = await ask('flooder');
    expect(sixth).toMatchObject({ notice: 'rate-limited', answered: false, locale: 'ko' });
    expect(sixth?.text).toBe(core.t('ko', 'core:notice.rate-limited'));
    expect(await ask('flooder')).toBeNull();
    const english = await handle({ platform: 'discord', userId: 'flooder2', text: 'x' });
    expect(english).not.toBeNull();
    for (let i = 0; i < 1000; i++) await ask('flooder');
    expect((await ask('someone-else'))?.notice).toBeUndefined();
  });

  it('replies to the limit in the language of the question', async () => {
    const { handle } = setup({ max: 1 });
    await handle({ platform: 'slack', userId: 'u', text: 'How many data centres?' });
    const limited = await handle({ platform: 'slack', userId: 'u', text: 'And in Germany?' });
    expect(limited).toMatchObject({ notice: 'rate-limited', locale: 'en' });
    expect(limited?.text).toBe(core.t('en', 'core:notice.rate-limited'));
  });

  it('never limits the terminal chat, whose one user is the operator', async () => {
    const { handle } = setup({ max: 1, unlimited: ['console'] });
    for (let i = 0; i < 20; i++) expect((await handle({ platform: 'console', userId: 'console', text: '중국 데이터센터 몇 개?' }))?.notice).toBeUndefined();
  });

  it('counts questions by platform, locale and outcome in /metrics', async () => {
    const { handle, metrics } = setup({ max: 1 });
    await handle({ platform: 'discord', userId: 'u', text: 'How many data centres does China have?' });
    await handle({ platform: 'discord', userId: 'u', text: 'again?' });
    await handle({ platform: 'discord', userId: 'u', text: 'again?' });
    await handle({ platform: 'slack', userId: 'v', text: '' });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/questions_total\{platform="discord",locale="en",outcome="(answered|unanswered)"\} 1/);
    expect(text).toContain('questions_total{platform="discord",locale="en",outcome="rate-limited"} 1');
    expect(text).toContain('questions_total{platform="discord",locale="en",outcome="silenced"} 1');
    expect(text).toContain('questions_total{platform="slack",locale="ko",outcome="empty"} 1');
    expect(text).toContain('answer_latency_seconds_count{platform="discord"} 1');
  });

  it('turns a failure inside the core into a localised error answer and a log line, never an exception', async () => {
    const broken: Core = {
      ...core,
      ask: () => {
        throw new Error('boom');
      },
    };
    const { handle, lines } = setup({ core: broken });
    const answer = await handle({ platform: 'slack', userId: 'u', text: 'How many data centres?' });
    expect(answer).toMatchObject({ notice: 'error', answered: false, locale: 'en' });
    expect(answer?.text).toBe(core.t('en', 'core:notice.error'));
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('core.ask failed'))).toBe(true);
    expect(lines.some((l) => l.msg === 'question' && l.notice === 'error')).toBe(true);
  });

  it('answers bad input with a reply, never an exception or a silent drop', async () => {
    const { handle } = setup({ max: 1000 });
    const inputs = ['', '   ', '<@123456>', '🤖🔥💯', '\u0000\u0007\u200b\u200d\ufeff', 'מה מספר מרכזי הנתונים?', 'ك'.repeat(50), '가'.repeat(40_000)];
    for (const text of inputs) {
      const answer = await handle({ platform: 'discord', userId: 'u', text });
      expect(answer, JSON.stringify(text.slice(0, 20))).not.toBeNull();
      expect(answer!.text.length).toBeGreaterThan(0);
    }
    // Not even a question that is not a string (a platform sending something odd).
    expect((await handle({ platform: 'discord', userId: 'u', text: undefined as unknown as string }))?.text.length).toBeGreaterThan(0);
  });

  it('records each answered or refused question in the question log and gives its answer the id a vote carries', async () => {
    const log = tempQuestionLog();
    try {
      const { handle } = setup({ max: 2, questionLog: log.qlog });
      const answered = await handle({ platform: 'slack', userId: 'U1', text: '중국 데이터센터 몇 개?' });
      const refused = await handle({ platform: 'slack', userId: 'U1', text: '일본 데이터센터 몇 개?' });
      const limited = await handle({ platform: 'slack', userId: 'U1', text: '독일은?' });
      const replayed = await handle({ platform: 'slack', userId: 'U2', text: '중국 데이터센터 몇 개?', context: { turns: [] } });
      const empty = await handle({ platform: 'discord', userId: 'U3', text: '   ' });
      expect(answered?.feedbackId).toMatch(/^[0-9a-f-]{36}$/);
      expect(refused?.feedbackId).toMatch(/^[0-9a-f-]{36}$/);
      // Nothing to vote on: a notice; and a replay (a shared answer) is not a new question.
      for (const a of [limited, replayed, empty]) expect(a?.feedbackId).toBeUndefined();
      expect(await log.questions()).toEqual([
        expect.objectContaining({ id: answered!.feedbackId, outcome: 'answered', question_text: null }),
        expect.objectContaining({ id: refused!.feedbackId, outcome: 'refused', question_text: '일본 데이터센터 몇 개?' }),
      ]);
    } finally {
      await log.remove();
    }
  });

  it('lets a question through when a shared rate limiter fails, rather than failing the answer', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), cb()) });
    const handle = createHandle({
      core,
      logger: pino({ level: 'debug' }, sink),
      metrics: createMetrics({ defaultMetrics: false }),
      limiter: { check: async () => Promise.reject(new Error('store gone')) },
    });
    expect((await handle({ platform: 'slack', userId: 'u', text: '중국 데이터센터 몇 개?' }))?.body).toContain('449');
    expect(lines.some((l) => l.msg === 'rate limiter failed; the question goes through')).toBe(true);
  });
});
