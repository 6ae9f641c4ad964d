// Conversations in Redis, so a follow-up in a Slack thread is understood whichever instance gets it.
// Implements src/runtime/conversation-store.ts's interface: the context is JSON (the core keeps it so),
// each key expires after the same silence as in memory. Every context is also kept in this instance's
// memory, which answers while Redis is away (and when Redis has lost a conversation it did not see).
import type { ConversationContext } from '../types.ts';
import { createMemoryConversationStore, DEFAULT_CONVERSATION_LIMITS, type ConversationLimits, type ConversationStore } from '../runtime/conversation-store.ts';
import type { RedisConnection } from './redis-connection.ts';
import { hashedKey } from './shared-key.ts';

/** A context is a few short turns; anything this large in Redis was not written by this bot. */
const MAX_CONTEXT_BYTES = 64 * 1024;

export function createRedisConversationStore(redis: RedisConnection, limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS): ConversationStore {
  const local = createMemoryConversationStore(limits);
  // Keys name a platform's channel, thread or user: Redis holds a hash of them.
  const keyOf = (key: string) => `${redis.prefix}conversation:${hashedKey(key)}`;
  return {
    async get(key) {
      if (redis.available) {
        try {
          const stored = await redis.client.get(keyOf(key));
          const context = stored === null ? undefined : parseContext(stored);
          if (context) return context;
        } catch (err) {
          redis.failed('conversations', err);
        }
      }
      return local.get(key);
    },
    async set(key, context) {
      await local.set(key, context);
      if (!redis.available) return;
      try {
        await redis.client.set(keyOf(key), JSON.stringify(context), 'PX', limits.ttlMs);
      } catch (err) {
        redis.failed('conversations', err);
      }
    },
    get size() {
      return local.size;
    },
  };
}

/** The stored JSON when it has the shape of a context; anything else counts as no conversation. */
function parseContext(stored: string): ConversationContext | undefined {
  if (stored.length > MAX_CONTEXT_BYTES) return undefined;
  try {
    const value = JSON.parse(stored) as unknown;
    if (typeof value === 'object' && value !== null && Array.isArray((value as ConversationContext).turns)) return value as ConversationContext;
  } catch {
    // fall through
  }
  return undefined;
}
