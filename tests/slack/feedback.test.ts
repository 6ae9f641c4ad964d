// 👍/👎 under Slack answers, through the real Bolt app against the fake Slack, into a real question log
// (SQLite): the buttons are Block Kit actions, a click is acknowledged to the clicker only (an
// ephemeral response on the click's response URL), one vote per user per answer, a second click
// changes it, and a 👎 keeps the question.
import { afterEach, describe, expect, it } from 'vitest';
import { appMention, buttonClick, eventBody, formBody, slashCommand } from '../fakes/fake-slack.ts';
import { FEEDBACK_ACTION_IDS } from '../../adapters/slack/feedback-value.ts';
import { SHARE_ACTION_ID } from '../../adapters/slack/render-answer.ts';
import { tempQuestionLog, type TempQuestionLog } from '../helpers/question-log.ts';
import { sectionText, startSlackBot, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
let log: TempQuestionLog | undefined;
afterEach(async () => {
  await h?.close();
  await log?.remove();
  h = undefined;
  log = undefined;
});

async function start(withLog = true) {
  log = withLog ? tempQuestionLog() : undefined;
  h = await startSlackBot(log ? { questionLog: log.qlog } : {});
  return h;
}

type Element = { type: string; action_id?: string; value?: string; text?: { text: string } };
const buttons = (body: Record<string, unknown>): Element[] =>
  ((body.blocks ?? []) as Array<{ type: string; elements?: Element[] }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const button = (body: Record<string, unknown>, actionId: string) => buttons(body).find((b) => b.action_id === actionId);

async function mention(harness: SlackHarness, text: string) {
  const event = appMention({ text: `<@UBOT> ${text}`, user: 'U0ASKER' });
  expect((await harness.post(eventBody(event))).status).toBe(200);
  return (await harness.fake.waitForCall('chat.postMessage', (c) => c.body.thread_ts === event.ts)).body;
}

let clicks = 0;
/** Clicks a button of a posted message as `user`; resolves with what the clicker was told (the response-URL post). */
async function click(harness: SlackHarness, message: Record<string, unknown>, actionId: string, user: string) {
  const id = `vote-${++clicks}`;
  const value = button(message, actionId)?.value ?? '';
  const res = await harness.post(formBody({ payload: buttonClick({ actionId, value, user, responseUrl: harness.fake.responseUrl(id) }) }));
  expect(res.status).toBe(200);
  return (await harness.fake.waitForCall('response_url', (c) => c.path === `/response/${id}`)).body;
}

describe('Slack feedback buttons', () => {
  it('puts 👍 and 👎 under a mention answer; a click is told privately, one vote per user, a second click changes it', async () => {
    const harness = await start();
    const answer = await mention(harness, '중국 데이터센터 몇 개야?');
    expect(sectionText(answer)).toContain('449');
    expect(buttons(answer).map((b) => [b.action_id, b.text?.text])).toEqual([
      [FEEDBACK_ACTION_IDS.up, '👍 도움이 됐어요'],
      [FEEDBACK_ACTION_IDS.down, '👎 도움이 안 됐어요'],
    ]);

    const down = await click(harness, answer, FEEDBACK_ACTION_IDS.down, 'U0READER');
    expect(down).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(down.text).toContain('👎 를 반영했고');
    expect(log!.votes()).toEqual([expect.objectContaining({ value: -1, question_text: '중국 데이터센터 몇 개야?' })]);

    const again = await click(harness, answer, FEEDBACK_ACTION_IDS.down, 'U0READER');
    expect(again.text).toContain('이미 반영');
    const changed = await click(harness, answer, FEEDBACK_ACTION_IDS.up, 'U0READER');
    expect(changed.text).toContain('평가를 👍 로 바꿨어요');
    // Still one vote for this reader; a 👍 keeps no question text.
    expect(log!.votes()).toEqual([expect.objectContaining({ value: 1, question_text: null })]);

    await click(harness, answer, FEEDBACK_ACTION_IDS.up, 'U0OTHER');
    const votes = log!.votes();
    expect(votes).toHaveLength(2);
    expect(new Set(votes.map((v) => v.answer_id)).size).toBe(1);
    // Nobody but the clicker was told: nothing was posted to the channel besides the answer.
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(harness.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    const written = await log!.questions();
    expect(written).toEqual([expect.objectContaining({ id: votes[0]!.answer_id, outcome: 'answered', question_text: null, platform: 'slack' })]);
  });

  it('puts them beside the share button under /ask, and the shared copy votes on the same answer', async () => {
    const harness = await start();
    const res = await harness.post(formBody(slashCommand({ text: 'How many data centres does China have?', responseUrl: harness.fake.responseUrl('cmd') })));
    const reply = JSON.parse(res.text) as Record<string, unknown>;
    expect(buttons(reply).map((b) => b.action_id)).toEqual([SHARE_ACTION_ID, FEEDBACK_ACTION_IDS.up, FEEDBACK_ACTION_IDS.down]);
    expect(button(reply, FEEDBACK_ACTION_IDS.up)?.text?.text).toBe('👍 Helpful');

    await harness.post(formBody({ payload: buttonClick({ actionId: SHARE_ACTION_ID, value: button(reply, SHARE_ACTION_ID)!.value!, responseUrl: harness.fake.responseUrl('share') }) }));
    const shared = (await harness.fake.waitForCall('chat.postMessage')).body;
    expect(buttons(shared).map((b) => b.action_id)).toEqual([FEEDBACK_ACTION_IDS.up, FEEDBACK_ACTION_IDS.down]);

    await click(harness, reply, FEEDBACK_ACTION_IDS.down, 'U0ASKER');
    const fromChannel = await click(harness, shared, FEEDBACK_ACTION_IDS.up, 'U0ASKER');
    expect(fromChannel.text).toContain('Your vote is now 👍');
    // The share was not a new question: one question logged, one vote on it.
    expect(await log!.questions()).toHaveLength(1);
    expect(log!.votes()).toEqual([expect.objectContaining({ value: 1 })]);
  });

  it("keeps a refused question's 👎 with its text, and says a forged button names no answer", async () => {
    const harness = await start();
    const answer = await mention(harness, 'What is the weather in Seoul?');
    expect(button(answer, FEEDBACK_ACTION_IDS.down)).toBeDefined();
    await click(harness, answer, FEEDBACK_ACTION_IDS.down, 'U0READER');
    expect(log!.votes()).toEqual([expect.objectContaining({ value: -1, question_text: 'What is the weather in Seoul?' })]);

    const forged = { blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: FEEDBACK_ACTION_IDS.up, value: '{"a":"not-an-answer","l":"en"}' }] }] };
    const told = await click(harness, forged, FEEDBACK_ACTION_IDS.up, 'U0READER');
    expect(told.text).toBe('This answer can no longer be voted on.');
    expect(log!.votes()).toHaveLength(1);
  });

  it('shows no feedback buttons when no question log is kept (QUESTION_LOG=0)', async () => {
    const harness = await start(false);
    const answer = await mention(harness, '중국 데이터센터 몇 개야?');
    expect(buttons(answer)).toEqual([]);
  });
});
