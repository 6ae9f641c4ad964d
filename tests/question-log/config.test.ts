// The state variables: defaults, the store they select, and problems that name the variable.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, createQuestionLogStore, openQuestionLog, parseQuestionLogConfig } from '../../src/question-log/question-log-config.ts';
import { parseSharedStateConfig } from '../../src/shared-state/shared-state-config.ts';
import { ConfigInvalidError } from '../../src/runtime/config.ts';
import { captureLog } from '../helpers/capture-log.ts';

const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigInvalidError) return err.problems;
    throw err;
  }
  return [];
};

describe('question log configuration', () => {
  it('keeps a SQLite log under data/ for 90 days by default', () => {
    const c = parseQuestionLogConfig({ DATABASE_URL: '', DATA_DIR: ' ' });
    expect(c).toEqual({ enabled: true, dataDir: DEFAULT_DATA_DIR, retentionDays: 90 });
    const store = createQuestionLogStore(c);
    expect(store.kind).toBe('sqlite');
    expect(store.location).toBe(join(DEFAULT_DATA_DIR, 'question-log.sqlite'));
  });

  it('uses PostgreSQL when DATABASE_URL is set, and never shows its password', () => {
    const c = parseQuestionLogConfig({ DATABASE_URL: 'postgres://bot:s3cret@db.internal:5433/factbot', QUESTION_LOG_RETENTION_DAYS: '30', DATA_DIR: 'state', QUESTION_LOG: '0' }, '/srv/bot');
    expect(c).toMatchObject({ enabled: false, retentionDays: 30, dataDir: '/srv/bot/state' });
    const store = createQuestionLogStore(c);
    expect(store.kind).toBe('postgres');
    expect(store.location).toBe('postgres://db.internal:5433/factbot');
    expect(store.location).not.toContain('s3cret');
  });

  it('names each wrong variable and the fix', () => {
    const found = problems(() => parseQuestionLogConfig({ DATABASE_URL: 'mysql://x', QUESTION_LOG_RETENTION_DAYS: '0', QUESTION_LOG: 'maybe' }));
    expect(found.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'QUESTION_LOG', 'QUESTION_LOG_RETENTION_DAYS']);
    expect(found.find((p) => p.variable === 'DATABASE_URL')?.message).toContain('PostgreSQL URL');
  });
});

describe('shared state configuration', () => {
  it('keeps state in memory without REDIS_URL, and shares it under a prefix with it', () => {
    expect(parseSharedStateConfig({})).toEqual({ keyPrefix: 'factbot:' });
    expect(parseSharedStateConfig({ REDIS_URL: 'redis://10.0.0.5:6379/2', REDIS_KEY_PREFIX: 'staging:' })).toEqual({
      redisUrl: 'redis://10.0.0.5:6379/2',
      keyPrefix: 'staging:',
    });
  });

  it('names each wrong variable and the fix', () => {
    const found = problems(() => parseSharedStateConfig({ REDIS_URL: 'localhost:6379', REDIS_KEY_PREFIX: 'has space' }));
    expect(found.map((p) => p.variable).sort()).toEqual(['REDIS_KEY_PREFIX', 'REDIS_URL']);
  });
});

describe('openQuestionLog', () => {
  it('keeps no log with QUESTION_LOG=0', () => {
    expect(openQuestionLog(parseQuestionLogConfig({ QUESTION_LOG: '0' }), { logger: captureLog().logger })).toBeUndefined();
  });
});
