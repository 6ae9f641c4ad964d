// User ids never reach the logs raw: a salted sha256, truncated. The salt is new in every process, so
// one run's log lines about one user can be correlated, but nothing maps back to the platform id.
import { createHash, randomBytes } from 'node:crypto';

export function createUserHasher(salt: Buffer | string = randomBytes(16)): (platform: string, userId: string | undefined) => string | undefined {
  return (platform, userId) => {
    if (userId === undefined || userId === '') return undefined;
    return createHash('sha256').update(salt).update(platform).update('\0').update(userId).digest('hex').slice(0, 12);
  };
}
