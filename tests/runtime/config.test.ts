import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConfigInvalidError, loadEnv, parseConfig, RUNTIME_VARIABLES } from '../../src/runtime/config.ts';
import { parseProcessConfig, PROCESS_VARIABLES } from '../../src/runtime/process-config.ts';
import { discoverPlatforms } from '../../src/runtime/discover-platforms.ts';
import { PROJECT_ROOT } from './bot-process.ts';

// Every adapter folder's platform, as `npm start` finds them.
const platforms = await discoverPlatforms();
const runtimeOf = (env: Record<string, string>) => parseConfig(env, platforms).runtime;

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factbot-env-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function problemsOf(env: Record<string, string>) {
  try {
    parseConfig(env, platforms);
  } catch (err) {
    if (err instanceof ConfigInvalidError) return err;
    throw err;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('configuration', () => {
  it('uses the documented defaults when nothing is set', () => {
    const c = runtimeOf({});
    expect(c).toMatchObject({ defaultLocale: 'ko', port: 3000, rateLimit: { max: 5, windowMs: 10_000 }, factsWatch: false });
    expect(c.adapters).toBeUndefined();
    expect(c.healthPort).toBeUndefined();
    expect(c.healthHost).toBe('127.0.0.1');
    expect(c.metricsToken).toBeUndefined();
    expect(c.logLevel).toBeUndefined();
  });

  it('treats empty values (copied from .env.example) as unset', () => {
    const c = runtimeOf({ BOT_ADAPTERS: '', PORT: '', HEALTH_PORT: ' ', DISCORD_TOKEN: '', FACTS_WATCH: '' });
    expect(c.port).toBe(3000);
    expect(c.healthPort).toBeUndefined();
  });

  it('reads every variable', () => {
    const c = runtimeOf({
      BOT_ADAPTERS: 'discord, slack',
      BOT_DEFAULT_LOCALE: 'en',
      LOG_LEVEL: 'debug',
      PORT: '8080',
      HEALTH_PORT: '0',
      HEALTH_HOST: '0.0.0.0',
      METRICS_TOKEN: 'scrape-token',
      RATE_LIMIT_MAX: '3',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      FACTS_WATCH: '1',
      FACTS_DIR: '/srv/facts',
      CHARTS_WARM_UP: '0',
    });
    expect(c).toEqual({
      adapters: ['discord', 'slack'],
      defaultLocale: 'en',
      logLevel: 'debug',
      port: 8080,
      healthPort: 0,
      healthHost: '0.0.0.0',
      metricsToken: 'scrape-token',
      rateLimit: { max: 3, windowMs: 60_000 },
      factsWatch: true,
      chartsWarmUp: false,
      factsDir: '/srv/facts',
    });
  });

  it('names every malformed variable at once, each with the fix', () => {
    const err = problemsOf({
      PORT: 'eighty',
      HEALTH_PORT: '70000',
      HEALTH_HOST: 'everywhere',
      RATE_LIMIT_MAX: '0',
      RATE_LIMIT_WINDOW_SECONDS: '1.5',
      BOT_DEFAULT_LOCALE: 'ja',
      LOG_LEVEL: 'loud',
      FACTS_WATCH: 'yes',
      CHARTS_WARM_UP: 'later',
      BOT_ADAPTERS: 'discord;slack',
      DISCORD_API_BASE: 'not a url',
      SLACK_API_URL: 'ftp://example.com/api/',
      DISCORD_APPLICATION_ID: 'my-app',
      SLACK_BOT_TOKEN: 'xoxb-pasted with spaces',
      SLACK_COMMAND: 'ask',
    });
    const named = err.problems.map((p) => p.variable).sort();
    expect(named).toEqual(
      [
        'PORT',
        'HEALTH_PORT',
        'HEALTH_HOST',
        'RATE_LIMIT_MAX',
        'RATE_LIMIT_WINDOW_SECONDS',
        'BOT_DEFAULT_LOCALE',
        'LOG_LEVEL',
        'FACTS_WATCH',
        'CHARTS_WARM_UP',
        'BOT_ADAPTERS',
        'DISCORD_API_BASE',
        'SLACK_API_URL',
        'DISCORD_APPLICATION_ID',
        'SLACK_BOT_TOKEN',
        'SLACK_COMMAND',
      ].sort(),
    );
    expect(err.message).toContain('PORT: must be a port number 0-65535 (e.g. PORT=3000');
    expect(err.message).toContain('BOT_DEFAULT_LOCALE: must be ko or en');
    // The fix is shown; the rejected secret is not echoed back.
    expect(err.message).not.toContain('pasted with spaces');
  });

  it('lets the real environment win over the .env file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'PORT=4000\nRATE_LIMIT_MAX=9\n# comment\nBOT_DEFAULT_LOCALE=en\n');
    const env = loadEnv({ PORT: '5000' }, dir);
    expect(runtimeOf(env as Record<string, string>)).toMatchObject({ port: 5000, rateLimit: { max: 9 }, defaultLocale: 'en' });
  });

  it('reads another file when ENV_FILE names it, and nothing when there is no file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'prod.env'), 'LOG_LEVEL=warn\n');
    expect(loadEnv({ ENV_FILE: 'prod.env' }, dir).LOG_LEVEL).toBe('warn');
    expect(loadEnv({}, dir)).toEqual({});
  });

  it('gives each adapter its own values, parsed by the schema it declares (defaults applied)', () => {
    const { platformValues } = parseConfig({ DISCORD_TOKEN: 'a-token', SLACK_COMMAND: '' }, platforms);
    expect(platformValues.get('discord')).toEqual({ DISCORD_TOKEN: 'a-token' });
    expect(platformValues.get('slack')).toEqual({ SLACK_COMMAND: '/ask' });
    expect(platformValues.get('http')).toMatchObject({ HTTP_API: false });
  });

  it(".env.example documents the runtime's variables, and each adapter's .env.example its own", () => {
    const documented = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented(join(PROJECT_ROOT, '.env.example'))).toEqual([...PROCESS_VARIABLES].sort());
    expect(PROCESS_VARIABLES).toEqual(expect.arrayContaining([...RUNTIME_VARIABLES, 'DATA_DIR', 'DATABASE_URL', 'QUESTION_LOG_RETENTION_DAYS', 'REDIS_URL']));
    expect(platforms.map((p) => p.name)).toEqual(expect.arrayContaining(['console', 'discord', 'slack']));
    for (const p of platforms) {
      const variables = Object.keys(p.variables.shape).sort();
      const file = join(PROJECT_ROOT, 'adapters', p.name, '.env.example');
      if (variables.length === 0) expect(existsSync(file), file).toBe(false);
      else expect(documented(file), file).toEqual(variables);
    }
  });

  it("reports the question log's and shared state's problems in the same round as the runtime's", () => {
    let problems: string[] = [];
    try {
      parseProcessConfig({ RATE_LIMIT_MAX: 'lots', DATABASE_URL: 'mysql://db', REDIS_URL: 'localhost:6379' }, platforms);
    } catch (err) {
      if (!(err instanceof ConfigInvalidError)) throw err;
      problems = err.problems.map((p) => p.variable);
    }
    expect(problems.sort()).toEqual(['DATABASE_URL', 'RATE_LIMIT_MAX', 'REDIS_URL']);
    const ok = parseProcessConfig({ DATA_DIR: 'state', REDIS_URL: 'redis://127.0.0.1:6379' }, platforms, '/srv/bot');
    expect(ok.questionLog).toMatchObject({ enabled: true, dataDir: '/srv/bot/state', retentionDays: 90 });
    expect(ok.sharedState).toEqual({ redisUrl: 'redis://127.0.0.1:6379', keyPrefix: 'factbot:' });
  });
});
