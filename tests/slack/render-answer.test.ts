// The Block Kit renderer: the answer, the citation context, suggestions, limits and escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/index.ts';
import { LIMITS, renderAnswer, SHARE_ACTION_ID } from '../../adapters/slack/render-answer.ts';
import { testCore } from './slack-harness.ts';

const core = testCore();

const base = core.ask({ text: 'How many data centres does China have?' });
function answerWith(overrides: Partial<Answer>): Answer {
  return { ...base, ...overrides };
}

type AnyBlock = { type: string; text?: { text: string }; elements?: Array<{ text?: string | { text: string }; value?: string }> };
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as AnyBlock[];
const sectionTexts = (m: { blocks: unknown[] }) => blocksOf(m).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
const contextTexts = (m: { blocks: unknown[] }) =>
  blocksOf(m).filter((b) => b.type === 'context').flatMap((b) => (b.elements ?? []).map((e) => String(e.text ?? '')));

describe('renderAnswer', () => {
  it('puts the answer in a mrkdwn section and the citation in a context block, with a text fallback', () => {
    const answer = core.ask({ text: '중국 데이터센터 몇 개야?' });
    const message = renderAnswer(answer, core.t);
    expect(blocksOf(message)[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(sectionTexts(message)[0]).toContain('449');
    const [citation] = contextTexts(message);
    expect(citation).toContain('출처: VisualCapitalist');
    expect(citation).toContain('도표: 주요국별 대형 데이터 센터 보유수 (2024년 기준)');
    expect(citation).toContain('기사: 뉴스투데이');
    expect(citation).toContain('(2025-02-24)');
    expect(message.text).toContain('449');
  });

  it('lists the suggestions when the article does not answer', () => {
    const answer = core.ask({ text: 'Who won the World Cup in 2022?' });
    expect(answer.answered).toBe(false);
    const message = renderAnswer(answer, core.t);
    const text = sectionTexts(message).join('\n');
    expect(text).toContain('Questions I can answer:');
    for (const s of answer.suggestions) expect(text).toContain(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(contextTexts(message)).toHaveLength(0);
  });

  it('adds the share button only to a real answer, carrying the question', () => {
    const shared = renderAnswer(answerWith({}), core.t, { shareValue: 'How many data centres does China have?' });
    const button = blocksOf(shared).find((b) => b.type === 'actions')?.elements?.[0] as { action_id?: string; value?: string } | undefined;
    expect(button).toMatchObject({ action_id: SHARE_ACTION_ID, value: 'How many data centres does China have?' });
    const abstained = renderAnswer(core.ask({ text: 'Who won the World Cup in 2022?' }), core.t, { shareValue: 'x' });
    expect(blocksOf(abstained).some((b) => b.type === 'actions')).toBe(false);
  });

  it('escapes &, < and > in fact text, so <!channel> or <@U123> in the data cannot notify anyone', () => {
    const message = renderAnswer(
      answerWith({
        body: 'Tom & Jerry <!channel> <@U123> <!here|here> <!everyone>',
        text: 'Tom & Jerry <!channel> <@U123>',
        citations: [{ source: '<!here> & co', figure: '<@U9>', article: 'A <b>', date: '2025-02-24' }],
      }),
      core.t,
    );
    const shown = JSON.stringify(message);
    expect(shown).not.toMatch(/<[!@#]/);
    expect(sectionTexts(message)[0]).toBe('Tom &amp; Jerry &lt;!channel&gt; &lt;@U123&gt; &lt;!here|here&gt; &lt;!everyone&gt;');
    expect(contextTexts(message)[0]).toContain('&lt;!here&gt; &amp; co');
  });

  it('never lets a control sequence through, whatever the texts hold', () => {
    const text = fc.string({ unit: fc.constantFrom('<', '>', '&', '!', '@', 'U', '|', 'a', '한', ' ', ';', 'l', 't', 'g'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (body, source, suggestion) => {
        const message = renderAnswer(
          answerWith({ body, text: body, answered: false, suggestions: [suggestion], citations: [{ source, article: 'a', date: 'd' }] }),
          core.t,
        );
        const all = [...sectionTexts(message), ...contextTexts(message), message.text].join('\n');
        expect(all).not.toMatch(/[<>]/);
        // Every & starts one of the three entities.
        expect(all.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }),
    );
  });

  it("stays within Slack's limits: section 3000, context 2000, 50 blocks, without cutting an entity", () => {
    const long = '<&>'.repeat(5000);
    const message = renderAnswer(
      answerWith({
        body: long,
        text: long,
        answered: false,
        suggestions: ['x'.repeat(4000)],
        citations: Array.from({ length: 80 }, (_, i) => ({ source: `S${i} ${long}`, article: 'a', date: 'd' })),
      }),
      core.t,
      { sharedBy: { user: 'U1', question: long } },
    );
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const t of sectionTexts(message)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const t of contextTexts(message)) expect(t.length).toBeLessThanOrEqual(LIMITS.contextText);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(sectionTexts(message)[0]).toMatch(/(&amp;|&lt;|&gt;)…$/);
  });

  it('never sends an empty section', () => {
    const message = renderAnswer(answerWith({ body: '', text: '' }), core.t);
    expect(sectionTexts(message)[0]?.length).toBeGreaterThan(0);
  });
});
