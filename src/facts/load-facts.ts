// Loads and validates the fact base from a folder: entities.yaml plus one <article>.yaml per article,
// each with its article text beside it. Any problem throws a FactFileError naming file, fact id and field.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { checkCharts } from './check-charts.ts';
import { checkArticleNumbers } from './check-numbers.ts';
import { FactFileError } from './fact-file-error.ts';
import { parseYamlCached } from './yaml-cache.ts';
import { attributeFileSchema, entityFileSchema, factFileSchema, type Attribute, type Entity, type FactFile } from './schema.ts';

export interface LoadedArticle {
  file: string;
  data: FactFile;
  /** The article's text (the source document), for quote checks. */
  text: string;
}

export interface FactBase {
  articles: LoadedArticle[];
  entities: Entity[];
  /** What people ask about entities (attributes.yaml); empty when the folder has none. */
  attributes: Attribute[];
}

export const ENTITY_FILE = 'entities.yaml';
export const ATTRIBUTE_FILE = 'attributes.yaml';
/** The key in a fact's `answers` for an attribute it gives with no entity named. */
export const ANY_ENTITY = 'any';

export function loadFactBase(dir: string): FactBase {
  if (!existsSync(dir)) throw new FactFileError(dir, ['the facts folder does not exist']);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  if (!files.includes(ENTITY_FILE)) throw new FactFileError(join(dir, ENTITY_FILE), ['file is missing']);
  const entities = parseWith(join(dir, ENTITY_FILE), entityFileSchema).entities;
  const entityIds = new Set(entities.map((e) => e.id));
  const attributes = files.includes(ATTRIBUTE_FILE) ? loadAttributes(join(dir, ATTRIBUTE_FILE)) : [];
  const attributeIds = new Set(attributes.map((a) => a.id));
  const articles = files
    .filter((f) => f !== ENTITY_FILE && f !== ATTRIBUTE_FILE)
    .sort()
    .map((f) => loadArticle(dir, f, entityIds, attributeIds));
  if (articles.length === 0) throw new FactFileError(dir, ['no article fact file (*.yaml) found']);
  const seen = new Map<string, string>();
  for (const a of articles) {
    for (const fact of a.data.facts) {
      const other = seen.get(fact.id);
      if (other) throw new FactFileError(a.file, [`fact "${fact.id}" field id: also used in ${other}`]);
      seen.set(fact.id, a.file);
    }
  }
  return { articles, entities, attributes };
}

function loadAttributes(file: string): Attribute[] {
  const attributes = parseWith(file, attributeFileSchema).attributes;
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const a of attributes) {
    if (ids.has(a.id)) problems.push(`attribute "${a.id}" field id: duplicate id`);
    ids.add(a.id);
    if (a.words.ko.length + a.words.en.length === 0) problems.push(`attribute "${a.id}" field words: needs at least one word`);
  }
  for (const a of attributes) {
    for (const [kind, target] of Object.entries(a.as)) {
      if (!ids.has(target!)) problems.push(`attribute "${a.id}" field as.${kind}: unknown attribute "${target}"`);
    }
  }
  if (problems.length) throw new FactFileError(file, problems);
  return attributes;
}

