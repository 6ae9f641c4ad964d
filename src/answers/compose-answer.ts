// Turns a match into an Answer: the answer text in the asker's language, then the citation (credited
// source, chart caption, article). A follow-up first says how it was understood ("↪ 미국 · 데이터센터
// 수"), so a wrong reading is visible. Refusals say what the article lacks, and suggest what it has.
import { josa } from 'es-hangul';
import { statedAsOf, type Knowledge, type KnownFact } from '../facts/knowledge.ts';
import type { Computation, MatchResult, Missing, Understood } from '../matching/match-result.ts';
import type { Answer, Citation, Locale, Notice } from '../types.ts';
import type { Translate } from './i18n.ts';

type Matched = Exclude<MatchResult, { kind: 'empty' }>;

/** Computations whose supporting facts are worth reading after them (one entity's change; a source). */
const WITH_FACTS = new Set(['rank-up', 'rank-down', 'rank-same', 'count-up', 'count-down', 'count-same', 'source', 'as-of', 'because']);
/** Computations over two sides: each side's fact follows ("Germany has 521 ...; the UK has 514 ..."). */
const TWO_SIDED = new Set(['difference', 'difference-at-least', 'ratio', 'ratio-at-least', 'rank-gap', 'nth-rank', 'nth-move']);

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
  const names = namer(k, locale);
  if (match.kind === 'abstain') {
    const reason = refusalLines(k, t, locale, match.missing, match.reason);
    const lead = match.followUp && match.understood ? [understoodLine(k, t, locale, match.understood)] : [];
    // Asked why: the article may well say more around the figure; what the bot cannot do is reason.
    const article = { outlet: k.article.outlet[locale], date: k.article.date };
    const closing = match.reason === 'asks-why' ? t(locale, 'abstain.why') : match.reason === 'asks-browsing' ? t(locale, 'abstain.browsing', article) : match.reason === 'asks-task' ? t(locale, 'abstain.task', article) : t(locale, 'abstain.body', article);
    const body = [...lead, ...reason, closing].join('\n');
    return unanswered(t, locale, body, suggestionsFrom(match.suggestions, k, locale), round(match.score));
  }
  const facts = match.facts;
  const citations = dedupeCitations(facts.map((f) => citationFor(f, locale)));
  const lines: string[] = [];
  if (match.followUp && match.understood) lines.push(understoodLine(k, t, locale, match.understood));
  for (const c of match.computations) lines.push(capitalise(t(locale, `compute.${c.key}`, localiseComputation(k, locale, c, facts))));
  // A comparison of two reads well with both facts after it; a superlative over a whole chart does not.
  if (match.computations.length === 0 || match.computations.every((c) => WITH_FACTS.has(c.key)) || (facts.length <= 2 && match.computations.every((c) => TWO_SIDED.has(c.key)))) {
    lines.push(...facts.map((f) => f.answer[locale]));
  }
  for (const m of match.missing ?? []) lines.push(capitalise(t(locale, 'abstain.missing-part', attributeVars(k, locale, m.attribute, { entity: names(m.entity) }))));
  const body = lines.join('\n');
  const text = [body, ...citations.map((c) => citationLine(t, locale, c))].join('\n');
  return { answered: true, locale, body, text, facts: facts.map(stripMeta), citations, suggestions: [], score: round(match.score) };
}

/** A short localised hint (empty or over-long question, rate limit) with suggestions to try. */
export function composeNotice(k: Knowledge, t: Translate, locale: Locale, notice: Notice): Answer {
  return { ...unanswered(t, locale, t(locale, `notice.${notice}`), suggestionsFrom([], k, locale), 0), notice };
}

