// Starting the Slack adapter: configuration problems name the variable; a rejected token is a clear
// error, not a crash. Stopping lets answers in flight finish.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/index.ts';
import { platform, startSlack } from '../../adapters/slack/index.ts';
import { appMention, eventBody, postSigned, startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { harnessContext, SIGNING_SECRET } from './slack-harness.ts';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

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

describe('Slack adapter start', () => {
  it('is configured by SLACK_BOT_TOKEN alone', () => {
    expect(platform.name).toBe('slack');
    expect(platform.isConfigured({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(true);
    expect(platform.isConfigured({ SLACK_BOT_TOKEN: ' ' })).toBe(false);
    expect(platform.isConfigured({})).toBe(false);
  });

  it('names SLACK_SIGNING_SECRET when neither Socket Mode nor a signing secret is configured', async () => {
    const err = await startError({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(err.variable).toBe('SLACK_SIGNING_SECRET');
    expect(err.message).toContain('SLACK_APP_TOKEN');
  });

  it('names SLACK_APP_TOKEN when it is not an app-level token, without printing it', async () => {
    const err = await startError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-oops-SECRET' });
    expect(err.variable).toBe('SLACK_APP_TOKEN');
    expect(err.message).not.toContain('SECRET');
  });

  it('names SLACK_BOT_TOKEN when it is not a bot token', async () => {
    const err = await startError({ SLACK_BOT_TOKEN: 'xapp-wrong-kind', SLACK_SIGNING_SECRET: 's' });
    expect(err.variable).toBe('SLACK_BOT_TOKEN');
  });

  it('turns invalid_auth from auth.test into a ConfigError naming SLACK_BOT_TOKEN', async () => {
    fake = await startFakeSlack({ rejectBotToken: true });
    const err = await startError({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, PORT: '0' });
    expect(err.variable).toBe('SLACK_BOT_TOKEN');
    expect(err.message).toContain('invalid_auth');
  });

  it('turns a rejected app token into a ConfigError naming SLACK_APP_TOKEN', async () => {
    fake = await startFakeSlack({ rejectAppToken: true });
    const err = await startError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-revoked', SLACK_API_URL: fake.apiUrl });
    expect(err.variable).toBe('SLACK_APP_TOKEN');
  });

  it('names PORT when the port is taken', async () => {
    fake = await startFakeSlack();
    const taken = new URL(fake.apiUrl).port;
    const err = await startError({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, PORT: taken });
    expect(err.variable).toBe('PORT');
  });

  it('fails with a clear error, not a crash, when Slack cannot be reached', async () => {
    const { ctx } = harnessContext({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '0' });
    await expect(startSlack(ctx, { clientOptions: { retryConfig: { retries: 0 } } })).rejects.toThrow(/auth\.test/);
  });
});

describe('Slack adapter stop', () => {
  it('lets an answer in flight finish before stop() resolves', async () => {
    // Slow chat.postMessage; production settings (ack at once, answer after).
    fake = await startFakeSlack({ latencyMs: (method) => (method === 'chat.postMessage' ? 300 : 0) });
    const { ctx, connection, logs } = harnessContext({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    const bot = await startSlack(ctx, { clientOptions: { retryConfig: { retries: 0 } } });
    const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET, eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' })));
    expect(res.status).toBe(200);
    await fake.waitForCall('chat.postMessage');
    await bot.stop();
    // The reply's response came back before stop() resolved: the answer was delivered, not cut off.
    expect(fake.answered.get('chat.postMessage')).toBe(1);
    expect(JSON.stringify(logs)).not.toContain('slack listener failed');
    expect(connection.at(-1)).toEqual({ connected: false, reason: 'stopped' });
  });
});
