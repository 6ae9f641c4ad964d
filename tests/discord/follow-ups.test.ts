// Follow-up questions on Discord, end to end: the real discord.js client gets /ask from the fake
// gateway and answers through the fake REST API with the real core. The adapter keys a conversation by
// channel and user (adapters/discord/commands/ask.ts): one person's /ask questions in one channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, embedText, startBot, type BotHarness } from './bot-harness.ts';

const STRING = 3;
const FIRST = '중국 데이터센터 몇 개야?';
const FOLLOW_UP = '그럼 미국은?';
/** The US count, as the Korean (5381) and English (5,381) answers write it. */
const US_COUNT = /5,?381/;

// Snowflakes of the people and channels below; the fake fills in the rest of each interaction.
const ASKER = '1400000000000000011';
const NEIGHBOUR = '1400000000000000012';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

/** One /ask by `userId` in `channelId`; the answer's visible text. */
async function ask(question: string, userId: string, channelId: string, extra: { locale?: string; dm?: boolean } = {}): Promise<string> {
  const sent = bot.fake.sendCommand({
    command: 'ask',
    locale: extra.locale ?? 'ko',
    userId,
    channelId,
    ...(extra.dm ? { dm: true } : {}),
    options: [{ name: 'question', type: STRING, value: question }],
  });
  const message = callbackData((await bot.fake.callbackFor(sent)).body);
  expect(message.allowed_mentions?.parse).toEqual([]);
  return embedText(message);
}

describe('/ask: one person in one channel is one conversation', () => {
  it('answers the same person’s second /ask, "그럼 미국은?", with the US count and says how it read it', async () => {
    const channel = '1200000000000000101';
    expect(await ask(FIRST, ASKER, channel)).toContain('449');
    const followUp = await ask(FOLLOW_UP, ASKER, channel);
    expect(followUp).toMatch(US_COUNT);
    expect(followUp).toMatch(/↪ 미국 · .*데이터센터/);
  });

  it('starts fresh for a second person asking "그럼 미국은?" in that channel', async () => {
    const channel = '1200000000000000102';
    await ask(FIRST, ASKER, channel);
    const neighbour = await ask(FOLLOW_UP, NEIGHBOUR, channel);
    expect(neighbour).not.toMatch(US_COUNT);
    expect(neighbour).not.toContain('↪');
    // The first person's conversation is untouched by the neighbour's question.
    expect(await ask(FOLLOW_UP, ASKER, channel)).toMatch(US_COUNT);
  });

  it('starts fresh for the same person in another channel', async () => {
    await ask(FIRST, ASKER, '1200000000000000103');
    expect(await ask(FOLLOW_UP, ASKER, '1200000000000000104')).not.toMatch(US_COUNT);
  });

  it('follows an English conversation in a DM with the bot, answering in English', async () => {
    const dm = '1200000000000000105';
    await ask('How many data centres does China have?', ASKER, dm, { dm: true, locale: 'en-US' });
    const followUp = await ask('And the US?', ASKER, dm, { dm: true, locale: 'en-US' });
    expect(followUp).toContain('↪ the United States');
    expect(followUp).toContain('5,381');
  });
});
