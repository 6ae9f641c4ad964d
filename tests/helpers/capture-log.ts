// A pino logger whose lines the test can read.
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface CapturedLog {
  logger: Logger;
  lines: Array<{ level: number; msg: string; [key: string]: unknown }>;
  warnings(): Array<{ level: number; msg: string; [key: string]: unknown }>;
}

export function captureLog(): CapturedLog {
  const lines: CapturedLog['lines'] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as CapturedLog['lines'][number]);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines, warnings: () => lines.filter((l) => l.level === 40) };
}
