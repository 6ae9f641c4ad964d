// Bolt, its Web API client and the Socket Mode client log through this: one pino stream for the whole
// process, with the level the operator chose (LOG_LEVEL), instead of Bolt's own console logger. Their
// debug lines carry whole request and response bodies ("http request body: {...}": the question text,
// the answer, user ids) and their warnings can carry response URLs (a credential for 30 minutes), so
// every line is redacted, at every level, before it is written: payloads are reduced to their keys,
// Slack user ids and response URLs are masked.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { errorForLog, redactSecrets, type Logger } from '../../src/index.ts';

export function boltLogger(logger: Logger): BoltLogger {
  let log = logger.child({ component: 'slack' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    if (!log.isLevelEnabled(level)) return;
    const err = msg.find((m): m is Error => m instanceof Error);
    const text = redactLibraryText(msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : describeValue(m))).join(' '));
    if (err) {
      const logged = errorForLog(err);
      log[level]({ err: { ...logged, message: redactLibraryText(logged.message), ...(logged.stack ? { stack: redactLibraryText(logged.stack) } : {}) } }, text);
    } else {
      log[level](text);
    }
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

// Slack user ids (U..., W... for Enterprise Grid) and JSON payloads in a library's line.
const USER_ID = /\b[UW][A-Z0-9]{6,}\b/g;
const PAYLOAD = /[{[][\s\S]*$/;

/** A library's log text with payloads reduced to "[payload: key, key]", user ids, tokens and response URLs masked. */
export function redactLibraryText(text: string): string {
  return redactSecrets(text.replace(PAYLOAD, (json) => `[payload: ${keysOf(json)}]`)).replace(USER_ID, '[user]');
}

function keysOf(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value)) return `${value.length} items`;
    if (value && typeof value === 'object') return Object.keys(value).slice(0, 12).join(', ') || 'empty';
  } catch {
    // Not JSON after all (text with a bracket in it): its content is still not logged.
  }
  return 'redacted';
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
