// Charts on Discord, end to end: the real discord.js client answers through the fake REST API, and the
// assertions read the bytes that arrive. The text answer is the first response; the PNG follows as an
// edit of it (multipart: payload_json and files[0]), shown as the embed's image (attachment://<name>),
// its size read from the IHDR chunk. A picture that cannot be drawn or attached costs one warning, never
// the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_WIDTH } from '../../src/charts/chart-option.ts';
import { PNG_SCALE } from '../../src/charts/render-png.ts';
import { PNG_SIGNATURE, pngSize } from '../../src/charts/png-size.ts';
import type { RecordedRequest, SentInteraction } from '../fakes/fake-discord.ts';
import { callbackData, EPHEMERAL, startBot, type BotHarness, type CallbackMessage } from './bot-harness.ts';
import { testCharts } from '../helpers/test-context.ts';

const STRING = 3;
/** The first picture of a worker loads ECharts and draws on a shared 2-core machine. */
const PICTURE_TIMEOUT_MS = 60_000;
const WARN = 40;

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  // Every message, and every edit that attached a picture, pings no one.
  for (const r of bot.fake.requests.filter((r) => r.path.includes('/callback') && callbackData(r.body).embeds)) expect(callbackData(r.body).allowed_mentions?.parse).toEqual([]);
  for (const r of bot.fake.requests.filter((r) => r.method === 'PATCH')) expect((r.body as CallbackMessage).allowed_mentions?.parse).toEqual([]);
  await bot.close();
});

