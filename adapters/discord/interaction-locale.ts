// The client's language, as a hint: a reply about a text follows the text's own language (ctx.locale).
import type { BaseInteraction } from 'discord.js';
import { toLocale, type Locale } from '../../src/index.ts';

/** The user's client language (ko, en-US, en-GB, ...), else the server's, else none. */
export function uiLocale(interaction: Pick<BaseInteraction, 'locale' | 'guildLocale'>): Locale | undefined {
  return toLocale(interaction.locale) ?? toLocale(interaction.guildLocale);
}
