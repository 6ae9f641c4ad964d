// Gateway connection state for /healthz and the connection gauge: connected when a shard is ready or
// has resumed, disconnected (with the reason) when it closes or reconnects.
import { Events, type Client } from 'discord.js';
import { errorForLog, type PlatformContext } from '../../src/index.ts';

export function reportConnection(client: Client, ctx: Pick<PlatformContext, 'setConnected' | 'logger'>): void {
  const connected = (reason: string) => {
    ctx.logger.info(`discord gateway ${reason}`);
    ctx.setConnected(true, reason);
  };
  const disconnected = (reason: string) => {
    ctx.logger.warn(`discord gateway ${reason}`);
    ctx.setConnected(false, reason);
  };
  client.on(Events.ShardReady, () => connected('ready'));
  client.on(Events.ShardResume, () => connected('resumed'));
  client.on(Events.ShardDisconnect, (event) => disconnected(`closed (${event.code}), not reconnecting`));
  client.on(Events.ShardReconnecting, () => disconnected('reconnecting'));
  client.on(Events.Invalidated, () => disconnected('session invalidated'));
  client.on(Events.ShardError, (err) => ctx.logger.warn({ err: errorForLog(err) }, 'discord gateway error'));
  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (err) => ctx.logger.error({ err: errorForLog(err) }, 'discord client error'));
  client.on(Events.Warn, (message) => ctx.logger.warn(`discord: ${message}`));
}
