// Answers being worked on (a question taken, its reply not yet delivered), bounded by count and by age:
// a stream of askers, or a platform API that stops answering, must not pile up work in memory. A
// platform asks `full` before taking an event (Slack's HTTP receiver answers 503, so Slack redelivers
// later), and a unit that outlives `maxAgeMs` stops counting (its HTTP client's own timeout ends it).
// Shutdown waits on idle(): every accepted answer is delivered before the process exits.

export interface InFlightLimits {
  /** At most this many answers in flight at once. */
  max: number;
  /** A unit still running after this long is logged and no longer waited for. */
  maxAgeMs: number;
}

/** Far above what one process answers at once (the core answers in microseconds; replies take a round trip). */
export const DEFAULT_IN_FLIGHT_LIMITS: InFlightLimits = { max: 500, maxAgeMs: 30_000 };

export interface InFlight {
  /** Counts `work` until it settles (or outlives maxAgeMs); returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** True when `max` units are in flight: take no new event now. */
  readonly full: boolean;
  readonly count: number;
  /** Resolves when nothing is in flight. */
  idle(): Promise<void>;
}

export function createInFlight(limits: InFlightLimits = DEFAULT_IN_FLIGHT_LIMITS, onExpired: () => void = () => {}): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  const release = () => {
    count -= 1;
    if (count === 0) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  };
  return {
    track(work) {
      count += 1;
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        release();
      };
      const timer = setTimeout(() => {
        onExpired();
        settle();
      }, limits.maxAgeMs);
      timer.unref();
      return work.finally(settle);
    },
    get full() {
      return count >= limits.max;
    },
    get count() {
      return count;
    },
    idle() {
      return count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}
