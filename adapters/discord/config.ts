// The Discord adapter's settings, read from the environment and checked before anything connects,
// so a missing variable is reported by name instead of as a failed login.
import { ConfigError } from '../../src/index.ts';

export const DEFAULT_API_BASE = 'https://discord.com/api';

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register commands to this guild (instant updates while developing) instead of globally. */
  guildId?: string;
  /** Discord's REST base without the version (discord.js appends /v10): a proxy, or a fake in tests. */
  apiBase: string;
}

// Same rule as the runtime configuration check (src/runtime/config.ts): digits only.
const SNOWFLAKE = /^\d{5,25}$/;

export function readDiscordConfig(env: Record<string, string | undefined>): DiscordConfig {
  const token = env.DISCORD_TOKEN?.trim();
  if (!token) {
    throw new ConfigError('DISCORD_TOKEN', 'DISCORD_TOKEN is not set. Copy the bot token from the Discord Developer Portal (your application > Bot > Reset Token).');
  }
  const applicationId = env.DISCORD_APPLICATION_ID?.trim();
  if (!applicationId) {
    throw new ConfigError('DISCORD_APPLICATION_ID', 'DISCORD_APPLICATION_ID is not set. Copy the Application ID from the Discord Developer Portal (your application > General Information).');
  }
  if (!SNOWFLAKE.test(applicationId)) {
    throw new ConfigError('DISCORD_APPLICATION_ID', `DISCORD_APPLICATION_ID must be a numeric Discord ID (got "${applicationId.slice(0, 40)}").`);
  }
  const guildId = env.DISCORD_GUILD_ID?.trim() || undefined;
  if (guildId && !SNOWFLAKE.test(guildId)) {
    throw new ConfigError('DISCORD_GUILD_ID', `DISCORD_GUILD_ID must be a numeric Discord server ID (got "${guildId.slice(0, 40)}"). Leave it empty to register commands globally.`);
  }
  const apiBase = (env.DISCORD_API_BASE?.trim() || DEFAULT_API_BASE).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiBase)) {
    throw new ConfigError('DISCORD_API_BASE', `DISCORD_API_BASE must be an http(s) URL such as ${DEFAULT_API_BASE} (got "${apiBase.slice(0, 80)}").`);
  }
  return { token, applicationId, ...(guildId ? { guildId } : {}), apiBase };
}
