// /ask, /facts and /about end to end: the real discord.js client gets INTERACTION_CREATE from the
// fake gateway and answers through the fake REST API; assertions read the recorded callbacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, EPHEMERAL, embedText, startBot, type BotHarness } from './bot-harness.ts';

const STRING = 3;
const BOOLEAN = 5;
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  // Every message the bot sent in this file pings no one.
  for (const r of bot.fake.requests.filter((r) => r.path.includes('/callback') || r.path.startsWith('/webhooks'))) {
    const data = callbackData(r.body);
    if (data.embeds || data.content) expect(data.allowed_mentions?.parse).toEqual([]);
  }
  await bot.close();
});

async function ask(question: string, locale: string, extra: { private?: boolean; dm?: boolean } = {}) {
  const options = [{ name: 'question', type: STRING, value: question }];
  if (extra.private !== undefined) options.push({ name: 'private', type: BOOLEAN, value: extra.private } as never);
  const sent = bot.fake.sendCommand({ command: 'ask', locale, options, ...(extra.dm ? { dm: true } : {}) });
  const callback = await bot.fake.callbackFor(sent);
  return { callback, message: callbackData(callback.body) };
}

describe('/ask', () => {
  it('answers a Korean question from a Korean client in Korean, with the figure and its source', async () => {
    const { callback, message } = await ask('중국 데이터센터는 몇 개야?', 'ko');
    expect((callback.body as { type: number }).type).toBe(4);
    const embed = message.embeds?.[0];
    expect(embed?.description).toContain('449');
    expect(embed?.description).toMatch(/[가-힣]/);
    expect(embed?.fields?.find((f) => f.name === '출처')?.value).toContain('VisualCapitalist');
    expect(embed?.footer?.text).toContain('뉴스투데이');
    expect((message.flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it('answers an English question from an en-US client in English, with the figure and its source', async () => {
    const { message } = await ask('How many data centers does China have?', 'en-US');
    const embed = message.embeds?.[0];
    expect(embed?.description).toContain('449');
    expect(embed?.description).not.toMatch(/[가-힣]/);
    expect(embed?.fields?.find((f) => f.name === 'Source')?.value).toContain('VisualCapitalist');
    expect(embed?.footer?.text).toContain('Newstoday');
  });

  it('answers a Korean question from an en-US client in Korean: the text decides the language', async () => {
    const { message } = await ask('중국의 대형 데이터센터는 몇 개소야?', 'en-US');
    const embed = message.embeds?.[0];
    expect(embed?.description).toContain('449');
    expect(embed?.description).toMatch(/[가-힣]/);
    expect(embed?.fields?.find((f) => f.name === '출처')?.value).toContain('VisualCapitalist');
  });

  it('answers an English question from a Korean (ko) client in English', async () => {
    const { message } = await ask('china data centres', 'ko');
    expect(message.embeds?.[0]?.description).toContain('449');
    expect(message.embeds?.[0]?.fields?.some((f) => f.name === 'Source')).toBe(true);
  });

  it('says the article does not answer an out-of-scope question and suggests what to ask', async () => {
    const { message } = await ask("What is Samsung's stock price today?", 'en-GB');
    const embed = message.embeds?.[0];
    expect(embed?.description).toContain('does not say');
    expect(embed?.fields?.some((f) => f.name === 'Source')).toBe(false);
    const suggestions = embed?.fields?.find((f) => f.name === 'Try asking')?.value.split('\n') ?? [];
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(s).toMatch(/^• .+\?$/);
  });

  it('pings no one when the question holds @everyone, @here, a role or a user mention', async () => {
    const { message } = await ask('@everyone @here <@&123456789012345678> <@123456789012345679> 중국 데이터센터 몇 개?', 'ko');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content ?? '').toBe('');
    expect(embedText(message)).toContain('@everyone');
  });

  it('answers privately (ephemeral) when private is true', async () => {
    const { message } = await ask('중국 데이터센터는 몇 개야?', 'ko', { private: true });
    expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds?.[0]?.description).toContain('449');
  });

  it('answers in a DM with the bot', async () => {
    const { message } = await ask('How many data centres does China have?', 'en-US', { dm: true });
    expect(message.embeds?.[0]?.description).toContain('449');
  });

  it('answers a blank question privately with a hint instead of a public abstention', async () => {
    const { message } = await ask('   ', 'en-US');
    expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds?.[0]?.description?.length).toBeGreaterThan(0);
  });
});

describe('/facts and /about', () => {
  it('/facts lists the topics with example questions in the client language', async () => {
    const sent = bot.fake.sendCommand({ command: 'facts', locale: 'ko' });
    const message = callbackData((await bot.fake.callbackFor(sent)).body);
    const embed = message.embeds?.[0];
    expect(embed?.title).toBe('답할 수 있는 내용');
    for (const topic of bot.ctx.core.topics('ko').slice(0, 24)) expect(embedText(message)).toContain(topic.title);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('/facts topic:<id> shows that topic only', async () => {
    const topic = bot.ctx.core.topics('en')[0]!;
    const sent = bot.fake.sendCommand({ command: 'facts', locale: 'en-US', options: [{ name: 'topic', type: STRING, value: topic.id }] });
    const embed = callbackData((await bot.fake.callbackFor(sent)).body).embeds?.[0];
    expect(embed?.fields).toHaveLength(1);
    expect(embed?.fields?.[0]?.name).toContain(topic.title);
  });

  it('/about names the article (outlet, date, title, writer) and how to ask', async () => {
    const sent = bot.fake.sendCommand({ command: 'about', locale: 'en-US' });
    const message = callbackData((await bot.fake.callbackFor(sent)).body);
    const article = bot.ctx.core.article('en');
    const text = embedText(message);
    for (const part of [article.outlet, article.date, article.title, article.writer, '/ask']) expect(text).toContain(part);
  });

  it('answers a command it does not know (an old registration) instead of leaving it unanswered', async () => {
    const sent = bot.fake.sendCommand({ command: 'retired-command', locale: 'ko' });
    const message = callbackData((await bot.fake.callbackFor(sent)).body);
    expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toContain('/질문');
  });
});
