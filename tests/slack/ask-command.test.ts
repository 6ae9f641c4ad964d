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

/** The question a share button carries (its value is {"q": question, "c": context}). */
function sharedQuestion(reply: Ephemeral): string | undefined {
  const value = shareValue(reply);
  return value === undefined ? undefined : (JSON.parse(value) as { q: string }).q;
}

function click(harness: SlackHarness, reply: Ephemeral, options: { user?: string; channel?: string; id?: string } = {}) {
  return harness.post(
    formBody({
      payload: buttonClick({ actionId: SHARE_ACTION_ID, value: shareValue(reply) ?? '', responseUrl: harness.fake.responseUrl(options.id ?? 'btn'), ...(options.user ? { user: options.user } : {}), ...(options.channel ? { channel: options.channel } : {}) }),
    }),
  );
}

type Block = { type: string; elements?: Array<{ type: string; text?: string }> };
/** The shared post's last context block: [mrkdwn "Shared by", plain_text "Question: ..."]. */
function sharedByElements(body: Record<string, unknown>) {
  return ((body.blocks ?? []) as Block[]).filter((b) => b.type === 'context').at(-1)?.elements ?? [];
}

describe('/ask', () => {
  it('answers only the asker (ephemeral), with the figure, the citation and a share button', async () => {
    h = await startSlackBot();
    const reply = await ask(h, 'How many data centres does China have?');
    expect(reply.response_type).toBe('ephemeral');
    expect(sectionText(reply as unknown as Record<string, unknown>)).toContain('449');
    expect(contextTexts(reply as unknown as Record<string, unknown>).join('\n')).toContain('Source: VisualCapitalist');
    expect(sharedQuestion(reply)).toBe('How many data centres does China have?');
    // Nothing public yet.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('shares the answer in the channel when the button is clicked, re-asking rather than trusting the client', async () => {
    h = await startSlackBot();
    const reply = await ask(h, '중국 데이터센터 몇 개야?', 'C0SHARE');
    expect(sharedQuestion(reply)).toBe('중국 데이터센터 몇 개야?');

    const res = await click(h, reply, { channel: 'C0SHARE', user: 'U0SHARER' });
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
    await click(h, reply, { user: 'U0SHARER' });
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
    await click(h, reply);
    const publicReply = await h.fake.waitForCall('response_url', (c) => c.body.response_type === 'in_channel');
    expect(sectionText(publicReply.body)).toContain('449');
  });

  it('echoes the shared question as plain text: *bold*, `code`, ``` fences and <!here> stay inert', async () => {
    h = await startSlackBot();
    // As Slack sends it: the user's own < > & arrive escaped.
    const question = '*중국* _데이터센터_ 몇 개야? `code` ```\n&lt;!here&gt; ```';
    const reply = await ask(h, question, 'C0FMT');
    await click(h, reply, { channel: 'C0FMT', user: 'U0SHARER' });
    const post = await h.fake.waitForCall('chat.postMessage');
    const [by, echoed] = sharedByElements(post.body);
    expect(by).toMatchObject({ type: 'mrkdwn' });
    expect(by?.text).toContain('<@U0SHARER>');
    expect(by?.text).not.toContain('중국');
    expect(echoed).toMatchObject({ type: 'plain_text', emoji: false });
    // The question as typed, on one line, with & < > escaped: nothing in it is markup.
    expect(echoed?.text).toContain('*중국* _데이터센터_ 몇 개야? `code` ``` &lt;!here&gt; ```');
    expect(visibleText(post.body)).not.toMatch(/<!here/);
  });

  it('carries the conversation in the share button, so a shared follow-up is the answer the asker saw', async () => {
    const asked: Array<{ text: string; context?: unknown }> = [];
    h = await startSlackBot({
      handle: (q, _core, runtime) => {
        asked.push({ text: q.text, ...(q.context ? { context: q.context } : {}) });
        return runtime(q);
      },
    });
    const first = await ask(h, '중국 데이터센터 몇 개야?', 'C0FOLLOW');
    // A question that starts a conversation carries none.
    expect((JSON.parse(shareValue(first) ?? '{}') as { c?: unknown }).c).toBeUndefined();
    const second = await ask(h, 'How many data centres does Germany have?', 'C0FOLLOW');
    const carried = (JSON.parse(shareValue(second) ?? '{}') as { c?: { turns: Array<{ facts: string[] }> } }).c;
    // The second was asked in the conversation of the first: its button carries that turn.
    expect(carried?.turns.map((t) => t.facts)).toEqual([expect.arrayContaining([expect.stringContaining('data-centres')])]);

    await click(h, second, { channel: 'C0FOLLOW' });
    const post = await h.fake.waitForCall('chat.postMessage');
    // The click asked in exactly that conversation, and the channel sees what the asker saw.
    expect(asked.at(-1)).toEqual({ text: 'How many data centres does Germany have?', context: carried });
    expect(sectionText(post.body)).toBe(sectionText(second as unknown as Record<string, unknown>));
  });

  it('answers the command under the name SLACK_COMMAND gives it, when another app has /ask', async () => {
    h = await startSlackBot({ env: { SLACK_COMMAND: '/factbot' } });
    const renamed = await h.post(formBody(slashCommand({ text: 'How many data centres does China have?', command: '/factbot', responseUrl: h.fake.responseUrl() })));
    expect(renamed.status).toBe(200);
    expect(renamed.text).toContain('449');
    const other = await h.post(formBody(slashCommand({ text: 'x', command: '/ask', responseUrl: h.fake.responseUrl() })));
    expect(other.status).toBe(400);
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
