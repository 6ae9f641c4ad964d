// The contract for the terminal chat: a line in, the answer out (stdin and stdout are streams here).
import { PassThrough } from 'node:stream';
import { platform, startConsole } from '../../adapters/console/index.ts';
import type { Locale } from '../../src/index.ts';
import { captureContext, testCore } from '../helpers/test-context.ts';
import { adapterContract, type Delivered } from './contract.ts';

adapterContract({
  platform: 'console',
  rateLimited: 'the terminal chat has one user, the operator: it is never rate limited',
  bots: 'only the operator types into the terminal',
  errorText: (locale: Locale) => testCore().t(locale, 'console:error'),
  async start({ ui, handle, rateLimit }) {
    const { ctx, logs } = captureContext(platform, { defaultLocale: ui, unlimited: true, ...(handle ? { handle } : {}), ...(rateLimit ? { rateLimit } : {}) });
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    const waiters: Array<() => void> = [];
    output.on('data', (d: Buffer) => {
      written += d.toString('utf8');
      for (const w of waiters.splice(0)) w();
    });
    const running = startConsole(ctx, input, output);
    return {
      logs,
      async ask(text) {
        const before = written.length;
        // One line per question: a question's own line breaks would make it several.
        input.write(text.replace(/\n/g, ' ') + '\n');
        while (written.length === before || !written.endsWith('\n')) await new Promise<void>((resolve) => waiters.push(resolve));
        const shown = written.slice(before);
        // The terminal shows text: nothing in it notifies anyone.
        const delivered: Delivered = { body: shown.split('\n')[0] ?? '', all: shown, liveMention: false };
        return delivered;
      },
      async close() {
        await running.stop();
        await ctx.inFlight.idle();
        input.end();
      },
    };
  },
});
