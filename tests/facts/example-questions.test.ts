// An editor's example question, asked as written, is answered with the fact it was written for when
// several facts could answer it equally well. Real fact files, real matcher.
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/index.ts';

const core = createCore({ answerCacheSize: 0 });

describe('a fact’s own example questions', () => {
  it('pick that fact over one that explains as many of the question’s words', () => {
    // The 2024 top-10 fact also mentions 2016, so it covers this question's words as well as the 2016 fact.
    const a = core.ask({ text: 'Which Chinese university was in the Nature Index top 10 in 2016?' });
    expect(a.facts.map((f) => f.id)).toEqual(['nature-index-peking-2016']);
    expect(a.body).toMatch(/Peking University/);
  });

  it('pick that fact among the facts that give an attribute for no one named', () => {
    // The ranking also gives the world's total, but this question was written for the world-total fact.
    const a = core.ask({ text: 'How many large data centres are there in the world?' });
    expect(a.facts.map((f) => f.id)).toEqual(['data-centres-world']);
    expect(a.body).toMatch(/11,800/);
  });

  it('do not pull a question in other words away from the fact the matcher reads it as', () => {
    // Not an example: the world's count read from the attribute alone stays as it was.
    const a = core.ask({ text: 'how many data centres worldwide in total?' });
    expect(a.answered).toBe(true);
    expect(a.body).toMatch(/11,800/);
  });
});
