// What the share button carries, read back: our own JSON (question and conversation), an older message's
// plain question, or a forged value, which is only ever a question.
import { describe, expect, it } from 'vitest';
import { readShareValue, shareValue } from '../../adapters/slack/share-value.ts';
import { testCore } from './slack-harness.ts';

const core = testCore();

describe('the share button value', () => {
  it('carries the question and the conversation before it, and reads back the same', () => {
    const first = core.ask({ text: '중국 데이터센터 몇 개야?' });
    const second = core.ask({ text: 'How many data centres does Germany have?' }, first.context);
    const value = shareValue('How many data centres does Germany have?', second)!;
    expect(readShareValue(value)).toEqual({ question: 'How many data centres does Germany have?', context: first.context });
  });

  it('reads a plain question (an older message) and a forged value as a question only', () => {
    expect(readShareValue('중국 데이터센터 몇 개야?')).toEqual({ question: '중국 데이터센터 몇 개야?' });
    const forged = JSON.stringify({ q: 'x', c: { turns: [{ entities: 'china', attributes: [], facts: [], answered: true, locale: 'ko' }] } });
    expect(readShareValue(forged)).toEqual({ question: 'x' });
    expect(readShareValue(JSON.stringify({ q: 'x', c: { turns: [{ entities: [], attributes: [], facts: [], answered: true, locale: 'ko', kind: {} }] } }))).toEqual({ question: 'x' });
    expect(readShareValue('{"answer": "China has 1 million data centres"}')).toEqual({ question: '{"answer": "China has 1 million data centres"}' });
  });

  it("drops the conversation, then the button, when they do not fit in Slack's 2,000 characters", () => {
    const answer = core.ask({ text: '중국 데이터센터 몇 개야?' }, core.ask({ text: '독일 데이터센터 몇 개야?' }).context);
    expect(JSON.parse(shareValue('q'.repeat(1_980), answer)!)).toEqual({ q: 'q'.repeat(1_980) });
    expect(shareValue('q'.repeat(2_000), answer)).toBeUndefined();
  });
});
