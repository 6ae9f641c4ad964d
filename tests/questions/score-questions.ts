// Scores the core against the project's own labelled question set (questions.jsonl), with the
// same rules as the external evaluation script, so a green test here means the same thing there:
// - an answerable item is right when the core answered and the normalised text holds one
//   alternative of every `expect` group (and, with `src`, one of them in the text or citations);
// - an `abstain` item is right when the core did not answer;
// - language: a question with Hangul (or typed as initial consonants / on a QWERTY layout) must be
//   answered with Hangul, an English one mostly without (mixed and compute items are not judged).
// It calls the core in-process rather than through the CLI: the scoring rules are what matter.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Answer, Core } from '../../src/index.ts';

export const QUESTIONS_FILE = fileURLToPath(new URL('./questions.jsonl', import.meta.url));

export interface AnswerableItem {
  id: string;
  cat: string;
  q: string;
  /** Every group must match; within a group any alternative will do. */
  expect: string[][];
  /** The credited source: one of these must appear in the text or the citations. */
  src?: string[];
  abstain?: undefined;
}

export interface AbstainItem {
  id: string;
  cat: string;
  q: string;
  abstain: true;
  expect?: undefined;
  src?: undefined;
}

export type QuestionItem = AnswerableItem | AbstainItem;

export interface Tally {
  ok: number;
  n: number;
  /** Answered when it should not have been, or with the wrong figure: worse than a refusal. */
  wrong?: number;
  /** Refused an answerable item. */
  refused?: number;
}

export interface ScoreReport {
  /** Overall percentage right, answerable and abstain items together. */
  overallPct: number;
  answerable: Tally;
  abstain: Tally;
  language: Tally;
  byCategory: Record<string, Tally>;
  /** One readable line per wrong item: id, category, question and what the core said. */
  failures: string[];
  /** Items answered in the wrong language (scored separately, as the evaluation does). */
  languageFailures: string[];
}

export function loadQuestions(file: string = QUESTIONS_FILE): QuestionItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as QuestionItem;
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not JSON (${(err as Error).message})`, { cause: err });
      }
    });
}

/** NFC, lower case, thousands commas removed ("5,381" -> "5381"), runs of white space collapsed. */
let ignoreSpaces = false;
/** Sets whose writers were told "spaces and commas ignored" (the third blind round) are compared so. */
export function compareWithoutSpaces(on: boolean): void {
  ignoreSpaces = on;
}

export function normalise(s: unknown): string {
  const text = String(s ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3})/g, '$1')
    .replace(/\s+/g, ' ');
  return ignoreSpaces ? text.replace(/[\s,]+/g, '') : text;
}

const hangulCount = (s: string) => (s.match(/[\uac00-\ud7a3\u3131-\u318e]/g) ?? []).length;
const letterCount = (s: string) => (s.match(/[a-z\uac00-\ud7a3]/gi) ?? []).length;

/** Categories whose language is not judged: their questions mix both languages on purpose. */
const LANGUAGE_EXEMPT = new Set(['mixed', 'compute']);
/** Categories typed without Hangul that are Korean nonetheless. */
const KOREAN_WITHOUT_HANGUL = new Set(['qwerty', 'chosung']);

export function isRight(item: QuestionItem, answer: Answer): boolean {
  if (item.abstain) return answer.answered === false;
  const text = normalise(answer.text);
  const hay = text + ' ' + normalise(JSON.stringify(answer.citations ?? ''));
  return (
    answer.answered === true &&
    item.expect.every((group) => group.some((alt) => text.includes(normalise(alt)))) &&
    (!item.src || item.src.some((alt) => hay.includes(normalise(alt))))
  );
}

/** null when the item's language is not judged (abstentions, unanswered, mixed, compute). */
export function languageRight(item: QuestionItem, answer: Answer): boolean | null {
  if (item.abstain || answer.answered !== true || LANGUAGE_EXEMPT.has(item.cat)) return null;
  const lang = (item as { lang?: string }).lang;
  const askedKorean = lang ? lang === 'ko' : hangulCount(item.q) > 0 || KOREAN_WITHOUT_HANGUL.has(item.cat);
  const text = answer.text ?? '';
  const h = hangulCount(text);
  const letters = letterCount(text) || 1;
  return askedKorean ? h > 0 : h / letters < 0.2;
}

/** A miss is a refusal (nothing said) or a wrong answer (something said that was not asked for). */
export function missKind(item: QuestionItem, answer: Answer): 'refused' | 'wrong' {
  return answer.answered ? 'wrong' : 'refused';
}

export function scoreQuestions(core: Core, items: QuestionItem[] = loadQuestions()): ScoreReport {
  const byCategory: Record<string, Tally> = {};
  const answerable: Tally = { ok: 0, n: 0 };
  const abstain: Tally = { ok: 0, n: 0 };
  const language: Tally = { ok: 0, n: 0 };
  const failures: string[] = [];
  const languageFailures: string[] = [];

  for (const item of items) {
    const answer = core.ask({ text: item.q });
    const ok = isRight(item, answer);
    const tally = item.abstain ? abstain : answerable;
    tally.n++;
    if (ok) tally.ok++;
    const cat = (byCategory[item.cat] ??= { ok: 0, n: 0, wrong: 0, refused: 0 });
    cat.n++;
    if (ok) cat.ok++;
    else {
      const miss = missKind(item, answer);
      cat[miss] = (cat[miss] ?? 0) + 1;
      tally[miss] = (tally[miss] ?? 0) + 1;
    }
    const said = answer.answered ? oneLine(answer.text) : '(no answer)';
    if (!ok) failures.push(`${item.id} [${item.cat}] ${item.q}\n      -> ${said}`);

    const lang = languageRight(item, answer);
    if (lang !== null) {
      language.n++;
      if (lang) language.ok++;
      else languageFailures.push(`${item.id} [lang] ${item.q}\n      -> ${said}`);
    }
  }

  const total = answerable.n + abstain.n;
  return {
    overallPct: total ? (100 * (answerable.ok + abstain.ok)) / total : 100,
    answerable,
    abstain,
    language,
    byCategory,
    failures,
    languageFailures,
  };
}

export const pct = (t: Tally): number => (t.n ? (100 * t.ok) / t.n : 100);

/** The per-category table and totals, as the evaluation script prints them. */
export function formatReport(r: ScoreReport): string {
  const rows = Object.entries(r.byCategory).map(
    ([cat, t]) => `${cat.padEnd(14)} ${`${t.ok}/${t.n}`.padStart(7)}   refused ${t.refused ?? 0}, wrong ${t.wrong ?? 0}`,
  );
  const wrong = (r.answerable.wrong ?? 0) + (r.abstain.wrong ?? 0);
  return [
    ...rows,
    `score: ${r.overallPct.toFixed(1)}% overall; answered right ${r.answerable.ok}/${r.answerable.n}, ` +
      `abstained right ${r.abstain.ok}/${r.abstain.n}, language ${r.language.ok}/${r.language.n}; ` +
      `wrong answers ${wrong} (answerable ${r.answerable.wrong ?? 0}, should have refused ${r.abstain.wrong ?? 0}), refusals of answerable ${r.answerable.refused ?? 0}`,
  ].join('\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' / ');
  return flat.length > 200 ? flat.slice(0, 199) + '…' : flat;
}
