// What reaches the Slack port before Bolt does: oversized, unsigned, stale, malformed and unknown
// requests are answered at once with a status that says why, and logged; nothing is buffered whole.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { appMention, buttonClick, eventBody, formBody, signedRequest, slashCommand } from '../fakes/fake-slack.ts';
import { SIGNING_SECRET, startSlackBot, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * Sends the headers and a first chunk of a body that claims `declared` bytes (or is chunked), and
 * resolves with the status as soon as the bot answers, with how many body bytes had been sent by then.
 */
function sendPartly(url: string, headers: Record<string, string>, declared?: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: { ...headers, ...(declared !== undefined ? { 'content-length': String(declared) } : {}) } }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    // Keep sending slowly until answered, up to 8 MB (the bot must answer long before).
    const pump = () => {
      if (answered || sent >= 8 * 1024 * 1024) return;
      sent += chunk.length;
      req.write(chunk, () => setTimeout(pump, 5));
    };
    pump();
  });
}

const signedHeaders = (body = '{}') => signedRequest(SIGNING_SECRET, body, { contentType: 'application/json' }).headers;

describe('the Slack HTTP port, before Bolt', () => {
  it('refuses an unsigned 100 MB POST with 401 before reading its body', async () => {
    h = await startSlackBot();
    const { status, sent } = await sendPartly(h.eventsUrl, { 'content-type': 'application/json' }, 100 * 1024 * 1024);
    expect(status).toBe(401);
    expect(sent).toBeLessThan(100 * 1024 * 1024);
    expect(h.logs.some((l) => l.msg === 'slack request refused' && l.reason === 'unsigned')).toBe(true);
  });

  it('refuses a signed body declared over 1 MB with 413 before reading it', async () => {
    h = await startSlackBot();
    const { status } = await sendPartly(h.eventsUrl, signedHeaders(), 2 * 1024 * 1024);
    expect(status).toBe(413);
  });

  it('refuses a chunked body that grows past 1 MB with 413 while reading it', async () => {
    h = await startSlackBot();
    const { status, sent } = await sendPartly(h.eventsUrl, { ...signedHeaders(), 'transfer-encoding': 'chunked' });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(8 * 1024 * 1024);
    expect(h.logs.some((l) => l.msg === 'slack request refused' && l.status === 413)).toBe(true);
  });

  it('answers a signed event whose "event" is a string with 400 at once, and logs it', async () => {
    h = await startSlackBot();
    const res = await h.post({ ...eventBody(appMention({ text: '<@UBOT> hi' })), event: 'app_mention' });
    expect(res.status).toBe(400);
    expect(h.logs.some((l) => l.reason === 'malformed event')).toBe(true);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers signed bodies Bolt cannot classify with 400 at once (not 404 after 3 s)', async () => {
    h = await startSlackBot();
    for (const body of [{ hello: 'world' }, { type: 'unknown_thing' }, { type: 'event_callback' }, [1, 2, 3] as unknown as Record<string, unknown>]) {
      expect((await h.post(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await h.post('not=a&slack=payload')).status).toBe(400);
    expect((await h.post('{not json', { contentType: 'application/json' })).status).toBe(400);
  });

  it('answers a command it has no listener for with 400, and a click on a button it does not know with 200', async () => {
    h = await startSlackBot();
    const command = await h.post(formBody(slashCommand({ text: 'x', command: '/weather', responseUrl: h.fake.responseUrl() })));
    expect(command.status).toBe(400);
    const click = await h.post(formBody({ payload: buttonClick({ actionId: 'old_button', value: 'x', responseUrl: h.fake.responseUrl() }) }));
    expect(click.status).toBe(200);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it("answers Slack's unsigned ssl_check ping, and nothing else unsigned", async () => {
    h = await startSlackBot();
    const ping = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(ping.status).toBe(200);
    const sneaky = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody(slashCommand({ text: 'x', responseUrl: h.fake.responseUrl() })) });
    expect(sneaky.status).toBe(401);
  });

  it('still answers a normal signed mention after all that', async () => {
    h = await startSlackBot();
    await sendPartly(h.eventsUrl, { 'content-type': 'application/json' }, 100 * 1024 * 1024);
    expect((await h.post(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' })))).status).toBe(200);
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(JSON.stringify(post.body)).toContain('449');
  });
});
