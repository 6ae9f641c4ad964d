// The Slack adapter over its HTTP receiver: signed Events API requests from a fake Slack, answers posted
// to the fake Web API by the real Bolt app.
import { afterEach, describe, expect, it } from 'vitest';
import { appMention, directMessage, eventBody, messageTs, signedRequest } from '../fakes/fake-slack.ts';
import { contextTexts, sectionText, startSlackBot, visibleText, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Slack mentions over HTTP', () => {
  it('answers a Korean mention in its thread, in Korean, with the figure and the citation block', async () => {
    h = await startSlackBot();
    const ts = messageTs();
    const res = await h.post(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?', ts, channel: 'C0KO' })));
    expect(res.status).toBe(200);

    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.channel).toBe('C0KO');
    expect(post.body.thread_ts).toBe(ts);
    expect(post.token).toBe('xoxb-test-token');
    expect(sectionText(post.body)).toContain('449');
    expect(sectionText(post.body)).toMatch(/데이터센터/);
    const citation = contextTexts(post.body).join('\n');
    expect(citation).toContain('출처: VisualCapitalist');
    expect(citation).toContain('도표: 주요국별 대형 데이터 센터 보유수');
    expect(citation).toContain('기사: 뉴스투데이');
    expect(citation).toContain('2025-02-24');
    expect(String(post.body.text)).toContain('449');
  });

  it('answers an English mention in English with the figure and the citation block', async () => {
    h = await startSlackBot();
    const ts = messageTs();
    await h.post(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?', ts })));

    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.thread_ts).toBe(ts);
    expect(sectionText(post.body)).toContain('449');
    expect(sectionText(post.body)).toMatch(/data centres/i);
    expect(sectionText(post.body)).not.toMatch(/[가-힣]/);
    const citation = contextTexts(post.body).join('\n');
    expect(citation).toContain('Source: VisualCapitalist');
    expect(citation).toContain('Article: Newstoday');
  });

  it('replies inside the existing thread when the mention is in a thread', async () => {
    h = await startSlackBot();
    const threadTs = messageTs();
    await h.post(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?', threadTs })));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.thread_ts).toBe(threadTs);
  });

  it('answers an event redelivered with x-slack-retry-num exactly once', async () => {
    h = await startSlackBot();
    const body = eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' }), { eventId: 'Ev0RETRY1' });
    expect((await h.post(body)).status).toBe(200);
    expect((await h.post(body, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    expect((await h.post(body, { retryNum: 2, retryReason: 'http_timeout' })).status).toBe(200);
    // processBeforeResponse: each response comes after its listeners ran, so every reply is already recorded.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('rejects a bad signature with 401 and posts nothing', async () => {
    h = await startSlackBot();
    const body = JSON.stringify(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' })));
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=' + 'ab'.repeat(32) },
      body,
    });
    expect(res.status).toBe(401);
    const wrongSecret = await fetch(h.eventsUrl, { method: 'POST', ...signedRequest('not-the-secret', body, { contentType: 'application/json' }) });
    expect(wrongSecret.status).toBe(401);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a correctly signed but stale request with 401 and posts nothing', async () => {
    h = await startSlackBot();
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const res = await h.post(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' })), { timestamp: tenMinutesAgo });
    expect(res.status).toBe(401);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('never lets <!channel>, <!here>, <!everyone> or <@U123> from a question become a live mention', async () => {
    h = await startSlackBot();
    const attacks = [
      '<@UBOT> <!channel> 중국 데이터센터 몇 개야?',
      '<@UBOT> <@U123> <!here> <!everyone> How many data centres does China have?',
      '<@UBOT> &lt;!channel&gt; what is the weather &lt;@U123&gt;?',
      '<@UBOT> <!subteam^S123|@team> <#C123|general> ?',
    ];
    for (const text of attacks) await h.post(eventBody(appMention({ text })));
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(attacks.length);
    for (const post of posts) {
      const shown = visibleText(post.body);
      expect(shown).not.toMatch(/<!(channel|here|everyone|subteam)/);
      expect(shown).not.toMatch(/<@U/);
      expect(shown).not.toMatch(/<#C/);
    }
  });

  it('ignores messages from bots, including itself, and edits', async () => {
    h = await startSlackBot();
    await h.post(eventBody({ ...appMention({ text: '<@UBOT> How many data centres does China have?', user: 'UOTHERBOT' }), bot_id: 'BOTHER' }));
    await h.post(eventBody(directMessage({ text: 'How many data centres does China have?', user: 'UBOT' })));
    await h.post(eventBody({ ...directMessage({ text: 'How many data centres does China have?' }), subtype: 'message_changed' }));
    await h.post(eventBody({ ...directMessage({ text: 'How many data centres does China have?' }), bot_id: 'BBOT', subtype: 'bot_message' }));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('says nothing when the runtime reports the asker is over the rate limit (handle returns null)', async () => {
    h = await startSlackBot({ handle: () => null });
    const res = await h.post(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' })));
    expect(res.status).toBe(200);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('lists what it can answer when the article does not say', async () => {
    h = await startSlackBot();
    await h.post(eventBody(appMention({ text: '<@UBOT> What will the weather be in Seoul tomorrow?' })));
    const post = await h.fake.waitForCall('chat.postMessage');
    const shown = visibleText(post.body);
    expect(shown).toContain('Questions I can answer:');
    expect(shown).toContain('•');
    expect(contextTexts(post.body)).toHaveLength(0);
  });

  it('serves nothing but POST /slack/events on its port: no health or metrics, whatever the spelling', async () => {
    h = await startSlackBot();
    const base = h.eventsUrl.replace('/slack/events', '');
    for (const path of ['/healthz', '/metrics', '/METRICS', '/metrics/', '/slack/events/..%2Fmetrics', '/']) {
      expect((await fetch(base + path)).status, path).toBe(404);
    }
    expect((await fetch(h.eventsUrl)).status).toBe(404);
    expect(h.connection.at(-1)).toEqual({ connected: true });
  });
});

describe('Slack direct messages over HTTP', () => {
  it('answers a DM directly in the conversation', async () => {
    h = await startSlackBot();
    await h.post(eventBody(directMessage({ text: '중국 데이터센터 몇 개야?', channel: 'D0DM1' })));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.channel).toBe('D0DM1');
    expect(post.body.thread_ts).toBeUndefined();
    expect(sectionText(post.body)).toContain('449');
    expect(contextTexts(post.body).join('\n')).toContain('출처: VisualCapitalist');
  });
});

describe('Slack listener errors', () => {
  it('logs the error with its stack, replies a short error in the thread and keeps serving', async () => {
    let fail = true;
    h = await startSlackBot({
      handle: (q, core) => {
        if (fail) throw new Error('boom in the core');
        return core.ask(q);
      },
    });
    const ts = messageTs();
    const res = await h.post(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?', ts })));
    expect(res.status).toBe(200);
    const apology = await h.fake.waitForCall('chat.postMessage');
    expect(apology.body.thread_ts).toBe(ts);
    expect(String(apology.body.text)).toMatch(/something went wrong/i);
    const logged = h.logs.find((l) => l.msg === 'slack listener failed');
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('boom in the core');
    expect(JSON.stringify(logged)).toContain('at ');

    fail = false;
    await h.post(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' })));
    const answer = await h.fake.waitForCall('chat.postMessage', (c) => sectionText(c.body).includes('449'));
    expect(answer).toBeDefined();
  });

  it('survives the Web API rejecting its reply, and never logs the token', async () => {
    h = await startSlackBot({ fake: { reply: (method) => (method === 'chat.postMessage' ? { ok: false, error: 'channel_not_found' } : undefined) } });
    const res = await h.post(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?' })));
    expect(res.status).toBe(200);
    // The answer and then the apology both fail: both are logged, nothing escapes.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(h.logs.some((l) => l.msg === 'slack listener failed')).toBe(true);
    expect(JSON.stringify(h.logs)).not.toContain('xoxb-test-token');
    const again = await h.post(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?' })));
    expect(again.status).toBe(200);
  });
});
