// Autocomplete for /ask question: the real client answers type-4 interactions with type-8 callbacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChoices } from '../../adapters/discord/commands/ask.ts';
import { startBot, type BotHarness } from './bot-harness.ts';

interface Choice {
  name: string;
  value: string;
}
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

async function complete(partial: string, locale: string): Promise<Choice[]> {
  const sent = bot.fake.sendAutocomplete({
    command: 'ask',
    locale,
    options: [{ name: 'question', type: 3, value: partial, focused: true }],
  });
  const callback = await bot.fake.callbackFor(sent);
  const body = callback.body as { type: number; data: { choices: Choice[] } };
  expect(body.type).toBe(8);
  const { choices } = body.data;
  expect(choices.length).toBeLessThanOrEqual(25);
  for (const c of choices) {
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(c.value.length).toBeLessThanOrEqual(100);
  }
  return choices;
}

describe('/ask autocomplete', () => {
  it('suggests Korean questions about what is typed in Korean', async () => {
    const choices = await complete('중국 데이터', 'ko');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.some((c) => c.value.includes('데이터'))).toBe(true);
    for (const c of choices) expect(c.value).toMatch(/[가-힣]/);
  });

  it('suggests English questions about what is typed in English', async () => {
    const choices = await complete('data cent', 'en-US');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.some((c) => /data cent/i.test(c.value))).toBe(true);
    for (const c of choices) expect(c.value).not.toMatch(/[가-힣]/);
  });

  it('suggests in the language being typed, not the client language', async () => {
    const choices = await complete('중국', 'en-US');
    expect(choices.length).toBeGreaterThan(0);
    for (const c of choices) expect(c.value).toMatch(/[가-힣]/);
  });

  it('offers at most 25 choices before anything is typed', async () => {
    const choices = await complete('', 'ko');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('answers with no choices rather than an error when suggesting fails', async () => {
    const broken = await startBot({ core: (core) => ({ ...core, t: core.t, suggest: () => { throw new Error('index not ready'); } }) });
    try {
      const sent = broken.fake.sendAutocomplete({ command: 'ask', locale: 'ko', options: [{ name: 'question', type: 3, value: '중국', focused: true }] });
      const body = (await broken.fake.callbackFor(sent)).body as { type: number; data: { choices: Choice[] } };
      expect(body).toEqual({ type: 8, data: { choices: [] } });
      expect(broken.logs.some((l) => l.msg.includes('autocomplete failed'))).toBe(true);
    } finally {
      await broken.close();
    }
  });
});

describe('toChoices', () => {
  it('keeps at most 25 distinct choices of at most 100 characters', () => {
    const many = [...Array.from({ length: 40 }, (_, i) => `question ${i} ${'x'.repeat(150)}`), 'same', 'same'];
    const choices = toChoices(many);
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(100);
    expect(toChoices(['same', 'same', ' '])).toEqual([{ name: 'same', value: 'same' }]);
  });
});
