// The numbers-in-article check: the bot must never state a number the article does not give.
// Every number in a fact's Korean answer, quote and structured values must occur in the article.
// Korean number forms are read as the article writes them: 5,381 -> 5381, 1만1800 -> 11800,
// 5천억 -> 500000000000, 5조7천억 -> 5700000000000, and a range "5~6만" -> 50000 and 60000.
import type { LoadedArticle } from './load-facts.ts';

export interface NumberToken {
  /** The number as written, e.g. "1만8천". */
  text: string;
  value: number;
}

/** The facts' fields the check reads (a subset of Fact, so fixtures and the schema type both fit). */
export interface NumberedFact {
  id: string;
  quote: string;
  answer: { ko: string; en?: string };
  values: ReadonlyArray<{ value: number; before?: number | undefined }>;
}

const SMALL_UNITS: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const BIG_UNITS: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
// A run of digits (with , or . inside) and Korean unit characters written right after it, e.g. 5조7천억.
const NUMBER_RUN = /\d[\d.,]*(?:[십백천만억조]+(?:\d[\d.,]*)?)*/g;
const RANGE_GAP = /^\s*[~～〜]\s*$/;

/** Every number written in `text`, Korean unit forms included. */
export function extractNumbers(text: string): NumberToken[] {
  const runs = [...text.normalize('NFC').matchAll(NUMBER_RUN)].map((m) => ({
    text: m[0].replace(/[.,]+$/, ''), // a sentence's full stop or comma is not part of the number
    start: m.index,
    end: m.index + m[0].replace(/[.,]+$/, '').length,
  }));
  const out: NumberToken[] = [];
  runs.forEach((run, i) => {
    for (const value of readRun(run.text)) out.push({ text: run.text, value });
    // "5~6만": the unit written after the second number applies to the first too.
    const next = runs[i + 1];
    if (next && RANGE_GAP.test(text.slice(run.end, next.start)) && !hasUnit(run.text) && hasUnit(next.text)) {
      const lead = readRun(leadingDigits(next.text))[0];
      const scale = lead ? readRun(next.text)[0]! / lead : 1;
      for (const value of readRun(run.text)) out.push({ text: `${run.text}~${next.text}`, value: value * scale });
    }
  });
  return out;
}

/** The set of numeric values the article text holds, for membership checks. */
export function articleNumbers(articleText: string): Set<number> {
  return new Set(extractNumbers(articleText).map((t) => t.value));
}

/** Problems as `fact "<id>" field answer.ko: number 123 not found in the article`. */
export function checkNumbers(articleText: string, facts: readonly NumberedFact[]): string[] {
  const known = articleNumbers(articleText);
  const problems: string[] = [];
  for (const fact of facts) {
    const report = (field: string, written: string, value: number) =>
      problems.push(`fact "${fact.id}" field ${field}: number ${written}${written === String(value) ? '' : ` (${value})`} not found in the article`);
    for (const field of ['answer.ko', 'quote'] as const) {
      const text = field === 'quote' ? fact.quote : fact.answer.ko;
      for (const token of extractNumbers(text)) if (!known.has(token.value)) report(field, token.text, token.value);
    }
    for (const token of extractEnglishNumbers(fact.answer.en ?? '')) if (!known.has(token.value)) report('answer.en', token.text, token.value);
    fact.values.forEach((v, i) => {
      if (!known.has(v.value)) report(`values[${i}].value`, String(v.value), v.value);
      if (v.before !== undefined && !known.has(v.before)) report(`values[${i}].before`, String(v.before), v.before);
    });
  }
  return problems;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * Numbers in English text, scaled as written: "$5.6 million" is 5600000 (the article's 560만),
 * "50,000–60,000" is 50000 and 60000, "12th" is 12.
 */
export function extractEnglishNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion)\b)?/gi)) {
    const base = Number(m[1]!.replace(/,/g, ''));
    const scale = m[2] ? SCALE[m[2].toLowerCase()]! : 1;
    out.push({ text: m[0], value: Math.round(base * scale * 1000) / 1000 });
  }
  return out;
}

/** The check over one loaded article file (its facts against its own text). */
export function checkArticleNumbers(article: LoadedArticle): string[] {
  return checkNumbers(article.text, article.data.facts);
}

function hasUnit(run: string): boolean {
  return /[십백천만억조]/.test(run);
}

function leadingDigits(run: string): string {
  return /^[\d.,]+/.exec(run)?.[0] ?? run;
}

/** One run's value(s): "1만8천" -> [18000]; "2025.02.24" (a date) -> [2025, 2, 24]; "1,2" -> [1, 2]. */
function readRun(run: string): number[] {
  const parts = run.split(/([십백천만억조])/).filter(Boolean);
  if (parts.length === 1) return readPlain(run);
  let total = 0;
  let section = 0;
  let current: number | null = null;
  for (const part of parts) {
    if (part in SMALL_UNITS) {
      section += (current ?? 1) * SMALL_UNITS[part]!;
      current = null;
    } else if (part in BIG_UNITS) {
      section += current ?? 0;
      total += (section || 1) * BIG_UNITS[part]!;
      section = 0;
      current = null;
    } else {
      current = readPlain(part)[0] ?? 0;
    }
  }
  return [total + section + (current ?? 0)];
}

/** Digits with separators: "5,381" -> [5381], "3.5" -> [3.5], "2025.02.24" -> [2025, 2, 24]. */
function readPlain(raw: string): number[] {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return [Number(raw.replace(/,/g, ''))];
  const pieces = raw.split(',');
  return pieces.flatMap((piece) => {
    const dots = piece.split('.').filter(Boolean);
    return dots.length === 2 ? [Number(dots.join('.'))] : dots.map(Number);
  });
}
