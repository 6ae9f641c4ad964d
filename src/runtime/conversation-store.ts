// Where conversations live between turns: per process, in memory, bounded by count and by age. A shared
// store (Redis, for several instances) implements the same interface; the interface is asynchronous
// for that reason, though this one answers at once.
import { LRUCache } from 'lru-cache';
import type { ConversationContext } from '../types.ts';

export interface ConversationStore {
  get(key: string): Promise<ConversationContext | undefined>;
  set(key: string, context: ConversationContext): Promise<void>;
  readonly size: number;
}

export interface ConversationLimits {
  /** A conversation ends after this much silence (default 10 minutes). */
  ttlMs: number;
  /** At most this many conversations are kept; the least recently used go first. */
  max: number;
}

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = { ttlMs: 10 * 60_000, max: 10_000 };

export function createMemoryConversationStore(limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS, clock?: { now(): number }): ConversationStore {
  // ttlAutopurge stays off: expired entries are dropped when touched or pushed out by the count bound,
  // which costs no timer per conversation.
  const cache = new LRUCache<string, ConversationContext>({ max: limits.max, ttl: limits.ttlMs, updateAgeOnGet: false, ...(clock ? { perf: clock } : {}) });
  return {
    get: async (key) => cache.get(key),
    set: async (key, context) => void cache.set(key, context),
    get size() {
      return cache.size;
    },
  };
}
