// /about as an embed: the article (outlet, date, title, writer), what the bot does, how to ask.
import type { APIEmbed } from 'discord.js';
import type { ArticleInfo } from '../../src/index.ts';
import { fitEmbed } from './embed-limits.ts';
import { COLORS } from './render-answer.ts';

export interface AboutOptions {
  article: ArticleInfo;
  factCount: number;
  t: (key: string, vars?: Record<string, unknown>) => string;
}

export function renderAbout({ article, factCount, t }: AboutOptions): APIEmbed {
  return fitEmbed({
    title: article.title,
    ...(article.url ? { url: article.url } : {}),
    description: t('about.description'),
    color: COLORS.answered,
    fields: [
      { name: t('about.outlet'), value: article.outlet, inline: true },
      { name: t('about.date'), value: article.date, inline: true },
      { name: t('about.writer'), value: article.writer, inline: true },
      { name: t('about.howTo'), value: t('about.howToText') },
    ],
    footer: { text: t('about.factCount', { count: factCount }) },
  });
}
