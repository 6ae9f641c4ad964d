// Several instances behind one load balancer, as they run: two real bot processes (`src/main.ts`, Slack
// over HTTP) sharing the real Redis through REDIS_URL, under a key prefix of this file's own (deleted
// afterwards), against one fake Slack. Redis is reached through a TCP proxy, so it can be cut mid-run
// without stopping the Redis other tests use.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventBody, postSigned, startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { REDIS_URL, uniqueName } from '../helpers/services.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';
import { startBot, type BotProcess } from '../runtime/bot-process.ts';

const SECRET = 'two-instances-signing-secret';
const PREFIX = `${uniqueName('factbot_two')}:`;

interface Instance {
  bot: BotProcess;
  url: string;
  /** Its /metrics. */
  metrics: string;
}

let slack: FakeSlack;
let proxy: TcpProxy;
let a: Instance;
let b: Instance;

async function instance(): Promise<Instance> {
  const bot = startBot({
    SLACK_BOT_TOKEN: 'xoxb-two-instances',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
    REDIS_KEY_PREFIX: PREFIX,
    RATE_LIMIT_MAX: '2',
    RATE_LIMIT_WINDOW_SECONDS: '600',
    HEALTH_PORT: '0',
    // Debug: a redelivery dropped and a question silenced are logged at debug only.
    LOG_LEVEL: 'debug',
  });
  const port = (await bot.waitForLog((l) => String(l.msg).startsWith('listening on'), 60_000)).port as number;
  const health = (await bot.waitForLog((l) => String(l.msg).startsWith('health and metrics on'))).port as number;
  await bot.waitForLog((l) => String(l.msg).startsWith('Redis connected'));
  await bot.waitForLog((l) => l.msg === 'ready');
  return { bot, url: `http://127.0.0.1:${port}/slack/events`, metrics: `http://127.0.0.1:${health}/metrics` };
}

beforeAll(async () => {
  slack = await startFakeSlack();
  proxy = await startTcpProxy(Number(new URL(REDIS_URL).port || 6379), new URL(REDIS_URL).hostname);
  [a, b] = await Promise.all([instance(), instance()]);
}, 90_000);

afterAll(async () => {
  a?.bot.kill('SIGKILL');
  b?.bot.kill('SIGKILL');
  await Promise.all([a?.bot.exited, b?.bot.exited]);
  await Promise.all([slack?.close(), proxy?.close()]);
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${PREFIX}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
});

/** What a Slack message says (its text and blocks), without its ids and timestamps, which may contain any digits. */
const said = (body: Record<string, unknown>) => JSON.stringify({ text: body.text, blocks: body.blocks });
const count = (bot: BotProcess, msg: string) => bot.logs().filter((l) => l.msg === msg).length;
const repliesTo = (ts: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts);

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Both instances share through Redis now. Sharing holds while Redis answers: a test of it starts once
 * both say so (an instance whose event loop was held up past a command's timeout goes to memory for a
 * moment, and says so in /metrics, until it sees Redis again).
 */
