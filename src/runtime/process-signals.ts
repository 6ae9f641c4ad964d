// The process's signals: SIGTERM/SIGINT shut down gracefully (a second one, or a shutdown longer than
// the grace period, exits at once with status 1), SIGHUP reloads the fact base. Installed before any
// platform connects, so a signal during start-up is never lost: it takes effect once start-up is done.
import type { Logger } from './logger.ts';
import type { Runtime } from './start-runtime.ts';

export interface ProcessSignals {
  /** Start-up finished: act on a signal that came meanwhile, and stop when every platform finished by itself. */
  started(runtime: Runtime): void;
  /** Resolves with the exit status once the runtime has shut down. */
  exited: Promise<number>;
}

export function installProcessSignals(logger: Logger, graceMs: number): ProcessSignals {
  let runtime: Runtime | undefined;
  let stopping: { reason: string; code: number } | undefined;
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  // Forced exits happen now, even while a platform is still starting.
  const forceExit = (code: number) => process.exit(code);

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = { reason, code };
    setTimeout(() => {
      logger.error({ reason, grace_ms: graceMs }, 'shutdown took too long: forcing exit');
      forceExit(1);
    }, graceMs).unref();
    if (runtime) void runtime.shutdown(reason).then(() => exit(code));
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        logger.warn({ signal }, 'second signal during shutdown: exiting now');
        forceExit(1);
      }
      stop(signal, 0);
    });
  }
  process.on('SIGHUP', () => {
    if (runtime) runtime.reload('SIGHUP');
    else logger.warn('SIGHUP during start-up ignored: the facts were just loaded');
  });
  process.on('unhandledRejection', (err) => {
    // A failed promise inside a platform library must not take every platform down.
    logger.error({ err: err instanceof Error ? err.message : String(err) }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (err) => {
    logger.fatal({ err: err.message, stack: err.stack }, 'uncaught exception: shutting down');
    if (!runtime) forceExit(1);
    stop('uncaught exception', 1);
  });

  return {
    exited,
    started(r) {
      runtime = r;
      if (stopping) void r.shutdown(stopping.reason).then(() => exit(stopping?.code ?? 0));
      void r.finished?.then(() => stop('end of input', 0));
    },
  };
}
