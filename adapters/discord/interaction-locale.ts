// Shared bits of every reply: the user's language and the no-ping rule.
import type { BaseInteraction, MessageMentionOptions } from 'discord.js';
import { toLocale, type Core, type Locale } from '../../src/index.ts';

/** Sent with every message: nothing a user typed (@everyone, <@&role>, <@user>) may ping anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** The user's client language (ko, en-US, en-GB, ...), else the server's, else English. */
export function localeOf(interaction: Pick<BaseInteraction, 'locale' | 'guildLocale'>): Locale {
  return toLocale(interaction.locale) ?? toLocale(interaction.guildLocale) ?? 'en';
}

/** The quiet line for an asker still over the rate limit (shared with the other platforms). */
export function silentLimitText(core: Pick<Core, 't'>, locale: Locale): string {
  return core.t(locale, 'runtime:limit.silent');
}
