// Turns a match into an Answer: the answer text in the asker's language, then the citation
// (credited source, chart caption, article). Abstentions and notices carry suggestions instead.
import type { Knowledge, KnownFact } from '../facts/knowledge.ts';
import type { Computation, MatchResult } from '../matching/match-result.ts';
import type { Answer, Citation, Locale, Notice } from '../types.ts';
import type { Translate } from './i18n.ts';

type Matched = Exclude<MatchResult, { kind: 'empty' }>;

export function citationFor(fact: KnownFact, locale: Locale): Citation {
  const a = fact.article;
  return {
    source: fact.source[locale],
    ...(fact.chartInfo ? { figure: fact.chartInfo.caption[locale] } : {}),
    article: `${a.outlet[locale]}, "${a.title[locale]}"`,
    date: a.date,
    quote: fact.quote,
    ...(a.url ? { url: a.url } : {}),
  };
}

export function citationLine(t: Translate, locale: Locale, c: Citation): string {
  const key = `${locale}\u0000${c.source}\u0000${c.figure ?? ''}\u0000${c.article}\u0000${c.date}`;
  let lines = lineCache.get(t);
  if (!lines) lineCache.set(t, (lines = new Map()));
  let line = lines.get(key);
  if (line === undefined) {
    line = formatCitation(t, locale, c);
    if (lines.size > 10_000) lines.clear();
    lines.set(key, line);
  }
  return line;
}

// Citation lines repeat (a few sources, three charts): formatting each once keeps i18next off the hot path.
const lineCache = new WeakMap<Translate, Map<string, string>>();

function formatCitation(t: Translate, locale: Locale, c: Citation): string {
  const parts = [t(locale, 'citation.source', { source: c.source })];
  if (c.figure) parts.push(t(locale, 'citation.figure', { figure: c.figure }));
  parts.push(t(locale, 'citation.article', { article: c.article, date: c.date }));
  return parts.join(' · ');
}

export function composeAnswer(k: Knowledge, t: Translate, locale: Locale, match: Matched): Answer {
  if (match.kind === 'abstain') {
    const body = t(locale, 'abstain.body', { outlet: k.article.outlet[locale], date: k.article.date });
    return unanswered(t, locale, body, suggestionsFrom(match.suggestions, k, locale), round(match.score));
  }
  const facts = match.facts;
  const citations = dedupeCitations(facts.map((f) => citationFor(f, locale)));
  const lines = facts.map((f) => f.answer[locale]);
  if (match.computation) lines.unshift(t(locale, `compute.${match.computation.key}`, localiseComputation(k, locale, match.computation)));
  const body = lines.join('\n');
  const text = [body, ...citations.map((c) => citationLine(t, locale, c))].join('\n');
  return { answered: true, locale, body, text, facts: facts.map(stripMeta), citations, suggestions: [], score: round(match.score) };
}

/** A short localised hint (empty or over-long question, rate limit) with suggestions to try. */
export function composeNotice(k: Knowledge, t: Translate, locale: Locale, notice: Notice): Answer {
  return { ...unanswered(t, locale, t(locale, `notice.${notice}`), suggestionsFrom([], k, locale), 0), notice };
}

/** An answer that is not one: the reason, then questions the bot can answer. */
function unanswered(t: Translate, locale: Locale, body: string, suggestions: string[], score: number): Answer {
  const text = [body, t(locale, 'abstain.try'), ...suggestions.map((s) => `• ${s}`)].join('\n');
  return { answered: false, locale, body, text, facts: [], citations: [], suggestions, score };
}

function suggestionsFrom(preferred: KnownFact[], k: Knowledge, locale: Locale): string[] {
  const out: string[] = [];
  for (const f of [...preferred, ...k.facts.filter((f) => f.values.length > 0)]) {
    const q = f.questions[locale][0];
    if (q && !out.includes(q)) out.push(q);
    if (out.length === 3) break;
  }
  return out;
}

function dedupeCitations(list: Citation[]): Citation[] {
  return list.filter((c, i) => list.findIndex((o) => o.source === c.source && o.figure === c.figure) === i);
}

function stripMeta({ article: _a, chartInfo: _c, ...fact }: KnownFact) {
  return fact;
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

/** Entity and measure ids in a computation become names in the asker's language; ranks become 54th. */
function localiseComputation(k: Knowledge, locale: Locale, c: Computation): Record<string, string | number> {
  const vars: Record<string, string | number> = { ...c.vars };
  for (const key of ['more', 'less', 'entity']) {
    const entity = k.entityById.get(String(vars[key] ?? ''));
    if (entity) vars[key] = entity.names[locale][0] ?? entity.id;
  }
  const measure = k.measures.get(String(vars.measure ?? ''));
  vars.measure = measure ? measure.label[locale] : String(vars.measure ?? '');
  vars.unit = measure ? measure.unit[locale] : '';
  if (locale === 'en' && c.key.startsWith('rank')) {
    for (const key of ['before', 'after']) if (typeof vars[key] === 'number') vars[key] = ordinal(vars[key] as number);
  }
  return vars;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
