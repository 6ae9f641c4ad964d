// At LOG_LEVEL=debug, Bolt, the Web API client and the Socket Mode client log whole request and
// response bodies. None of it may carry a user id or what a user typed: every line is redacted.
import { afterEach, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../adapters/slack/render-answer.ts';
import { appMention, buttonClick, eventBody, eventsApiEnvelope, formBody, slashCommand } from '../fakes/fake-slack.ts';
import { startSlackBot, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const USER = 'U0PRIVATEUSER7';
const MARKER = 'zebrafinch';
const QUESTION = `How many data centres does China have ${MARKER}?`;

function expectRedacted(harness: SlackHarness) {
  const all = JSON.stringify(harness.logs);
  // The library's debug lines were written (so this test can fail), and they carry neither.
  expect(harness.logs.some((l) => String(l.msg).startsWith('http request body'))).toBe(true);
  expect(all).not.toContain(USER);
  expect(all).not.toContain(MARKER);
}

describe('Slack logs at debug level', () => {
  it('never carry the user id or the question over HTTP (a mention, /ask and its share button)', async () => {
    h = await startSlackBot();
    await h.post(eventBody(appMention({ text: `<@UBOT> ${QUESTION}`, user: USER })));
    await h.fake.waitForCall('chat.postMessage');
    const reply = JSON.parse((await h.post(formBody(slashCommand({ text: QUESTION, user: USER, responseUrl: h.fake.responseUrl() })))).text) as { blocks: Array<{ elements?: Array<{ action_id?: string; value?: string }> }> };
    const value = reply.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SHARE_ACTION_ID)?.value ?? '';
    // The shared message names the sharer and echoes the question: the Web API's body line would carry both.
    await h.post(formBody({ payload: buttonClick({ actionId: SHARE_ACTION_ID, value, user: USER, responseUrl: h.fake.responseUrl('share') }) }));
    await h.fake.waitForCall('response_url', (c) => c.path === '/response/share');
    expectRedacted(h);
  });

  it('never carry the user id or the question in Socket Mode', async () => {
    h = await startSlackBot({ mode: 'socket' });
    h.fake.socketSend(eventsApiEnvelope(eventBody(appMention({ text: `<@UBOT> ${QUESTION}`, user: USER }))));
    await h.fake.waitForCall('chat.postMessage');
    expectRedacted(h);
    expect(h.logs.some((l) => String(l.msg).includes('[payload'))).toBe(true);
  });
});
