// Follow-up questions on Slack, end to end: the real Bolt app (HTTP receiver) and the real core, the
// fake Slack recording what the bot posts. A conversation is what the listeners key it by: a mention's
// thread (channel + thread_ts), a DM (channel, or channel + thread_ts for a thread inside it), and one
// user's /ask in one channel (channel + user). "그럼 미국은?" resolves only inside its conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, directMessage, eventBody, formBody, messageTs, slashCommand, type SlackCall } from '../fakes/fake-slack.ts';
import { sectionText, startSlackBot, type SlackHarness } from './slack-harness.ts';

const FIRST = '중국 데이터센터 몇 개야?';
const FOLLOW_UP = '그럼 미국은?';
/** The US count, as the Korean (5381) and English (5,381) answers write it. */
const US_COUNT = /5,?381/;
/** The line that says how a follow-up was read ("↪ 미국 · 데이터센터 수"). */
const READ_AS = '↪';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackBot();
});
afterAll(async () => {
  await h.close();
});

/** Delivers one event and returns the message the bot posted for it (the next chat.postMessage). */
async function deliver(event: Record<string, unknown>): Promise<SlackCall> {
  const before = h.fake.callsTo('chat.postMessage').length;
  const res = await h.post(eventBody(event));
  expect(res.status).toBe(200);
  return h.fake.waitForCall('chat.postMessage', (c) => h.fake.callsTo('chat.postMessage').indexOf(c) >= before);
}

interface Mention {
  text: string;
  channel: string;
  user?: string;
  ts?: string;
  threadTs?: string;
}

const mention = ({ text, ...rest }: Mention) => deliver(appMention({ text: `<@UBOT> ${text}`, ...rest }));

describe('a mention’s thread is one conversation', () => {
  it('answers "그럼 미국은?" mentioned in the same thread with the US count, in that thread, saying how it read it', async () => {
    const ts = messageTs();
    const first = await mention({ text: FIRST, channel: 'C0THREAD', ts });
    expect(first.body.thread_ts).toBe(ts);
    expect(sectionText(first.body)).toContain('449');

    const followUp = await mention({ text: FOLLOW_UP, channel: 'C0THREAD', threadTs: ts });
    expect(followUp.body.channel).toBe('C0THREAD');
    expect(followUp.body.thread_ts).toBe(ts);
    const body = sectionText(followUp.body);
    expect(body).toMatch(US_COUNT);
    expect(body.split('\n')[0]).toMatch(/^↪ 미국 · .*데이터센터/);
  });

  it('continues the thread for anyone who mentions the bot in it, not only the first asker', async () => {
    const ts = messageTs();
    await mention({ text: FIRST, channel: 'C0SHARED', ts, user: 'U0FIRST' });
    const followUp = await mention({ text: FOLLOW_UP, channel: 'C0SHARED', threadTs: ts, user: 'U0SECOND' });
    expect(followUp.body.thread_ts).toBe(ts);
    expect(sectionText(followUp.body)).toMatch(US_COUNT);
  });

  it('does not carry a thread’s question into another thread of the same channel', async () => {
    const ts = messageTs();
    await mention({ text: FIRST, channel: 'C0APART', ts });
    const otherThread = messageTs();
    await mention({ text: 'KAIST 네이처 인덱스 순위는?', channel: 'C0APART', ts: otherThread });

    const followUp = await mention({ text: FOLLOW_UP, channel: 'C0APART', threadTs: otherThread });
    expect(followUp.body.thread_ts).toBe(otherThread);
    expect(sectionText(followUp.body)).not.toMatch(US_COUNT);
  });

  it('starts fresh for the same follow-up mentioned at the top level: it opens a thread of its own', async () => {
    const ts = messageTs();
    await mention({ text: FIRST, channel: 'C0TOP', ts });
    const topLevel = messageTs();
    const alone = await mention({ text: FOLLOW_UP, channel: 'C0TOP', ts: topLevel });
    expect(alone.body.thread_ts).toBe(topLevel);
    const body = sectionText(alone.body);
    expect(body).not.toMatch(US_COUNT);
    expect(body).not.toContain(READ_AS);
  });

  it('keeps threads of two channels apart even when their thread timestamps are the same', async () => {
    const ts = messageTs();
    await mention({ text: FIRST, channel: 'C0ONE', ts });
    const elsewhere = await mention({ text: FOLLOW_UP, channel: 'C0TWO', threadTs: ts });
    expect(sectionText(elsewhere.body)).not.toMatch(US_COUNT);
  });
});

describe('a DM is one conversation; a thread inside it is its own', () => {
  const dm = ({ text, ...rest }: Mention) => deliver(directMessage({ text, ...rest }));

  it('answers an English follow-up in the DM with the US count, in English', async () => {
    await dm({ text: 'How many data centres does China have?', channel: 'D0FOLLOW' });
    const followUp = await dm({ text: 'And the US?', channel: 'D0FOLLOW' });
    expect(followUp.body.channel).toBe('D0FOLLOW');
    expect(followUp.body.thread_ts).toBeUndefined();
    const body = sectionText(followUp.body);
    expect(body).toContain('5,381');
    expect(body).not.toMatch(/[가-힣]/);
  });

  it('answers "그럼 미국은?" in the DM after the question before it', async () => {
    await dm({ text: FIRST, channel: 'D0KOREAN' });
    expect(sectionText((await dm({ text: FOLLOW_UP, channel: 'D0KOREAN' })).body)).toMatch(US_COUNT);
  });

  it('starts fresh in a thread inside the DM, and in another person’s DM', async () => {
    await dm({ text: FIRST, channel: 'D0MINE', user: 'U0MINE' });
    const thread = messageTs();
    const inThread = await dm({ text: FOLLOW_UP, channel: 'D0MINE', user: 'U0MINE', threadTs: thread });
    expect(inThread.body.thread_ts).toBe(thread);
    expect(sectionText(inThread.body)).not.toMatch(US_COUNT);

    const theirs = await dm({ text: FOLLOW_UP, channel: 'D0THEIRS', user: 'U0THEIRS' });
    expect(sectionText(theirs.body)).not.toMatch(US_COUNT);
  });
});

describe('/ask: one person’s questions in one channel are one conversation', () => {
  async function ask(text: string, channel: string, user: string): Promise<string> {
    const res = await h.post(formBody(slashCommand({ text, channel, user, responseUrl: h.fake.responseUrl('cmd') })));
    expect(res.status).toBe(200);
    return sectionText(JSON.parse(res.text) as Record<string, unknown>);
  }

  it('resolves the asker’s follow-up, while another person in that channel, or the asker elsewhere, starts fresh', async () => {
    await ask(FIRST, 'C0CMD', 'U0ASKER');
    expect(await ask(FOLLOW_UP, 'C0CMD', 'U0ASKER')).toMatch(US_COUNT);
    expect(await ask(FOLLOW_UP, 'C0CMD', 'U0NEIGHBOUR')).not.toMatch(US_COUNT);
    expect(await ask(FOLLOW_UP, 'C0CMDOTHER', 'U0ASKER')).not.toMatch(US_COUNT);
  });
});
