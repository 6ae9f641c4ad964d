// The adapter contract: what every platform does the same way, run against each adapter (the real
// adapter, the real runtime pipeline, the real core; Discord and Slack against their fakes) through a
// small driver per platform (drivers/). A platform where a rule cannot apply says why, in its driver.
//   1. The question's own language wins over the platform's UI language.
//   2. No live mention reaches the platform, whatever the question holds.
//   3. A rate-limited asker is told once and then kept quiet.
//   4. The bot ignores its own and other bots' messages.
//   5. Errors reach the user localised, and the log sanitised (no token, no secret URL).
//   6. Empty and huge input get a short hint, never a crash.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/index.ts';
import type { HandleOverride, LogLine } from '../helpers/test-context.ts';
import { testCore } from '../helpers/test-context.ts';

export interface Delivered {
  /** The answer's own text as the asker sees it (the body, not the citation lines). */
  body: string;
  /** Everything the asker sees. */
  all: string;
  /** Whether the platform would turn something in it into a notification (a live mention). */
  liveMention: boolean;
  /** The platform's way of saying nothing to a silenced asker that must still be answered (Discord, HTTP). */
  quiet?: boolean;
}

export interface StartOptions {
  /** The platform's UI language (Discord's client locale, the API's `locale`), else BOT_DEFAULT_LOCALE. */
  ui: Locale;
  handle?: HandleOverride;
  rateLimit?: { max: number; windowMs: number };
}

export interface Session {
  /** Asks as `user`; resolves with what the platform delivers, or undefined when it sends nothing. */
  ask(text: string, user?: string): Promise<Delivered | undefined>;
  /** A message from this bot or another one; resolves once it was processed, with anything sent. */
  fromBot?(text: string, who: 'self' | 'other'): Promise<Delivered | undefined>;
  logs: LogLine[];
  close(): Promise<void>;
}

export interface ContractDriver {
  platform: string;
  start(options: StartOptions): Promise<Session>;
  /** The localised text the platform shows when answering fails. */
  errorText(locale: Locale): string;
  /** true, or why the rule does not apply to this platform. */
  rateLimited: true | string;
  bots: true | string;
}

const HANGUL = /[\uac00-\ud7a3]/;
const SECRETS = ['xoxb-1234-SECRETbottoken', 'https://hooks.slack.com/commands/T1/2/SECRETurl', '/webhooks/1100000000000000001/SECRETinteractiontoken'];

export function adapterContract(driver: ContractDriver): void {
  describe(`the adapter contract: ${driver.platform}`, () => {
    const sessions: Session[] = [];
    const start = async (options: StartOptions) => {
      const session = await driver.start(options);
      sessions.push(session);
      return session;
    };
    afterEach(async () => {
      for (const s of sessions.splice(0)) await s.close();
    });
    const core = testCore();

    it("answers in the question's own language, whatever the platform's UI language", async () => {
      const english = await start({ ui: 'en' });
      const ko = await english.ask('중국 데이터센터 몇 개야?', 'U0LANGKO');
      expect(ko?.body).toContain('449');
      expect(ko?.body).toMatch(HANGUL);
      const korean = await start({ ui: 'ko' });
      const en = await korean.ask('How many data centres does China have?', 'U0LANGEN');
      expect(en?.body).toContain('449');
      expect(en?.body).not.toMatch(HANGUL);
    });

    it('lets no mention in a question become a live one', async () => {
      const session = await start({ ui: 'ko' });
      const reply = await session.ask('@everyone @here <!channel> <!here> <@U0VICTIM> <@&123456789012345678> 중국 데이터센터 몇 개?', 'U0MENTION');
      expect(reply?.body).toContain('449');
      expect(reply?.liveMention).toBe(false);
    });

    it('tells a rate-limited asker once, then keeps quiet until the window passes', async () => {
      const session = await start({ ui: 'ko', rateLimit: { max: 2, windowMs: 60_000 } });
      const replies = [];
      for (let i = 0; i < 4; i++) replies.push(await session.ask('중국 데이터센터 몇 개?', 'U0FLOOD'));
      if (driver.rateLimited !== true) {
        // Not limited on this platform (the reason is the driver's): every question is answered.
        for (const r of replies) expect(r?.body).toContain('449');
        return;
      }
      expect(replies[0]?.body).toContain('449');
      expect(replies[1]?.body).toContain('449');
      expect(replies[2]?.all).toContain(core.t('ko', 'core:notice.rate-limited'));
      expect(replies[3] === undefined || replies[3].quiet === true).toBe(true);
      // Another asker is not affected.
      expect((await session.ask('중국 데이터센터 몇 개?', 'U0CALM'))?.body).toContain('449');
    });

    it("ignores its own and other bots' messages", async () => {
      if (driver.bots !== true) return expect(driver.bots.length).toBeGreaterThan(0);
      const session = await start({ ui: 'ko' });
      expect(await session.fromBot!('중국 데이터센터 몇 개?', 'self')).toBeUndefined();
      expect(await session.fromBot!('중국 데이터센터 몇 개?', 'other')).toBeUndefined();
      // And still answers a person.
      expect((await session.ask('중국 데이터센터 몇 개?', 'U0PERSON'))?.body).toContain('449');
    });

    it('tells the user about an error in their language and logs it without secrets', async () => {
      const session = await start({
        ui: 'en',
        handle: () => {
          throw new Error(`the store broke: ${SECRETS.join(' ')}`);
        },
      });
      const ko = await session.ask('중국 데이터센터 몇 개야?', 'U0ERRKO');
      expect(ko?.all).toContain(driver.errorText('ko'));
      const en = await session.ask('How many data centres does China have?', 'U0ERREN');
      expect(en?.all).toContain(driver.errorText('en'));
      const logged = JSON.stringify(session.logs);
      expect(logged).toContain('the store broke');
      // Each secret above holds the word SECRET where its credential part is.
      expect(logged).not.toContain('SECRET');
    });

    it('answers empty and huge input with a short hint', async () => {
      const session = await start({ ui: 'ko' });
      const empty = await session.ask('   ', 'U0EMPTY');
      expect(empty?.all).toContain(core.t('ko', 'core:notice.empty'));
      const huge = await session.ask('중국 데이터센터 몇 개? '.repeat(3_000), 'U0HUGE');
      expect(huge?.all).toContain(core.t('ko', 'core:notice.too-long'));
    });
  });
}
