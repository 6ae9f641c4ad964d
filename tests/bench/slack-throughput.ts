// `npm run bench:slack [-- --json] [-- --events N --concurrency C]`: signed app_mention events per second
// through the bot's HTTP receiver (its door, Bolt, the listeners, the core), end to end to a fake Web API
// (chat.postMessage answered, and a chart uploaded under the answers that carry one), against a bare Bolt
// app with the same setup that posts a fixed reply, and uploads a fixed PNG under the same questions'
// replies (files.uploadV2, as the bot does). Both run in this process on loopback, in
// alternating rounds after a warm-up, so they share the machine's state. The bot must keep >= 90% of the
// bare app's throughput (exit code 1 otherwise).
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { App } from '@slack/bolt';
import { pino } from 'pino';
import { createChartRenderer, createCore, createInFlight, createPublicHttp, type Answer, type ChartView, type PlatformContext, type Question } from '../../src/index.ts';
import { replyLocale } from '../../src/runtime/reply-locale.ts';
import { configureSlack, variables, type SlackConfig } from '../../adapters/slack/config.ts';
import { commonBoltOptions } from '../../adapters/slack/create-slack-app.ts';
import { startSlack } from '../../adapters/slack/start-slack.ts';
import { renderAnswer } from '../../adapters/slack/render-answer.ts';
import { appMention, eventBody, signedRequest, startFakeSlack } from '../fakes/fake-slack.ts';

const SECRET = 'bench-signing-secret';
const REQUIRED_RATIO = 0.9;
const QUESTIONS = [
  '<@UBOT> 중국 데이터센터 몇 개야?',
  '<@UBOT> How many data centres does China have?',
  '<@UBOT> 딥시크 개발비는 얼마야?',
  '<@UBOT> What is KAIST ranked in the Nature Index?',
  '<@UBOT> 내일 서울 날씨 어때?',
];

interface Args {
  json: boolean;
  /** --cached-answers: memoise core.ask per question, to isolate the adapter's own cost from the core's. */
  cachedAnswers: boolean;
  events: number;
  concurrency: number;
  rounds: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return { json: argv.includes('--json'), cachedAnswers: argv.includes('--cached-answers'), events: value('--events', 2000), concurrency: value('--concurrency', 20), rounds: value('--rounds', 4) };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const fake = await startFakeSlack({ record: false });
  const config = configureSlack(variables.parse({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl }));
  const logger = pino({ level: 'silent' });
  const core = createCore();
  const memo = new Map<string, Answer>();
  const ask = (q: Question): Answer => {
    if (!args.cachedAnswers) return core.ask(q);
    const hit = memo.get(q.text);
    if (hit) return hit;
    const answer = core.ask(q);
    memo.set(q.text, answer);
    return answer;
  };
  const http = createPublicHttp();
  const ctx: PlatformContext<SlackConfig> = {
    core,
    charts: createChartRenderer(core),
    config,
    settings: { defaultLocale: 'ko', rateLimit: { max: 5, windowSeconds: 10 } },
    logger,
    handle: async (q) => ask(q),
    vote: async () => 'unavailable',
    // Every event of the bench is new: the memory dedupe would only measure itself.
    firstDelivery: async () => true,
    locale: (text, ui) => replyLocale(core, text, ui ?? 'ko'),
    inFlight: createInFlight(),
    http,
    setConnected: () => {},
  };
  const clientOptions = { retryConfig: { retries: 0 } };

  // The bot, as `npm start` runs it, but answering before the HTTP response so a response means "posted".
  const bot = await startSlack(ctx, { clientOptions, processBeforeResponse: true });
  await http.listen(0, '127.0.0.1');
  // The bare app: the same Bolt options, a listener that posts a fixed reply in the thread.
  const bare = new App({
    ...commonBoltOptions({ config, identity: { botUserId: 'UBOT', botId: 'BBOT' }, logger, clientOptions }),
    signingSecret: SECRET,
    endpoints: '/slack/events',
    processBeforeResponse: true,
  });
  // A fixed reply of the same shape as the bot's (a section and a citation context block, rendered
  // once): the difference between the two apps is then the bot's own work, not the size of a message.
  const fixed = renderAnswer(core.ask({ text: QUESTIONS[0]!.replace('<@UBOT> ', '') }), core.t);
  // The picture the bot uploads under each question's answer (none for some), drawn once: the bare app
  // uploads the same bytes under the same questions, so both make the same calls with the same payloads
  // and the difference stays the bot's own work.
  const pictures = new Map<string, { view: ChartView; png: Buffer }>();
  for (const q of QUESTIONS) {
    const view = ctx.charts.forAnswer(core.ask({ text: q.replace('<@UBOT> ', ''), locale: 'ko' }));
    if (view) pictures.set(q, { view, png: await ctx.charts.png(view) });
  }
  bare.event('app_mention', async ({ event, client }) => {
    const thread = event.thread_ts ?? event.ts;
    await client.chat.postMessage({ channel: event.channel, thread_ts: thread, unfurl_links: false, unfurl_media: false, ...fixed });
    const picture = pictures.get(event.text);
    if (picture) {
      const { view, png } = picture;
      await client.files.uploadV2({ channel_id: event.channel, thread_ts: thread, file: png, filename: view.fileName, title: view.title, alt_text: view.altText });
    }
  });
  const bareServer = (await bare.start(0)) as Server;
  const targets = {
    bare: { port: (bareServer.address() as AddressInfo).port, ms: 0, events: 0 },
    bot: { port: http.port ?? 0, ms: 0, events: 0 },
  };

