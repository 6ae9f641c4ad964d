// The shape of the project, checked: the core (src/) knows no platform, not even the names of the
// variables a platform reads (each adapter declares its own), and every adapter folder is a platform
// named after it. The lint rules (eslint.config.js) keep the imports in line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPlatforms } from '../src/runtime/discover-platforms.ts';
import { PROJECT_ROOT } from '../src/paths.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const platforms = await discoverPlatforms();
const srcFiles = files(join(PROJECT_ROOT, 'src')).filter((f) => f.endsWith('.ts'));

describe('the core', () => {
  it('names no platform variable: no DISCORD_ or SLACK_ anywhere in src/', () => {
    const hits = srcFiles.filter((f) => /DISCORD_|SLACK_/.test(readFileSync(f, 'utf8'))).map((f) => relative(PROJECT_ROOT, f));
    expect(hits).toEqual([]);
  });

  it("names none of any adapter's variables", () => {
    const variables = platforms.flatMap((p) => Object.keys(p.variables.shape));
    expect(variables.length).toBeGreaterThan(0);
    for (const file of srcFiles) {
      const text = readFileSync(file, 'utf8');
      for (const variable of variables) expect(text.includes(variable), `${relative(PROJECT_ROOT, file)} names ${variable}`).toBe(false);
    }
  });
});

describe('the adapters', () => {
  it('are one folder each, with a platform named after it', () => {
    const folders = readdirSync(join(PROJECT_ROOT, 'adapters')).filter((f) => statSync(join(PROJECT_ROOT, 'adapters', f)).isDirectory());
    expect(platforms.map((p) => p.name).sort()).toEqual(folders.sort());
  });
});
