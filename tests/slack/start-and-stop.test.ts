// Starting the Slack adapter: configuration problems name the variable (before anything connects); a
// token Slack rejects is a clear error, not a crash. Stopping lets answers in flight finish.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/index.ts';
import { platform } from '../../adapters/slack/index.ts';
import { startSlack } from '../../adapters/slack/start-slack.ts';
import { configFor } from '../helpers/test-context.ts';
import { appMention, eventBody, postSigned, startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { harnessContext, SIGNING_SECRET } from './slack-harness.ts';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** The ConfigError configure() throws for this environment (the runtime calls it before starting anything). */
function configError(env: Record<string, string>): ConfigError {
  try {
    configFor(platform, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('configured without an error');
}

async function startError(env: Record<string, string>): Promise<ConfigError> {
  const { ctx } = harnessContext(env);
  const err = await startSlack(ctx, { clientOptions: { retryConfig: { retries: 0 } } }).then(
    () => {
      throw new Error('started');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

describe('Slack adapter configuration', () => {
  it('is enabled by SLACK_BOT_TOKEN alone (an empty value is unset)', () => {
    const enabled = (env: Record<string, string>) => platform.isConfigured(platform.variables.parse(env) as Record<string, unknown>);
    expect(platform.name).toBe('slack');
    expect(enabled({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(true);
    expect(enabled({ SLACK_BOT_TOKEN: ' ' })).toBe(false);
    expect(enabled({})).toBe(false);
  });

  it('names SLACK_SIGNING_SECRET when neither Socket Mode nor a signing secret is configured', () => {
    const err = configError({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(err.variable).toBe('SLACK_SIGNING_SECRET');
    expect(err.message).toContain('SLACK_APP_TOKEN');
  });

  it('names SLACK_APP_TOKEN when it is not an app-level token, without printing it', () => {
    const err = configError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-oops-SECRET' });
    expect(err.variable).toBe('SLACK_APP_TOKEN');
    expect(err.message).not.toContain('SECRET');
  });

  it('names SLACK_BOT_TOKEN when it is not a bot token', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xapp-wrong-kind', SLACK_SIGNING_SECRET: 's' }).variable).toBe('SLACK_BOT_TOKEN');
  });
});

describe('Slack adapter start', () => {
  it('turns invalid_auth from auth.test into a ConfigError naming SLACK_BOT_TOKEN', async () => {
    fake = await startFakeSlack({ rejectBotToken: true });
    const err = await startError({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl });
    expect(err.variable).toBe('SLACK_BOT_TOKEN');
    expect(err.message).toContain('invalid_auth');
  });

  it('turns a rejected app token into a ConfigError naming SLACK_APP_TOKEN', async () => {
    fake = await startFakeSlack({ rejectAppToken: true });
    const err = await startError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-revoked', SLACK_API_URL: fake.apiUrl });
    expect(err.variable).toBe('SLACK_APP_TOKEN');
  });

  it('fails with a clear error, not a crash, when Slack cannot be reached', async () => {
    const { ctx } = harnessContext({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    await expect(startSlack(ctx, { clientOptions: { retryConfig: { retries: 0 } } })).rejects.toThrow(/auth\.test/);
  });
});

describe('Slack adapter stop', () => {
  it('lets an answer in flight finish: the runtime waits for ctx.inFlight between stop() and close()', async () => {
    // Slow chat.postMessage; production settings (ack at once, answer after).
    fake = await startFakeSlack({ latencyMs: (method) => (method === 'chat.postMessage' ? 300 : 0) });
    const { ctx, http, connection, logs } = harnessContext({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    const bot = await startSlack(ctx, { clientOptions: { retryConfig: { retries: 0 } } });
    await http.listen(0, '127.0.0.1');
    const res = await postSigned(`http://127.0.0.1:${http.port}/slack/events`, SIGNING_SECRET, eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' })));
    expect(res.status).toBe(200);
    await fake.waitForCall('chat.postMessage');
    await Promise.all([http.close(), bot.stop()]);
    await ctx.inFlight.idle();
    await bot.close?.();
    // The reply's response came back before the drain ended: the answer was delivered, not cut off.
    expect(fake.answered.get('chat.postMessage')).toBe(1);
    expect(JSON.stringify(logs)).not.toContain('slack listener failed');
    expect(connection.at(-1)).toEqual({ connected: false, reason: 'stopped' });
  });
});
