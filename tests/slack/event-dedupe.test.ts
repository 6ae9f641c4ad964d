// The once-per-event store: a redelivered event_id is recognised for the TTL, memory stays bounded.
import { describe, expect, it } from 'vitest';
import { createEventDedupe } from '../../adapters/slack/event-dedupe.ts';

describe('event dedupe', () => {
  it('says first time once per id, then recognises redeliveries', () => {
    const d = createEventDedupe();
    expect(d.firstTime('Ev1')).toBe(true);
    expect(d.firstTime('Ev1')).toBe(false);
    expect(d.firstTime('Ev1')).toBe(false);
    expect(d.firstTime('Ev2')).toBe(true);
  });

  it('forgets an id after the TTL', () => {
    let now = 0;
    const d = createEventDedupe({ ttlMs: 1000, now: () => now });
    d.firstTime('Ev1');
    now = 999;
    expect(d.firstTime('Ev1')).toBe(false);
    now = 1001;
    expect(d.firstTime('Ev1')).toBe(true);
  });

  it('stays within its size bound, forgetting the oldest ids first', () => {
    const d = createEventDedupe({ maxSize: 100 });
    for (let i = 0; i < 1000; i++) d.firstTime(`Ev${i}`);
    expect(d.size).toBeLessThanOrEqual(100);
    expect(d.firstTime('Ev999')).toBe(false);
    expect(d.firstTime('Ev0')).toBe(true);
  });
});