/** Why the article does not answer, naming what was asked and who it does give that for. */
function refusalLines(k: Knowledge, t: Translate, locale: Locale, missing: Missing | undefined, reason: string): string[] {
  if (!missing) return [];
  const names = namer(k, locale);
  if (reason === 'uncovered-entity' && missing.entity) return [t(locale, 'abstain.uncovered', { entity: names(missing.entity) })];
  // The unknown name itself is not echoed: it is the asker's text.
  if (reason === 'unknown-name' && missing.attribute) {
    const vars = attributeVars(k, locale, missing.attribute, {});
    const lines = [t(locale, 'abstain.unknown-name', vars)];
    if (missing.givenFor.length > 0) lines.push(t(locale, 'abstain.given-for', { ...vars, list: listOf(locale, missing.givenFor.slice(0, 6).map(names)) }));
    return lines;
  }
  if (reason === 'top-not-given' && missing.best && missing.measure) {
    const vars = localiseComputation(k, locale, { key: 'most-rank-given', vars: { measure: missing.measure, entity: missing.best.entity, value: missing.best.value, scope: '' } }, []);
    return [t(locale, 'compute.most-rank-given', vars)];
  }
  if (reason === 'place-not-given' && missing.measure && missing.place !== undefined) {
    const label = k.measures.get(missing.measure)?.label[locale] ?? missing.measure;
    const place = (n: number) => (locale === 'ko' ? `${n}위` : ordinal(n));
    const places = listOf(locale, (missing.places ?? []).map((p) => (locale === 'ko' ? `${place(p.value)}(${names(p.entity)})` : `${place(p.value)} (${names(p.entity)})`)));
    const lines = [t(locale, 'abstain.place-not-given', { measure: label, place: place(missing.place) })];
    if (places) lines.push(t(locale, 'abstain.places-given', { places }));
    return lines;
  }
  if (reason === 'cannot-compute') {
    const quoted = (missing.quoted ?? []).map((id) => k.facts.find((f) => f.id === id)).filter((f) => f !== undefined);
    return [t(locale, 'abstain.cannot-compute'), ...(quoted.length > 0 ? [t(locale, 'abstain.figures-given'), ...quoted.map((f) => f.answer[locale])] : [])];
  }
  if (reason === 'no-exact-figure' && missing.entity && missing.attribute) {
    const said = missing.said ? k.facts.find((f) => f.id === missing.said) : undefined;
    const lines = [t(locale, 'abstain.no-exact-figure', attributeVars(k, locale, missing.attribute, { entity: names(missing.entity) }))];
    if (said) lines.push(t(locale, 'abstain.only-says', { said: said.answer[locale] }));
    return lines;
  }
  if (reason === 'no-as-of') return [t(locale, 'abstain.no-as-of', { date: k.article.date })];
  if (reason === 'not-given' && !missing.attribute && missing.entity) return [t(locale, 'abstain.not-about', { entity: names(missing.entity) })];
  if (reason === 'not-given' && missing.attribute) {
    // The figure itself when the attribute is given but not that figure: "한국의 데이터센터 순위", "2016년 순위".
    const measure = missing.measure ? k.measures.get(missing.measure)?.label[locale] : undefined;
    const label = measure ? (missing.year ? (locale === 'ko' ? `${missing.year}년 ${measure}` : `${missing.year} ${measure}`) : measure) : undefined;
    const vars = label ? labelVars(label) : attributeVars(k, locale, missing.attribute, {});
    if (!missing.entity) return [t(locale, 'abstain.not-in-article', vars)];
    const lines = [t(locale, 'abstain.not-given', { ...vars, entity: names(missing.entity) })];
    if (missing.givenFor.length > 0 && !label) lines.push(t(locale, 'abstain.given-for', { ...vars, list: listOf(locale, missing.givenFor.slice(0, 6).map(names)) }));
    return lines;
  }
  return [];
}

/** "↪ 미국 · 데이터센터 수": what a follow-up was read as. */
function understoodLine(k: Knowledge, t: Translate, locale: Locale, u: Understood): string {
  const names = namer(k, locale);
  const parts = [...u.entities.map(names), ...u.attributes.map((a) => k.attributeById.get(a)?.label[locale] ?? a)];
  return t(locale, 'understood', { what: parts.join(' · ') });
}

/** The attribute's label, with the Korean particles a sentence needs after it. */
function attributeVars(k: Knowledge, locale: Locale, attribute: string | undefined, vars: Record<string, string>): Record<string, string> {
  const label = (attribute && k.attributeById.get(attribute)?.label[locale]) || attribute || '';
  return { ...vars, ...labelVars(label) };
}

