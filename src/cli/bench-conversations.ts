// `npm run bench:conversations`: memory stays bounded however many conversations there are. 100,000
// conversations (distinct ids, as Slack threads would give) each ask a question and then a follow-up
// ("그럼 미국은?"), through the runtime's handle() (the conversation store, then core.ask) as a platform's
// question goes; then the oldest and the newest conversations ask once more, to show which ones the
// store still holds. Reported: RSS and the heap after a full collection, before and after; the store's
// size against its cap; p50/p99 of a turn (store get + ask + store set).
// Each cap runs in a process of its own, so its RSS is its own: the bot's default cap, and a cap that
// holds every conversation (what an unbounded store would cost), for comparison.
//   npm run bench:conversations                                 both caps, 100,000 conversations
//   npm run bench:conversations -- --conversations 20000        fewer
//   npm run --silent bench:conversations -- --json              one JSON line per cap
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createCore } from '../core.ts';
import { createHandle } from '../runtime/handle-question.ts';
import { createMetrics } from '../runtime/metrics.ts';
import { createRateLimiter } from '../runtime/rate-limiter.ts';
import { createMemoryConversationStore, DEFAULT_CONVERSATION_LIMITS, type ConversationStore } from '../runtime/conversation-store.ts';
import type { Answer } from '../types.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive whole number`);
  return v;
};
const json = args.includes('--json');
const conversations = option('--conversations', 100_000);
/** How many of the oldest and of the newest conversations ask a third turn at the end. */
const PROBE = Math.min(1_000, Math.floor(conversations / 10));
const progress = (s: string) => process.stderr.write(`${s}\n`);

// What opens a conversation, and what follows it: several topics and both languages, so the stored
// contexts differ as real ones do. Each follow-up leans on its opener.
const DIALOGUES: Array<[string, string]> = [
  ['중국 데이터센터 몇 개야?', '그럼 미국은?'],
  ['독일 대형 데이터센터 몇 개야?', '영국은?'],
  ['How many data centres does China have?', 'And the US?'],
  ['문샷 AI 창업자 누구야?', '그 사람 몇 살이야?'],
  ['문샷 AI 기업가치 얼마야?', '출처는?'],
  ['When was MiniMax founded?', 'And Zhipu AI?'],
  ['중국 대형 데이터센터 몇 개야?', '그럼 미국은 중국의 몇 배야?'],
  ['How many large data centres does the UK have?', "Where's that number from?"],
];
/** The third turn of the probe: a follow-up that leans on whatever the conversation was about. */
const PROBE_TURN = '그럼 한국은?';
/** Conversations asked before measuring, so the code is compiled (a running bot's is). */
const WARM_UP_CONVERSATIONS = 2_000;

interface CapResult {
  conversations: number;
  cap: number;
  ttl_min: number;
  store_size: number;
  rss_mb: { before: number; after: number };
  heap_mb: { before: number; after: number };
  first_turn: { p50_ms: number; p99_ms: number };
  follow_up: { p50_ms: number; p99_ms: number; resolved: number };
  probe: { oldest_kept: number; newest_kept: number; of: number };
  seconds: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
const percentile = (sorted: Float64Array, p: number) => +(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(3);
/** A follow-up the core resolved says first how it read it ("↪ 미국 · 데이터센터 수"). */
const resolved = (a: Answer | null) => a?.body.startsWith('↪') === true;

/** Live memory, after a full collection when node was started with --expose-gc. */
function memory(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed) };
}

/** Conversations in a store of their own, dropped before measuring: the code is compiled, as in a running bot. */
async function warmUp(handle: ReturnType<typeof createHandle>): Promise<void> {
  for (let i = 0; i < WARM_UP_CONVERSATIONS; i++) {
    const [opener, followUp] = DIALOGUES[i % DIALOGUES.length]!;
    await handle({ text: opener, platform: 'slack', conversation: `warm-${i}` });
    await handle({ text: followUp, platform: 'slack', conversation: `warm-${i}` });
  }
}

