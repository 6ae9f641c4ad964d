// Every slash command, and the map the dispatcher looks them up in by name. A new command is one module
// here and one entry in this list; `npm run discord:deploy` registers exactly these.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Core } from '../../../src/index.ts';
import { about } from './about.ts';
import { ask } from './ask.ts';
import { chart } from './chart.ts';
import type { Command } from './command.ts';
import { facts } from './facts.ts';

export const commands: readonly Command[] = [ask, chart, facts, about];

export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((c) => [c.name, c]));

/** The JSON Discord registers. */
export function commandData(core: Pick<Core, 't' | 'topics' | 'charts'>): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data(core).toJSON());
}

export type { Command };
