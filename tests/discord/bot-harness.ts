// Test harness: the real Discord adapter (real discord.js client, real core) logged in to a fake
// Discord on 127.0.0.1. Each call gets its own fake on its own port, so test files run in parallel.
import { type ChartRenderer, type Core, type PlatformContext, type RunningPlatform } from '../../src/index.ts';
import { platform } from '../../adapters/discord/index.ts';
import { captureContext, type ContextOptions, type HandleOverride, testCharts, testCore, type LogLine } from '../helpers/test-context.ts';
import type { DiscordConfig } from '../../adapters/discord/config.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fakes/fake-discord.ts';

export { testCore, type LogLine } from '../helpers/test-context.ts';

export interface BotHarness {
  fake: FakeDiscord;
  ctx: PlatformContext<DiscordConfig>;
  running: RunningPlatform;
  /** Every log line the adapter wrote (JSON, parsed). */
  logs: LogLine[];
  /** Every ctx.setConnected call. */
  connection: { connected: boolean; reason?: string }[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  handle?: HandleOverride;
  /** Replace the core the adapter sees (e.g. one whose suggest throws). */
  core?: (core: Core) => Core;
  rateLimit?: ContextOptions['rateLimit'];
  /** A question log for ctx.handle and ctx.vote (default none: answers carry no feedback buttons). */
  questionLog?: ContextOptions['questionLog'];
  fake?: FakeDiscordOptions;
  /** Replace the chart renderer the adapter sees (e.g. one whose drawing fails). */
  charts?: (charts: ChartRenderer) => ChartRenderer;
}

export interface TestContext {
  ctx: PlatformContext<DiscordConfig>;
  logs: LogLine[];
  connection: { connected: boolean; reason?: string }[];
}

/** A PlatformContext like the runtime builds for Discord, with the logs and connection reports captured. */
export function makeContext(options: HarnessOptions = {}, env: Record<string, string | undefined> = {}): TestContext {
  return captureContext(platform, {
    env,
    ...(options.core ? { core: options.core(testCore()) } : {}),
    ...(options.handle ? { handle: options.handle } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.questionLog ? { questionLog: options.questionLog } : {}),
    ...(options.charts ? { charts: options.charts(testCharts()) } : {}),
  });
}

export async function startBot(options: HarnessOptions = {}): Promise<BotHarness> {
  const fake = await startFakeDiscord(options.fake);
  const { ctx, logs, connection } = makeContext(options, {
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE: fake.apiBase,
  });
  let running: RunningPlatform;
  try {
    running = await platform.start(ctx);
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    fake,
    ctx,
    running,
    logs,
    connection,
    async close() {
      // As the runtime stops a platform: stop taking events, drain the answers in flight, disconnect.
      await running.stop();
      await ctx.inFlight.idle();
      await running.close?.();
      await fake.close();
    },
  };
}

/** The `data` of an interaction callback body (type 4: the message). */
export function callbackData(body: unknown): CallbackMessage {
  return ((body as { data?: CallbackMessage }).data ?? {}) as CallbackMessage;
}

export interface CallbackMessage {
  content?: string;
  flags?: number;
  embeds?: {
    title?: string;
    description?: string;
    url?: string;
    image?: { url: string };
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  components?: { type: number; components: { type: number; custom_id: string; label: string; style: number }[] }[];
  attachments?: { id: number | string; filename: string; description?: string }[];
}

export const EPHEMERAL = 1 << 6;

/** All of an embed's visible text, for "does the reply mention X" assertions. */
export function embedText(message: CallbackMessage): string {
  return (message.embeds ?? [])
    .map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'))
    .join('\n');
}
