// `npm run bench`: per-question latency of core matching on the real fact base (over the project's
// own question set) and on synthetic fact bases of 1,000, 10,000 and 100,000 facts; build time; RSS.
// `npm run --silent bench -- --json` prints one JSON object per line:
//   {facts, p50_ms, p99_ms, build_ms, rss_mb}
// Each size runs in its own child process, so RSS is that fact base's alone. The child is this file
// bundled to plain JavaScript and run by plain node: the TypeScript loader (tsx) would add ~45 MB of its
// own (a loader thread) that a compiled deployment does not carry. `--loader-overhead` keeps tsx in.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { createCore } from '../core.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { createMatcher } from '../matching/matcher.ts';
import { syntheticBase } from './synthetic-facts.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizeArg = args.indexOf('--size');
const ROUNDS = 10;
/** Rounds run before timing: a long-running bot answers with optimised code; the first calls compile it. */
const WARMUP_ROUNDS = 3;

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
  const child = childCommand();
  if (!json) console.log('facts      p50 ms   p99 ms   build ms   rss MB');
  for (const size of sizes) {
    const run = spawnSync(child.command, [...child.args, '--size', size], { encoding: 'utf8', cwd: PROJECT_ROOT });
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      process.exit(1);
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as Result;
    if (json) process.stdout.write(JSON.stringify(r) + '\n');
    else console.log(`${String(r.facts).padEnd(9)} ${r.p50_ms.toFixed(3).padStart(7)}  ${r.p99_ms.toFixed(3).padStart(7)}  ${r.build_ms.toFixed(0).padStart(9)}  ${r.rss_mb.toFixed(0).padStart(7)}`);
  }
}

/** How to start one measurement: the bundled bench under plain node (default) or this file under tsx. */
function childCommand(): { command: string; args: string[]; cleanup?: () => void } {
  const self = fileURLToPath(import.meta.url);
  if (args.includes('--loader-overhead')) return { command: process.execPath, args: [...process.execArgv, self] };
  // Inside node_modules so that the bundle's package imports resolve to the project's.
  const cache = join(PROJECT_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'fact-bot-bench-'));
  const outfile = join(dir, 'bench.mjs');
  buildSync({
    entryPoints: [self],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // src/paths.ts finds the data folders from its own location; in the bundle, tell it where it was.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'src', 'paths.ts')).href) },
    logLevel: 'error',
  });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  // A 2 MB young generation: each answer allocates little, so V8's default 16 MB semi-spaces only hold
  // garbage (~50 MB of RSS) at no gain in speed. Production can do the same with
  // NODE_OPTIONS=--max-semi-space-size=2 (see README, Benchmarks).
  return { command: process.execPath, args: ['--expose-gc', '--max-semi-space-size=2', outfile] };
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
  for (let round = 0; round < WARMUP_ROUNDS; round++) for (const q of questions) ask(q);
  // Start the timed rounds from a collected heap, so the warm-up's garbage is not billed to them.
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      ask(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  // Resident memory at rest: after a full collection, so it counts what the fact base keeps, not the
  // garbage of building it (V8 returns freed pages to the system on a full GC).
  (globalThis as { gc?: () => void }).gc?.();
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
