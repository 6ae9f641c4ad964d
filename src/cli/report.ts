// `npm run report`: what readers asked that the article could not answer, the facts they disliked, and
// the answer rate by day, language and platform, from the question log the bot keeps (SQLite under
// DATA_DIR, or PostgreSQL with DATABASE_URL: the same variables the bot reads, .env included).
//   npm run report                       the whole log, as text
//   npm run report -- --since 7d         the last 7 days (also 24h, 2w, or a date: 2025-03-01)
//   npm run --silent report -- --json    one JSON object
//   npm run report -- --limit 50         more rows in the two top lists (default 20)
import { pathToFileURL } from 'node:url';
import { ConfigInvalidError, loadEnv, type Env } from '../runtime/config.ts';
import { createQuestionLogStore, parseQuestionLogConfig } from '../question-log/question-log-config.ts';
import { buildReport, formatReport, parseSince } from '../question-log/report.ts';

const USAGE = 'usage: npm run report -- [--json] [--since 7d|24h|2w|2025-03-01] [--limit 20]';

export interface ReportRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runReport(argv: string[], env: Env, now = new Date()): Promise<ReportRun> {
  let json = false;
  let since: Date | undefined;
  let limit = 20;
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      const value = () => {
        const v = argv[++i];
        if (v === undefined) throw new Error(`${arg} needs a value`);
        return v;
      };
      if (arg === '--json') json = true;
      else if (arg === '--since') since = parseSince(value(), now);
      else if (arg.startsWith('--since=')) since = parseSince(arg.slice('--since='.length), now);
      else if (arg === '--limit') {
        const v = value();
        limit = Number(v);
        if (!/^\d{1,4}$/.test(v) || limit < 1) throw new Error(`--limit "${v}" must be a whole number from 1 to 9999`);
      } else if (arg === '--help' || arg === '-h') return { code: 0, stdout: USAGE + '\n', stderr: '' };
      else throw new Error(`unknown option ${arg}`);
    }
  } catch (err) {
    return { code: 2, stdout: '', stderr: `${(err as Error).message}\n${USAGE}\n` };
  }

  let config;
  try {
    config = parseQuestionLogConfig(env);
  } catch (err) {
    if (err instanceof ConfigInvalidError) return { code: 2, stdout: '', stderr: err.message + '\n' };
    throw err;
  }
  const store = createQuestionLogStore(config, { mustExist: true, onIdleError: () => undefined });
  try {
    await store.open();
  } catch (err) {
    const message = (err as Error).message;
    const hint =
      store.kind === 'sqlite'
        ? `No question log at ${store.location}: the bot creates it when it starts (set DATA_DIR to where the bot keeps it, or DATABASE_URL for PostgreSQL).`
        : `Cannot read the question log at ${store.location}: ${message}`;
    await store.close().catch(() => undefined);
    return { code: 1, stdout: '', stderr: `${hint}\n` };
  }
  try {
    const report = await buildReport(store, { ...(since ? { since } : {}), limit, now });
    return { code: 0, stdout: json ? JSON.stringify(report) + '\n' : formatReport(report), stderr: '' };
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runReport(process.argv.slice(2), loadEnv());
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
