// Building blocks for environment variables (zod), for the runtime's own and every adapter's: an empty
// value (`A_TOKEN=` copied from a .env.example) means "not set", values are trimmed, and each
// message says what the value must be and shows an example, never the value itself (it may be a secret).
import { z } from 'zod';

/** An empty or white-space value is unset; strings are trimmed. */
export const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** The schema, with an unset value allowed. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

export const envVar = {
  /** Any text, or unset. */
  text: () => optional(z.string()),

  /** A token or secret: no spaces or line breaks (a paste gone wrong), or unset. */
  secret: (name: string) => optional(z.string().regex(/^\S+$/, { error: `must not contain spaces or line breaks (check the value copied into ${name})` })),

  /** An http(s) URL, or unset. */
  httpUrl: (name: string, example: string) =>
    optional(z.url({ protocol: /^https?$/, error: `must be an http(s) URL (e.g. ${name}=${example}); leave it unset for the real service` })),

  /** Digits only (ids such as Discord's), or unset. */
  digits: (name: string, what: string) => optional(z.string().regex(/^\d{5,25}$/, { error: `must be ${what} (digits only) for ${name}` })),

  /** 1/true or 0/false, with a default. */
  flag: (name: string, fallback: boolean, what: string) =>
    z.preprocess((v) => blank(v) ?? (fallback ? '1' : '0'), z.enum(['0', '1', 'true', 'false'], { error: `must be 1 (${what}) or 0` })).transform((v) => v === '1' || v === 'true'),

  /** A port number 0-65535 (0 picks a free one), with an optional default. */
  port: (name: string, fallback?: number) =>
    z.preprocess(
      (v) => blank(v) ?? fallback,
      z.coerce
        .number({ error: `must be a port number 0-65535 (e.g. ${name}=3000; 0 picks a free port)` })
        .int({ error: `must be a whole port number 0-65535 (e.g. ${name}=3000)` })
        .min(0, { error: `must be a port number 0-65535 (e.g. ${name}=3000)` })
        .max(65535, { error: `must be a port number 0-65535 (e.g. ${name}=3000)` }),
    ),

  /** A whole number from 1 to max, with a default. */
  positiveInt: (name: string, fallback: number, max: number) =>
    z.preprocess(
      (v) => blank(v) ?? fallback,
      z.coerce
        .number({ error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` })
        .int({ error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` })
        .min(1, { error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` })
        .max(max, { error: `must be a whole number from 1 to ${max} (e.g. ${name}=${fallback})` }),
    ),

  /** A comma-separated list of items matching `item` ("a, b"), or unset. */
  list: (name: string, item: RegExp, example: string) =>
    optional(
      z
        .string()
        .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
        .refine((items) => items.length > 0 && items.every((i) => item.test(i)), { error: `must be a comma-separated list, e.g. ${name}=${example}` }),
    ),
};
