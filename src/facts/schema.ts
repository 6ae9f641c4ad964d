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
  /** The article gives a lower bound ("1억달러 이상"): computations with it say "at least". */
  atLeast: z.boolean().optional(),
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
  /**
   * Which attributes (facts/attributes.yaml) the fact gives for which entity: { moonshot-ai: [founder] }.
   * The key `any` is for a fact that answers the attribute with no entity named (what a unicorn is).
   */
  answers: z.record(z.string(), z.array(id)).default({}),
  /** What the figure is as of, when the article says ("1월 기준"): for "언제 기준이야?". */
  asOf: bilingual.optional(),
  /**
   * Facts of the same file that the article gives as the reason for this one ("이러한 상황을 타개하고자"):
   * what a "왜?" after this fact is answered with. Without it, "왜?" is refused, never guessed.
   */
  because: z.array(id).default([]),
});

/** What a structured value measures, so the core can say "65 more large data centres". */
export const measureSchema = z.object({
  id,
  /** count: things counted; rank: places (1 is best); amount: money, with a currency. */
  /** year: when something happened (the earliest, the latest). */
  kind: z.enum(['count', 'rank', 'amount', 'year']),
  /** For amounts: the currency, so figures read as 560만달러 / $5.6 million. */
  currency: z.enum(['USD', 'KRW']).optional(),
  /** The year the values are for, and the year of the `before` values (2024 and 2016): "2016년 순위" needs a before. */
  year: z.number().int().optional(),
  beforeYear: z.number().int().optional(),
  label: bilingual,
  /** The counting unit after a number, e.g. 개소 (ko); may be empty for English. */
  unit: z.object({ ko: z.string(), en: z.string() }).default({ ko: '', en: '' }),
  /** The attribute (facts/attributes.yaml) whose figures these are: "most data centres" reads this measure. */
  attribute: id.optional(),
  /** The entity whose value is the whole (world): shares are taken of it, and it is never "the most". */
  total: id.optional(),
  /** The size of the whole when it is fixed (the top 100): shares are taken of it. */
  outOf: z.number().positive().optional(),
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
  kind: z.enum(['country', 'region', 'university', 'company', 'product', 'person', 'organisation', 'article']),
  names: bilingualList,
  /**
   * An organisation the article credits as a source (Nature Index, Nikkei, CB Insights): naming it says
   * where a figure comes from, not what the question is about ("CB인사이트 기준 문샷 AI 기업가치").
   */
  source: z.boolean().optional(),
  /** How the bot names it inside a sentence when that differs from its first name ("the US"). */
  display: z.object({ ko: z.string().optional(), en: z.string().optional() }).optional(),
  /** A university's or company's country: "중국 대학 중 가장 높은" ranks the Chinese ones only; "which Korean model". */
  country: id.optional(),
});
export const entityFileSchema = z.object({ entities: z.array(entitySchema).min(1) });

/** The kinds of question the matcher tells apart (src/matching/question-kinds.ts reads them). */
export const QUESTION_KINDS = ['count', 'amount', 'when', 'who', 'where', 'which', 'rank', 'age', 'describe', 'change'] as const;

/** What people ask about an entity, and the words they use for it (facts/attributes.yaml). */
export const attributeSchema = z.object({
  id,
  label: bilingual,
  asks: z.array(z.enum(QUESTION_KINDS)).default([]),
  words: bilingualList,
  /** Read as another attribute when the question is of that kind (founded asked with "who" is founder). */
  as: z.partialRecord(z.enum([...QUESTION_KINDS, 'count']), id).default({}),
});
export const attributeFileSchema = z.object({ attributes: z.array(attributeSchema).min(1) });
export type Attribute = z.infer<typeof attributeSchema>;

export type FactFile = z.infer<typeof factFileSchema>;
export type EntityFile = z.infer<typeof entityFileSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Measure = z.infer<typeof measureSchema>;
export type Chart = z.infer<typeof chartSchema>;
export type ChartPanel = z.infer<typeof chartPanelSchema>;
