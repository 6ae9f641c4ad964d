// Autocomplete for /ask question: answerable questions close to what the user has typed so far.
// Discord gives 3 s and no defer; core.suggest is synchronous, and a failure offers no choices
// rather than an error (the user can still type their own question).
import type { AutocompleteInteraction, ApplicationCommandOptionChoiceData } from 'discord.js';
import type { PlatformContext } from '../../src/index.ts';
import { COMMAND, OPTION } from './commands.ts';
import { CHOICE_LIMIT, truncate } from './embed-limits.ts';
import { localeOf } from './interaction-locale.ts';
import { safeError } from './safe-error.ts';

const MAX_CHOICES = 25;

/** The choices to offer for what is being typed; none when that fails (logged). */
export function suggestionChoices(interaction: AutocompleteInteraction, ctx: PlatformContext): ApplicationCommandOptionChoiceData<string>[] {
  let choices: ApplicationCommandOptionChoiceData<string>[] = [];
  try {
    const focused = interaction.options.getFocused(true);
    if (interaction.commandName === COMMAND.ask && focused.name === OPTION.question) {
      const partial = String(focused.value ?? '');
      // Suggest in the language being typed; with nothing typed yet, in the client's language.
      const locale = ctx.core.detectLocale(partial, localeOf(interaction));
      choices = toChoices(ctx.core.suggest(partial, locale, MAX_CHOICES));
    }
  } catch (err) {
    ctx.logger.warn({ err: safeError(err), command: interaction.commandName }, 'discord autocomplete failed; offering no choices');
    choices = [];
  }
  return choices;
}

/** Suggestions as choices: at most 25, name and value at most 100 characters, no duplicate values. */
export function toChoices(suggestions: string[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const out: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const s of suggestions) {
    const value = truncate(s.trim(), CHOICE_LIMIT);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: value, value });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}
