// The contract between the process (src/main.ts, src/runtime/) and a platform adapter
// (adapters/<name>/index.ts). An adapter folder exports `platform`, made with definePlatform: its name,
// the environment variables it reads (a zod object: the runtime validates them with its own, and checks
// that the adapter's .env.example documents them), what makes it start, and start(ctx). The runtime
// discovers adapter folders at run time, so adding a platform is one new folder (and its locale
// namespace); the core never imports an adapter.
//
// What the runtime does once for every platform, so that an adapter only translates: the rate limit,
// conversations, metrics, the log line and the question log (ctx.handle), readers' votes (ctx.vote),
// once-per-event across instances (ctx.firstDelivery), the language of replies (ctx.locale), bounded
// work in flight drained at shutdown (ctx.inFlight), the public HTTP port (ctx.http), health.
import type { z } from 'zod';
import type { Answer, ConversationContext, Locale, Question } from './types.ts';
import type { ChartRenderer } from './charts/chart-renderer.ts';
import type { Core } from './core.ts';
import type { InFlight } from './runtime/in-flight.ts';
import type { Logger } from './runtime/logger.ts';
import type { PublicHttp } from './runtime/public-http.ts';

export interface PlatformQuestion extends Question {
  /** 'discord' | 'slack' | 'console' | ... : for logs and metrics. */
  platform: string;
  /**
   * Answer against this conversation snapshot instead of the stored one, and store nothing: replaying
   * an earlier answer exactly (Slack's share button carries the context its answer was given in; an
   * empty one for a question that stood alone). A replay is not a new question: the log skips it.
   */
  context?: ConversationContext;
}

/** An answer as ctx.handle returns it: the core's, with what the runtime adds. */
export interface HandledAnswer extends Answer {
  /**
   * The question log's id for this answer: a 👍/👎 button carries it back to ctx.vote. Absent when the
   * log is off (QUESTION_LOG=0) and for notices (empty, too long, rate limited): nothing to vote on.
   */
  feedbackId?: string;
}

/** A reader's vote on an answer. */
export type VoteValue = 'up' | 'down';

/**
 * What became of a vote: the first one, a changed one (👍 → 👎 or back), the same click again, one that
 * does not name an answer or a user ('invalid'), or one the log could not take now ('unavailable').
 */
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged' | 'invalid' | 'unavailable';

export interface PlatformVote {
  /** HandledAnswer.feedbackId, as the button carried it. */
  feedbackId: string;
  /** The voter's platform id (hashed before it is stored): one vote per user per answer. */
  userId: string | undefined;
  value: VoteValue;
  /** The question, when the button carries it (a 👎 keeps it); otherwise the log's own copy, if it has one. */
  question?: string;
}

/** Runtime settings an adapter may need, parsed and validated once. */
export interface PlatformSettings {
  /** BOT_DEFAULT_LOCALE: the language of replies when neither the text nor the platform tells. */
  defaultLocale: Locale;
  /** The rate limit ctx.handle applies per user (a platform that must say when to retry, like an HTTP API's Retry-After). */
  rateLimit: { max: number; windowSeconds: number };
}

export interface PlatformContext<Config = unknown> {
  /** The fact bot. Reloads swap its fact base in place; keep this reference. */
  core: Core;
  /**
   * The article's charts (one renderer per process, shared by every platform): the chart an answer
   * carries, its PNG (drawn once per chart, highlight and language), its terminal and alt text.
   */
  charts: ChartRenderer;
  /** The adapter's own configuration: what its configure() returned from its variables. */
  config: Config;
  settings: PlatformSettings;
  /** This platform's logger (lines carry { platform }). Log errors through errorForLog (src/index.ts). */
  logger: Logger;
  /**
   * The one call an adapter makes per question: rate limit, conversation context, metrics, one log line,
   * then core.ask. Give `conversation` (a thread, a channel and user) for follow-ups to resolve.
   * Resolves to null when the asker is over the rate limit and has already been told: say nothing
   * (a platform that must answer, like a Discord interaction, replies with a quiet private line).
   */
  handle(question: PlatformQuestion): Promise<HandledAnswer | null>;
  /**
   * A reader's 👍/👎 on an answer, into the question log: one vote per user per answer, a second click
   * changes it. Never throws; 'unavailable' when the log is off or down (tell the clicker, briefly).
   */
  vote(vote: PlatformVote): Promise<VoteOutcome>;
  /**
   * True the first time this event id is seen (by any instance, with REDIS_URL), false for a
   * redelivery: a platform that redelivers events (Slack) answers each once. Never throws.
   */
  firstDelivery(eventId: string): Promise<boolean>;
  /**
   * The language to reply in about `text` (an error, a notice, a help screen): the text's own language,
   * else the platform's UI language when it has one, else BOT_DEFAULT_LOCALE. Answers carry their own.
   */
  locale(text: string, uiLocale?: Locale): Locale;
  /**
   * The answers this platform is working on, bounded by count and age: track each event's work with it
   * (shutdown waits for it to drain between stop() and close()), and take no new event while it is full.
   */
  inFlight: InFlight;
  /** The public HTTP port (PORT): mount a path here during start(); the runtime listens once all started. */
  http: PublicHttp;
  /**
   * Report connection state changes (for /healthz and the connection gauge). `part` names one of several
   * connections (a Discord shard): the platform is connected when every part is, and /healthz lists each.
   */
  setConnected(connected: boolean, reason?: string, part?: string): void;
}

export interface RunningPlatform {
  /** Stop taking new events (the runtime then waits for ctx.inFlight to drain). */
  stop(): Promise<void>;
  /** After the drain: disconnect and release what is left. */
  close?(): Promise<void>;
  /** Resolves when the platform has finished by itself (the terminal chat at end of input): the process then exits. */
  done?: Promise<void>;
}

export interface PlatformDefinition<Config = unknown> {
  name: string;
  /**
   * The environment variables the adapter reads: a zod object whose keys are the variable names. The
   * runtime checks their format at start, with its own variables, and reports every problem at once.
   */
  variables: z.ZodObject;
  /** Whether these (parsed) values enable the platform when BOT_ADAPTERS does not choose (a token is set). */
  isConfigured(values: Record<string, unknown>): boolean;
  /** The adapter's configuration from its values; throws ConfigError naming what is missing. Runs before start. */
  configure(values: Record<string, unknown>): Config;
  /** Started when no platform is configured and BOT_ADAPTERS is not set (the terminal chat). */
  fallback?: boolean;
  /** It attaches chart pictures (PNG): the runtime draws them ahead of the first question when it starts. */
  pictures?: boolean;
  /** Start; rejects with a ConfigError naming the variable when the platform rejects the configuration. */
  start(ctx: PlatformContext<Config>): Promise<RunningPlatform>;
}

/** A PlatformDefinition with its values typed from its variables. */
export function definePlatform<Shape extends z.ZodRawShape, Config>(definition: {
  name: string;
  variables: z.ZodObject<Shape>;
  isConfigured(values: z.infer<z.ZodObject<Shape>>): boolean;
  configure(values: z.infer<z.ZodObject<Shape>>): Config;
  fallback?: boolean;
  pictures?: boolean;
  start(ctx: PlatformContext<Config>): Promise<RunningPlatform>;
}): PlatformDefinition<Config> {
  return definition as unknown as PlatformDefinition<Config>;
}

/** A configuration problem an operator can fix: names the variable and the fix. Exits non-zero at start. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type { Locale };
