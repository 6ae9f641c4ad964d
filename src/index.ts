// The core's public surface. Adapters import only from here (a lint rule enforces it).
export { createCore, MAX_QUESTION_CHARS, type Core, type CoreOptions, type Explanation } from './core.ts';
export { toLocale } from './locale-hint.ts';
export { ConfigError, definePlatform } from './platform.ts';
export type { HandledAnswer, PlatformContext, PlatformDefinition, PlatformQuestion, PlatformSettings, PlatformVote, RunningPlatform, VoteOutcome, VoteValue } from './platform.ts';
export { blank, envVar } from './runtime/env-vars.ts';
export { errorForLog, redactSecrets, type LoggedError } from './runtime/error-for-log.ts';
export { createInFlight, type InFlight } from './runtime/in-flight.ts';
export { createPublicHttp, type PublicHttp, type PublicHttpServer } from './runtime/public-http.ts';
export { readBody, MAX_BODY_BYTES, declaredTooLarge, refuseRequest, BodyTooLargeError, type RequestHandler } from './runtime/http-server.ts';
export type { Logger } from './runtime/logger.ts';
export { createLogger } from './runtime/logger.ts';
export { FactFileError } from './facts/fact-file-error.ts';
export type { Answer, ArticleInfo, Citation, ConversationContext, Fact, Locale, Notice, Question, TopicSummary, UnderstoodTurn } from './types.ts';
export { createChartRenderer } from './charts/chart-renderer.ts';
export type { ChartChoice, ChartRenderer, ChartRendererOptions, ChartRequest, ChartView } from './charts/chart-renderer.ts';
export { isChartRequest } from './charts/chart-request.ts';
export type { TextChartOptions } from './charts/text-chart.ts';
export type { ChartBook, ChartData } from './charts/chart-book.ts';
