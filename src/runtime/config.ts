// The process configuration: read once at start from the environment and an optional .env file,
// validated with zod: the runtime's own variables here, each discovered adapter's from the schema it
// declares. Every problem is reported at once, each naming the variable and the fix, so an operator
// fixes a deployment in one round. What a platform requires (a token) its configure() decides.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_FACTS_DIR } from '../paths.ts';
import type { PlatformDefinition } from '../platform.ts';
import { blank, envVar, optional } from './env-vars.ts';
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
  /** CHARTS_WARM_UP: draw the charts at start when a platform attaches pictures (default on). */
  chartsWarmUp: boolean;
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

const runtimeVariables = z.object({
  BOT_ADAPTERS: envVar.list('BOT_ADAPTERS', /^[a-z0-9_-]+$/, 'discord,slack'),
  BOT_DEFAULT_LOCALE: z.preprocess((v) => blank(v) ?? 'ko', z.enum(['ko', 'en'], { error: 'must be ko or en (the language used when a message gives no clue)' })),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  PORT: envVar.port('PORT', 3000),
  HEALTH_PORT: optional(envVar.port('HEALTH_PORT')),
  HEALTH_HOST: z.preprocess(
    (v) => blank(v) ?? '127.0.0.1',
    z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'must be an IP address to listen on (e.g. HEALTH_HOST=127.0.0.1, or 0.0.0.0 for every interface)' }),
  ),
  METRICS_TOKEN: envVar.secret('METRICS_TOKEN'),
  RATE_LIMIT_MAX: envVar.positiveInt('RATE_LIMIT_MAX', 5, 10_000),
  RATE_LIMIT_WINDOW_SECONDS: envVar.positiveInt('RATE_LIMIT_WINDOW_SECONDS', 10, 86_400),
  FACTS_WATCH: envVar.flag('FACTS_WATCH', false, 'watch the fact files'),
  FACTS_DIR: envVar.text(),
  CHARTS_WARM_UP: envVar.flag('CHARTS_WARM_UP', true, 'draw the charts at start'),
});

/** The variables the runtime itself reads (each adapter declares its own). */
export const RUNTIME_VARIABLES = Object.keys(runtimeVariables.shape);

export interface ParsedConfig {
  runtime: RuntimeConfig;
  /** Each discovered platform's parsed variables, by platform name. */
  platformValues: Map<string, Record<string, unknown>>;
}

/**
 * Validates the runtime's variables and every discovered platform's at once; throws ConfigInvalidError
 * listing every problem (a malformed value is reported even for a platform that will not start).
 */
export function parseConfig(env: Env, platforms: Array<Pick<PlatformDefinition, 'name' | 'variables'>> = []): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const collect = (issues: z.core.$ZodIssue[]) => {
    for (const issue of issues) problems.push({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message });
  };
  const declared = new Map(RUNTIME_VARIABLES.map((v) => [v, 'the runtime']));
  for (const p of platforms) {
    for (const variable of Object.keys(p.variables.shape)) {
      const owner = declared.get(variable);
      if (owner) problems.push({ variable, message: `declared by both ${owner} and the ${p.name} adapter; an adapter's variables are its own` });
      declared.set(variable, `the ${p.name} adapter`);
    }
  }
  const runtime = runtimeVariables.safeParse(env);
  if (!runtime.success) collect(runtime.error.issues);
  const platformValues = new Map<string, Record<string, unknown>>();
  for (const p of platforms) {
    const parsed = p.variables.safeParse(env);
    if (parsed.success) platformValues.set(p.name, parsed.data as Record<string, unknown>);
    else collect(parsed.error.issues);
  }
  if (problems.length > 0 || !runtime.success) throw new ConfigInvalidError(problems);
  const c = runtime.data;
  return {
    runtime: {
      ...(c.BOT_ADAPTERS ? { adapters: [...new Set(c.BOT_ADAPTERS)] } : {}),
      defaultLocale: c.BOT_DEFAULT_LOCALE,
      ...(c.LOG_LEVEL ? { logLevel: c.LOG_LEVEL } : {}),
      port: c.PORT,
      ...(c.HEALTH_PORT !== undefined ? { healthPort: c.HEALTH_PORT } : {}),
      healthHost: c.HEALTH_HOST,
      ...(c.METRICS_TOKEN ? { metricsToken: c.METRICS_TOKEN } : {}),
      rateLimit: { max: c.RATE_LIMIT_MAX, windowMs: c.RATE_LIMIT_WINDOW_SECONDS * 1000 },
      factsWatch: c.FACTS_WATCH,
      chartsWarmUp: c.CHARTS_WARM_UP,
      factsDir: c.FACTS_DIR ? resolve(c.FACTS_DIR) : DEFAULT_FACTS_DIR,
    },
    platformValues,
  };
}

/**
 * The environment merged with an optional .env file (ENV_FILE, default ./.env). Real environment
 * variables always win over the file, so a deployment can override any line of it.
 */
export function loadEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Env {
  const file = resolve(cwd, (blank(env.ENV_FILE) as string | undefined) ?? '.env');
  if (!existsSync(file)) return { ...env };
  const fromFile = parseDotenv(readFileSync(file));
  const merged: Env = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  return merged;
}
