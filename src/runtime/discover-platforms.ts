// Finds the platform adapters at run time: every adapters/<name>/index.ts that exports `platform`, whose
// name is its folder's. The core never imports an adapter by name, so a new platform is one new folder.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../paths.ts';
import type { PlatformDefinition } from '../platform.ts';

export async function discoverPlatforms(dir = join(PROJECT_ROOT, 'adapters')): Promise<PlatformDefinition[]> {
  const found: PlatformDefinition[] = [];
  for (const name of readdirSync(dir).sort()) {
    const entry = join(dir, name, 'index.ts');
    if (!existsSync(entry)) continue;
    const mod = (await import(pathToFileURL(entry).href)) as { platform?: PlatformDefinition };
    if (!mod.platform) continue;
    if (mod.platform.name !== name) throw new Error(`adapters/${name}/index.ts exports a platform named "${mod.platform.name}": a platform is named after its folder`);
    found.push(mod.platform);
  }
  return found;
}
