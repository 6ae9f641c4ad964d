// `npm start` as a child process with Discord and Slack both configured, against the fake Discord
// (REST + gateway) and the fake Slack (Web API; events POSTed, signed, to the bot's HTTP receiver on
// PORT), with /healthz and /metrics on HEALTH_PORT. The tests share one bot and do not depend on each
// other's order, but for the SIGTERM test, which stops it and so comes last.
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

interface Ports {
  slack: number;
  health: number;
}
let ports: Ports;

/** Starts the bot with both platforms (against `fakes`) and waits until it is ready and Discord's session is up. */
async function startBoth(fakes: { discord: FakeDiscord; slack: FakeSlack }, extra: Record<string, string> = {}): Promise<{ bot: BotProcess; ports: Ports }> {
  const { discord, slack } = fakes;
  const b = startBot({
    ...SECRETS,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_BASE: discord.apiBase,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  });
  const slackPort = (await b.waitForLog((l) => String(l.msg).startsWith('listening on'), 60_000)).port as number;
  const health = (await b.waitForLog((l) => String(l.msg).startsWith('health and metrics on'))).port as number;
  await b.waitForLog((l) => l.msg === 'ready');
  await discord.waitForSession();
  return { bot: b, ports: { slack: slackPort, health } };
}

beforeAll(async () => {
  discord = await startFakeDiscord({ heartbeatInterval: 1_000 });
  slack = await startFakeSlack();
  // Debug level: the test of the logs below checks that even debug lines carry no user id or question.
  // The chart warm-up and the question log on, as deployed (startBot turns them off): these answers come while it draws.
  ({ bot, ports } = await startBoth({ discord, slack }, { LOG_LEVEL: 'debug', CHARTS_WARM_UP: '1', QUESTION_LOG: '1' }));
}, 90_000);

afterAll(async () => {
  bot?.kill('SIGKILL');
  await Promise.all([discord?.close(), slack?.close()]);
});

