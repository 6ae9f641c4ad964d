// Starts `src/main.ts` (what `npm start` runs) as a child process for the runtime tests, from the
// run's compiled copy (tests/helpers/compiled.ts: plain node, no TypeScript loader to start in every
// process), with a clean environment (nothing inherited: no developer token leaks into a test) and a
// throwaway working directory (so a developer's .env is never read), removed when the process has
// exited. Or starts `npm start` itself (the container's command, through tsx), from the project folder
// with ENV_FILE pointing nowhere. Collects stdout and stderr for assertions.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeArgs } from '../helpers/compiled.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Everything the process wrote, both streams. */
  output(): string;
  /** The JSON log lines (from whichever stream carries them). */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the first log line matching, waiting for it to be written. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the log lines matching once there are `count` of them (lines of several processes sharing the output arrive in any order). */
  waitForLogs(predicate: (line: Record<string, unknown>) => boolean, count: number, timeoutMs?: number): Promise<Array<Record<string, unknown>>>;
  /** Resolves when stdout contains `text` (from `from` characters on). */
  waitForOutput(text: string, from?: number, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  kill(signal?: NodeJS.Signals): void;
}

export interface StartOptions {
  /** 'npm': run `npm start` (the child is the npm process); default: node on the compiled src/main.ts. */
  via?: 'node' | 'npm';
}

export function startBot(env: Record<string, string>, options: StartOptions = {}): BotProcess {
  const home = mkdtempSync(join(tmpdir(), 'factbot-run-'));
  const viaNpm = options.via === 'npm';
  // Only what a process needs: PATH, a home of its own, the run's temp folder, and its question log in
  // that home (never the project's data/ folder); a test that reads the log passes DATA_DIR itself.
  // Two costs every process would pay for nothing, on a 2-core machine running two test files at once:
  // - the chart warm-up (six PNGs, a few CPU seconds in every Discord/Slack process): a test asks for
  //   the pictures it checks, each drawn on request (the warm-up's own test: chart-warm-up.test.ts);
  // - the question log (a worker thread with its own database driver): a test that is about the log,
  //   or reads what it stores, passes QUESTION_LOG: '1'.
  // both-platforms.test.ts and npm-start.test.ts run with both on, as deployed.
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TMPDIR: tmpdir(),
    ENV_FILE: join(home, 'no.env'),
    DATA_DIR: join(home, 'data'),
    CHARTS_WARM_UP: '0',
    QUESTION_LOG: '0',
  };
  const child = viaNpm
    ? spawn('npm', ['start'], { cwd: PROJECT_ROOT, env: { ...base, npm_config_update_notifier: 'false', npm_config_fund: 'false', ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, nodeArgs('src/main.ts'), { cwd: home, env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let all = '';
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    all += d;
    wake();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    all += d;
    wake();
  });
  let done = false;
  let exitAt = 0;
  child.on('exit', () => (exitAt = Date.now()));
  // 'close' comes after the output streams are drained, so assertions see every line.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('close', (code, signal) => {
      done = true;
      rmSync(home, { recursive: true, force: true });
      resolve({ code, signal, at: exitAt || Date.now() });
      wake();
    });
  });

  const logs = () =>
    all
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });

  const waitUntil = <T>(check: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const tryIt = () => {
        const v = check();
        if (v !== undefined) {
          cleanup();
          resolve(v);
        } else if (done) {
          cleanup();
          reject(new Error(`process exited before ${what}\n--- output ---\n${all}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}\n--- output ---\n${all}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(tryIt);
      };
      waiters.add(tryIt);
      tryIt();
    });

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    output: () => all,
    logs,
    waitForLog: (predicate, timeoutMs = 60_000) => waitUntil(() => logs().find(predicate), 'a log line', timeoutMs),
    waitForLogs: (predicate, count, timeoutMs = 60_000) =>
      waitUntil(
        () => {
          const found = logs().filter(predicate);
          return found.length >= count ? found : undefined;
        },
        `${count} matching log lines`,
        timeoutMs,
      ),
    waitForOutput: (text, from = 0, timeoutMs = 60_000) =>
      waitUntil(() => (out.indexOf(text, from) >= 0 ? true : undefined), JSON.stringify(text), timeoutMs).then(() => undefined),
    exited,
    kill: (signal = 'SIGTERM') => {
      if (!done) child.kill(signal);
    },
  };
}
