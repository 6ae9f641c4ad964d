// The JSON API (adapters/http) on `npm start`'s process, over real HTTP: the answer and its citation,
// conversations, suggestions, the OpenAPI description, CORS, the body limit, the rate limit and errors.
// Each test asks as a client of its own (X-Forwarded-For, trusted here), so none depends on another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../runtime/bot-process.ts';

let bot: BotProcess;
let base: string;

beforeAll(async () => {
  bot = startBot({ QUESTION_LOG: '1', HTTP_API: '1', HTTP_API_CORS_ORIGINS: 'https://ok.example', HTTP_API_TRUST_PROXY: '1', RATE_LIMIT_MAX: '3', PORT: '0', LOG_LEVEL: 'info' });
  const listening = await bot.waitForLog((l) => String(l.msg).startsWith('listening on'));
  base = `http://127.0.0.1:${listening.port as number}`;
  await bot.waitForLog((l) => l.msg === 'ready');
});
afterAll(() => {
  bot?.kill('SIGKILL');
});

interface AnswerJson {
  answered: boolean;
  locale: string;
  text: string;
  body: string;
  citations: Array<{ source: string; figure?: string; article: string; date: string }>;
  suggestions: string[];
  facts: string[];
  notice?: string;
  feedbackId?: string;
}

