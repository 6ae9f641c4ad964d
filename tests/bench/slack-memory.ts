// `npm run bench:memory [-- --askers N --concurrency C]`: the bot's resident memory under a stream of new
// askers. `npm start` runs the Slack HTTP receiver against a fake Slack Web API on 127.0.0.1; N signed mentions, each a question not asked before, from a user not
// seen before, are sent C at a time. RSS is read from /proc every tenth of the run, so the curve shows
// whether memory levels off (every per-question store bounded) or keeps growing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { appMention, eventBody, signedRequest, startFakeSlack } from '../fakes/fake-slack.ts';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const SECRET = 'memory-bench-secret';
const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const ASKERS = arg('--askers', 6000);
const CONCURRENCY = arg('--concurrency', 50);
const json = argv.includes('--json');

const TOPICS = ['중국 데이터센터 몇 개야', 'How many data centres does the UK have', '딥시크 개발비 얼마', 'KAIST Nature Index rank', '문샷 AI 기업가치', '서울대 AI 논문 순위', 'What is Zhipu valued at', '화웨이 직원 수', 'Who founded MiniMax', '내일 날씨 어때'];
const WORDS = ['정말', '혹시', 'please', 'now', '궁금해', 'quick', '알려줘', 'exactly', '그래서', 'again'];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function main() {
  const fake = await startFakeSlack({ record: false });
  // `npm start` itself (it execs node): the process measured is the one a deployment runs.
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SLACK_BOT_TOKEN: 'xoxb-memory', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', LOG_LEVEL: 'info', ENV_FILE: '/dev/null', RATE_LIMIT_MAX: '10000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { port, pid } = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
    let out = '';
    let found = false;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`bot exited (${code}): ${err}`)));
    // The log line that names the port (and node's pid); the question lines after it are read and dropped.
    child.stdout.on('data', (d: Buffer) => {
      if (found) return;
      out += d.toString();
      const m = /"pid":(\d+),[^\n]*"port":(\d+),[^\n]*"msg":"listening on/.exec(out);
      if (m) {
        found = true;
        resolve({ pid: Number(m[1]), port: Number(m[2]) });
      }
    });
  });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const samples: Array<{ askers: number; rss_mb: number }> = [{ askers: 0, rss_mb: rssMb(pid) }];
  let next = 0;
  const step = Math.max(1, Math.floor(ASKERS / 10));
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ASKERS) {
        const i = next++;
        const text = `<@UBOT> ${TOPICS[i % TOPICS.length]} ${WORDS[Math.floor(i / TOPICS.length) % WORDS.length]} ${i.toString(36)}?`;
        await post(agent, port, signedRequest(SECRET, eventBody(appMention({ text, user: `U${(1_000_000 + i).toString(36).toUpperCase()}` }))));
        if ((i + 1) % step === 0) {
          samples.push({ askers: i + 1, rss_mb: rssMb(pid) });
          if (!json) process.stderr.write(`  ${i + 1} askers: ${samples.at(-1)!.rss_mb} MB\n`);
        }
      }
    }),
  );
  // Let the last replies go out, then read RSS once more.
  await new Promise((r) => setTimeout(r, 1000));
  samples.push({ askers: ASKERS, rss_mb: rssMb(pid) });
  agent.destroy();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await fake.close();
  const posted = fake.answered.get('chat.postMessage') ?? 0;
  const result = { bench: 'slack-memory', askers: ASKERS, concurrency: CONCURRENCY, replies: posted, samples };
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  else {
    const first = samples[1]?.rss_mb ?? 0;
    const last = samples.at(-1)!.rss_mb;
    const mid = samples[Math.floor(samples.length / 2)]?.rss_mb ?? 0;
    process.stdout.write(`${ASKERS} new askers, ${posted} replies: RSS ${samples[0]!.rss_mb} MB at start, ${first} MB after ${step}, ${mid} MB half way, ${last} MB at the end\n`);
  }
}

function post(agent: Agent, port: number, signed: { headers: Record<string, string>; body: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent, headers: { ...signed.headers, 'content-length': Buffer.byteLength(signed.body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(signed.body);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:memory failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
});
