// The terminal chat draws the chart an answer's figure comes from, in Unicode block bars under the
// answer (the asked row marked), and "차트 보여줘" / "show the chart" prints the chart of the conversation.
// The real console adapter, the runtime's handle() and the real core; stdin and stdout are streams.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { platform, startConsole } from '../../adapters/console/index.ts';
import type { RunningPlatform } from '../../src/index.ts';
import { captureContext } from '../helpers/test-context.ts';

const open: Array<{ running: RunningPlatform; input: PassThrough; idle: () => Promise<void> }> = [];
afterEach(async () => {
  for (const chat of open.splice(0)) {
    await chat.running.stop();
    await chat.idle();
    chat.input.end();
  }
});

/** A terminal chat; say() types a line and resolves with everything printed for it. */
function chat() {
  const { ctx } = captureContext(platform, { unlimited: true });
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  const waiters: Array<() => void> = [];
  output.on('data', (d: Buffer) => {
    written += d.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  const running = startConsole(ctx, input, output);
  open.push({ running, input, idle: () => ctx.inFlight.idle() });
  return {
    async say(line: string): Promise<string> {
      const before = written.length;
      input.write(`${line}\n`);
      while (written.length === before || !written.endsWith('\n')) await new Promise<void>((resolve) => waiters.push(resolve));
      return written.slice(before);
    },
  };
}

const BAR = /█+[▏▎▍▌▋▊▉]? /u;

describe('the terminal chat', () => {
  it('draws the chart under an answer whose figure comes from one, the asked row marked', async () => {
    const shown = await chat().say('중국 데이터센터 몇 개?');
    const [answer, chart] = shown.split('\n\n', 2);
    expect(answer).toContain('449');
    expect(chart?.split('\n')[0]).toBe('주요국별 대형 데이터 센터 보유수 (2024년 기준)');
    const rows = shown.split('\n').filter((l) => BAR.test(l));
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.startsWith('▶ '))).toMatch(/^▶ 중국\s+█+.* 449$/u);
    expect(rows.filter((r) => r.startsWith('▶ '))).toHaveLength(1);
    // The longest bar is the largest figure (the US's 5,381), the others in proportion.
    const length = (r: string) => (r.match(/█/gu) ?? []).length;
    expect(length(rows[0]!)).toBeGreaterThan(8 * length(rows[3]!));
    expect(shown).toContain('자료: VisualCapitalist');
    // Piped output is plain text: no ANSI colour codes.
    expect(shown).not.toContain('\x1b[');
  });

  it('draws nothing under an answer from the text alone, nor under a refusal', async () => {
    const terminal = chat();
    for (const question of ['문샷 AI 기업가치는?', '오늘 날씨 어때?']) expect(await terminal.say(question)).not.toMatch(BAR);
  });

  it('prints the chart of the previous answer for "차트 보여줘", and the conversation goes on from that answer', async () => {
    const terminal = chat();
    await terminal.say('영국은 중국보다 데이터센터가 몇 개 더 많아?');
    const chart = await terminal.say('차트 보여줘');
    const marked = chart.split('\n').filter((l) => l.startsWith('▶ ') && BAR.test(l));
    expect(marked.map((l) => l.split(/\s+/u)[1])).toEqual(['영국', '중국']);
    // The request is not a turn of the conversation: "그럼 미국은?" still follows the data-centre question.
    const next = await terminal.say('그럼 미국은?');
    expect(next).toContain('5,381');
  });

  it('lists the charts to choose from when it cannot tell which', async () => {
    const shown = await chat().say('show the chart');
    expect(shown).toContain('The article has 3 charts');
    expect(shown.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3);
  });
});
