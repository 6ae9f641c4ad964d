// The project's own labelled question set (questions.jsonl): what real users type, in Korean and
// English, with typos, spacing, slang, initial consonants, QWERTY-typed Korean, mixed languages,
// arithmetic on the article's numbers, and questions the article does not answer.
// A failing run prints every wrong item with what the core said, so the cause is one read away.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';
import { formatReport, loadQuestions, pct, scoreQuestions, type QuestionItem, type ScoreReport } from './score-questions.ts';

/** Minimum number of items per category: the set must keep representing every kind of question. */
const MIN_PER_CATEGORY: Record<string, number> = {
  ko: 60,
  'ko-typo': 15,
  'ko-spacing': 8,
  'ko-colloquial': 12,
  en: 45,
  'en-typo': 12,
  mixed: 12,
  chosung: 5,
  qwerty: 6,
  compute: 6,
  oos: 15,
  'oos-near': 15,
};

const items: QuestionItem[] = loadQuestions();

describe('the labelled question set file', () => {
  it('holds at least 200 questions with unique ids and no repeated question', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.q.trim())).size).toBe(items.length);
  });

  it('labels every item either with expected alternatives or as one to abstain on', () => {
    const malformed = items.filter((item) => {
      if (!/^q\d{3,}$/.test(item.id) || typeof item.q !== 'string' || item.q.trim() === '') return true;
      if (!(item.cat in MIN_PER_CATEGORY)) return true;
      if (item.abstain === true) return item.expect !== undefined || !item.cat.startsWith('oos');
      const groupsOk =
        Array.isArray(item.expect) &&
        item.expect.length > 0 &&
        item.expect.every((g) => Array.isArray(g) && g.length > 0 && g.every((alt) => typeof alt === 'string' && alt !== ''));
      const srcOk = item.src === undefined || (Array.isArray(item.src) && item.src.length > 0);
      return !groupsOk || !srcOk || item.cat.startsWith('oos');
    });
    expect(malformed.map((i) => i.id)).toEqual([]);
  });

  it('covers every category with enough questions', () => {
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.cat] = (counts[item.cat] ?? 0) + 1;
    const short = Object.entries(MIN_PER_CATEGORY).filter(([cat, min]) => (counts[cat] ?? 0) < min);
    expect(short, `categories below their minimum: ${JSON.stringify(counts)}`).toEqual([]);
  });

  it('types QWERTY items in Latin letters and initial-consonant items in bare jamo', () => {
    const wrong = items.filter(
      (i) =>
        (i.cat === 'qwerty' && !/^[A-Za-z ]+$/.test(i.q)) ||
        (i.cat === 'chosung' && !/[\u3131-\u314e]{2,}/.test(i.q)),
    );
    expect(wrong.map((i) => i.id)).toEqual([]);
  });
});

describe('the core on the labelled question set', () => {
  let report: ScoreReport;

  beforeAll(() => {
    report = scoreQuestions(createCore(), items);
  });

  it('answers at least 95% of the labelled questions right', () => {
    const message = `${formatReport(report)}\nfailures (${report.failures.length}):\n${report.failures.join('\n')}`;
    expect(report.overallPct, message).toBeGreaterThanOrEqual(95);
  });

  it('abstains on at least 95% of the questions the article does not answer', () => {
    const missed = report.failures.filter((f) => / \[oos(-near)?\] /.test(f));
    expect(pct(report.abstain), `answered instead of abstaining:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(95);
  });

  it('answers in the language of the question at least 98% of the time', () => {
    const message = `wrong language (${report.languageFailures.length}):\n${report.languageFailures.join('\n')}`;
    expect(pct(report.language), message).toBeGreaterThanOrEqual(98);
  });
});
