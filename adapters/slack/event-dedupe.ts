// "Once per event": Slack redelivers an event (x-slack-retry-num over HTTP, retry_attempt in Socket Mode)
// when it thinks the first delivery failed. Remembering each event_id for a while lets the bot answer
// exactly once. In memory by default: enough for one instance; several instances behind a load balancer
// would share a store with the same interface (e.g. Redis SET NX EX).

export interface EventDedupe {
  /** True the first time an id is seen within the TTL; false for a redelivery. */
  firstTime(id: string): boolean;
  readonly size: number;
}

export interface DedupeOptions {
  /** How long an id is remembered. Slack's retries come within minutes; default 10 minutes. */
  ttlMs?: number;
  /** Bound on memory: the oldest ids are forgotten first. */
  maxSize?: number;
  now?: () => number;
}

export function createEventDedupe({ ttlMs = 10 * 60_000, maxSize = 10_000, now = Date.now }: DedupeOptions = {}): EventDedupe {
  // A Map iterates in insertion order and every entry gets the same TTL, so the oldest entry is first:
  // expiry and eviction only ever look at the front.
  const seen = new Map<string, number>();
  const sweep = (at: number) => {
    for (const [id, expires] of seen) {
      if (expires > at && seen.size <= maxSize) break;
      seen.delete(id);
    }
  };
  return {
    firstTime(id) {
      const at = now();
      sweep(at);
      const expires = seen.get(id);
      if (expires !== undefined && expires > at) return false;
      seen.delete(id);
      seen.set(id, at + ttlMs);
      if (seen.size > maxSize) sweep(at);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
