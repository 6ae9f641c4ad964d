import type { Locale } from './types.ts';

/** A platform's locale tag (Discord's 'ko', 'en-US', 'en-GB', ...) as the bot's Locale, or undefined. */
export function toLocale(tag: string | undefined | null): Locale | undefined {
  const base = String(tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'ko' ? 'ko' : base === 'en' ? 'en' : undefined;
}
