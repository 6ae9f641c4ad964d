// The shared-state variables: REDIS_URL (unset: everything stays in this instance's memory, as with
// one instance) and REDIS_KEY_PREFIX (so several bots, or a staging and a production bot, can share one
// Redis). Problems name the variable and the fix, like the rest of the configuration.
import { z } from 'zod';
import { ConfigInvalidError, type Env } from '../runtime/config.ts';

export interface SharedStateConfig {
  redisUrl?: string;
  keyPrefix: string;
}

export const DEFAULT_KEY_PREFIX = 'factbot:';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

const schema = z.object({
  REDIS_URL: z.preprocess(
    blank,
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, { error: 'must be a Redis URL (e.g. REDIS_URL=redis://127.0.0.1:6379, or rediss:// for TLS); leave it unset to keep state in memory' })
      .optional(),
  ),
  REDIS_KEY_PREFIX: z.preprocess(
    (v) => blank(v) ?? DEFAULT_KEY_PREFIX,
    z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, { error: 'must be 1 to 64 letters, digits or : _ . - (e.g. REDIS_KEY_PREFIX=factbot:)' }),
  ),
});

export const SHARED_STATE_VARIABLES = Object.keys(schema.shape);

export function parseSharedStateConfig(env: Env): SharedStateConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigInvalidError(result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '(environment)'), message: i.message })));
  }
  return { ...(result.data.REDIS_URL ? { redisUrl: result.data.REDIS_URL } : {}), keyPrefix: result.data.REDIS_KEY_PREFIX };
}
