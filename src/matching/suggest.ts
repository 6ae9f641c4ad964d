// Autocomplete: example questions that fit what the user has typed so far, in their language.
// fuse.js over the example questions (and the facts' keywords), plus initial-consonant prefixes (ㄷㅅ).
import Fuse from 'fuse.js';
import type { KnownFact } from '../facts/knowledge.ts';
import type { Locale } from '../types.ts';
import { cleanText, isChoseongQuery, toChoseong } from './text.ts';

interface Entry {
  question: string;
  keywords: string;
  choseong: string;
  order: number;
}

export function createSuggester(facts: KnownFact[]) {
  const byLocale = {} as Record<Locale, { fuse: Fuse<Entry>; entries: Entry[] }>;
  for (const locale of ['ko', 'en'] as const) {
    const entries: Entry[] = [];
    facts.forEach((f) => {
      f.questions[locale].forEach((question, i) => {
        entries.push({
          question,
          keywords: f.keywords[locale].join(' '),
          choseong: locale === 'ko' ? toChoseong(question) : '',
          order: entries.length + i * 10_000, // first example of each fact first
        });
      });
    });
    const fuse = new Fuse(entries, {
      keys: [
        { name: 'question', weight: 2 },
        { name: 'keywords', weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
    });
    byLocale[locale] = { fuse, entries };
  }

  return {
    suggest(partial: string, locale: Locale, limit: number): string[] {
      const { fuse, entries } = byLocale[locale];
      const text = cleanText(partial);
      let found: Entry[];
      if (!text) found = [...entries].sort((a, b) => a.order - b.order);
      else if (isChoseongQuery(text.replace(/\s/g, ''))) {
        const cho = text.replace(/\s/g, '');
        found = entries.filter((e) => e.choseong.includes(cho));
      } else found = fuse.search(text.slice(0, 64), { limit: limit * 2 }).map((r) => r.item);
      const out: string[] = [];
      for (const e of found) {
        if (!out.includes(e.question)) out.push(e.question);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