async function ask(client: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/v1/ask`, { method: 'POST', headers: { 'x-forwarded-for': client, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, raw, json: raw ? (JSON.parse(raw) as AnswerJson & { error?: { code: string; message: string } }) : undefined };
}

describe('POST /v1/ask', () => {
  it('answers "중국 데이터센터 몇 개?" with 449 and its citation, as `curl -d` sends it', async () => {
    // curl -d sends application/x-www-form-urlencoded: the body is read as JSON all the same.
    const { status, json, headers } = await ask('10.1.0.1', '{"text":"중국 데이터센터 몇 개?"}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json).toMatchObject({ answered: true, locale: 'ko', facts: ['data-centres-china'] });
    expect(json?.body).toContain('449');
    expect(json?.citations[0]).toMatchObject({ source: 'VisualCapitalist', date: '2025-02-24' });
    expect(json?.citations[0]?.figure).toContain('데이터 센터');
  });

  it('resolves a follow-up within a conversation, and not without one', async () => {
    const conversation = 'visitor-7f3a';
    await ask('10.1.0.2', { text: '중국 데이터센터 몇 개야?', conversation });
    const followUp = await ask('10.1.0.2', { text: '그럼 미국은?', conversation });
    expect(followUp.json?.answered).toBe(true);
    expect(followUp.json?.body).toContain('5381');
    const alone = await ask('10.1.0.2', { text: '그럼 미국은?', conversation: 'someone-else' });
    expect(alone.json?.body ?? '').not.toContain('5381');
  });

  it('says so when the article does not answer, with suggestions', async () => {
    const { status, json } = await ask('10.1.0.3', { text: 'What will the weather be in Seoul tomorrow?' });
    expect(status).toBe(200);
    expect(json?.answered).toBe(false);
    expect(json?.suggestions.length).toBeGreaterThan(0);
  });

  it('refuses a malformed request with 400 and a JSON error in the request language', async () => {
    const cases: Array<[unknown, string]> = [
      ['{not json', 'not-json'],
      [[1, 2], 'not-json'],
      [{ question: 'x' }, 'no-text'],
      [{ text: 'x', conversation: 'has spaces in it' }, 'bad-conversation'],
      [{ text: 'x', conversation: 'k'.repeat(201) }, 'bad-conversation'],
      [{ text: 'x', locale: 'ja' }, 'bad-locale'],
    ];
    for (const [body, code] of cases) {
      const { status, json } = await ask('10.1.0.4', body, { 'accept-language': 'en-US' });
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json?.error?.code).toBe(code);
      expect(json?.error?.message).toMatch(/^[\x20-\x7e]+$/);
    }
    const korean = await ask('10.1.0.4', '{not json', { 'accept-language': 'ko-KR' });
    expect(korean.json?.error?.message).toMatch(/[가-힣]/);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const { status, json } = await ask('10.1.0.5', { text: 'x'.repeat(1_100_000) });
    expect(status).toBe(413);
    expect(json?.error?.code).toBe('too-large');
  });

  it('tells a client over the rate limit once (429 with the notice), then answers 429 with no body', async () => {
    const client = '10.1.0.6';
    for (let i = 0; i < 3; i++) expect((await ask(client, { text: '중국 데이터센터 몇 개?' })).status).toBe(200);
    const told = await ask(client, { text: '중국 데이터센터 몇 개?' });
    expect(told.status).toBe(429);
    expect(told.headers.get('retry-after')).toBe('10');
    expect(told.json?.notice).toBe('rate-limited');
    const quiet = await ask(client, { text: '중국 데이터센터 몇 개?' });
    expect(quiet.status).toBe(429);
    expect(quiet.raw).toBe('');
    expect((await ask('10.1.0.7', { text: '중국 데이터센터 몇 개?' })).status).toBe(200);
  });
});

async function vote(client: string, body: unknown) {
  const res = await fetch(`${base}/v1/feedback`, { method: 'POST', headers: { 'x-forwarded-for': client, 'accept-language': 'en' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { outcome?: string; message?: string; error?: { code: string } } };
}

describe('POST /v1/feedback', () => {
  it('takes one 👍/👎 per voter per answer, a second one changing it, into the question log', async () => {
    const { json } = await ask('10.9.0.1', { text: '중국 데이터센터 몇 개?' });
    const feedbackId = json!.feedbackId!;
    expect(feedbackId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await vote('10.9.0.1', { feedbackId, vote: 'down' })).toEqual({ status: 200, json: { outcome: 'recorded', message: expect.stringContaining('👎') } });
    expect((await vote('10.9.0.1', { feedbackId, vote: 'down' })).json.outcome).toBe('unchanged');
    expect((await vote('10.9.0.1', { feedbackId, vote: 'up' })).json.outcome).toBe('changed');
    // The caller's own user ids: each of its users has a vote of their own.
    expect((await vote('10.9.0.1', { feedbackId, vote: 'up', user: 'alice' })).json.outcome).toBe('recorded');
    expect((await vote('10.9.0.1', { feedbackId, vote: 'up', user: 'bob' })).json.outcome).toBe('recorded');
  });

  it('refuses what names no answer or no vote', async () => {
    expect(await vote('10.9.0.2', { feedbackId: '00000000-0000-4000-8000-000000000000x', vote: 'up' })).toMatchObject({ status: 404, json: { error: { code: 'unknown-answer' } } });
    expect(await vote('10.9.0.2', { feedbackId: 'x', vote: 'maybe' })).toMatchObject({ status: 400, json: { error: { code: 'bad-feedback' } } });
    expect(await vote('10.9.0.2', { feedbackId: 'x', vote: 'up', user: 'no spaces' })).toMatchObject({ status: 400, json: { error: { code: 'bad-user' } } });
    // A notice has nothing to vote on.
    expect((await ask('10.9.0.2', { text: '   ' })).json?.feedbackId).toBeUndefined();
  });
});

describe('GET /v1/suggest and /v1/openapi.json', () => {
  it('suggests questions for a partial text, at most `limit`', async () => {
    const res = await fetch(`${base}/v1/suggest?q=${encodeURIComponent('데이터')}&limit=5`);
    const { suggestions } = (await res.json()) as { suggestions: string[] };
    expect(res.status).toBe(200);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect((await fetch(`${base}/v1/suggest?limit=99`)).status).toBe(400);
  });

  it('describes the API in OpenAPI 3.1', async () => {
    const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/v1/ask', '/v1/feedback', '/v1/suggest', '/v1/openapi.json']);
  });

  it('answers an unknown path with 404 and a wrong method with 405 and Allow', async () => {
    expect((await fetch(`${base}/v1/nothing`)).status).toBe(404);
    const wrong = await fetch(`${base}/v1/ask`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('CORS', () => {
  it('allows the configured origin, and no other', async () => {
    const preflight = await fetch(`${base}/v1/ask`, { method: 'OPTIONS', headers: { origin: 'https://ok.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://ok.example');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    const other = await fetch(`${base}/v1/suggest`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
