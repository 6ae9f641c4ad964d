// Structured JSON logs (pino); pretty when the destination is a terminal. Tokens never reach a log:
// the runtime never puts the environment or a client's options into a log object, and pino redacts
// the usual secret-bearing keys in case a library error carries one.
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** 1 = stdout (default), 2 = stderr (the terminal chat keeps stdout for the conversation). */
  fd?: 1 | 2;
  pretty?: boolean;
}

const REDACT = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'secret',
  '*.secret',
  'signingSecret',
  '*.signingSecret',
  'appToken',
  '*.appToken',
  'botToken',
  '*.botToken',
  'password',
  '*.password',
  'env',
  '*.env',
];

export function createLogger(options: LoggerOptions = {}): Logger {
  const fd = options.fd ?? 1;
  const stream = fd === 2 ? process.stderr : process.stdout;
  const pretty = options.pretty ?? stream.isTTY === true;
  const base = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT, censor: '[redacted]' },
  };
  if (pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, destination: fd } } });
  }
  // Synchronous writes: the last lines before process.exit (shutdown, config errors) are never lost.
  return pino(base, pino.destination({ dest: fd, sync: true }));
}
