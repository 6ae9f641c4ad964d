// The contract for the JSON API: a POST to /v1/ask on the public port, the Answer as JSON. The client's
// address (X-Forwarded-For, trusted here) is who is asking.
import { platform, startHttpApi } from '../../adapters/http/index.ts';
import type { Locale } from '../../src/index.ts';
import { captureContext, testCore } from '../helpers/test-context.ts';
import { adapterContract } from './contract.ts';

adapterContract({
  platform: 'http',
  rateLimited: true,
  bots: 'an API has no bot messages: every caller is a client',
  errorText: (locale: Locale) => testCore().t(locale, 'http:error.failed'),
  async start({ ui, handle, rateLimit }) {
    const { ctx, http, logs } = captureContext(platform, {
      env: { HTTP_API: '1', HTTP_API_TRUST_PROXY: '1' },
      defaultLocale: ui,
      ...(handle ? { handle } : {}),
      ...(rateLimit ? { rateLimit } : {}),
    });
    const running = await startHttpApi(ctx);
    await http.listen(0, '127.0.0.1');
    return {
      logs,
      async ask(text, user = 'U0ANON') {
        const res = await fetch(`http://127.0.0.1:${http.port}/v1/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': user },
          // The API's UI language is the request's `locale`.
          body: JSON.stringify({ text, locale: ui }),
        });
        const raw = await res.text();
        if (res.status === 429 && raw === '') return { body: '', all: '', liveMention: false, quiet: true };
        const json = JSON.parse(raw) as { body?: string; text?: string; error?: { message: string } };
        // JSON is data: no client turns it into a notification; the answer must not echo the markup either.
        const all = json.text ?? json.error?.message ?? '';
        return { body: json.body ?? all, all, liveMention: /<!(channel|here|everyone)>|<@[UW]/.test(all) };
      },
      async close() {
        await Promise.all([http.close(), running.stop()]);
        await ctx.inFlight.idle();
      },
    };
  },
});
