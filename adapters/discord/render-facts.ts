// /facts as an embed: one field per topic with its example questions, inside Discord's limits
// (25 fields, 1024 per field, 6000 in all: fitEmbed cuts what does not fit).
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { ArticleInfo, TopicSummary } from '../../src/index.ts';
import { EMBED_LIMITS, fitEmbed } from './embed-limits.ts';
import { COLORS } from './render-answer.ts';

export interface FactsOptions {
  topics: TopicSummary[];
  /** Show only this topic (unknown ids show everything, with a note). */
  topicId?: string | null;
  article: ArticleInfo;
  t: (key: string, vars?: Record<string, unknown>) => string;
}

export function renderFacts({ topics, topicId, article, t }: FactsOptions): APIEmbed {
  const chosen = topicId ? topics.filter((x) => x.id === topicId) : [];
  const unknown = Boolean(topicId) && chosen.length === 0;
  const shown = chosen.length > 0 ? chosen : topics;
  // One field is kept for the "and N more" note when there are more topics than fields.
  const room = shown.length > EMBED_LIMITS.fields ? EMBED_LIMITS.fields - 1 : EMBED_LIMITS.fields;
  const fields: APIEmbedField[] = shown.slice(0, room).map((topic) => ({
    name: t('facts.topic', { title: topic.title, count: topic.factCount }),
    value: topic.examples.length > 0 ? topic.examples.map((q) => `• ${q}`).join('\n') : t('facts.noExamples'),
  }));
  if (shown.length > room) fields.push({ name: '\u200b', value: t('facts.more', { count: shown.length - room }) });
  const description = [unknown ? t('facts.unknownTopic') : '', t('facts.description')].filter(Boolean).join('\n\n');
  return fitEmbed({
    title: t('facts.title'),
    description,
    color: COLORS.answered,
    fields,
    footer: { text: t('answer.footer', { outlet: article.outlet, date: article.date, title: article.title }) },
    ...(article.url ? { url: article.url } : {}),
  });
}
