// What the bot reads as the question in a Slack message.
import { describe, expect, it } from 'vitest';
import { questionText } from '../../adapters/slack/question-text.ts';
import { truncateEscaped } from '../../adapters/slack/escape.ts';

describe('questionText', () => {
  it("strips the bot's own mention, wherever it is and however it is labelled", () => {
    expect(questionText('<@UBOT> 중국 데이터센터 몇 개야?', 'UBOT')).toBe('중국 데이터센터 몇 개야?');
    expect(questionText('How many data centres <@UBOT|factbot> does China have?', 'UBOT')).toBe('How many data centres does China have?');
  });

  it("turns Slack's entities into readable text and undoes its escaping", () => {
    expect(questionText('<@UBOT> <!channel> KAIST &amp; SNU &lt;rank&gt; <#C1|general> <https://x.com|link> <@U2|kim>', 'UBOT')).toBe(
      'channel KAIST & SNU <rank> #general link @kim',
    );
  });

  it('leaves an empty question empty', () => {
    expect(questionText('<@UBOT>', 'UBOT')).toBe('');
    expect(questionText('   ')).toBe('');
  });
});

describe('truncateEscaped', () => {
  it('never cuts an entity or a surrogate pair in half', () => {
    for (let max = 2; max < 12; max++) {
      const cut = truncateEscaped('ab&amp;cd&lt;ef', max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
    expect(truncateEscaped('a😀b', 3)).toBe('a…');
  });
});
