// A question log that cannot be reached never stops an answer: `npm start` (the terminal chat, with
// /metrics on HEALTH_PORT) given a DATABASE_URL nothing listens on answers every question, logs one
// warning, and counts the failures in /metrics. The same bot with a working log counts what it wrote.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../runtime/bot-process.ts';
import { tempDir } from '../helpers/services.ts';

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(name))
    .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
}

async function ask(bot: BotProcess, question: string, expected: string): Promise<void> {
  const from = bot.stdout().length;
  bot.child.stdin.write(question + '\n');
  await bot.waitForOutput(expected, from);
}

async function healthPort(bot: BotProcess): Promise<number> {
  return (await bot.waitForLog((l) => String(l.msg).startsWith('health and metrics on'))).port as number;
}

describe('the question log at run time', () => {
  it('answers every question while the log is down, warns once, and counts the failures in /metrics', async () => {
    const bot = startBot({ QUESTION_LOG: '1', DATABASE_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/test`, HEALTH_PORT: '0', LOG_LEVEL: 'info' });
    try {
      const port = await healthPort(bot);
      await ask(bot, '중국 데이터센터 몇 개?', '449');
      await ask(bot, 'How many data centres does Germany have?', '521');
      await ask(bot, '일본 데이터센터 몇 개야?', '일본');
      await bot.waitForLog((l) => String(l.msg).startsWith('question log unavailable'));
      expect(await metric(port, 'question_log_failures_total')).toBeGreaterThanOrEqual(1);
      expect(await metric(port, 'question_log_written_total')).toBe(0);
      bot.child.stdin.end();
      expect((await bot.exited).code).toBe(0);
      expect(bot.logs().filter((l) => String(l.msg).startsWith('question log unavailable'))).toHaveLength(1);
    } finally {
      bot.kill('SIGKILL');
    }
  });

  it('writes each question to a working log, counted in /metrics', async () => {
    const dir = tempDir('qlog-metrics');
    const bot = startBot({ QUESTION_LOG: '1', DATA_DIR: dir.path, HEALTH_PORT: '0', LOG_LEVEL: 'info' });
    try {
      const port = await healthPort(bot);
      await ask(bot, '중국 데이터센터 몇 개?', '449');
      await ask(bot, '일본 데이터센터 몇 개야?', '일본');
      const until = Date.now() + 30_000;
      while ((await metric(port, 'question_log_written_total')) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await metric(port, 'question_log_written_total')).toBe(2);
      expect(await metric(port, 'question_log_failures_total')).toBe(0);
      bot.child.stdin.end();
      expect((await bot.exited).code).toBe(0);
    } finally {
      bot.kill('SIGKILL');
      dir.remove();
    }
  });
});
