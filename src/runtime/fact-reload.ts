// Reloading the fact base without a restart (SIGHUP, or a file change with FACTS_WATCH=1).
// core.reload() validates the whole base before swapping it in, so a broken file leaves the old facts
// serving; the log then names the file and each wrong field. Questions keep being answered throughout:
// ask() and reload() are synchronous, so a question sees either the old base or the new one.
import { watch, type FSWatcher } from 'node:fs';
import type { Core } from '../core.ts';
import { FactFileError } from '../facts/fact-file-error.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export function reloadFacts(core: Core, logger: Logger, metrics: Metrics, trigger: string): boolean {
  const before = core.factCount;
  try {
    core.reload();
  } catch (err) {
    metrics.factReload(false);
    if (err instanceof FactFileError) {
      logger.error(
        { trigger, file: err.file, problems: err.problems, facts: before },
        `fact reload failed: ${err.file} is broken; still serving the previous ${before} facts`,
      );
    } else {
      logger.error({ trigger, err: err instanceof Error ? err.message : String(err), facts: before }, 'fact reload failed; still serving the previous facts');
    }
    return false;
  }
  metrics.factReload(true);
  metrics.factsLoaded(core.factCount);
  logger.info({ trigger, facts: core.factCount, before }, `facts reloaded: ${core.factCount} facts`);
  return true;
}

/** Watches the fact folder; a burst of changes (an editor saving several files) triggers one reload. */
export function watchFacts(dir: string, onChange: () => void, onError: (err: Error) => void, debounceMs = 300): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { persistent: false }, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  // A watcher that fails (the folder was removed) must not bring the bot down: SIGHUP still works.
  watcher.on('error', onError);
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
