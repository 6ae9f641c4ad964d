// Keys of shared state carry platform user and channel ids; Redis gets a hash of them, not the ids.
import { createHash } from 'node:crypto';

/** 132 bits of sha256, base64url: no collision in any real number of users, and short keys. */
export function hashedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}
