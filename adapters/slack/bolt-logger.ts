// Bolt, its Web API client and the Socket Mode client log through this: one pino stream for the whole
// process, with the level the operator chose (LOG_LEVEL), instead of Bolt's own console logger.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';
import { errorForLog } from './error-for-log.ts';

export function boltLogger(logger: Logger): BoltLogger {
  let log = logger.child({ component: 'slack' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    if (!log.isLevelEnabled(level)) return;
    const err = msg.find((m): m is Error => m instanceof Error);
    const text = msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : safeJson(m))).join(' ');
    if (err) log[level]({ err: errorForLog(err) }, text);
    else log[level](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    // The process log level is the operator's (LOG_LEVEL); Bolt asking to change it is ignored.
    setLevel: () => {},
    getLevel: () => {
      const level = log.level;
      return level === 'debug' || level === 'trace' ? LogLevel.DEBUG : level === 'info' ? LogLevel.INFO : level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;
    },
    setName: (name) => {
      log = logger.child({ component: 'slack', name });
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