async function bothShared(): Promise<void> {
  const up = async (i: Instance) => /^shared_state_redis_up 1$/m.test(await (await fetch(i.metrics)).text());
  const end = Date.now() + 30_000;
  while (!((await up(a)) && (await up(b)))) {
    if (Date.now() > end) throw new Error('timed out waiting for both instances to share through Redis');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function mention(to: Instance, text: string, user: string) {
  const event = appMention({ text: `<@UBOT> ${text}`, user });
  expect((await postSigned(to.url, SECRET, eventBody(event))).status).toBe(200);
  return event.ts as string;
}

describe('two bot processes sharing Redis', () => {
  it('answer a Slack event sent to both, and its redeliveries to both, exactly once', async () => {
    await bothShared();
    const event = appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?', user: 'U0ONCE' });
    const body = eventBody(event);
    const ignoredBefore = count(a.bot, 'slack redelivery ignored') + count(b.bot, 'slack redelivery ignored');
    // The first delivery to both at once (the load balancer's retry raced it), then Slack's two retries to each.
    const first = await Promise.all([postSigned(a.url, SECRET, body), postSigned(b.url, SECRET, body)]);
    const retries = await Promise.all(
      [1, 2].flatMap((retryNum) => [a, b].map((to) => postSigned(to.url, SECRET, body, { retryNum, retryReason: 'http_timeout' }))),
    );
    for (const res of [...first, ...retries]) expect(res.status).toBe(200);

    // Five of the six deliveries are dropped as redeliveries (logged), the sixth answered once.
    await until(() => count(a.bot, 'slack redelivery ignored') + count(b.bot, 'slack redelivery ignored') - ignoredBefore === 5, 'five deliveries dropped');
    await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === event.ts);
    await until(() => count(a.bot, 'question') + count(b.bot, 'question') >= 1, 'the question line');
    expect(repliesTo(event.ts as string)).toHaveLength(1);
    expect(said(repliesTo(event.ts as string)[0]!.body)).toContain('449');
  });

  it('limit a user over the limit on one instance on the other too', async () => {
    await bothShared();
    const user = 'U0LIMITED';
    for (const to of [a, a]) {
      const ts = await mention(to, '중국 데이터센터 몇 개야?', user);
      expect(said((await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === ts)).body)).toContain('449');
    }
    // The third question, to the other instance: the one polite limit reply.
    const third = await mention(b, '중국 데이터센터 몇 개야?', user);
    const limited = said((await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === third)).body);
    expect(limited).not.toContain('449');
    expect(limited).toContain('질문이 너무 빨라요');
    // The fourth, back on the first instance: silence (told once, across instances).
    const silencedBefore = count(a.bot, 'question silenced (rate limited)');
    const fourth = await mention(a, '중국 데이터센터 몇 개야?', user);
    await until(() => count(a.bot, 'question silenced (rate limited)') > silencedBefore, 'the silenced question');
    expect(repliesTo(fourth)).toEqual([]);
    // Someone else is not limited, on either instance.
    const other = await mention(b, '중국 데이터센터 몇 개야?', 'U0UNLIMITED');
    expect(said((await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === other)).body)).toContain('449');
  });

  it('continue a thread\'s conversation whichever instance gets the follow-up', async () => {
    await bothShared();
    const thread = await mention(a, '중국 데이터센터 몇 개야?', 'U0TALKER');
    await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === thread);
    const followUp = appMention({ text: '<@UBOT> 그럼 미국은?', user: 'U0TALKER', threadTs: thread });
    expect((await postSigned(b.url, SECRET, eventBody(followUp))).status).toBe(200);
    // The follow-up's reply goes to the same thread: the second reply there, with the US figure.
    await until(() => repliesTo(thread).length === 2, 'the follow-up reply');
    expect(said(repliesTo(thread)[1]!.body)).toMatch(/5,?381/);
  });

  it('both keep answering when Redis goes away mid-run, each warns once, and both share again when it is back', async () => {
    await bothShared();
    const wentAway = (bot: BotProcess) => bot.logs().filter((l) => String(l.msg).startsWith('Redis went away')).length;
    const before = [wentAway(a.bot), wentAway(b.bot)];
    await proxy.cut();
    const asked = await Promise.all([mention(a, 'How many data centres does China have?', 'U0CUT1'), mention(b, '독일 데이터센터 몇 개?', 'U0CUT2')]);
    const replies = await Promise.all(asked.map((ts) => slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === ts)));
    expect(said(replies[0]!.body)).toContain('449');
    expect(said(replies[1]!.body)).toContain('521');
    for (const [i, { bot }] of [a, b].entries()) {
      await until(() => wentAway(bot) > before[i]!, 'the warning');
      expect(wentAway(bot)).toBe(before[i]! + 1);
    }
    // More questions while it is away: still answered, no new warning.
    const more = await mention(a, '중국 데이터센터 몇 개야?', 'U0CUT3');
    expect(said((await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === more)).body)).toContain('449');

    expect([wentAway(a.bot), wentAway(b.bot)]).toEqual([before[0]! + 1, before[1]! + 1]);

    await proxy.restore();
    await bothShared();
    // Shared again: an event sent to both is answered once.
    const event = appMention({ text: '<@UBOT> 영국 데이터센터 몇 개?', user: 'U0BACK' });
    const body = eventBody(event);
    const ignoredBefore = count(a.bot, 'slack redelivery ignored') + count(b.bot, 'slack redelivery ignored');
    await Promise.all([postSigned(a.url, SECRET, body), postSigned(b.url, SECRET, body)]);
    await until(() => count(a.bot, 'slack redelivery ignored') + count(b.bot, 'slack redelivery ignored') - ignoredBefore === 1, 'the other delivery dropped');
    await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === event.ts);
    expect(repliesTo(event.ts as string)).toHaveLength(1);
  });
});
