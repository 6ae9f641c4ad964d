// The process entry point (`npm start`): reads and validates the configuration, loads the facts,
// starts every configured platform (the terminal chat when none is) and wires the signals:
// SIGTERM/SIGINT shut down gracefully, SIGHUP reloads the fact base (src/runtime/process-signals.ts).
import { createCore, type Core } from './core.ts';
import { FactFileError } from './facts/fact-file-error.ts';
import { ConfigError } from './platform.ts';
import { ConfigInvalidError, formatProblems, loadEnv } from './runtime/config.ts';
import { parseProcessConfig, type ProcessConfig } from './runtime/process-config.ts';
import { discoverPlatforms } from './runtime/discover-platforms.ts';
import { errorForLog } from './runtime/error-for-log.ts';
import { createLogger } from './runtime/logger.ts';
import { configurePlatforms, selectPlatforms, type SelectedPlatform } from './runtime/select-platforms.ts';
import { startRuntime, type Runtime } from './runtime/start-runtime.ts';
import { installProcessSignals } from './runtime/process-signals.ts';

/** Grace period for shutdown; kept under 5 s so an orchestrator's 5 s deadline is never hit. */
const SHUTDOWN_GRACE_MS = 4_500;
/** Answers in flight get this long at shutdown, leaving the rest of the grace period to disconnect. */
const DRAIN_MS = 3_500;

async function main(): Promise<number> {
  const env = loadEnv();
  const discovered = await discoverPlatforms();
  // Every problem with the configuration, the runtime's and each chosen platform's, before anything loads.
  let parsed: ProcessConfig;
  let platforms: SelectedPlatform[];
  try {
    parsed = parseProcessConfig(env, discovered);
    platforms = configurePlatforms(selectPlatforms(discovered, parsed.platformValues, parsed.runtime.adapters), parsed.platformValues);
  } catch (err) {
    if (err instanceof ConfigInvalidError) return fail(err.message);
    throw err;
  }
  const config = parsed.runtime;
  const names = platforms.map((p) => p.definition.name);

  // The terminal chat owns stdout (the conversation): logs go to stderr, and only warnings unless
  // LOG_LEVEL asks for more. On Discord/Slack, JSON logs go to stdout at info.
  const terminal = platforms.some((p) => p.definition.fallback);
  const logger = createLogger({ level: config.logLevel ?? (terminal ? 'warn' : 'info'), fd: terminal ? 2 : 1 });

  let core: Core;
  try {
    core = createCore({ factsDir: config.factsDir });
  } catch (err) {
    if (err instanceof FactFileError) return fail(`Cannot start: the fact base is broken.\n${err.message}`);
    throw err;
  }
  logger.info({ facts: core.factCount, platforms: names }, 'starting');

  const signals = installProcessSignals(logger, SHUTDOWN_GRACE_MS);
  let runtime: Runtime;
  try {
    runtime = await startRuntime({ config, core, logger, platforms, drainMs: DRAIN_MS, questionLog: parsed.questionLog, sharedState: parsed.sharedState });
  } catch (err) {
    if (err instanceof ConfigError) return fail(formatProblems([{ variable: err.variable, message: err.message }]));
    logger.fatal({ err: errorForLog(err) }, 'a platform failed to start');
    return fail(`Cannot start: ${errorForLog(err).message}`);
  }
  logger.info({ platforms: names }, 'ready');
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
