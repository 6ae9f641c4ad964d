// The services the tests use, checked before they run: the real Redis and PostgreSQL on loopback (every
// machine, CI's too, runs them). Says which one does not answer, and how it is started, rather than
// letting a dozen tests fail with ECONNREFUSED. Uses the project's own clients (ioredis, pg).
import { Redis } from 'ioredis';
import pg from 'pg';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TIMEOUT_MS = 3000;

const where = (url) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port}${u.pathname === '/' ? '' : u.pathname}`;
};

async function redis() {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let lastError;
  client.on('error', (err) => (lastError = err));
  try {
    await client.connect().catch((err) => {
      throw lastError ?? err;
    });
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error(`PING answered ${pong}`);
    return `Redis ${(await client.info('server')).match(/redis_version:(\S+)/)?.[1] ?? ''}`.trim();
  } finally {
    client.disconnect();
  }
}

async function postgres() {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    return `PostgreSQL ${rows[0].server_version}`;
  } finally {
    await client.end().catch(() => {});
  }
}

const checks = [
  { name: 'Redis', at: where(REDIS_URL), run: redis, start: "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no" },
  { name: 'PostgreSQL', at: where(POSTGRES_URL), run: postgres, start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' },
];

let missing = 0;
for (const check of checks) {
  try {
    console.log(`${check.name} at ${check.at}: answers (${await check.run()})`);
  } catch (err) {
    missing += 1;
    console.error(`MISSING: ${check.name} at ${check.at} does not answer (${err.message || err.code || err}).`);
    console.error(`  The tests need it. Start it (e.g. ${check.start}) and run again.`);
  }
}
process.exit(missing > 0 ? 1 : 0);
