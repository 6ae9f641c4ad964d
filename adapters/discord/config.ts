// The Discord adapter's environment variables and its configuration, checked before anything connects,
// so a missing variable is reported by name instead of as a failed login.
import { z } from 'zod';
import { ConfigError, envVar } from '../../src/index.ts';

export const DEFAULT_API_BASE = 'https://discord.com/api';

export const variables = z.object({
  /** Bot token (Developer Portal > your application > Bot > Reset Token). Setting it enables Discord. */
  DISCORD_TOKEN: envVar.secret('DISCORD_TOKEN'),
  /** Application ID (General Information). */
  DISCORD_APPLICATION_ID: envVar.digits('DISCORD_APPLICATION_ID', 'a Discord id (copy it from the Developer Portal or with Developer Mode on)'),
  /** `npm run discord:deploy` registers the commands in this one server (instant; for development). */
  DISCORD_GUILD_ID: envVar.digits('DISCORD_GUILD_ID', 'a Discord server id (right-click the server with Developer Mode on > Copy Server ID)'),
  /** Another REST base URL (tests, proxies). */
  DISCORD_API_BASE: envVar.httpUrl('DISCORD_API_BASE', 'http://127.0.0.1:8080'),
});

export type DiscordVariables = z.infer<typeof variables>;

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register commands to this guild (instant updates while developing) instead of globally. */
  guildId?: string;
  /** Discord's REST base without the version (discord.js appends /v10): a proxy, or a fake in tests. */
  apiBase: string;
}

export function configureDiscord(values: DiscordVariables): DiscordConfig {
  const token = values.DISCORD_TOKEN;
  if (!token) {
    throw new ConfigError('DISCORD_TOKEN', 'DISCORD_TOKEN is not set. Copy the bot token from the Discord Developer Portal (your application > Bot > Reset Token).');
  }
  const applicationId = values.DISCORD_APPLICATION_ID;
  if (!applicationId) {
    throw new ConfigError('DISCORD_APPLICATION_ID', 'DISCORD_APPLICATION_ID is not set. Copy the Application ID from the Discord Developer Portal (your application > General Information).');
  }
  const apiBase = (values.DISCORD_API_BASE ?? DEFAULT_API_BASE).replace(/\/+$/, '');
  return { token, applicationId, ...(values.DISCORD_GUILD_ID ? { guildId: values.DISCORD_GUILD_ID } : {}), apiBase };
}
