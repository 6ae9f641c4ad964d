// `npm start` as a container's main process: the orchestrator signals npm, and only npm. The signal
// must reach the bot (the start script execs node), which finishes its answers and exits 0, and npm
// with it: nothing keeps serving after the signal.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from './bot-process.ts';

const running: BotProcess[] = [];
afterEach(() => {
  for (const b of running.splice(0)) b.kill('SIGKILL');
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm start', () => {
  it('stops the bot when only the npm process is sent SIGTERM: node shuts down cleanly, npm exits 0', async () => {
    const b = startBot({ BOT_ADAPTERS: 'console', HEALTH_PORT: '0', LOG_LEVEL: 'info', QUESTION_LOG: '1' }, { via: 'npm' });
    running.push(b);
    const ready = await b.waitForLog((l) => l.msg === 'ready', 60_000);
    const health = await b.waitForLog((l) => String(l.msg).startsWith('health and metrics on'));
    const nodePid = ready.pid as number;
    expect(nodePid).not.toBe(b.child.pid);
    expect(await accepts(health.port as number)).toBe(true);

    process.kill(b.child.pid!, 'SIGTERM');
    const { code, signal } = await b.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(b.logs().some((l) => l.msg === 'shutting down: finishing answers in flight' && l.reason === 'SIGTERM' && l.pid === nodePid)).toBe(true);
    expect(b.logs().some((l) => l.msg === 'shutdown complete' && l.pid === nodePid)).toBe(true);
    expect(alive(nodePid)).toBe(false);
    expect(await accepts(health.port as number)).toBe(false);
  });
});
