// Finds the platform adapters at run time: every adapters/<name>/index.ts that exports `platform`, whose
// name is its folder's. The core never imports an adapter by name, so a new platform is one new folder.
// Compiled to JavaScript (as the tests' child processes run it), it looks for index.js: the index
// with this file's own extension.
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../paths.ts';
import type { PlatformDefinition } from '../platform.ts';

const INDEX = `index${extname(fileURLToPath(import.meta.url))}`;

export async function discoverPlatforms(dir = join(PROJECT_ROOT, 'adapters')): Promise<PlatformDefinition[]> {
  const found: PlatformDefinition[] = [];
  for (const name of readdirSync(dir).sort()) {
    const entry = join(dir, name, INDEX);
    if (!existsSync(entry)) continue;
    const mod = (await import(pathToFileURL(entry).href)) as { platform?: PlatformDefinition };
    if (!mod.platform) continue;
    if (mod.platform.name !== name) throw new Error(`adapters/${name}/${INDEX} exports a platform named "${mod.platform.name}": a platform is named after its folder`);
    found.push(mod.platform);
  }
  return found;
}
