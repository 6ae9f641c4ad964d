// The schema of a fact file (facts/*.yaml). Validation names the file, the fact id and the field.
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const bilingual = z.object({ ko: text, en: text }, { error: 'must be a map with ko and en' });
const bilingualList = z.object({ ko: z.array(text), en: z.array(text) }, { error: 'must be a map with ko and en lists' });
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');

export const factValueSchema = z.object({
  entity: id,
  measure: id,
  value: z.number({ error: 'must be a number' }),
  before: z.number({ error: 'must be a number' }).optional(),
});

export const factSchema = z.object({
  id,
  topic: id,
  chart: id.optional(),
  source: bilingual,
  quote: text,
  answer: bilingual,
  entities: z.array(id).default([]),
  keywords: bilingualList,
  questions: bilingualList,
  values: z.array(factValueSchema).default([]),
});

/** What a structured value measures, so the core can say "65 more large data centres". */
export const measureSchema = z.object({
  id,
  kind: z.enum(['count', 'rank']),
  label: bilingual,
  /** The counting unit after a number, e.g. 개소 (ko); may be empty for English. */
  unit: z.object({ ko: z.string(), en: z.string() }).default({ ko: '', en: '' }),
});

/**
 * What a chart picture draws: one measure, its rows (entities, in this order) and the axis label. The
 * numbers are never written here: each row's value is read from the `values` of the chart's facts.
 * `periods` names what `before` and `value` stand for (2016 and 2024) when the values carry a before.
 */
export const chartPanelSchema = z.object({
  measure: id,
  entities: z.array(id).min(1, 'list at least one entity'),
  axis: bilingual,
  periods: z.object({ before: bilingual, after: bilingual }, { error: 'must be a map with before and after' }).optional(),
});

export const chartSchema = z.object({ id, caption: bilingual, source: bilingual, panels: z.array(chartPanelSchema).default([]) });
export const topicSchema = z.object({ id, title: bilingual });

export const articleSchema = z.object({
  id,
  outlet: bilingual,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
  title: bilingual,
  writer: bilingual,
  editor: bilingual,
  url: z.string().url().optional(),
  /** The article's text, a file beside the fact file: quotes are checked against it. */
  text: text,
});

export const factFileSchema = z.object({
  article: articleSchema,
  topics: z.array(topicSchema).min(1),
  charts: z.array(chartSchema).default([]),
  measures: z.array(measureSchema).default([]),
  /** Groups of words that mean the same for asking: a fact with one keyword of a group has them all. */
  synonyms: z.array(z.array(text).min(2, 'a synonym group needs at least two words')).default([]),
  facts: z.array(factSchema).min(1),
});

/** Named things a question can be about. Known entities that no fact covers make the bot abstain. */
export const entitySchema = z.object({
  id,
  kind: z.enum(['country', 'region', 'university', 'company', 'product', 'person', 'organisation']),
  names: bilingualList,
});
export const entityFileSchema = z.object({ entities: z.array(entitySchema).min(1) });

export type FactFile = z.infer<typeof factFileSchema>;
export type EntityFile = z.infer<typeof entityFileSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Chart = z.infer<typeof chartSchema>;
export type ChartPanel = z.infer<typeof chartPanelSchema>;
