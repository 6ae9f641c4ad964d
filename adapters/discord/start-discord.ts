// Starting Discord: the discord.js client logs in to the gateway and answers interactions. Only the
// Guilds intent: slash commands need no privileged intent, and the bot reads no messages. With
// DISCORD_SHARDS this process is the shards' manager instead (shard-manager.ts); in a shard process
// (started by the manager) the client connects the shard discord.js was given.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { ConfigError, type PlatformContext, type RunningPlatform } from '../../src/index.ts';
import type { DiscordConfig } from './config.ts';
import { reportConnection } from './connection-state.ts';
import { dispatchInteraction } from './dispatch-interaction.ts';
import { createResponder } from './respond.ts';

export function createDiscordClient(config: Pick<DiscordConfig, 'apiBase'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiBase },
    // Every message pings no one: nothing a user typed (@everyone, <@&role>, <@user>) may notify.
    allowedMentions: { parse: [] },
  });
}

export async function startDiscord(ctx: PlatformContext<DiscordConfig>): Promise<RunningPlatform> {
  const config = ctx.config;
  // discord.js's ShardingManager sets SHARDING_MANAGER in the processes it starts: this is one shard.
  const inShard = Boolean(process.env.SHARDING_MANAGER);
  if (config.shards !== undefined && !inShard) {
    const { startShardManager } = await import('./shard-manager.ts');
    // Each shard runs this same program, with the same Node options (the TypeScript loader included).
    return startShardManager(ctx, process.argv[1] ?? '', process.execArgv);
  }
  if (inShard) {
    // A shard whose manager is gone (killed, crashed) would otherwise go on answering alone: it stops too.
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
  const client = createDiscordClient(config);
  const responder = createResponder(config.apiBase, ctx.logger);
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    void dispatchInteraction(interaction, ctx, responder, Date.now());
  });
  reportConnection(client, ctx);
  ctx.setConnected(false, 'connecting');

  try {
    await client.login(config.token);
  } catch (err) {
    await client.destroy().catch(() => {});
    if (isRejectedToken(err)) {
      throw new ConfigError(
        'DISCORD_TOKEN',
        'Discord rejected DISCORD_TOKEN (401). Check the bot token in the Developer Portal (your application > Bot > Reset Token) and that it belongs to this application.',
      );
    }
    throw err;
  }

  const appId = client.application?.id;
  if (appId && appId !== config.applicationId) {
    await client.destroy().catch(() => {});
    throw new ConfigError(
      'DISCORD_APPLICATION_ID',
      `DISCORD_APPLICATION_ID (${config.applicationId}) is not the application of DISCORD_TOKEN (${appId}). Use the Application ID of the same application as the bot token.`,
    );
  }
  ctx.logger.info({ bot: client.user?.tag, applicationId: appId, ...(inShard ? { shards: client.options.shards } : {}) }, 'discord bot logged in');

  return {
    // New interactions are ignored from now on; answers already taken go out over REST (the runtime waits).
    async stop() {
      stopping = true;
    },
    async close() {
      await client.destroy();
      ctx.setConnected(false, 'stopped');
    },
  };
}

/** discord.js reports a 401 on GET /gateway/bot as TokenInvalid; the gateway's 4004 as "Authentication failed". */
function isRejectedToken(err: unknown): boolean {
  const e = err as { code?: unknown; status?: unknown; message?: unknown } | null;
  return e?.code === 'TokenInvalid' || e?.status === 401 || /authentication failed/i.test(String(e?.message ?? ''));
}
