// Which platforms this process starts: BOT_ADAPTERS when set (each must exist; a platform missing its
// credentials then fails at start with a ConfigError naming the variable), otherwise every platform
// whose credentials are configured, and the terminal chat (the `fallback` platform) when none is.
import type { PlatformDefinition } from '../platform.ts';
import type { Env } from './config.ts';
import { ConfigInvalidError } from './config.ts';

export function selectPlatforms(all: PlatformDefinition[], env: Env, explicit?: string[]): PlatformDefinition[] {
  if (explicit && explicit.length > 0) {
    const unknown = explicit.filter((name) => !all.some((p) => p.name === name));
    if (unknown.length > 0) {
      const known = all.map((p) => p.name).join(', ');
      throw new ConfigInvalidError(
        unknown.map((name) => ({ variable: 'BOT_ADAPTERS', message: `no platform named "${name}" (available: ${known}); fix the name or remove it` })),
      );
    }
    return all.filter((p) => explicit.includes(p.name));
  }
  const configured = all.filter((p) => p.isConfigured(env));
  return configured.length > 0 ? configured : all.filter((p) => p.fallback);
}
