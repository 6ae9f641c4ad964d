// Counts the answers being worked on so stop() can let them finish after the bot stops taking events.

export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when nothing is in flight. */
  idle(): Promise<void>;
  readonly count: number;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
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
      return work.finally(settle);
    },
    idle() {
      return count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
    },
    get count() {
      return count;
    },
  };
}
