// The Discord platform: slash commands (/ask with autocomplete, /facts, /about) over the gateway with
// discord.js. Started by `npm start` when DISCORD_TOKEN is set. Only the Guilds intent: slash commands
// need no privileged intent, and the bot reads no messages.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { ConfigError, type PlatformContext, type PlatformDefinition, type RunningPlatform } from '../../src/index.ts';
import { readDiscordConfig, type DiscordConfig } from './config.ts';
import { reportConnection } from './connection-state.ts';
import { dispatchInteraction } from './dispatch-interaction.ts';
import { NO_MENTIONS } from './interaction-locale.ts';
import { createResponder } from './respond.ts';

export const platform: PlatformDefinition = {
  name: 'discord',
  isConfigured: (env) => Boolean(env.DISCORD_TOKEN?.trim()),
  start: startDiscord,
};

export function createDiscordClient(config: Pick<DiscordConfig, 'apiBase'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiBase },
    allowedMentions: NO_MENTIONS,
  });
}

export async function startDiscord(ctx: PlatformContext): Promise<RunningPlatform> {
  const config = readDiscordConfig(ctx.env);
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
  ctx.logger.info({ platform: 'discord', bot: client.user?.tag, applicationId: appId }, 'discord bot logged in');

  return {
    async stop() {
      stopping = true;
      // Answers go out over REST, not the gateway: they are delivered before the client disconnects.
      await ctx.inFlight.idle();
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
