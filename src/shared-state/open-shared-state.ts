// The runtime's one call for shared state: with REDIS_URL, Redis-backed dedupe, rate limits and
// conversations (memory while Redis is away); without it, the same interfaces in memory.
import type { Registry } from 'prom-client';
import type { Logger } from '../runtime/logger.ts';
import { createMemoryConversationStore, DEFAULT_CONVERSATION_LIMITS, type ConversationLimits, type ConversationStore } from '../runtime/conversation-store.ts';
import { connectRedis, createSharedStateMetrics, type RedisConnection } from './redis-connection.ts';
import { createMemoryEventDedupe, createSharedEventDedupe, DEFAULT_DEDUPE_LIMITS, type EventDedupe } from './event-dedupe.ts';
import { createMemoryRateLimiter, createSharedRateLimiter, type RateLimits, type SharedRateLimiter } from './rate-limits.ts';
import { createRedisConversationStore } from './redis-conversation-store.ts';
import type { SharedStateConfig } from './shared-state-config.ts';

/** Start-up waits this long for Redis, then goes on in memory (and switches when Redis answers). */
const READY_TIMEOUT_MS = 2000;

export interface SharedState {
  /** Slack's once-per-event store. */
  dedupe: EventDedupe;
  limiter: SharedRateLimiter;
  conversations: ConversationStore;
  /** Present with REDIS_URL. */
  redis?: RedisConnection;
  close(): Promise<void>;
}

export interface OpenSharedStateOptions {
  config: SharedStateConfig;
  rateLimit: RateLimits;
  conversationLimits?: ConversationLimits;
  logger: Logger;
  /** The runtime's metrics registry: shared_state_redis_up and shared_state_fallbacks_total. */
  registry?: Registry;
  readyTimeoutMs?: number;
}

export async function openSharedState(options: OpenSharedStateOptions): Promise<SharedState> {
  const conversationLimits = options.conversationLimits ?? DEFAULT_CONVERSATION_LIMITS;
  if (!options.config.redisUrl) {
    return {
      dedupe: createMemoryEventDedupe(DEFAULT_DEDUPE_LIMITS),
      limiter: createMemoryRateLimiter(options.rateLimit),
      conversations: createMemoryConversationStore(conversationLimits),
      close: async () => undefined,
    };
  }
  const redis = connectRedis({
    url: options.config.redisUrl,
    prefix: options.config.keyPrefix,
    logger: options.logger,
    ...(options.registry ? { metrics: createSharedStateMetrics(options.registry) } : {}),
  });
  // Not waiting would let the first events of a start-up be deduplicated per instance only.
  await redis.ready(options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  return {
    redis,
    dedupe: createSharedEventDedupe(redis, DEFAULT_DEDUPE_LIMITS),
    limiter: createSharedRateLimiter(redis, options.rateLimit),
    conversations: createRedisConversationStore(redis, conversationLimits),
    close: () => redis.close(),
  };
}
