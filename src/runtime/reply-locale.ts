// The one place a reply's language is decided when there is no answer to carry its own (an error, a
// rate-limit notice, a help screen): the text's language when it has one, else the hint (the
// platform's UI language, else BOT_DEFAULT_LOCALE). Answers are composed in the same language: the core
// detects it the same way.
import type { Core } from '../core.ts';
import type { Locale } from '../types.ts';

export function replyLocale(core: Pick<Core, 'detectLocale'>, text: string, hint: Locale): Locale {
  try {
    return core.detectLocale(String(text ?? '').slice(0, 1000), hint);
  } catch {
    return hint;
  }
}
