// The "must show" list: `npm start` as a child process with Discord and Slack both configured,
// against the fake Discord (REST + gateway) and the fake Slack (Web API; events POSTed, signed, to the
// bot's HTTP receiver on PORT, which also serves /healthz and /metrics).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.ts';
import { appMention, eventBody, postSigned, startFakeSlack, type FakeSlack, type SlackCall } from '../fakes/fake-slack.ts';
import { startBot, type BotProcess } from './bot-process.ts';

const SECRETS = {
  DISCORD_TOKEN: 'MTEwMDAw.fake-SECRET-discord.token-b8f2',
  SLACK_BOT_TOKEN: 'xoxb-1-2-fakeSECRETslackbot7c1',
  SLACK_SIGNING_SECRET: 'fake-SECRET-signing-9a3d',
};
const STRING = 3;

let discord: FakeDiscord;
let slack: FakeSlack;
let bot: BotProcess;
let port: number;
const base = () => `http://127.0.0.1:${port}`;

beforeAll(async () => {
  discord = await startFakeDiscord({ heartbeatInterval: 1_000 });
  slack = await startFakeSlack();
  bot = startBot({
    ...SECRETS,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_BASE: discord.apiBase,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  const line = await bot.waitForLog((l) => l.platform === 'slack' && String(l.msg).startsWith('Slack events on'), 20_000);
  port = line.port as number;
  await bot.waitForLog((l) => l.msg === 'ready', 20_000);
  await discord.waitForSession();
});

afterAll(async () => {
  bot?.kill('SIGKILL');
  await Promise.all([discord?.close(), slack?.close()]);
});

async function poll<T>(get: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const healthz = async () => {
  const res = await fetch(`${base()}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};
const metrics = async () => (await fetch(`${base()}/metrics`)).text();
const counted = (text: string, platform: string) =>
  [...text.matchAll(new RegExp(`^questions_total\\{platform="${platform}",[^}]*\\} (\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);

function askDiscord(question: string, userId: string, locale = 'ko') {
  return discord.sendCommand({ command: 'ask', locale, userId, options: [{ name: 'question', type: STRING, value: question }] });
}
function callbackText(r: RecordedRequest): string {
  return JSON.stringify((r.body as { data?: unknown }).data ?? r.body);
}

async function mentionSlack(text: string, user: string) {
  const event = appMention({ text: `<@UBOT> ${text}`, user });
  const res = await postSigned(`${base()}/slack/events`, SECRETS.SLACK_SIGNING_SECRET, eventBody(event));
  return { ts: event.ts as string, status: res.status };
}
const replyTo = (ts: string) => slack.waitForCall('chat.postMessage', (c: SlackCall) => c.body.thread_ts === ts);
const repliesTo = (ts: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);

describe('npm start with Discord and Slack both configured', () => {
  it('answers on Discord and on Slack', async () => {
    const callback = await discord.callbackFor(askDiscord('중국 데이터센터는 몇 개야?', '200000000000000001'));
    expect(callbackText(callback)).toContain('449');

    const { ts, status } = await mentionSlack('How many large data centres does China have?', 'U0ASKER');
    expect(status).toBe(200);
    expect(JSON.stringify((await replyTo(ts)).body)).toContain('449');
  });

  it('reports healthy on PORT (the Slack receiver), 503 while the Discord gateway is down, healthy again after discord.js reconnects', async () => {
    const up = await poll(healthz, (h) => h.status === 200, '/healthz 200');
    expect(up.body.status).toBe('ok');

    discord.dropGateway({ refuseReconnect: true });
    const down = await poll(healthz, (h) => h.status === 503, '/healthz 503');
    expect(down.body.reason).toMatch(/^discord: /);

    discord.restoreGateway();
    await poll(healthz, (h) => h.status === 200, '/healthz 200 after reconnect', 30_000);
    expect(await metrics()).toContain('adapter_connected{platform="discord"} 1');
  }, 45_000);

  it('counts the questions asked in /metrics', async () => {
    const before = await metrics();
    await discord.callbackFor(askDiscord('How many data centres does Germany have?', '200000000000000002', 'en-US'));
    const { ts } = await mentionSlack('한국 AI 논문 순위는?', 'U0COUNTER');
    await replyTo(ts);
    const after = await metrics();
    expect(counted(after, 'discord')).toBe(counted(before, 'discord') + 1);
    expect(counted(after, 'slack')).toBe(counted(before, 'slack') + 1);
    expect(after).toContain('answer_latency_seconds_count{platform="slack"}');
  });

  it('gives the 6th question in 10 s the limit reply, then silence; another user is unaffected', async () => {
    const flooder = 'U0FLOODER';
    const replies: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { ts } = await mentionSlack('중국 데이터센터 몇 개?', flooder);
      replies.push(JSON.stringify((await replyTo(ts)).body));
    }
    for (const r of replies.slice(0, 5)) expect(r).toContain('449');
    expect(replies[5]).not.toContain('449');
    expect(replies[5]).toContain('질문이 너무 빨라요');

    const seventh = await mentionSlack('중국 데이터센터 몇 개?', flooder);
    await poll(metrics, (m) => /questions_total\{platform="slack",locale="ko",outcome="silenced"\} 1/.test(m), 'the silenced question');
    expect(repliesTo(seventh.ts)).toEqual([]);

    const other = await mentionSlack('중국 데이터센터 몇 개?', 'U0OTHER');
    expect(JSON.stringify((await replyTo(other.ts)).body)).toContain('449');
    // The same limit on Discord, per user: someone else there is unaffected too.
    expect(callbackText(await discord.callbackFor(askDiscord('중국 데이터센터 몇 개?', '200000000000000003')))).toContain('449');
  });

  it('on SIGTERM during a burst answers every accepted question and exits 0 within 5 s', async () => {
    const logsBefore = bot.logs().length;
    const burst = Array.from({ length: 20 }, (_, i) => mentionSlack('How many large data centres does China have?', `U0BURST${i}`));
    const sent = Array.from({ length: 10 }, (_, i) => askDiscord('중국 데이터센터 몇 개?', `20000000000000010${i}`));
    const accepted = (await Promise.all(burst.slice(0, 10))).filter((r) => r.status === 200);
    bot.kill('SIGTERM');
    const signalled = Date.now();
    const late = await Promise.allSettled(burst.slice(10));
    for (const r of late) if (r.status === 'fulfilled' && r.value.status === 200) accepted.push(r.value);

    const { code, at } = await bot.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(5_000);
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    for (const q of accepted) expect(JSON.stringify(repliesTo(q.ts)[0]?.body ?? 'no reply')).toContain('449');
    // Every Discord question the bot took (it logged it) was answered in full: as many callbacks as
    // questions logged, each with the figure. At least one was taken before the signal.
    const taken = bot.logs().slice(logsBefore).filter((l) => l.msg === 'question' && l.platform === 'discord').length;
    const callbacks = sent.map((s) => discord.requests.find((r) => r.path.startsWith(`/interactions/${s.id}/`))).filter((cb) => cb !== undefined);
    expect(taken).toBeGreaterThanOrEqual(1);
    expect(callbacks.length).toBeGreaterThanOrEqual(taken);
    for (const cb of callbacks) expect(callbackText(cb)).toContain('449');
    expect(bot.logs().some((l) => l.msg === 'shutdown complete')).toBe(true);
  });

  it('never writes a configured secret to its logs', () => {
    const output = bot.output();
    expect(output.length).toBeGreaterThan(0);
    for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
    // User ids are hashed too.
    expect(output).not.toContain('U0FLOODER');
  });
});

describe('npm start with Discord only', () => {
  it('serves /healthz and /metrics itself on PORT, and stops cleanly', async () => {
    const fake = await startFakeDiscord();
    try {
      const b = startBot({ DISCORD_TOKEN: SECRETS.DISCORD_TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase, PORT: '0' });
      const line = await b.waitForLog((l) => String(l.msg).startsWith('health and metrics on'), 20_000);
      await b.waitForLog((l) => l.msg === 'ready', 20_000);
      const url = `http://127.0.0.1:${line.port as number}`;
      const health = await poll(async () => (await fetch(`${url}/healthz`)).status, (s) => s === 200, '/healthz 200');
      expect(health).toBe(200);
      expect(await (await fetch(`${url}/metrics`)).text()).toContain('adapter_connected{platform="discord"} 1');
      b.kill('SIGTERM');
      expect((await b.exited).code).toBe(0);
      expect(b.output()).not.toContain(SECRETS.DISCORD_TOKEN);
    } finally {
      await fake.close();
    }
  });
});

describe('npm start with a Slack configuration error', () => {
  it('exits non-zero naming SLACK_SIGNING_SECRET when SLACK_BOT_TOKEN is set without it', async () => {
    const b = startBot({ SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    b.child.stdin.end();
    const { code } = await b.exited;
    expect(code).not.toBe(0);
    expect(b.stderr()).toContain('SLACK_SIGNING_SECRET');
    expect(b.output()).not.toContain(SECRETS.SLACK_BOT_TOKEN);
  });
});
