// The process entry point (`npm start`): reads and validates the configuration, loads the facts,
// starts every configured platform (the terminal chat when none is) and wires the signals:
// SIGTERM/SIGINT shut down gracefully, SIGHUP reloads the fact base (src/runtime/process-signals.ts).
import { createCore, type Core } from './core.ts';
import { FactFileError } from './facts/fact-file-error.ts';
import { ConfigError } from './platform.ts';
import { ConfigInvalidError, formatProblems, loadEnv, parseConfig, type RuntimeConfig } from './runtime/config.ts';
import { discoverPlatforms } from './runtime/discover-platforms.ts';
import { createLogger } from './runtime/logger.ts';
import { selectPlatforms } from './runtime/select-platforms.ts';
import { startRuntime, type Runtime } from './runtime/start-runtime.ts';
import { installProcessSignals } from './runtime/process-signals.ts';

/** Grace period for shutdown; kept under 5 s so an orchestrator's 5 s deadline is never hit. */
const SHUTDOWN_GRACE_MS = 4_500;

async function main(): Promise<number> {
  const env = loadEnv();
  let config: RuntimeConfig;
  try {
    config = parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigInvalidError) return fail(err.message);
    throw err;
  }

  let platforms;
  try {
    platforms = selectPlatforms(await discoverPlatforms(), env, config.adapters);
  } catch (err) {
    if (err instanceof ConfigInvalidError) return fail(err.message);
    throw err;
  }

  // The terminal chat owns stdout (the conversation): logs go to stderr, and only warnings unless
  // LOG_LEVEL asks for more. On Discord/Slack, JSON logs go to stdout at info.
  const terminal = platforms.some((p) => p.fallback);
  const logger = createLogger({ level: config.logLevel ?? (terminal ? 'warn' : 'info'), fd: terminal ? 2 : 1 });

  let core: Core;
  try {
    core = createCore({ factsDir: config.factsDir });
  } catch (err) {
    if (err instanceof FactFileError) return fail(`Cannot start: the fact base is broken.\n${err.message}`);
    throw err;
  }
  logger.info({ facts: core.factCount, platforms: platforms.map((p) => p.name) }, 'starting');

  const signals = installProcessSignals(logger, SHUTDOWN_GRACE_MS);
  let runtime: Runtime;
  try {
    runtime = await startRuntime({ config, env, core, logger, platforms });
  } catch (err) {
    if (err instanceof ConfigError) return fail(formatProblems([{ variable: err.variable, message: err.message }]));
    logger.fatal({ err: err instanceof Error ? err.message : String(err) }, 'a platform failed to start');
    return fail(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
  }
  logger.info({ platforms: platforms.map((p) => p.name) }, 'ready');
  signals.started(runtime);
  return signals.exited;
}

function fail(message: string): number {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Fatal: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
