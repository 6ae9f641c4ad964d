// The JSON API: a fourth platform for web pages and other tools, under /v1/ on the public PORT.
// POST /v1/ask answers a question (with `conversation`, follow-ups resolve), GET /v1/suggest offers
// questions for a partial text, GET /v1/openapi.json describes it all. Started when HTTP_API=1.
// It goes through the same pipeline as every platform (ctx.handle: rate limit, conversations, logs).
import { definePlatform, type PlatformContext, type RunningPlatform } from '../../src/index.ts';
import { configureHttpApi, variables, type HttpApiConfig } from './config.ts';
import { apiRoutes, BASE_PATH } from './routes.ts';

export const platform = definePlatform({
  name: 'http',
  variables,
  isConfigured: (values) => values.HTTP_API,
  configure: configureHttpApi,
  start: startHttpApi,
});

export async function startHttpApi(ctx: PlatformContext<HttpApiConfig>): Promise<RunningPlatform> {
  ctx.http.mount(BASE_PATH, apiRoutes(ctx));
  return {
    // The runtime closes the public port: new requests are refused, answers being worked on finish.
    stop: async () => {},
  };
}
