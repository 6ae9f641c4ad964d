import { describe, expect, it } from 'vitest';
import type { Answer, Locale } from '../../src/index.ts';
import { embedLength, EMBED_LIMITS } from '../../adapters/discord/embed-limits.ts';
import { renderAnswer } from '../../adapters/discord/render-answer.ts';
import { renderAbout } from '../../adapters/discord/render-about.ts';
import { renderFacts } from '../../adapters/discord/render-facts.ts';
import { testCore } from './bot-harness.ts';

const core = testCore();
const options = (locale: Locale, question: string) => ({
  question,
  article: core.article(locale),
  t: (key: string, vars?: Record<string, unknown>) => core.t(locale, `discord:${key}`, vars),
});

describe('renderAnswer', () => {
  it('shows the figure, the credited source with the chart caption, and the article in the footer (Korean)', () => {
    const question = '중국 데이터센터는 몇 개야?';
    const answer = core.ask({ text: question, locale: 'ko' });
    const embed = renderAnswer(answer, options('ko', question));
    expect(embed.title).toBe(question);
    expect(embed.description).toContain('449');
    const source = embed.fields?.find((f) => f.name === '출처');
    expect(source?.value).toContain('VisualCapitalist');
    expect(source?.value).toContain('주요국별 대형 데이터 센터 보유수');
    expect(embed.footer?.text).toContain('뉴스투데이');
    expect(embed.footer?.text).toContain('2025-02-24');
  });

  it('answers in English with an English source label and footer', () => {
    const question = 'How many large data centres does China have?';
    const answer = core.ask({ text: question, locale: 'en' });
    const embed = renderAnswer(answer, options('en', question));
    expect(embed.description).toContain('449');
    expect(embed.description).not.toMatch(/[가-힣]/);
    expect(embed.fields?.find((f) => f.name === 'Source')?.value).toContain('VisualCapitalist');
    expect(embed.footer?.text).toContain('Newstoday');
  });

  it('lists the suggestions in an abstention and shows no source', () => {
    const question = 'What will the weather be in Seoul tomorrow?';
    const answer = core.ask({ text: question, locale: 'en' });
    expect(answer.answered).toBe(false);
    const embed = renderAnswer(answer, options('en', question));
    expect(embed.fields?.some((f) => f.name === 'Source')).toBe(false);
    const tryAsking = embed.fields?.find((f) => f.name === 'Try asking');
    expect(tryAsking?.value.split('\n').length).toBe(answer.suggestions.length);
    for (const s of answer.suggestions) expect(tryAsking?.value).toContain(s);
  });

  it('shows the question as a one-line title with its markdown escaped', () => {
    const answer = core.ask({ text: 'China data centres', locale: 'en' });
    const embed = renderAnswer(answer, options('en', '**China**\n\n  data   centres'));
    expect(embed.title).toBe('\\*\\*China\\*\\* data centres');
  });

  it('keeps a synthetic huge answer inside every embed limit', () => {
    const base = core.ask({ text: '중국 데이터센터는 몇 개야?', locale: 'ko' });
    const long = 'x'.repeat(5000);
    const huge: Answer = {
      ...base,
      body: '449 '.repeat(3000),
      citations: Array.from({ length: 30 }, (_, i) => ({ source: `Source ${i} ${long}`, figure: long, article: long, date: '2025-02-24', quote: long })),
    };
    const embed = renderAnswer(huge, { ...options('ko', 'q'.repeat(1000)), article: { ...core.article('ko'), title: long } });
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(embed.title?.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(embed.description?.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer);
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    expect(embed.description?.startsWith('449')).toBe(true);
  });
});

describe('renderFacts', () => {
  it.each(['ko', 'en'] as const)('lists every topic with its example questions (%s)', (locale) => {
    const topics = core.topics(locale);
    const embed = renderFacts({ topics, article: core.article(locale), t: options(locale, '').t });
    expect(embed.fields?.length).toBe(Math.min(topics.length, EMBED_LIMITS.fields));
    for (const topic of topics.slice(0, 24)) {
      const field = embed.fields?.find((f) => f.name.includes(topic.title));
      expect(field).toBeDefined();
      for (const q of topic.examples.slice(0, 3)) expect(field?.value).toContain(q);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  });

  it('shows one topic when asked, and everything with a note for an unknown topic', () => {
    const topics = core.topics('en');
    const first = topics[0]!;
    const one = renderFacts({ topics, topicId: first.id, article: core.article('en'), t: options('en', '').t });
    expect(one.fields).toHaveLength(1);
    expect(one.fields?.[0]?.name).toContain(first.title);
    const unknown = renderFacts({ topics, topicId: 'no-such-topic', article: core.article('en'), t: options('en', '').t });
    expect(unknown.description).toContain("I don't know that topic");
    expect(unknown.fields?.length).toBe(Math.min(topics.length, EMBED_LIMITS.fields));
  });

  it('stays inside the limits with more topics than Discord allows fields', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `t${i}`, title: `Topic ${i}`, factCount: 3, examples: ['x'.repeat(500), 'y'.repeat(500), 'z'.repeat(500)] }));
    const embed = renderFacts({ topics: many, article: core.article('en'), t: options('en', '').t });
    expect(embed.fields?.length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  });
});

describe('renderAbout', () => {
  it.each(['ko', 'en'] as const)('names the article: outlet, date, title, writer (%s)', (locale) => {
    const article = core.article(locale);
    const embed = renderAbout({ article, factCount: core.factCount, t: options(locale, '').t });
    expect(embed.title).toBe(article.title);
    const text = JSON.stringify(embed);
    for (const part of [article.outlet, article.date, article.writer]) expect(text).toContain(part);
    expect(embed.description?.length).toBeGreaterThan(50);
  });
});
