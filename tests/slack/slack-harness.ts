// Test harness: the real Slack adapter (real @slack/bolt app, real core) against a fake Slack on
// 127.0.0.1. Each call gets its own fake and its own ports, so test files run in parallel.
import type { PlatformContext, PublicHttpServer } from '../../src/index.ts';
import { platform } from '../../adapters/slack/index.ts';
import { startSlack, type RunningSlack } from '../../adapters/slack/start-slack.ts';
import type { SlackConfig } from '../../adapters/slack/config.ts';
import { captureContext, type ContextOptions, type HandleOverride, type LogLine } from '../helpers/test-context.ts';
import { postSigned, startFakeSlack, type FakeSlack, type FakeSlackOptions, type SignOptions } from '../fakes/fake-slack.ts';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_USER_ID = 'UBOT';

export { testCore, type LogLine } from '../helpers/test-context.ts';

export interface SlackHarness {
  fake: FakeSlack;
  bot: RunningSlack;
  ctx: PlatformContext<SlackConfig>;
  /** http://127.0.0.1:PORT/slack/events (HTTP mode). */
  eventsUrl: string;
  /** The public port the adapter mounted /slack/events on (HTTP mode). */
  http: PublicHttpServer;
  /** Signs and POSTs a body to the bot's receiver. */
  post(body: string | Record<string, unknown>, options?: SignOptions): Promise<{ status: number; text: string }>;
  logs: LogLine[];
  connection: Array<{ connected: boolean; reason?: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: 'http' | 'socket';
  env?: Record<string, string>;
  handle?: HandleOverride;
  inFlight?: PlatformContext['inFlight'];
  rateLimit?: ContextOptions['rateLimit'];
  defaultLocale?: ContextOptions['defaultLocale'];
  /** A question log for ctx.handle and ctx.vote (default none: answers carry no feedback buttons). */
  questionLog?: ContextOptions['questionLog'];
  fake?: FakeSlackOptions;
  /** How long each request of a chart upload may take (default: the adapter's). */
  chartUploadTimeoutMs?: number;
  charts?: ContextOptions['charts'];
}

/** A context for the Slack adapter configured from `env`, as the runtime would make it. */
export function harnessContext(env: Record<string, string>, options: Omit<HarnessOptions, 'env' | 'mode' | 'fake' | 'chartUploadTimeoutMs'> = {}) {
  return captureContext(platform, { env, ...options });
}

export async function startSlackBot(options: HarnessOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack(options.fake);
  const mode = options.mode ?? 'http';
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.apiUrl,
    ...(mode === 'http' ? { SLACK_SIGNING_SECRET: SIGNING_SECRET } : { SLACK_APP_TOKEN: 'xapp-test-token' }),
    ...options.env,
  };
  const { mode: _mode, env: _env, fake: _fake, chartUploadTimeoutMs, ...contextOptions } = options;
  const { ctx, http, logs, connection } = harnessContext(env, contextOptions);
  let bot: RunningSlack;
  try {
    bot = await startSlack(ctx, { clientOptions: { retryConfig: { retries: 0 } }, processBeforeResponse: true, ...(chartUploadTimeoutMs !== undefined ? { chartUploadTimeoutMs } : {}) });
    // As the runtime does once every platform has started: listen when something was mounted.
    if (http.mounted.length > 0) await http.listen(0, '127.0.0.1');
  } catch (err) {
    await fake.close();
    throw err;
  }
  const eventsUrl = `http://127.0.0.1:${http.port ?? 0}/slack/events`;
  return {
    fake,
    bot,
    ctx,
    eventsUrl,
    http,
    post: (body, signOptions) => postSigned(eventsUrl, SIGNING_SECRET, body, signOptions),
    logs,
    connection,
    async close() {
      await Promise.all([http.close(), bot.stop()]);
      await ctx.inFlight.idle();
      await bot.close?.();
      await fake.close();
    },
  };
}

/** All the text a posted message shows: its fallback text and every text in its blocks. */
export function visibleText(body: Record<string, unknown>): string {
  return JSON.stringify([body.text, body.blocks]);
}

/** The section text of a posted message (the answer). */
export function sectionText(body: Record<string, unknown>): string {
  const blocks = (body.blocks ?? []) as Array<{ type: string; text?: { text: string } }>;
  return blocks.find((b) => b.type === 'section')?.text?.text ?? '';
}

/** The context texts of a posted message (the citations). */
export function contextTexts(body: Record<string, unknown>): string[] {
  const blocks = (body.blocks ?? []) as Array<{ type: string; elements?: Array<{ text?: string }> }>;
  return blocks.filter((b) => b.type === 'context').flatMap((b) => (b.elements ?? []).map((e) => e.text ?? ''));
}
