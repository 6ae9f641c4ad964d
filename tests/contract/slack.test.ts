// The contract for Slack: a mention through the real Bolt app (HTTP receiver) and the fake Slack; what
// the user sees is the reply posted in the mention's thread.
import { escapeMrkdwn } from '../../adapters/slack/escape.ts';
import type { Locale } from '../../src/index.ts';
import { appMention, eventBody } from '../fakes/fake-slack.ts';
import { sectionText, startSlackBot, testCore, visibleText } from '../slack/slack-harness.ts';
import { adapterContract } from './contract.ts';

adapterContract({
  platform: 'slack',
  rateLimited: true,
  bots: true,
  errorText: (locale: Locale) => escapeMrkdwn(testCore().t(locale, 'slack:error.reply')),
  // Slack events carry no language: the platform's is BOT_DEFAULT_LOCALE.
  async start({ ui, handle, rateLimit }) {
    const h = await startSlackBot({ defaultLocale: ui, ...(handle ? { handle } : {}), ...(rateLimit ? { rateLimit } : {}) });
    const deliver = async (event: Record<string, unknown>) => {
      // The harness answers before the HTTP response: once it comes, any reply has been posted.
      await h.post(eventBody(event));
      const reply = h.fake.callsTo('chat.postMessage').find((c) => c.body.thread_ts === event.ts);
      if (!reply) return undefined;
      const all = visibleText(reply.body);
      return { body: sectionText(reply.body), all, liveMention: /<!(channel|here|everyone|subteam)|<@[UW]/.test(all) };
    };
    return {
      logs: h.logs,
      ask: (text, user = 'U0SOMEONE') => deliver(appMention({ text: `<@UBOT> ${text}`, user })),
      fromBot: (text, who) =>
        deliver({ ...appMention({ text: `<@UBOT> ${text}`, user: who === 'self' ? 'UBOT' : 'U0OTHERBOT' }), bot_id: who === 'self' ? 'BBOT' : 'B0OTHER' }),
      close: () => h.close(),
    };
  },
});
