// Structured JSON logs (pino) to stdout; pretty when stdout is a terminal. Secrets are redacted by key.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  return pino({
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, destination: 1 } } } : {}),
  });
}
