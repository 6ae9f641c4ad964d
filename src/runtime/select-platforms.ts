// Which platforms this process starts, and their configuration: BOT_ADAPTERS when set (each must exist),
// otherwise every platform whose values say it is configured (a token is set), and the terminal chat
// (the `fallback` platform) when none is. Each chosen platform's configure() then runs before anything
// starts, and every missing variable of every chosen platform is reported at once.
import { ConfigError, type PlatformDefinition } from '../platform.ts';
import { ConfigInvalidError, type ConfigProblem } from './config.ts';

export interface SelectedPlatform {
  definition: PlatformDefinition;
  config: unknown;
}

export function selectPlatforms(all: PlatformDefinition[], values: Map<string, Record<string, unknown>>, explicit?: string[]): PlatformDefinition[] {
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
  const configured = all.filter((p) => p.isConfigured(values.get(p.name) ?? {}));
  return configured.length > 0 ? configured : all.filter((p) => p.fallback);
}

/** Each platform's configuration; throws ConfigInvalidError with every platform's problems. */
export function configurePlatforms(chosen: PlatformDefinition[], values: Map<string, Record<string, unknown>>): SelectedPlatform[] {
  const problems: ConfigProblem[] = [];
  const selected: SelectedPlatform[] = [];
  for (const definition of chosen) {
    try {
      selected.push({ definition, config: definition.configure(values.get(definition.name) ?? {}) });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push({ variable: err.variable, message: err.message });
    }
  }
  if (problems.length > 0) throw new ConfigInvalidError(problems);
  return selected;
}