  const run = async (port: number, count: number) => {
    // A fresh keep-alive pool per round: a socket idle through the other app's round could meet the
    // server's keep-alive timeout and reset mid-request on a loaded machine.
    const agent = new Agent({ keepAlive: true, maxSockets: args.concurrency });
    // Signed up front: signing is Slack's work, not the app's.
    const requests = Array.from({ length: count }, (_, i) => signedRequest(SECRET, eventBody(appMention({ text: QUESTIONS[i % QUESTIONS.length] ?? '' }))));
    const postsBefore = fake.answered.get('chat.postMessage') ?? 0;
    const uploadsBefore = fake.answered.get('files.completeUploadExternal') ?? 0;
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: args.concurrency }, async () => {
        while (next < requests.length) {
          const r = requests[next++];
          if (r) await post(agent, port, r);
        }
      }),
    );
    const ms = performance.now() - start;
    agent.destroy();
    const posted = (fake.answered.get('chat.postMessage') ?? 0) - postsBefore;
    if (posted !== count) throw new Error(`expected ${count} replies posted, saw ${posted}`);
    const charts = Array.from({ length: count }, (_, i) => QUESTIONS[i % QUESTIONS.length]!).filter((q) => pictures.has(q)).length;
    const uploaded = (fake.answered.get('files.completeUploadExternal') ?? 0) - uploadsBefore;
    if (uploaded !== charts) throw new Error(`expected ${charts} charts uploaded, saw ${uploaded}`);
    return ms;
  };

  // Warm-up (JIT, sockets, the core's caches), then alternating rounds.
  await run(targets.bare.port, 300);
  await run(targets.bot.port, 300);
  const perRound = Math.ceil(args.events / args.rounds);
  for (let round = 0; round < args.rounds; round++) {
    const order = round % 2 === 0 ? (['bare', 'bot'] as const) : (['bot', 'bare'] as const);
    for (const name of order) {
      targets[name].ms += await run(targets[name].port, perRound);
      targets[name].events += perRound;
    }
  }

  await Promise.all([http.close(), bot.stop()]);
  await bare.stop();
  await fake.close();

  // What core.ask alone costs per question of this mix (the bot's answers; the bare app has none).
  const coreStart = performance.now();
  for (let i = 0; i < 500; i++) core.ask({ text: (QUESTIONS[i % QUESTIONS.length] ?? '').replace('<@UBOT> ', ''), locale: 'ko' });
  const coreMsPerQuestion = (performance.now() - coreStart) / 500;

  const rate = (t: { ms: number; events: number }) => (t.events / t.ms) * 1000;
  const bareRate = rate(targets.bare);
  const botRate = rate(targets.bot);
  const ratio = botRate / bareRate;
  const pass = ratio >= REQUIRED_RATIO;
  const result = {
    bench: 'slack-http-events',
    events: targets.bot.events,
    concurrency: args.concurrency,
    bareEventsPerSecond: Math.round(bareRate),
    botEventsPerSecond: Math.round(botRate),
    ratio: Math.round(ratio * 1000) / 1000,
    coreAskMs: Math.round(coreMsPerQuestion * 1000) / 1000,
    cachedAnswers: args.cachedAnswers,
    required: REQUIRED_RATIO,
    pass,
  };
  if (args.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    process.stdout.write(
      [
        `Slack HTTP events, end to end to the fake Web API (${result.events} signed app_mention events each, concurrency ${args.concurrency}):`,
        `  bare Bolt app (fixed reply): ${result.bareEventsPerSecond} events/s`,
        `  fact bot (real answers):     ${result.botEventsPerSecond} events/s`,
        `  ratio: ${(ratio * 100).toFixed(1)}% (required >= ${REQUIRED_RATIO * 100}%) ${pass ? 'PASS' : 'FAIL'}`,
        `  core.ask alone: ${result.coreAskMs} ms per question${args.cachedAnswers ? ' (answers memoised in this run: adapter cost only)' : ''}`,
      ].join('\n') + '\n',
    );
  }
  return pass ? 0 : 1;
}

function post(agent: Agent, port: number, signed: { headers: Record<string, string>; body: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent, headers: { ...signed.headers, 'content-length': Buffer.byteLength(signed.body) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(signed.body);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench:slack failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(2);
  },
);
