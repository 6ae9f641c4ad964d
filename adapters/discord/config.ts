// The Discord adapter's environment variables and its configuration, checked before anything connects,
// so a missing variable is reported by name instead of as a failed login.
import { z } from 'zod';
import { ConfigError, envVar } from '../../src/index.ts';

export const DEFAULT_API_BASE = 'https://discord.com/api';
/** More shards than this is a typo: Discord asks for one per 1,000 to 2,500 servers. */
const MAX_SHARDS = 1024;
const SHARDS_FIX = `must be auto (the number Discord recommends) or a whole number of shards from 1 to ${MAX_SHARDS} (e.g. DISCORD_SHARDS=2)`;

export const variables = z.object({
  /** Bot token (Developer Portal > your application > Bot > Reset Token). Setting it enables Discord. */
  DISCORD_TOKEN: envVar.secret('DISCORD_TOKEN'),
  /** Application ID (General Information). */
  DISCORD_APPLICATION_ID: envVar.digits('DISCORD_APPLICATION_ID', 'a Discord id (copy it from the Developer Portal or with Developer Mode on)'),
  /** `npm run discord:deploy` registers the commands in this one server (instant; for development). */
  DISCORD_GUILD_ID: envVar.digits('DISCORD_GUILD_ID', 'a Discord server id (right-click the server with Developer Mode on > Copy Server ID)'),
  /** Another REST base URL (tests, proxies). */
  DISCORD_API_BASE: envVar.httpUrl('DISCORD_API_BASE', 'http://127.0.0.1:8080'),
  /** Shards, each in a process of its own (discord.js's ShardingManager): a number, or auto. Unset: one connection. */
  DISCORD_SHARDS: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.union([z.literal('auto'), z.coerce.number({ error: SHARDS_FIX }).int({ error: SHARDS_FIX }).min(1, { error: SHARDS_FIX }).max(MAX_SHARDS, { error: SHARDS_FIX })], { error: SHARDS_FIX }).optional(),
  ),
});

export type DiscordVariables = z.infer<typeof variables>;

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register commands to this guild (instant updates while developing) instead of globally. */
  guildId?: string;
  /** Discord's REST base without the version (discord.js appends /v10): a proxy, or a fake in tests. */
  apiBase: string;
  /** DISCORD_SHARDS: run the gateway as this many shards (or as many as Discord recommends), a process each. */
  shards?: number | 'auto';
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
  return {
    token,
    applicationId,
    ...(values.DISCORD_GUILD_ID ? { guildId: values.DISCORD_GUILD_ID } : {}),
    apiBase,
    ...(values.DISCORD_SHARDS !== undefined ? { shards: values.DISCORD_SHARDS } : {}),
  };
}
