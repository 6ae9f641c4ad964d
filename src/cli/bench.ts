// `npm run bench`: per-question latency of core matching on the real fact base (over the project's
// own question set) and on synthetic fact bases of 1,000, 10,000 and 100,000 facts; build time; RSS.
// `npm run --silent bench -- --json` prints one JSON object per line:
//   {facts, p50_ms, p99_ms, build_ms, rss_mb}
// Each size runs in its own child process, so RSS is that fact base's alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { createMatcher } from '../matching/matcher.ts';
import { syntheticBase } from './synthetic-facts.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizeArg = args.indexOf('--size');
const ROUNDS = 5;

interface Result {
  facts: number;
  p50_ms: number;
  p99_ms: number;
  build_ms: number;
  rss_mb: number;
}

if (sizeArg >= 0) {
  process.stdout.write(JSON.stringify(measure(args[sizeArg + 1]!)) + '\n');
} else {
  const sizes = ['article', '1000', '10000', '100000'];
  if (!json) console.log('facts      p50 ms   p99 ms   build ms   rss MB');
  for (const size of sizes) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--size', size], { encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      process.exit(1);
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as Result;
    if (json) process.stdout.write(JSON.stringify(r) + '\n');
    else console.log(`${String(r.facts).padEnd(9)} ${r.p50_ms.toFixed(3).padStart(7)}  ${r.p99_ms.toFixed(3).padStart(7)}  ${r.build_ms.toFixed(0).padStart(9)}  ${r.rss_mb.toFixed(0).padStart(7)}`);
  }
}

function measure(size: string): Result {
  let ask: (q: string) => unknown;
  let questions: string[];
  let facts: number;
  const started = performance.now();
  if (size === 'article') {
    // No answer cache: every question is matched, as a question never asked before would be.
    const core = createCore({ answerCacheSize: 0 });
    ask = (q) => core.ask({ text: q });
    facts = core.factCount;
    questions = projectQuestions();
  } else {
    const base = syntheticBase(Number(size));
    const matcher = createMatcher(base.facts, base.entities);
    ask = (q) => matcher.match(q, 'ko');
    facts = base.facts.length;
    questions = base.questions.slice(0, 2000);
  }
  const buildMs = performance.now() - started;
  for (const q of questions) ask(q); // warm up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      ask(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return { facts, p50_ms: round3(at(0.5)), p99_ms: round3(at(0.99)), build_ms: Math.round(buildMs), rss_mb: Math.round(process.memoryUsage().rss / 1048576) };
}

/** The project's own labelled questions (tests/questions), else the facts' example questions. */
function projectQuestions(): string[] {
  const file = join(PROJECT_ROOT, 'tests', 'questions', 'questions.jsonl');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q);
  }
  const core = createCore();
  return core.topics('ko').flatMap((t) => t.examples);
}