function labelVars(label: string): Record<string, string> {
  return { attribute: label, attributeIga: particle(label, '이/가'), attributeEunneun: particle(label, '은/는'), attributeEe: `${label}에` };
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

/** A sentence that starts with a name like "the US" starts with a capital. */
const capitalise = (line: string) => line.charAt(0).toUpperCase() + line.slice(1);

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

/** An entity id's display name in the asker's language (the first name listed). */
function namer(k: Knowledge, locale: Locale) {
  return (id: string | undefined) => {
    if (!id) return '';
    const e = k.entityById.get(id);
    return e?.display?.[locale] ?? e?.names[locale][0] ?? e?.names.ko[0] ?? id;
  };
}

function listOf(locale: Locale, items: string[]): string {
  if (locale === 'ko' || items.length < 2) return items.join(', ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A Korean word with the particle its last syllable takes (은/는, 이/가, 을/를, 으로/로); Latin words as written. */
function particle(word: string, pair: '은/는' | '이/가' | '을/를' | '으로/로' | '이에요/예요'): string {
  if (!word) return word;
  if (!/[가-힣]$/.test(word)) {
    // After a Latin name or digit, Korean writers pick by how it is read; the vowel form reads naturally.
    const [, vowel] = pair.split('/') as [string, string];
    return `${word}${/\d$/.test(word) ? pair.split('/')[0] : vowel}`;
  }
  return josa(word, pair);
}

/** Entity and measure ids in a computation become names in the asker's language; ranks become 54th. */
function localiseComputation(k: Knowledge, locale: Locale, c: Computation, facts: KnownFact[]): Record<string, string | number> {
  const names = namer(k, locale);
  const vars: Record<string, string | number> = { ...c.vars };
  for (const key of ['more', 'less', 'entity', 'higher', 'lower', 'whole']) if (typeof vars[key] === 'string' && vars[key]) vars[key] = names(String(vars[key]));
  for (const key of ['entities', 'scope']) {
    const ids = String(vars[key] ?? '').split(',').filter(Boolean);
    vars[key] = ids.length === 0 ? '' : listOf(locale, ids.map(names));
  }
  if (vars.scope) vars.scope = locale === 'ko' ? `${vars.scope} 가운데 ` : ` among ${vars.scope}`;
  const measure = k.measures.get(String(vars.measure ?? ''));
  const label = measure ? measure.label[locale] : String(vars.measure ?? '');
  vars.measure = label;
  vars.unit = measure ? measure.unit[locale] : '';
  if (locale === 'ko') {
    vars.measureIga = particle(label, '이/가');
    vars.measureEunneun = particle(label, '은/는');
    vars.measureEul = particle(label, '을/를');
    vars.entityIro = particle(String(vars.entity ?? ''), '으로/로');
    vars.entityIga = particle(String(vars.entity ?? ''), '이/가');
    vars.entityIeyo = particle(String(vars.entity ?? ''), '이에요/예요');
  }
  if (locale === 'en' && measure?.kind === 'rank') {
    for (const key of ['before', 'after', 'value', 'higherValue', 'lowerValue']) if (typeof vars[key] === 'number') vars[key] = ordinal(vars[key] as number);
  }
  // "1 place", "6 places", "6계단" (a rank gap or move, before the rank values become "2nd").
  vars.placeWord = locale === 'ko' ? '계단' : vars.diff === 1 ? 'place' : 'places';
  // "10th" in English; Korean writes the bare number before 위 / 번째.
  if (typeof vars.n === 'number') vars.nSuffix = locale === 'en' ? ordinal(vars.n).slice(String(vars.n).length) : '';
  // Money reads as the article writes it: 560만달러 / $5.6 million.
  if (measure?.kind === 'amount') {
    for (const key of ['moreValue', 'lessValue', 'value', 'sum', 'avg', 'diff']) if (typeof vars[key] === 'number') vars[key] = formatMoney(vars[key] as number, measure.currency ?? 'USD', locale);
    vars.unit = '';
  }
  if (c.key === 'sum-bands') {
    const labels = String(c.vars.measures ?? '').split(',').map((id) => k.measures.get(id)?.label[locale] ?? id);
    vars.bands = listOf(locale, labels.map((label, i) => `${label} ${String(c.vars.expr).split(' + ')[i]}`));
  }
  if (c.key === 'source') vars.sources = listOf(locale, [...new Set(facts.map((f) => f.source[locale]))]);
  if (c.key === 'as-of') vars.asOf = listOf(locale, [...new Set(facts.map((f) => asOfOf(f, locale)))]);
  return vars;
}

/** What a fact's figure is as of: what the article says, else its chart's caption, else the article's date. */
function asOfOf(fact: KnownFact, locale: Locale): string {
  return statedAsOf(fact, locale) ?? fact.article.date;
}

/** An amount of money as a reader writes it: 5600000 USD is 560만달러 or $5.6 million. */
export function formatMoney(value: number, currency: 'USD' | 'KRW', locale: Locale): string {
  if (locale === 'ko') {
    const unit = currency === 'USD' ? '달러' : '원';
    const jo = Math.floor(value / 1e12);
    const eok = Math.floor((value % 1e12) / 1e8);
    const man = Math.floor((value % 1e8) / 1e4);
    const parts = [jo ? `${jo}조` : '', eok ? `${eok}억` : '', man ? `${man}만` : ''].filter(Boolean);
    return `${parts.join('') || String(value)}${unit}`;
  }
  const [scale, word] = value >= 1e12 ? [1e12, 'trillion'] : value >= 1e9 ? [1e9, 'billion'] : value >= 1e6 ? [1e6, 'million'] : [1, ''];
  const n = String(Math.round((value / scale) * 10) / 10);
  return currency === 'USD' ? `$${n}${word ? ` ${word}` : ''}` : `${n}${word ? ` ${word}` : ''} won`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
