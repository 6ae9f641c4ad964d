// A copy of the real fact folder in a temp dir, which a test may break, fix and extend. Removed when
// the test that made it finishes.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { stringify } from 'yaml';
import { parseYamlCached } from '../../src/facts/yaml-cache.ts';
import { PROJECT_ROOT } from './bot-process.ts';

export interface FactCopy {
  dir: string;
  /** The article fact file (the one that is not entities.yaml). */
  file: string;
  original: string;
  write(text: string): void;
  /** The original file plus one fact whose answer carries `marker`, asked with `question`. */
  withExtraFact(marker: string, question: string): string;
}

export function copyFacts(): FactCopy {
  const dir = mkdtempSync(join(tmpdir(), 'factbot-facts-'));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Made outside a test (while a describe block is collected): the caller removes it, and the run's
    // temporary folder (tests/global-setup.ts) goes at the end in any case.
  }
  cpSync(join(PROJECT_ROOT, 'facts'), dir, { recursive: true });
  const name = readdirSync(dir).find((f) => f.endsWith('.yaml') && f !== 'entities.yaml' && f !== 'attributes.yaml');
  if (!name) throw new Error('no article fact file in facts/');
  const file = join(dir, name);
  const original = readFileSync(file, 'utf8');
  return {
    dir,
    file,
    original,
    write: (text) => writeFileSync(file, text),
    withExtraFact(marker, question) {
      // The original as parsed by the bot (read back from the parse cache, src/facts/yaml-cache.ts).
      const data = parseYamlCached(original) as { facts: Array<Record<string, unknown>> };
      const model = data.facts[0]!;
      const extra = {
        ...model,
        id: 'reload-test-fact',
        answer: { ko: `재적재 표지 ${marker}`, en: `Reload marker ${marker}` },
        keywords: { ko: [question], en: [question] },
        questions: { ko: [question], en: [question] },
        values: [],
        answers: {},
      };
      // facts: is the file's last key: the new fact is one more item at its end, and the rest of the
      // file stays as written (nothing to re-serialise). Otherwise, the whole file written anew.
      const lines = original.trimEnd().split('\n');
      const factsAt = lines.indexOf('facts:');
      if (factsAt >= 0 && !lines.slice(factsAt + 1).some((l) => /^[^\s#]/.test(l))) {
        const item = stringify([extra]).trimEnd().split('\n').map((l) => `  ${l}`);
        return [...lines, '', ...item, ''].join('\n');
      }
      data.facts.push(extra);
      return stringify(data);
    },
  };
}
