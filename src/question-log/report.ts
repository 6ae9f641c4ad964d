// What `npm run report` shows an editor: the questions readers asked that the article could not answer
// (most asked first, grouped by normalised form), the facts whose answers readers disliked, and how often
// the bot answered, by day, language and platform.
import type { AnswerRate, FactRating, QuestionLogStore, UnansweredGroup } from './question-log-store.ts';

export interface RateRow extends AnswerRate {
  /** answered / asked, 0..1. */
  rate: number;
}

export interface Report {
  store: { kind: string; location: string };
  /** ISO time; null = the whole log (which retention bounds). */
  since: string | null;
  generatedAt: string;
  unanswered: Array<Omit<UnansweredGroup, 'lastAsked'> & { lastAsked: string }>;
  worstRatedFacts: FactRating[];
  answerRate: { byDay: RateRow[]; byLocale: RateRow[]; byPlatform: RateRow[] };
}

export interface ReportOptions {
  since?: Date;
  /** Rows in each of the two top lists (default 20). */
  limit?: number;
  now?: Date;
}

export async function buildReport(store: QuestionLogStore, options: ReportOptions = {}): Promise<Report> {
  const { since } = options;
  const limit = options.limit ?? 20;
  const [unanswered, worst, byDay, byLocale, byPlatform] = await Promise.all([
    store.unanswered(since, limit),
    store.worstRatedFacts(since, limit),
    store.answerRates(since, 'day'),
    store.answerRates(since, 'locale'),
    store.answerRates(since, 'platform'),
  ]);
  const withRate = (rows: AnswerRate[]): RateRow[] => rows.map((r) => ({ ...r, rate: r.asked > 0 ? Math.round((r.answered / r.asked) * 1000) / 1000 : 0 }));
  return {
    store: { kind: store.kind, location: store.location },
    since: since ? since.toISOString() : null,
    generatedAt: (options.now ?? new Date()).toISOString(),
    unanswered: unanswered.map((g) => ({ ...g, lastAsked: g.lastAsked.toISOString() })),
    worstRatedFacts: worst,
    answerRate: { byDay: withRate(byDay), byLocale: withRate(byLocale), byPlatform: withRate(byPlatform) },
  };
}

const UNITS: Record<string, number> = { h: 3600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `7d`, `24h`, `2w` (before now), or a date / date-time (`2025-03-01`, `2025-03-01T09:00:00Z`). */
export function parseSince(value: string, now = new Date()): Date {
  const v = value.trim();
  const relative = /^(\d{1,5})([hdw])$/.exec(v);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNITS[relative[2]!]!);
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new Error(`--since "${value}" is not a time: use 7d, 24h, 2w, or a date such as 2025-03-01`);
}

// A question is text a stranger typed: in a terminal, control characters could move the cursor or
// change colours, so the text report shows them as spaces (the JSON report escapes them).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const printable = (s: string, max = 120) => {
  const clean = s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};
const pad = (v: string | number, width: number) => String(v).padStart(width);
const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export function formatReport(r: Report): string {
  const out: string[] = [];
  out.push(`Question log: ${r.store.kind} ${r.store.location}`);
  out.push(r.since ? `Since ${r.since}` : 'The whole log (older rows are deleted by the retention)');
  out.push('');

  out.push('Most-asked unanswered questions');
  if (r.unanswered.length === 0) out.push('  none');
  else {
    out.push(`  ${pad('asked', 5)}  ${pad('people', 6)}  question (latest wording)  [grouped as]`);
    for (const g of r.unanswered) out.push(`  ${pad(g.count, 5)}  ${pad(g.users, 6)}  ${printable(g.example)}  [${printable(g.normalised, 60)}]`);
  }
  out.push('');

  out.push('Worst-rated facts');
  if (r.worstRatedFacts.length === 0) out.push('  none (no answer got a 👎)');
  else {
    out.push(`  ${pad('down', 4)}  ${pad('up', 4)}  ${pad('answers', 7)}  fact  (a question whose answer got a 👎)`);
    for (const f of r.worstRatedFacts) {
      out.push(`  ${pad(f.down, 4)}  ${pad(f.up, 4)}  ${pad(f.answers, 7)}  ${f.factId}${f.example ? `  ("${printable(f.example, 80)}")` : ''}`);
    }
  }

  const rates = (title: string, head: string, rows: RateRow[]) => {
    out.push('');
    out.push(title);
    if (rows.length === 0) {
      out.push('  none');
      return;
    }
    out.push(`  ${head.padEnd(10)}  ${pad('asked', 6)}  ${pad('answered', 8)}  ${pad('rate', 5)}  ${pad('refused', 7)}  ${pad('errors', 6)}`);
    for (const x of rows) {
      out.push(`  ${printable(x.key, 10).padEnd(10)}  ${pad(x.asked, 6)}  ${pad(x.answered, 8)}  ${pad(percent(x.rate), 5)}  ${pad(x.refused, 7)}  ${pad(x.errors, 6)}`);
    }
  };
  rates('Answer rate by day (UTC)', 'day', r.answerRate.byDay);
  rates('Answer rate by language', 'language', r.answerRate.byLocale);
  rates('Answer rate by platform', 'platform', r.answerRate.byPlatform);
  return out.join('\n') + '\n';
}