/** What a Slack message says (its text and blocks), without its ids and timestamps, which may contain any digits. */
const said = (body: Record<string, unknown>) => JSON.stringify({ text: body.text, blocks: body.blocks });
async function poll<T>(get: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const healthz = async () => {
  const res = await fetch(`http://127.0.0.1:${ports.health}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};
const metrics = async () => (await fetch(`http://127.0.0.1:${ports.health}/metrics`)).text();
const counted = (text: string, platform: string) =>
  [...text.matchAll(new RegExp(`^questions_total\\{platform="${platform}",[^}]*\\} (\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);

function askDiscord(question: string, userId: string, locale = 'ko', fake = discord) {
  return fake.sendCommand({ command: 'ask', locale, userId, options: [{ name: 'question', type: STRING, value: question }] });
}
function callbackText(r: RecordedRequest): string {
  return JSON.stringify((r.body as { data?: unknown }).data ?? r.body);
}

async function mentionSlack(text: string, user: string, port = ports.slack) {
  const event = appMention({ text: `<@UBOT> ${text}`, user });
  const res = await postSigned(`http://127.0.0.1:${port}/slack/events`, SECRETS.SLACK_SIGNING_SECRET, eventBody(event));
  return { ts: event.ts as string, status: res.status };
}
const replyTo = (ts: string) => slack.waitForCall('chat.postMessage', (c: SlackCall) => c.body.thread_ts === ts);
const repliesTo = (ts: string, fake = slack) => fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);

describe('npm start with Discord and Slack both configured', () => {
  it('answers on Discord and on Slack', async () => {
    const callback = await discord.callbackFor(askDiscord('중국 데이터센터는 몇 개야?', '200000000000000001'));
    expect(callbackText(callback)).toContain('449');

    const { ts, status } = await mentionSlack('How many large data centres does China have?', 'U0ASKER');
    expect(status).toBe(200);
    expect(said((await replyTo(ts)).body)).toContain('449');
  });

  it('reports healthy on HEALTH_PORT, 503 while the Discord gateway is down, healthy again after discord.js reconnects', async () => {
    const up = await poll(healthz, (h) => h.status === 200, '/healthz 200');
    expect(up.body.status).toBe('ok');

    discord.dropGateway({ refuseReconnect: true });
    const down = await poll(healthz, (h) => h.status === 503, '/healthz 503');
    expect(down.body.reason).toMatch(/^discord: /);

    discord.restoreGateway();
    await poll(healthz, (h) => h.status === 200, '/healthz 200 after reconnect', 30_000);
    expect(await metrics()).toContain('adapter_connected{platform="discord"} 1');
  });

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
      replies.push(said((await replyTo(ts)).body));
    }
    for (const r of replies.slice(0, 5)) expect(r).toContain('449');
    expect(replies[5]).not.toContain('449');
    expect(replies[5]).toContain('질문이 너무 빨라요');

    const seventh = await mentionSlack('중국 데이터센터 몇 개?', flooder);
    await poll(metrics, (m) => /questions_total\{platform="slack",locale="ko",outcome="silenced"\} 1/.test(m), 'the silenced question');
    expect(repliesTo(seventh.ts)).toEqual([]);

    const other = await mentionSlack('중국 데이터센터 몇 개?', 'U0OTHER');
    expect(said((await replyTo(other.ts)).body)).toContain('449');
    // The same limit on Discord, per user: someone else there is unaffected too.
    expect(callbackText(await discord.callbackFor(askDiscord('중국 데이터센터 몇 개?', '200000000000000003')))).toContain('449');
  });

  it('never writes a configured secret, a raw user id or a question to its logs, even at debug level', async () => {
    const marker = 'quetzalcoatl';
    await discord.callbackFor(askDiscord(`중국 데이터센터 몇 개? ${marker}`, '200000000000000777'));
    const { ts } = await mentionSlack(`How many data centres does China have ${marker}?`, 'U0PRIVATE777');
    await replyTo(ts);
    await bot.waitForLog(() => bot.logs().filter((l) => l.msg === 'question').length >= 2);
    const output = bot.output();
    // Debug lines were written (so this can fail), and none carries what it must not.
    expect(bot.logs().some((l) => l.level === 20)).toBe(true);
    for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
    for (const personal of ['U0PRIVATE777', '200000000000000777', marker]) expect(output).not.toContain(personal);
  });
  // Last: it stops the shared bot (a bot of its own would be another full start, on a busy machine).
  it('on SIGTERM answers every question accepted during a burst and exits 0 within the grace period', async () => {
    const b = bot;
    const logsBefore = b.logs().length;
    const burst = Array.from({ length: 20 }, (_, i) => mentionSlack('How many large data centres does China have?', `U0BURST${i}`));
    const sent = Array.from({ length: 10 }, (_, i) => askDiscord('중국 데이터센터 몇 개?', `20000000000000010${i}`, 'ko'));
    const accepted = (await Promise.all(burst.slice(0, 10))).filter((r) => r.status === 200);
    // The signal comes while questions are in flight on both platforms: at least one Discord question taken.
    await b.waitForLog(() => b.logs().slice(logsBefore).some((l) => l.msg === 'question' && l.platform === 'discord'));
    b.kill('SIGTERM');
    const late = await Promise.allSettled(burst.slice(10));
    for (const r of late) if (r.status === 'fulfilled' && r.value.status === 200) accepted.push(r.value);

    // Exit 0 means within the grace period: past it the process exits 1 ("shutdown took too long").
    const { code } = await b.exited;
    expect(code).toBe(0);
    expect(accepted.length).toBeGreaterThanOrEqual(10);
    for (const q of accepted) expect(JSON.stringify(repliesTo(q.ts)[0]?.body ?? 'no reply')).toContain('449');
    // Every Discord question the bot took (it logged it) was answered in full: as many callbacks as
    // questions logged, each with the figure. At least one was taken before the signal.
    const taken = b.logs().slice(logsBefore).filter((l) => l.msg === 'question' && l.platform === 'discord').length;
    const callbacks = sent.map((x) => discord.requests.find((r) => r.path.startsWith(`/interactions/${x.id}/`))).filter((cb) => cb !== undefined);
    expect(taken).toBeGreaterThanOrEqual(1);
    expect(callbacks.length).toBeGreaterThanOrEqual(taken);
    for (const cb of callbacks) expect(callbackText(cb)).toContain('449');
    expect(b.logs().some((l) => l.msg === 'shutdown complete')).toBe(true);
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