function loadArticle(dir: string, name: string, entityIds: Set<string>, attributeIds: Set<string>): LoadedArticle {
  const file = join(dir, name);
  const data = parseWith(file, factFileSchema);
  const textFile = join(dir, data.article.text);
  if (!existsSync(textFile)) throw new FactFileError(file, [`article.text: file ${data.article.text} not found beside the fact file`]);
  const text = readFileSync(textFile, 'utf8').normalize('NFC');
  const problems: string[] = [];
  const topics = new Set(data.topics.map((t) => t.id));
  const charts = new Set(data.charts.map((c) => c.id));
  const ids = new Set<string>();
  for (const fact of data.facts) {
    const at = (field: string) => `fact "${fact.id}" field ${field}`;
    if (ids.has(fact.id)) problems.push(`${at('id')}: duplicate id`);
    ids.add(fact.id);
    if (!topics.has(fact.topic)) problems.push(`${at('topic')}: unknown topic "${fact.topic}" (add it under topics)`);
    if (fact.chart && !charts.has(fact.chart)) problems.push(`${at('chart')}: unknown chart "${fact.chart}" (add it under charts)`);
    if (!text.includes(fact.quote.normalize('NFC'))) problems.push(`${at('quote')}: not found verbatim in ${data.article.text}`);
    fact.entities.forEach((e, i) => {
      if (!entityIds.has(e)) problems.push(`${at(`entities[${i}]`)}: unknown entity "${e}" (add it to ${ENTITY_FILE})`);
    });
    fact.values.forEach((v, i) => {
      if (!entityIds.has(v.entity)) problems.push(`${at(`values[${i}].entity`)}: unknown entity "${v.entity}"`);
    });
    for (const [entity, attrs] of Object.entries(fact.answers)) {
      if (entity !== ANY_ENTITY && !entityIds.has(entity)) problems.push(`${at(`answers.${entity}`)}: unknown entity "${entity}" (add it to ${ENTITY_FILE}, or use "${ANY_ENTITY}")`);
      attrs.forEach((a, i) => {
        if (!attributeIds.has(a)) problems.push(`${at(`answers.${entity}[${i}]`)}: unknown attribute "${a}" (add it to ${ATTRIBUTE_FILE})`);
      });
    }
    if (fact.keywords.ko.length + fact.keywords.en.length === 0) problems.push(`${at('keywords')}: needs at least one keyword`);
  }
  // Reasons point at facts of this file, checked once every id is known (a reason may come later in the file).
  for (const fact of data.facts) {
    fact.because.forEach((reason, i) => {
      if (!ids.has(reason)) problems.push(`fact "${fact.id}" field because[${i}]: unknown fact "${reason}" (a fact id of this file)`);
      else if (reason === fact.id) problems.push(`fact "${fact.id}" field because[${i}]: a fact is not its own reason`);
    });
  }
  data.measures.forEach((m) => {
    if (m.attribute && !attributeIds.has(m.attribute)) problems.push(`measure "${m.id}" field attribute: unknown attribute "${m.attribute}" (add it to ${ATTRIBUTE_FILE})`);
    if (m.total && !entityIds.has(m.total)) problems.push(`measure "${m.id}" field total: unknown entity "${m.total}"`);
  });
  // Every number a fact states must be in the article: checked at every load and reload, not only by
  // `npm run facts:check`, so the bot never starts serving a figure the article does not give.
  problems.push(...checkArticleNumbers({ file, data, text }));
  // A chart draws its figures from the facts' values: every row it lists must have one.
  problems.push(...checkCharts(data, entityIds, text));
  if (problems.length) throw new FactFileError(file, problems);
  return { file, data, text };
}

function parseWith<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let raw: unknown;
  try {
    // Parsed once per text and kept as JSON under node_modules/.cache (yaml-cache.ts).
    raw = parseYamlCached(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = err instanceof YAMLParseError ? err.message.split('\n')[0] : String(err);
    throw new FactFileError(file, [`not valid YAML: ${why}`]);
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new FactFileError(file, result.error.issues.slice(0, 20).map((issue) => describeIssue(raw, issue)));
}

/** "facts[3].answer.en: must not be empty" becomes 'fact "dc-china" field answer.en: must not be empty'. */
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (path[0] === 'facts' && path.length >= 2) {
    const index = Number(path[1]);
    const facts = (raw as { facts?: Array<{ id?: unknown }> }).facts;
    const factId = typeof facts?.[index]?.id === 'string' ? `"${facts[index].id}"` : `#${index + 1}`;
    const field = path.slice(2).join('.') || '(the fact itself)';
    return `fact ${factId} field ${field}: ${issue.message}`;
  }
  if (path[0] === 'charts' && path.length >= 2) {
    const chart = (raw as { charts?: Array<{ id?: unknown }> }).charts?.[Number(path[1])];
    const chartId = typeof chart?.id === 'string' ? `"${chart.id}"` : `#${Number(path[1]) + 1}`;
    return `chart ${chartId} field ${path.slice(2).join('.') || '(the chart itself)'}: ${issue.message}`;
  }
  return `field ${path.join('.') || '(top level)'}: ${issue.message}`;
}
