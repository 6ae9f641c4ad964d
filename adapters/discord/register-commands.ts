// Registers the slash commands with Discord: to one server when a guild id is given (instant, for
// development), globally otherwise (for release; Discord may take a while to show changes).
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Core } from '../../src/index.ts';
import { commandData } from './commands/index.ts';
import type { DiscordConfig } from './config.ts';

export interface RegisterResult {
  scope: 'guild' | 'global';
  names: string[];
}

export async function registerCommands(config: DiscordConfig, core: Pick<Core, 't' | 'topics' | 'charts'>): Promise<RegisterResult> {
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const result = (await rest.put(route, { body: commandData(core) })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}
