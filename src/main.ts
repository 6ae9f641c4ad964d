// The process entry point (`npm start`): loads the facts, starts every configured platform
// (the terminal chat when none is), and answers through one handle() per question.
import { createCore, type Core } from './core.ts';
import { createLogger } from './runtime/logger.ts';
import { discoverPlatforms } from './runtime/discover-platforms.ts';
import { ConfigError, type PlatformContext, type RunningPlatform } from './platform.ts';
import { FactFileError } from './facts/fact-file-error.ts';

async function main(): Promise<number> {
  const env = process.env;
  const logger = createLogger();
  let core: Core;
  try {
    core = createCore();
  } catch (err) {
    if (err instanceof FactFileError) {
      process.stderr.write(`Cannot start: the fact base is broken.\n${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const all = await discoverPlatforms();
  const chosen = all.filter((p) => p.isConfigured(env));
  const toStart = chosen.length > 0 ? chosen : all.filter((p) => p.fallback);
  const ctx: PlatformContext = {
    core,
    env,
    logger,
    handle: (q) => core.ask(q),
    routes: {},
    setConnected: () => {},
  };
  const running: RunningPlatform[] = [];
  try {
    for (const p of toStart) running.push(await p.start(ctx));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Cannot start: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const finished = running.map((r) => r.done).filter((d): d is Promise<void> => Boolean(d));
  if (finished.length > 0 && finished.length === running.length) {
    await Promise.all(finished);
    return 0;
  }
  await new Promise(() => {});
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Fatal: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