async function measure(cap: number): Promise<CapResult> {
  const started = performance.now();
  const core = createCore();
  const store = createMemoryConversationStore({ ...DEFAULT_CONVERSATION_LIMITS, max: cap });
  // The bot's pipeline; not rate limited (one process asking for 100,000 people), logs at warn so a
  // log line per turn is not what is measured.
  const pipeline = (conversations: ConversationStore) =>
    createHandle({
      core,
      logger: pino({ level: 'warn' }, process.stderr),
      metrics: createMetrics({ defaultMetrics: false }),
      limiter: createRateLimiter({ max: 1, windowMs: 1_000 }),
      unlimited: new Set(['slack']),
      conversations,
    });
  const handle = pipeline(store);
  // Slack thread keys, as the mention listener makes them (channel:thread_ts).
  const key = (i: number) => `C0BENCH${i % 97}:1700000000.${String(i).padStart(6, '0')}`;
  const turn = (i: number, text: string) => handle({ text, platform: 'slack', userId: `U${i}`, conversation: key(i) });

  await warmUp(pipeline(createMemoryConversationStore()));
  const before = memory();

  const first = new Float64Array(conversations);
  const follow = new Float64Array(conversations);
  let followResolved = 0;
  for (let i = 0; i < conversations; i++) {
    const [opener, followUp] = DIALOGUES[i % DIALOGUES.length]!;
    let t = performance.now();
    await turn(i, opener);
    first[i] = performance.now() - t;
    t = performance.now();
    const answer = await turn(i, followUp);
    follow[i] = performance.now() - t;
    if (resolved(answer)) followResolved += 1;
    if ((i + 1) % Math.max(1, Math.floor(conversations / 10)) === 0) progress(`cap ${cap}: ${i + 1} conversations, store ${store.size}, RSS ${mb(process.memoryUsage().rss)} MB`);
  }
  const after = memory();
  const storeSize = store.size;

  // The oldest conversations were pushed out when the cap was reached; the newest are still there. A
  // third turn finds its conversation when its answer's context carries the earlier turns. The newest
  // are asked first: the oldest, asked again, become new conversations that push others out.
  const kept = async (i: number) => ((await turn(i, PROBE_TURN))?.context?.turns.length ?? 0) > 1;
  let newestKept = 0;
  for (let i = conversations - PROBE; i < conversations; i++) if (await kept(i)) newestKept += 1;
  let oldestKept = 0;
  for (let i = 0; i < PROBE; i++) if (await kept(i)) oldestKept += 1;

  first.sort();
  follow.sort();
  return {
    conversations,
    cap,
    ttl_min: DEFAULT_CONVERSATION_LIMITS.ttlMs / 60_000,
    store_size: storeSize,
    rss_mb: { before: before.rss, after: after.rss },
    heap_mb: { before: before.heap, after: after.heap },
    first_turn: { p50_ms: percentile(first, 50), p99_ms: percentile(first, 99) },
    follow_up: { p50_ms: percentile(follow, 50), p99_ms: percentile(follow, 99), resolved: followResolved },
    probe: { oldest_kept: oldestKept, newest_kept: newestKept, of: PROBE },
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

const capArg = args.indexOf('--cap');
if (capArg >= 0) {
  // A child: one cap, one JSON line.
  process.stdout.write(JSON.stringify(await measure(option('--cap', DEFAULT_CONVERSATION_LIMITS.max))) + '\n');
} else {
  // The bot's default cap, and one that holds every conversation: each in a fresh process.
  const caps = [DEFAULT_CONVERSATION_LIMITS.max, conversations];
  const results: CapResult[] = [];
  for (const cap of caps) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--cap', String(cap), '--conversations', String(conversations)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`bench child for cap ${cap} failed (exit ${child.status})`);
    results.push(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as CapResult);
  }
  if (json) for (const r of results) process.stdout.write(JSON.stringify(r) + '\n');
  else {
    console.log(`${conversations.toLocaleString('en')} conversations of two turns each (opener, follow-up), through the runtime's handle(); ${results[0]!.ttl_min} min of silence ends one`);
    console.log('cap       store size  RSS MB before → after  heap MB before → after  opener p50 / p99 ms    follow-up p50 / p99 ms  follow-ups resolved  oldest / newest still held  s');
    for (const r of results) {
      console.log(
        `${String(r.cap).padEnd(9)} ${String(r.store_size).padStart(10)}  ${`${r.rss_mb.before} → ${r.rss_mb.after}`.padStart(21)}  ${`${r.heap_mb.before} → ${r.heap_mb.after}`.padStart(22)}  ${`${r.first_turn.p50_ms} / ${r.first_turn.p99_ms}`.padStart(21)}  ${`${r.follow_up.p50_ms} / ${r.follow_up.p99_ms}`.padStart(22)}  ${String(r.follow_up.resolved).padStart(19)}  ${`${r.probe.oldest_kept} / ${r.probe.newest_kept} of ${r.probe.of}`.padStart(26)}  ${r.seconds}`,
      );
    }
    const bounded = results.every((r) => r.store_size <= r.cap);
    console.log(bounded ? 'PASS: every store stayed within its cap' : 'FAIL: a store grew past its cap');
    if (!bounded) process.exitCode = 1;
  }
}
