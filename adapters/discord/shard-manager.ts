// DISCORD_SHARDS: discord.js's own ShardingManager runs each shard of the gateway in a process of its own.
// Each shard process is this same program (`npm start`), started by the manager with SHARDING_MANAGER,
// SHARDS and SHARD_COUNT set (discord.js's contract): there the Discord adapter connects only its shard
// (start-discord.ts), and nothing else starts (no other platform, no health port). This process, the
// manager, keeps the health port and reports each shard in /healthz from the manager's own shard
// events (ready, disconnect, reconnecting, resume, death). A shard that dies is respawned by the manager.
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { errorForLog, type PlatformContext, type RunningPlatform } from '../../src/index.ts';
import type { DiscordConfig } from './config.ts';

/** Discord allows one IDENTIFY per 5 s per session-start bucket: shards start this far apart (discord.js's default). */
const SPAWN_DELAY_MS = 5_500;
/** A shard process loads the fact base before it connects; on a loaded machine that takes a while. */
const SHARD_READY_TIMEOUT_MS = 120_000;
/** At shutdown, each shard finishes its answers in flight (its own drain) within this. */
const SHARD_EXIT_TIMEOUT_MS = 4_000;

/** How many shards: DISCORD_SHARDS, or for auto Discord's recommendation (GET /gateway/bot, at DISCORD_API_BASE). */
export async function shardCount(config: Pick<DiscordConfig, 'apiBase' | 'token' | 'shards'>): Promise<number> {
  if (typeof config.shards === 'number') return config.shards;
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

export async function startShardManager(ctx: PlatformContext<DiscordConfig>, script: string, execArgv: string[]): Promise<RunningPlatform> {
  const { config, logger } = ctx;
  const total = await shardCount(config);
  const manager = new ShardingManager(script, { totalShards: total, token: config.token, mode: 'process', execArgv, respawn: true });
  const part = (shard: Shard) => `shard ${shard.id}`;

  manager.on('shardCreate', (shard) => {
    // The shard process runs Discord alone, with no health port of its own (this process reports it).
    Object.assign(shard.env as Record<string, unknown>, { BOT_ADAPTERS: 'discord', HEALTH_PORT: '' });
    ctx.setConnected(false, 'starting', part(shard));
    const report = (connected: boolean, reason: string) => {
      if (connected) logger.info({ shard: shard.id }, `discord shard ${reason}`);
      else logger.warn({ shard: shard.id }, `discord shard ${reason}`);
      ctx.setConnected(connected, reason, part(shard));
    };
    shard.on('spawn', () => ctx.setConnected(false, 'starting', part(shard)));
    shard.on('ready', () => report(true, 'ready'));
    shard.on('resume', () => report(true, 'resumed'));
    shard.on('disconnect', () => report(false, 'disconnected'));
    shard.on('reconnecting', () => report(false, 'reconnecting'));
    shard.on('death', () => report(false, 'process exited'));
    shard.on('error', (err) => logger.error({ shard: shard.id, err: errorForLog(err) }, 'discord shard error'));
  });

  logger.info({ shards: total }, 'discord: starting shards');
  try {
    await manager.spawn({ amount: total, delay: SPAWN_DELAY_MS, timeout: SHARD_READY_TIMEOUT_MS });
  } catch (err) {
    await stopShards(manager);
    throw new Error(`a Discord shard did not start: ${errorForLog(err).message} (its own log lines above say why)`);
  }

  return {
    // Each shard process stops taking interactions, drains its answers and disconnects on its own SIGTERM.
    stop: () => stopShards(manager),
  };
}

/** SIGTERM to every shard process (no respawn), and wait for each to exit (a shard that hangs is killed). */
async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), SHARD_EXIT_TIMEOUT_MS)));
      if ((await Promise.race([exited, late])) === 'late') child.kill('SIGKILL');
      clearTimeout(timer);
    }),
  );
}
