// The bot's HTTP ports as an operator and an attacker meet them, on the real process (`src/main.ts`)
// with Slack's HTTP receiver against the fake Slack Web API:
// - /healthz and /metrics only on HEALTH_PORT, on loopback by default, /metrics behind METRICS_TOKEN
//   when set; the public Slack port serves neither, however spelled (HEALTH_HOST opening the port to
//   other hosts: tests/runtime/public-port.test.ts; no health server without HEALTH_PORT:
//   process-reload.test.ts);
// - a SIGTERM while a client keeps a connection busy (keep-alive) still ends in a clean exit 0.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventBody, signedRequest, startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { startBot, type BotProcess } from './bot-process.ts';

const SECRET = 'ports-test-signing-secret';
let slack: FakeSlack;
const running: BotProcess[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
});
afterEach(() => {
  for (const b of running.splice(0)) b.kill('SIGKILL');
});

async function slackBot(extra: Record<string, string>) {
  const b = startBot({ SLACK_BOT_TOKEN: 'xoxb-ports', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', LOG_LEVEL: 'info', ...extra });
  running.push(b);
  const slackPort = (await b.waitForLog((l) => String(l.msg).startsWith('listening on'), 60_000)).port as number;
  await b.waitForLog((l) => l.msg === 'ready');
  const health = b.logs().find((l) => String(l.msg).startsWith('health and metrics on'));
  return { b, slackPort, health };
}

/** This machine's first address that is not loopback, if it has one. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

async function status(url: string, headers: Record<string, string> = {}): Promise<number | 'refused'> {
  try {
    return (await fetch(url, { headers })).status;
  } catch {
    return 'refused';
  }
}

describe('health and metrics', () => {
  it('are served on HEALTH_PORT bound to 127.0.0.1, with /metrics behind METRICS_TOKEN, and never on the Slack port', async () => {
    const { slackPort, health } = await slackBot({ HEALTH_PORT: '0', METRICS_TOKEN: 'scrape-me-7f3a' });
    expect(health).toMatchObject({ host: '127.0.0.1', metricsToken: true });
    const port = health!.port as number;
    const local = `http://127.0.0.1:${port}`;
    expect(await status(`${local}/healthz`)).toBe(200);
    expect(await status(`${local}/metrics`)).toBe(401);
    expect(await status(`${local}/metrics`, { authorization: 'Bearer wrong' })).toBe(401);
    const scraped = await fetch(`${local}/metrics`, { headers: { authorization: 'Bearer scrape-me-7f3a' } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('adapter_connected{platform="slack"} 1');
    expect(await status(`${local}/METRICS`)).toBe(404);

    // Loopback only: from this machine's outside address the port is closed.
    const outside = outsideAddress();
    if (outside) expect(await status(`http://${outside}:${port}/healthz`)).toBe('refused');

    for (const path of ['/healthz', '/metrics', '/METRICS', '/metrics/', '/Metrics?x=1']) {
      expect(await status(`http://127.0.0.1:${slackPort}${path}`), path).toBe(404);
    }
  });
});

/** A raw HTTP/1.1 connection to the Slack port, to control exactly when each byte of a request goes out. */
function rawConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  let closed = false;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  socket.on('data', (d: Buffer) => {
    buffer += d.toString('latin1');
    wake();
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
    wake();
  });
  const until = <T>(check: () => T | undefined) =>
    new Promise<T>((resolve) => {
      const tryIt = () => {
        const v = check();
        if (v !== undefined) {
          waiters.delete(tryIt);
          resolve(v);
        }
      };
      waiters.add(tryIt);
      tryIt();
    });
  const request = (user: string) => {
    const event = appMention({ text: '<@UBOT> How many data centres does China have?', user });
    const signed = signedRequest(SECRET, eventBody(event));
    const headers = Object.entries({ ...signed.headers, host: '127.0.0.1', 'content-length': String(Buffer.byteLength(signed.body)) }).map(([k, v]) => `${k}: ${v}`);
    return { ts: event.ts as string, head: `POST /slack/events HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, body: signed.body };
  };
  return {
    request,
    write: (text: string) => (closed ? false : socket.write(text)),
    /** The next response's status line and headers (the bodies here are empty), or 'closed'. */
    response: () =>
      until(() => {
        const end = buffer.indexOf('\r\n\r\n');
        if (end >= 0) {
          const head = buffer.slice(0, end);
          const chunked = /^transfer-encoding: *chunked/im.test(head);
          const bodyEnd = chunked ? buffer.indexOf('0\r\n\r\n', end + 4) + 5 : end + 4 + Number(/^content-length: *(\d+)/im.exec(head)?.[1] ?? 0);
          if (chunked && bodyEnd < 5) return undefined;
          buffer = buffer.slice(bodyEnd);
          return { status: Number(head.split(' ')[1]), close: /^connection: *close/im.test(head) };
        }
        return closed ? ('closed' as const) : undefined;
      }),
    closed: () => until(() => (closed ? true : undefined)),
    end: () => socket.destroy(),
  };
}

describe('SIGTERM with open keep-alive connections', () => {
  it('answers the request in progress with Connection: close, takes no new one on that connection, and exits 0', async () => {
    const { b, slackPort } = await slackBot({});
    const conn = rawConnection(slackPort);
    const first = conn.request('U0KEEPA');
    conn.write(first.head + first.body);
    expect(await conn.response()).toEqual({ status: 200, close: false });
    const idle = rawConnection(slackPort); // a second client, connected and idle
    const warm = idle.request('U0KEEPB');
    idle.write(warm.head + warm.body);
    expect(await idle.response()).toEqual({ status: 200, close: false });

    // A request in progress when the signal comes: headers and half the body sent.
    const second = conn.request('U0KEEPC');
    const half = Math.floor(second.body.length / 2);
    conn.write(second.head + second.body.slice(0, half));
    await b.waitForLog(() => b.logs().filter((l) => l.msg === 'question').length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the bot read the headers
    b.kill('SIGTERM');
    await b.waitForLog((l) => l.msg === 'shutting down: finishing answers in flight');
    conn.write(second.body.slice(half));
    // Accepted before the signal: answered, and the connection is closed after it.
    expect(await conn.response()).toEqual({ status: 200, close: true });
    await conn.closed();
    // The idle keep-alive connection was closed by the bot.
    await idle.closed();
    const { code } = await b.exited;

    expect(code).toBe(0);
    expect(b.logs().some((l) => l.msg === 'shutdown took too long: forcing exit')).toBe(false);
    expect(b.logs().some((l) => l.msg === 'shutdown complete')).toBe(true);
    const answered = new Set(slack.callsTo('chat.postMessage').map((c) => c.body.thread_ts));
    for (const ts of [first.ts, warm.ts, second.ts]) expect(answered.has(ts), ts).toBe(true);
  });
});
