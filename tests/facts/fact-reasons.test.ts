// `because` links a fact to the facts the article gives as its reason ("왜?" is answered with them):
// the loader checks every link, naming the file and the field, so a broken link never reaches a reader.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load-facts.ts';
import { DEFAULT_FACTS_DIR } from '../../src/paths.ts';

const FACT_FILE = 'newstoday-2025-02-24.yaml';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The real facts folder, copied, with the fact file edited. */
function factsWith(edit: (yaml: string) => string): string {
  dir = mkdtempSync(join(tmpdir(), 'fact-reasons-'));
  cpSync(DEFAULT_FACTS_DIR, dir, { recursive: true });
  const file = join(dir, FACT_FILE);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('reasons between facts (because)', () => {
  it('links only facts that exist, each to others', () => {
    const facts = loadFactBase(DEFAULT_FACTS_DIR).articles.flatMap((a) => a.data.facts);
    const ids = new Set(facts.map((f) => f.id));
    const linked = facts.filter((f) => (f.because ?? []).length > 0);
    expect(linked.length).toBeGreaterThan(0);
    for (const f of linked) for (const reason of f.because!) expect(ids.has(reason) && reason !== f.id, `${f.id} → ${reason}`).toBe(true);
  });

  it('names the file, the fact and the field when a reason is not a fact of the file', () => {
    const broken = factsWith((yaml) => yaml.replace('because: [china-startup-growth-drivers]', 'because: [no-such-fact]'));
    expect(() => loadFactBase(broken)).toThrow(/newstoday-2025-02-24\.yaml[\s\S]*fact "china-ai-startups-count" field because\[0\]: unknown fact "no-such-fact"/);
  });

  it('refuses a fact given as its own reason', () => {
    const broken = factsWith((yaml) => yaml.replace('because: [china-startup-growth-drivers]', 'because: [china-ai-startups-count]'));
    expect(() => loadFactBase(broken)).toThrow(/field because\[0\]: a fact is not its own reason/);
  });
});
