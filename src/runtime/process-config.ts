// Everything `npm start` reads from the environment, validated in one round: the runtime's own variables
// and each discovered adapter's (config.ts), the question log's (DATA_DIR, DATABASE_URL, ...) and the
// shared state's (REDIS_URL, ...). Every problem of all of them is reported at once, so an operator
// fixes a deployment in one go. Kept apart from config.ts so that reading the runtime's variables does
// not load the database and Redis clients.
import type { PlatformDefinition } from '../platform.ts';
import { parseQuestionLogConfig, QUESTION_LOG_VARIABLES, type QuestionLogConfig } from '../question-log/question-log-config.ts';
import { parseSharedStateConfig, SHARED_STATE_VARIABLES, type SharedStateConfig } from '../shared-state/shared-state-config.ts';
import { ConfigInvalidError, parseConfig, RUNTIME_VARIABLES, type ConfigProblem, type Env, type ParsedConfig } from './config.ts';

/** Every variable the process itself reads (adapters declare theirs): what .env.example documents. */
export const PROCESS_VARIABLES = [...RUNTIME_VARIABLES, ...QUESTION_LOG_VARIABLES, ...SHARED_STATE_VARIABLES];

export interface ProcessConfig extends ParsedConfig {
  questionLog: QuestionLogConfig;
  sharedState: SharedStateConfig;
}

export function parseProcessConfig(env: Env, platforms: Array<Pick<PlatformDefinition, 'name' | 'variables'>> = [], cwd = process.cwd()): ProcessConfig {
  const problems: ConfigProblem[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (err) {
      if (!(err instanceof ConfigInvalidError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  const parsed = attempt(() => parseConfig(env, platforms));
  const questionLog = attempt(() => parseQuestionLogConfig(env, cwd));
  const sharedState = attempt(() => parseSharedStateConfig(env));
  if (!parsed || !questionLog || !sharedState) throw new ConfigInvalidError(problems);
  return { ...parsed, questionLog, sharedState };
}