const isEdit = (sent: SentInteraction) => (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${bot.fake.applicationId}/${sent.token}/messages/@original`;

function command(h: BotHarness, name: string, options: { name: string; value: string }[], locale = 'ko', userId?: string): SentInteraction {
  return h.fake.sendCommand({ command: name, locale, options: options.map((o) => ({ ...o, type: STRING })), ...(userId ? { userId } : {}) });
}

/** The PNG that arrived with an edit: its bytes, its size, and how the message shows it. */
function picture(edit: RecordedRequest) {
  expect(edit.files).toHaveLength(1);
  const file = edit.files[0]!;
  // An edit's body is the message itself (a callback's is { type, data }).
  const message = edit.body as CallbackMessage;
  return { file, size: pngSize(file.data), message };
}

describe('an /ask answer whose figure comes from a chart', { timeout: PICTURE_TIMEOUT_MS }, () => {
  it('is the text first, then the chart PNG (China highlighted) as the embed image', async () => {
    const sent = command(bot, 'ask', [{ name: 'question', value: '중국 데이터센터는 몇 개야?' }]);
    const first = await bot.fake.callbackFor(sent);
    expect(first.files).toEqual([]);
    expect(callbackData(first.body).embeds?.[0]?.description).toContain('449');

    const edit = await bot.fake.waitFor(isEdit(sent), PICTURE_TIMEOUT_MS);
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    const { file, size, message } = picture(edit);
    expect(file.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(file.data.toString('ascii', 12, 16)).toBe('IHDR');
    expect(size!.width).toBe(CHART_WIDTH * PNG_SCALE);
    expect(size!.width).toBeGreaterThanOrEqual(600);
    expect(size!.height).toBeGreaterThan(300);
    expect(file.name).toBe('data-centres-by-country.ko.png');
    // The answer is still the answer, now with the picture in its embed.
    const embed = message.embeds?.[0];
    expect(embed?.description).toContain('449');
    expect(embed?.image?.url).toBe('attachment://data-centres-by-country.ko.png');
    expect(message.attachments).toEqual([{ id: 0, filename: 'data-centres-by-country.ko.png', description: expect.stringContaining('중국 449 (질문한 항목)') }]);
    // The asked item in its own colour: the very picture of the highlighted chart, not the plain one.
    const charts = testCharts();
    expect(file.data.equals(await charts.png(charts.view('data-centres-by-country', 'ko', ['china'])!))).toBe(true);
    expect(file.data.equals(await charts.png(charts.view('data-centres-by-country', 'ko')!))).toBe(false);
  });

  it('is sent without waiting for the picture: the edit comes once it is drawn', async () => {
    let release!: () => void;
    const drawn = new Promise<void>((resolve) => (release = resolve));
    const h = await startBot({ charts: (charts) => ({ ...charts, png: async (view) => (await drawn, charts.png(view)) }) });
    try {
      const sent = command(h, 'ask', [{ name: 'question', value: '중국 데이터센터는 몇 개야?' }]);
      const first = await h.fake.callbackFor(sent);
      // The answer itself, as the first response (type 4: not a deferral that waits for something).
      expect((first.body as { type: number }).type).toBe(4);
      expect(callbackData(first.body).embeds?.[0]?.description).toContain('449');
      expect(h.fake.requests.filter(isEdit(sent))).toEqual([]);
      release();
      expect(picture(await h.fake.waitFor(isEdit(sent), PICTURE_TIMEOUT_MS)).file.name).toBe('data-centres-by-country.ko.png');
    } finally {
      release();
      await h.close();
    }
  });

  it('after a deferral, edits the text in first and the picture after', async () => {
    const h = await startBot({
      handle: async (q, _core, runtime) => {
        await new Promise((resolve) => setTimeout(resolve, 1_300)); // a slow conversation store, say
        return runtime(q);
      },
    });
    try {
      const sent = command(h, 'ask', [{ name: 'question', value: '중국 데이터센터는 몇 개야?' }]);
      expect(((await h.fake.callbackFor(sent)).body as { type: number }).type).toBe(5);
      await h.fake.waitFor((r) => isEdit(sent)(r) && r.files.length > 0, PICTURE_TIMEOUT_MS);
      const edits = h.fake.requests.filter(isEdit(sent));
      expect(edits.map((r) => r.files.length)).toEqual([0, 1]);
      expect((edits[0]!.body as CallbackMessage).embeds?.[0]?.description).toContain('449');
      expect((edits[1]!.body as CallbackMessage).embeds?.[0]?.image?.url).toBe('attachment://data-centres-by-country.ko.png');
    } finally {
      await h.close();
    }
  });

  it('lists the charts privately when "show the chart" cannot tell which', async () => {
    const sent = command(bot, 'ask', [{ name: 'question', value: 'show the chart' }], 'en-US', '1400000000000000099');
    const message = callbackData((await bot.fake.callbackFor(sent)).body);
    expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.embeds?.[0]?.description).toContain('The article has 3 charts');
    expect(message.embeds?.[0]?.description?.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3);
  });

  it('keeps a private answer private: the picture is an edit of the ephemeral reply', async () => {
    const sent = bot.fake.sendCommand({
      command: 'ask',
      locale: 'en-US',
      options: [
        { name: 'question', type: STRING, value: 'How many large data centres does Germany have?' },
        { name: 'private', type: 5, value: true },
      ],
    });
    const first = callbackData((await bot.fake.callbackFor(sent)).body);
    expect((first.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const { file } = picture(await bot.fake.waitFor(isEdit(sent), PICTURE_TIMEOUT_MS));
    expect(file.name).toBe('data-centres-by-country.en.png');
  });

  it('carries no picture when the figure comes from the text alone', async () => {
    const sent = command(bot, 'ask', [{ name: 'question', value: '문샷 AI 기업가치는?' }]);
    await bot.fake.callbackFor(sent);
    // The next interaction's answer and picture are a fence: anything for this one would have come first.
    const fence = command(bot, 'chart', [{ name: 'chart', value: 'ai-paper-authors-2024' }]);
    await bot.fake.waitFor(isEdit(fence), PICTURE_TIMEOUT_MS);
    expect(bot.fake.requests.filter(isEdit(sent))).toEqual([]);
  });

  it('"차트 보여줘" after it shows the chart of that answer, highlighted as it was', async () => {
    const user = '1400000000000000077';
    await bot.fake.callbackFor(command(bot, 'ask', [{ name: 'question', value: '영국은 중국보다 데이터센터가 몇 개 더 많아?' }], 'ko', user));
    const sent = command(bot, 'ask', [{ name: 'question', value: '차트 보여줘' }], 'ko', user);
    const text = callbackData((await bot.fake.callbackFor(sent)).body).embeds?.[0];
    expect(text?.title).toBe('주요국별 대형 데이터 센터 보유수 (2024년 기준)');
    expect(text?.description).toContain('영국 514 (질문한 항목)');
    const { file } = picture(await bot.fake.waitFor(isEdit(sent), PICTURE_TIMEOUT_MS));
    const charts = testCharts();
    expect(file.data.equals(await charts.png(charts.view('data-centres-by-country', 'ko', ['china', 'uk'])!))).toBe(true);
  });
});

describe('/chart', { timeout: PICTURE_TIMEOUT_MS }, () => {
  it('shows the chosen chart in the client language: its figures as text, then the PNG', async () => {
    const sent = command(bot, 'chart', [{ name: 'chart', value: 'nature-index-2016-2024' }], 'en-US');
    const first = callbackData((await bot.fake.callbackFor(sent)).body);
    expect((first.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(first.embeds?.[0]?.title).toBe("Nature Index ranking of major countries' universities (2024 vs 2016)");
    expect(first.embeds?.[0]?.description).toContain('Seoul National University 56th → 54th ▲2');
    expect(first.embeds?.[0]?.footer?.text).toContain('Newstoday');

    const { file, size, message } = picture(await bot.fake.waitFor(isEdit(sent), PICTURE_TIMEOUT_MS));
    expect(file.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(size!.width).toBeGreaterThanOrEqual(600);
    expect(file.name).toBe('nature-index-2016-2024.en.png');
    expect(message.embeds?.[0]?.image?.url).toBe('attachment://nature-index-2016-2024.en.png');
  });

  it('answers a chart an older registration offered, and the fact file no longer has, privately', async () => {
    const sent = command(bot, 'chart', [{ name: 'chart', value: 'gone-chart' }], 'en-US');
    const message = callbackData((await bot.fake.callbackFor(sent)).body);
    expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toContain('/chart');
  });
});

describe('a picture that does not arrive', { timeout: PICTURE_TIMEOUT_MS }, () => {
  it('costs one warning when Discord refuses the attachment (413); the text answer stands', async () => {
    const h = await startBot();
    try {
      h.fake.failNext((r) => r.method === 'PATCH' && r.files.length > 0, { status: 413, body: { message: 'Request entity too large', code: 40005 } });
      const sent = command(h, 'ask', [{ name: 'question', value: '중국 데이터센터는 몇 개야?' }]);
      expect(callbackData((await h.fake.callbackFor(sent)).body).embeds?.[0]?.description).toContain('449');
      const refused = await h.fake.waitFor((r) => r.method === 'PATCH' && r.status === 413, PICTURE_TIMEOUT_MS);
      expect(refused.files[0]?.name).toBe('data-centres-by-country.ko.png');
      await h.ctx.inFlight.idle();
      const warnings = h.logs.filter((l) => l.level >= WARN);
      expect(warnings.map((l) => l.msg)).toEqual(['discord: could not attach the chart; the text answer stands']);
      // Refused is final: no second attempt that would replace the answer again.
      expect(h.fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('costs one warning when the chart cannot be drawn; the text answer stands and nothing is edited', async () => {
    const h = await startBot({ charts: (charts) => ({ ...charts, png: () => Promise.reject(new Error('resvg failed')) }) });
    try {
      const sent = command(h, 'ask', [{ name: 'question', value: '중국 데이터센터는 몇 개야?' }]);
      expect(callbackData((await h.fake.callbackFor(sent)).body).embeds?.[0]?.description).toContain('449');
      await h.ctx.inFlight.idle();
      expect(h.logs.filter((l) => l.level >= WARN).map((l) => l.msg)).toEqual(['discord: could not draw the chart; the text answer stands']);
      expect(h.fake.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
