// 👍/👎 under Discord answers, through the real discord.js client against the fake Discord, into a real
// question log (SQLite): buttons as message components, the click acknowledged ephemerally to the
// clicker only, one vote per user per answer, a second click changes it, a 👎 keeps the question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempQuestionLog, type TempQuestionLog } from '../helpers/question-log.ts';
import { callbackData, EPHEMERAL, startBot, type BotHarness, type CallbackMessage } from './bot-harness.ts';

const STRING = 3;
let bot: BotHarness;
let log: TempQuestionLog;

beforeAll(async () => {
  log = tempQuestionLog();
  bot = await startBot({ questionLog: log.qlog });
});
afterAll(async () => {
  await bot.close();
  await log.remove();
});

async function ask(question: string, locale = 'ko'): Promise<CallbackMessage> {
  const sent = bot.fake.sendCommand({ command: 'ask', locale, userId: '1400000000000000009', options: [{ name: 'question', type: STRING, value: question }] });
  return callbackData((await bot.fake.callbackFor(sent)).body);
}

async function click(message: CallbackMessage, index: number, userId: string, locale = 'ko'): Promise<CallbackMessage> {
  const customId = message.components![0]!.components[index]!.custom_id;
  const sent = bot.fake.sendButton({ customId, userId, locale, message: message as Record<string, unknown> });
  const callback = await bot.fake.callbackFor(sent);
  expect((callback.body as { type: number }).type).toBe(4);
  return callbackData(callback.body);
}

describe('Discord feedback buttons', () => {
  it('puts 👍 and 👎 under an /ask answer; a click is acknowledged to the clicker alone, one vote per user, changeable', async () => {
    const answer = await ask('중국 데이터센터는 몇 개야?');
    expect(answer.embeds?.[0]?.description).toContain('449');
    const buttons = answer.components?.[0]?.components ?? [];
    expect(buttons.map((b) => b.label)).toEqual(['👍 도움이 됐어요', '👎 도움이 안 됐어요']);
    expect(buttons.every((b) => b.custom_id.length <= 100)).toBe(true);

    const down = await click(answer, 1, '1400000000000000101');
    expect(down.content).toContain('👎 를 반영했고');
    expect((down.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(down.allowed_mentions?.parse).toEqual([]);
    // The 👎 keeps the question, from the log's own short-lived copy (a button cannot carry it).
    expect(log.votes()).toEqual([expect.objectContaining({ value: -1, question_text: '중국 데이터센터는 몇 개야?' })]);

    expect((await click(answer, 1, '1400000000000000101')).content).toContain('이미 반영');
    expect((await click(answer, 0, '1400000000000000101')).content).toContain('평가를 👍 로 바꿨어요');
    expect(log.votes()).toEqual([expect.objectContaining({ value: 1, question_text: null })]);

    await click(answer, 0, '1400000000000000102', 'en-US');
    expect(log.votes()).toHaveLength(2);
    // Only interaction callbacks: nothing was posted to the channel for anyone else.
    expect(bot.fake.requests.filter((r) => r.path.startsWith('/channels/'))).toEqual([]);
  });

  it('answers a click in the answer\'s language, and a button that names no answer with a short private line', async () => {
    const answer = await ask('How many data centres does Germany have?', 'en-US');
    expect(answer.components?.[0]?.components.map((b) => b.label)).toEqual(['👍 Helpful', '👎 Not helpful']);
    expect((await click(answer, 0, '1400000000000000103')).content).toBe('Thanks! Your 👍 is counted.');

    const forged = { components: [{ type: 1, components: [{ type: 2, custom_id: 'fb:up:en:not-an-answer', label: 'x', style: 2 }] }] };
    const told = await click(forged, 0, '1400000000000000103', 'en-US');
    expect(told.content).toBe('This answer can no longer be voted on.');
    expect((told.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });
});
