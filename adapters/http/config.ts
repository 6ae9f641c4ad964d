// The JSON API's environment variables and configuration. It runs on the public PORT (under /v1/),
// beside Slack's Events API when both are on.
import { z } from 'zod';
import { ConfigError, envVar } from '../../src/index.ts';

export const variables = z.object({
  /** 1: serve the JSON API under /v1/ on PORT. */
  HTTP_API: envVar.flag('HTTP_API', false, 'serve the JSON API on PORT'),
  /** Origins allowed to call the API from a browser (CORS): comma-separated, or *. Unset: none. */
  HTTP_API_CORS_ORIGINS: envVar.list('HTTP_API_CORS_ORIGINS', /^(\*|https?:\/\/[^\s/,]+)$/, 'https://example.com,https://www.example.com'),
  /** 1: the API sits behind a proxy that sets X-Forwarded-For: the rate limit then counts that address. */
  HTTP_API_TRUST_PROXY: envVar.flag('HTTP_API_TRUST_PROXY', false, 'trust X-Forwarded-For from the proxy in front'),
});

export type HttpVariables = z.infer<typeof variables>;

export interface HttpApiConfig {
  /** Allowed browser origins ('*': any). */
  corsOrigins: readonly string[];
  trustProxy: boolean;
}

export function configureHttpApi(values: HttpVariables): HttpApiConfig {
  const corsOrigins = values.HTTP_API_CORS_ORIGINS ?? [];
  if (corsOrigins.includes('*') && corsOrigins.length > 1) {
    throw new ConfigError('HTTP_API_CORS_ORIGINS', 'HTTP_API_CORS_ORIGINS is either * (any origin) or a list of origins, not both.');
  }
  return { corsOrigins, trustProxy: values.HTTP_API_TRUST_PROXY };
}
