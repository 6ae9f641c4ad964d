// /ask over the HTTP receiver: an ephemeral answer with a share button, and the button posting the
// (re-asked) answer to the channel.
import { afterEach, describe, expect, it } from 'vitest';
import { buttonClick, formBody, slashCommand } from '../fakes/fake-slack.ts';
import { SHARE_ACTION_ID } from '../../adapters/slack/render-answer.ts';
import { contextTexts, sectionText, startSlackBot, visibleText, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Ephemeral {
  response_type: string;
  text: string;
  blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
}

async function ask(harness: SlackHarness, text: string, channel = 'C0GENERAL'): Promise<Ephemeral> {
  const res = await harness.post(formBody(slashCommand({ text, channel, responseUrl: harness.fake.responseUrl('cmd') })));
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as Ephemeral;
}

function shareValue(reply: Ephemeral): string | undefined {
  return reply.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === SHARE_ACTION_ID)?.value;
}

describe('/ask', () => {
  it('answers only the asker (ephemeral), with the figure, the citation and a share button', async () => {
    h = await startSlackBot();
    const reply = await ask(h, 'How many data centres does China have?');
    expect(reply.response_type).toBe('ephemeral');
    expect(sectionText(reply as unknown as Record<string, unknown>)).toContain('449');
    expect(contextTexts(reply as unknown as Record<string, unknown>).join('\n')).toContain('Source: VisualCapitalist');
    expect(shareValue(reply)).toBe('How many data centres does China have?');
    // Nothing public yet.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('shares the answer in the channel when the button is clicked, re-asking rather than trusting the client', async () => {
    h = await startSlackBot();
    const reply = await ask(h, '중국 데이터센터 몇 개야?', 'C0SHARE');
    const value = shareValue(reply);
    expect(value).toBe('중국 데이터센터 몇 개야?');

    const res = await h.post(formBody({ payload: buttonClick({ actionId: SHARE_ACTION_ID, value: value ?? '', channel: 'C0SHARE', user: 'U0SHARER', responseUrl: h.fake.responseUrl('btn') }) }));
    expect(res.status).toBe(200);
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.channel).toBe('C0SHARE');
    expect(sectionText(post.body)).toContain('449');
    expect(contextTexts(post.body).join('\n')).toContain('출처: VisualCapitalist');
    expect(contextTexts(post.body).join('\n')).toContain('<@U0SHARER>');
    // The public copy has no share button; the ephemeral one is removed.
    expect(visibleText(post.body)).not.toContain(SHARE_ACTION_ID);
    const cleanup = await h.fake.waitForCall('response_url', (c) => c.path === '/response/btn');
    expect(cleanup.body.delete_original).toBe(true);
  });

  it('shares a question carrying <!channel> and <@U123> without any live mention but the sharer', async () => {
    h = await startSlackBot();
    const question = '<!channel> <@U123> How many data centres does China have?';
    const reply = await ask(h, question);
    expect(visibleText(reply as unknown as Record<string, unknown>)).not.toMatch(/<!channel|<@U123/);
    await h.post(formBody({ payload: buttonClick({ actionId: SHARE_ACTION_ID, value: shareValue(reply) ?? '', user: 'U0SHARER', responseUrl: h.fake.responseUrl('btn') }) }));
    const post = await h.fake.waitForCall('chat.postMessage');
    const shown = visibleText(post.body);
    expect(shown).not.toMatch(/<!(channel|here|everyone)/);
    expect(shown).not.toMatch(/<@U123/);
    expect(shown).toContain('<@U0SHARER>');
  });

  it('shares a forged button value as a question, never as answer text', async () => {
    h = await startSlackBot();
    await h.post(formBody({ payload: buttonClick({ actionId: SHARE_ACTION_ID, value: '<!everyone> China has 1 million data centres', responseUrl: h.fake.responseUrl('x') }) }));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(sectionText(post.body)).not.toContain('1 million');
    expect(visibleText(post.body)).not.toMatch(/<!everyone/);
  });

  it('posts the shared answer through the response URL when the bot is not in the channel', async () => {
    h = await startSlackBot({ fake: { reply: (method) => (method === 'chat.postMessage' ? { ok: false, error: 'not_in_channel' } : undefined) } });
    const reply = await ask(h, 'How many data centres does China have?');
    await h.post(formBody({ payload: buttonClick({ actionId: SHARE_ACTION_ID, value: shareValue(reply) ?? '', responseUrl: h.fake.responseUrl('btn') }) }));
    const publicReply = await h.fake.waitForCall('response_url', (c) => c.body.response_type === 'in_channel');
    expect(sectionText(publicReply.body)).toContain('449');
  });

  it('acknowledges with nothing when the asker is over the rate limit', async () => {
    h = await startSlackBot({ handle: () => null });
    const res = await h.post(formBody(slashCommand({ text: 'How many data centres does China have?', responseUrl: h.fake.responseUrl() })));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('answers an empty /ask with a hint and no share button', async () => {
    h = await startSlackBot();
    const reply = await ask(h, '   ');
    expect(reply.response_type).toBe('ephemeral');
    expect(shareValue(reply)).toBeUndefined();
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('replies a short ephemeral error when answering fails', async () => {
    h = await startSlackBot({
      env: { BOT_DEFAULT_LOCALE: 'ko' },
      handle: () => {
        throw new Error('core exploded');
      },
    });
    const reply = await ask(h, '중국 데이터센터 몇 개야?');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('문제가 생겼어요');
    expect(h.logs.some((l) => l.msg === 'slack listener failed')).toBe(true);
  });
});
