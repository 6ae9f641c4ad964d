// A small least-recently-used map of recent answers. A Map iterates in insertion order, so the first
// key is the oldest: re-inserting on every hit keeps the order right at O(1).
import type { Answer } from '../types.ts';

export class AnswerCache {
  private readonly entries = new Map<string, Answer>();

  constructor(private readonly capacity: number) {}

  get(key: string): Answer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, answer: Answer): void {
    this.entries.delete(key);
    this.entries.set(key, answer);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
