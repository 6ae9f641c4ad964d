// The contract between the process entry point (src/main.ts) and a platform adapter (adapters/<name>/index.ts).
// An adapter folder exports `platform: PlatformDefinition`. The entry point discovers adapter folders at run
// time, so adding a platform is one new folder and nothing else; the core never imports an adapter.
import type { Answer, ConversationContext, Locale, Question } from './types.ts';
import type { Core } from './core.ts';
import type { InFlight } from './runtime/in-flight.ts';
import type { Logger } from './runtime/logger.ts';

export interface PlatformQuestion extends Question {
  /** 'discord' | 'slack' | 'console' | ... : for logs and metrics. */
  platform: string;
  /**
   * Answer against this conversation snapshot instead of the stored one, and store nothing: replaying
   * an earlier answer exactly (Slack's share button carries the context its answer was given in).
   */
  context?: ConversationContext;
}

export interface PlatformContext {
  /** The fact bot. Reloads swap its fact base in place; keep this reference. */
  core: Core;
  /** The process environment (already merged with .env). Read your own variables from it. */
  env: Record<string, string | undefined>;
  logger: Logger;
  /**
   * The one call an adapter makes per question: rate limit, conversation context, metrics, one log line,
   * then core.ask. Give `conversation` (a thread, a channel and user) for follow-ups to resolve.
   * Resolves to null when the asker is over the rate limit and has already been told: say nothing
   * (a platform that must answer, like a Discord interaction, replies with core.t(locale, 'limit.silent')).
   */
  handle(question: PlatformQuestion): Promise<Answer | null>;
  /**
   * The answers this platform is working on, bounded by count and age: track each event's work with it
   * (stop() waits for it to drain), and take no new event while it is `full`.
   */
  inFlight: InFlight;
  /** Report connection state changes (for /healthz and the connection gauge). */
  setConnected(connected: boolean, reason?: string): void;
}

export interface RunningPlatform {
  /** Stop taking new events, let answers in flight finish, disconnect. */
  stop(): Promise<void>;
  /** Resolves when the platform has finished by itself (the terminal chat at end of input): the process then exits. */
  done?: Promise<void>;
}

export interface PlatformDefinition {
  name: string;
  /** Whether the environment holds this platform's credentials (e.g. DISCORD_TOKEN is set). */
  isConfigured(env: Record<string, string | undefined>): boolean;
  /** Started when no platform is configured and BOT_ADAPTERS is not set (the terminal chat). */
  fallback?: boolean;
  /** Start; rejects with a ConfigError naming the variable when configuration is missing or rejected. */
  start(ctx: PlatformContext): Promise<RunningPlatform>;
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
