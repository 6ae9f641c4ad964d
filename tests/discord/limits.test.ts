// What Discord would reject or what must stay quiet: a huge answer, and the rate limit's two replies.
import { describe, expect, it } from 'vitest';
import { embedLength, EMBED_LIMITS } from '../../adapters/discord/embed-limits.ts';
import { callbackData, EPHEMERAL, startBot } from './bot-harness.ts';

const question = (value: string) => [{ name: 'question', type: 3, value }];

describe('limits', () => {
  it('sends a huge answer inside Discord embed limits, end to end', async () => {
    const bot = await startBot({
      handle: (q, core) => {
        const real = core.ask(q);
        const long = 'x'.repeat(3000);
        return {
          ...real,
          body: `${real.body}\n${'449 '.repeat(2000)}`,
          citations: Array.from({ length: 12 }, (_, i) => ({ source: `Source ${i} ${long}`, figure: long, article: long, date: '2025-02-24', quote: long })),
        };
      },
    });
    try {
      const sent = bot.fake.sendCommand({ command: 'ask', locale: 'ko', options: question('중국 데이터센터는 몇 개야?') });
      const callback = await bot.fake.callbackFor(sent);
      expect(callback.status).toBe(204);
      const embed = callbackData(callback.body).embeds?.[0];
      expect(embed).toBeDefined();
      expect(embedLength(embed as never)).toBeLessThanOrEqual(EMBED_LIMITS.total);
      expect(embed?.description?.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
      for (const f of embed?.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      expect(embed?.description).toContain('449');
    } finally {
      await bot.close();
    }
  });

  it('answers quietly and privately when the asker is over the rate limit (handle returns null)', async () => {
    const bot = await startBot({ handle: () => null });
    try {
      const sent = bot.fake.sendCommand({ command: 'ask', locale: 'ko', options: question('중국 데이터센터는 몇 개야?') });
      const message = callbackData((await bot.fake.callbackFor(sent)).body);
      expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(message.embeds ?? []).toHaveLength(0);
      expect(message.content).toBe(bot.ctx.core.t('ko', 'runtime:limit.silent'));
      expect(message.content).toMatch(/[가-힣]/);
      expect(message.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await bot.close();
    }
  });

  it('sends the one polite rate-limit notice privately, as text', async () => {
    const bot = await startBot({ handle: (q, core) => ({ ...core.ask({ text: '', locale: q.locale ?? 'en' }), notice: 'rate-limited', body: 'You are asking too fast.' }) });
    try {
      const sent = bot.fake.sendCommand({ command: 'ask', locale: 'en-US', options: question('How many data centres does China have?') });
      const message = callbackData((await bot.fake.callbackFor(sent)).body);
      expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(message.content).toBe('You are asking too fast.');
    } finally {
      await bot.close();
    }
  });
});
