// The process configuration: read once at start from the environment and an optional .env file,
// validated with zod. Every problem is reported at once, each naming the variable and the fix, so an
// operator fixes a deployment in one round. Platform credentials are only format-checked here: each
// adapter decides what it needs and throws a ConfigError naming the missing variable.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_FACTS_DIR } from '../paths.ts';
import type { Locale } from '../types.ts';

export type Env = Record<string, string | undefined>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RuntimeConfig {
  /** BOT_ADAPTERS: the platforms to start, by name; undefined = every configured one (the console when none). */
  adapters?: string[];
  defaultLocale: Locale;
  /** LOG_LEVEL when set; otherwise main picks info (warn for the terminal chat). */
  logLevel?: LogLevel;
  port: number;
  /** HEALTH_PORT: /healthz and /metrics are served only when it is set. */
  healthPort?: number;
  /** HEALTH_HOST: the interface the health port listens on (loopback unless the operator opens it). */
  healthHost: string;
  /** METRICS_TOKEN: a bearer token /metrics requires, when set. */
  metricsToken?: string;
  rateLimit: { max: number; windowMs: number };
  factsWatch: boolean;
  factsDir: string;
}

/** One problem with one variable: what is wrong and how to fix it. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigInvalidError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigInvalidError';
  }
}

export function formatProblems(problems: ConfigProblem[]): string {
  return ['Invalid configuration (environment or .env):', ...problems.map((p) => `  - ${p.variable}: ${p.message}`)].join('\n');
}

// An empty value (`DISCORD_TOKEN=` copied from .env.example) means "not set".
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const port = (name: string, fallback?: number) =>
  z.preprocess(
    (v) => blank(v) ?? fallback,
    z.coerce
      .number({ error: `must be a port number 0-65535 (e.g. ${name}=3000; 0 picks a free port)` })
      .int({ error: `must be a whole port number 0-65535 (e.g. ${name}=3000)` })
      .min(0, { error: `must be a port number 0-65535 (e.g. ${name}=3000)` })
      .max(65535, { error: `must be a port number 0-65535 (e.g. ${name}=3000)` }),
  );

const positiveInt = (name: string, fallback: number, max: number) =>
  z.preprocess(
    (v) => blank(v) ?? fallback,
    z.coerce
      .number({ error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` })
      .int({ error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` })
      .min(1, { error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` })
      .max(max, { error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` }),
  );

const httpUrl = (name: string, example: string) =>
  optional(
    z.url({ protocol: /^https?$/, error: `must be an http(s) URL (e.g. ${name}=${example}); leave it unset for the real service` }),
  );

const secret = (name: string) =>
  optional(z.string().regex(/^\S+$/, { error: `must not contain spaces or line breaks (check the value copied into ${name})` }));

const snowflake = (name: string) =>
  optional(z.string().regex(/^\d{5,25}$/, { error: `must be a Discord id (digits only; copy it from the Developer Portal or with Developer Mode on) for ${name}` }));

const schema = z.object({
  BOT_ADAPTERS: optional(
    z
      .string()
      .regex(/^[a-z0-9_-]+(\s*,\s*[a-z0-9_-]+)*$/, { error: 'must be a comma-separated list of platform names, e.g. BOT_ADAPTERS=discord,slack' }),
  ),
  BOT_DEFAULT_LOCALE: z.preprocess((v) => blank(v) ?? 'ko', z.enum(['ko', 'en'], { error: 'must be ko or en (the language used when a message gives no clue)' })),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  PORT: port('PORT', 3000),
  HEALTH_PORT: optional(port('HEALTH_PORT')),
  HEALTH_HOST: z.preprocess(
    (v) => blank(v) ?? '127.0.0.1',
    z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'must be an IP address to listen on (e.g. HEALTH_HOST=127.0.0.1, or 0.0.0.0 for every interface)' }),
  ),
  METRICS_TOKEN: secret('METRICS_TOKEN'),
  RATE_LIMIT_MAX: positiveInt('RATE_LIMIT_MAX', 5, 10_000),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt('RATE_LIMIT_WINDOW_SECONDS', 10, 86_400),
  FACTS_WATCH: z.preprocess((v) => blank(v) ?? '0', z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 (watch the fact files) or 0' })),
  FACTS_DIR: optional(z.string()),
  DISCORD_TOKEN: secret('DISCORD_TOKEN'),
  DISCORD_APPLICATION_ID: snowflake('DISCORD_APPLICATION_ID'),
  DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID'),
  DISCORD_API_BASE: httpUrl('DISCORD_API_BASE', 'http://127.0.0.1:8080'),
  SLACK_BOT_TOKEN: secret('SLACK_BOT_TOKEN'),
  SLACK_SIGNING_SECRET: secret('SLACK_SIGNING_SECRET'),
  SLACK_APP_TOKEN: secret('SLACK_APP_TOKEN'),
  SLACK_API_URL: httpUrl('SLACK_API_URL', 'http://127.0.0.1:8081/api/'),
});

/** The variables this process reads, for .env.example and the README (the test checks they agree). */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/** Validates the environment; throws ConfigInvalidError listing every problem. */
export function parseConfig(env: Env): RuntimeConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message }));
    throw new ConfigInvalidError(problems);
  }
  const c = result.data;
  return {
    ...(c.BOT_ADAPTERS ? { adapters: [...new Set(c.BOT_ADAPTERS.split(',').map((s) => s.trim()))] } : {}),
    defaultLocale: c.BOT_DEFAULT_LOCALE,
    ...(c.LOG_LEVEL ? { logLevel: c.LOG_LEVEL } : {}),
    port: c.PORT,
    ...(c.HEALTH_PORT !== undefined ? { healthPort: c.HEALTH_PORT } : {}),
    healthHost: c.HEALTH_HOST,
    ...(c.METRICS_TOKEN ? { metricsToken: c.METRICS_TOKEN } : {}),
    rateLimit: { max: c.RATE_LIMIT_MAX, windowMs: c.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    factsWatch: c.FACTS_WATCH === '1' || c.FACTS_WATCH === 'true',
    factsDir: c.FACTS_DIR ? resolve(c.FACTS_DIR) : DEFAULT_FACTS_DIR,
  };
}

/**
 * The environment merged with an optional .env file (ENV_FILE, default ./.env). Real environment
 * variables always win over the file, so a deployment can override any line of it.
 */
export function loadEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Env {
  const file = resolve(cwd, blank(env.ENV_FILE) as string | undefined ?? '.env');
  if (!existsSync(file)) return { ...env };
  const fromFile = parseDotenv(readFileSync(file));
  const merged: Env = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  return merged;
}
