// Charts on Slack with the real @slack/bolt app and its Web API client against the fake Slack: the text
// answer is posted first, then the chart goes up through files.uploadV2's flow (files.getUploadURLExternal,
// the bytes to the upload URL, files.completeUploadExternal) into the answer's channel and thread, with
// alt text that lists the figures; the bytes that arrive are a PNG of the chart's size. "차트 보여줘" /
// "show the chart" asks for it, in a thread for the thread's latest answer. A failed upload (missing
// scope, 413, a timeout) logs one warning and the answer stands.
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_WIDTH } from '../../src/charts/chart-option.ts';
import { PNG_SCALE } from '../../src/charts/render-png.ts';
import { PNG_SIGNATURE, pngSize } from '../../src/charts/png-size.ts';
import { appMention, buttonClick, directMessage, eventBody, interactiveEnvelope, messageTs, slashCommand } from '../fakes/fake-slack.ts';
import { testCharts } from '../helpers/test-context.ts';
import { sectionText, startSlackBot, type HarnessOptions, type SlackHarness } from './slack-harness.ts';

/** The first picture in a worker loads ECharts and draws it on a shared 2-core machine. */
const PICTURE_TIMEOUT_MS = 60_000;
const WARN = 40;
const UPLOAD_FAILED = 'slack: could not upload the chart; the text answer stands';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
const start = async (options: HarnessOptions = {}) => (h = await startSlackBot(options));

/** The order of the calls the bot made to Slack, by method. */
const order = (bot: SlackHarness) => bot.fake.calls.map((c) => c.method).filter((m) => m !== 'auth.test');

describe('a Slack answer whose figure comes from a chart', { timeout: PICTURE_TIMEOUT_MS }, () => {
  it('is posted in the thread, then the chart PNG is uploaded into the same channel and thread with the figures as alt text', async () => {
    const bot = await start();
    const ts = messageTs();
    // processBeforeResponse: the response comes once the listener finished, picture included.
    await bot.post(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?', ts, channel: 'C0CHARTS' })));
    expect(order(bot)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal']);
    expect(sectionText(bot.fake.callsTo('chat.postMessage')[0]!.body)).toContain('449');

    const upload = await bot.fake.waitForUpload();
    expect(upload.completed).toMatchObject({ channel: 'C0CHARTS', threadTs: ts, title: '주요국별 대형 데이터 센터 보유수 (2024년 기준)' });
    expect(upload.filename).toBe('data-centres-by-country.ko.png');
    expect(upload.altText).toContain('중국 449 (질문한 항목)');
    expect(upload.altText).toContain('미국 5,381');
    const png = upload.bytes!;
    expect(png.length).toBe(upload.length);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    const size = pngSize(png)!;
    expect(size.width).toBe(CHART_WIDTH * PNG_SCALE);
    expect(size.width).toBeGreaterThanOrEqual(600);
    expect(size.height).toBeGreaterThan(300);
    // China's bar in the highlight colour: the highlighted picture, not the plain one.
    const charts = testCharts();
    expect(png.equals(await charts.png(charts.view('data-centres-by-country', 'ko', ['china'])!))).toBe(true);
    expect(bot.logs.filter((l) => l.level >= WARN)).toEqual([]);
  });

  it('is posted without waiting for the picture: the upload starts only once it is drawn', async () => {
    let release!: () => void;
    const drawn = new Promise<void>((resolve) => (release = resolve));
    const charts = testCharts();
    const bot = await start({ charts: { ...charts, png: async (view) => (await drawn, charts.png(view)) } });
    const posting = bot.post(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?', channel: 'C0SLOW' })));
    const post = await bot.fake.waitForCall('chat.postMessage');
    expect(sectionText(post.body)).toContain('449');
    expect(bot.fake.uploads).toEqual([]);
    release();
    await posting;
    expect((await bot.fake.waitForUpload()).completed?.channel).toBe('C0SLOW');
  });

  it('goes into a DM too (no thread), and nothing is uploaded for a figure from the text alone', async () => {
    const bot = await start();
    await bot.post(eventBody(directMessage({ text: 'How many large data centres does Germany have?', channel: 'D0CHARTS' })));
    const upload = await bot.fake.waitForUpload();
    expect(upload.completed).toEqual({ channel: 'D0CHARTS', title: 'Large data centres by country (2024)' });
    expect(upload.filename).toBe('data-centres-by-country.en.png');
    await bot.post(eventBody(directMessage({ text: 'What is Moonshot AI valued at?', channel: 'D0CHARTS' })));
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(bot.fake.uploads).toHaveLength(1);
  });
});

describe('"차트 보여줘" / "show the chart" on Slack', { timeout: PICTURE_TIMEOUT_MS }, () => {
  it("in a thread, uploads the chart of the thread's latest answer, highlighted as it was, after its figures in words", async () => {
    const bot = await start();
    const thread = messageTs();
    await bot.post(eventBody(appMention({ text: '<@UBOT> 영국은 중국보다 데이터센터가 몇 개 더 많아?', ts: thread, channel: 'C0THREAD' })));
    await bot.post(eventBody(appMention({ text: '<@UBOT> 차트 보여줘', threadTs: thread, channel: 'C0THREAD' })));
    const posts = bot.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body.thread_ts).toBe(thread);
    expect(sectionText(posts[1]!.body)).toContain('영국 514 (질문한 항목)');
    expect(sectionText(posts[1]!.body)).toContain('중국 449 (질문한 항목)');
    expect(bot.fake.uploads).toHaveLength(2);
    const requested = bot.fake.uploads[1]!;
    expect(requested.completed).toMatchObject({ channel: 'C0THREAD', threadTs: thread });
    const charts = testCharts();
    expect(requested.bytes!.equals(await charts.png(charts.view('data-centres-by-country', 'ko', ['china', 'uk'])!))).toBe(true);
  });

  it('names the chart asked for by its words ("show me the Nature Index chart")', async () => {
    const bot = await start();
    await bot.post(eventBody(appMention({ text: '<@UBOT> show me the Nature Index chart', channel: 'C0NAMED' })));
    const upload = await bot.fake.waitForUpload();
    expect(upload.filename).toBe('nature-index-2016-2024.en.png');
    expect(pngSize(upload.bytes!)!.width).toBeGreaterThanOrEqual(600);
  });

  it('lists the charts when it cannot tell which, and uploads nothing', async () => {
    const bot = await start();
    await bot.post(eventBody(appMention({ text: '<@UBOT> show the chart', channel: 'C0CHOOSE' })));
    const text = sectionText(bot.fake.callsTo('chat.postMessage')[0]!.body);
    expect(text).toContain('The article has 3 charts');
    expect(text.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3);
    expect(bot.fake.uploads).toEqual([]);
  });

  it('with /ask, answers privately in words (Slack has no private files) and uploads the picture when shared', async () => {
    const bot = await start({ mode: 'socket' });
    await bot.fake.waitForSocket();
    const responseUrl = bot.fake.responseUrl();
    bot.fake.socketSend({ envelope_id: 'env-chart-ask', type: 'slash_commands', payload: slashCommand({ text: '데이터센터 차트 보여줘', responseUrl, channel: 'C0SHARE' }), accepts_response_payload: true });
    const ack = await bot.fake.waitForAck('env-chart-ask');
    const reply = ack.payload as { response_type: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ value?: string }> }> };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]?.text?.text).toContain('미국 5,381');
    expect(bot.fake.uploads).toEqual([]);
    const value = reply.blocks.find((b) => b.type === 'actions')!.elements![0]!.value!;

    bot.fake.socketSend(interactiveEnvelope(buttonClick({ actionId: 'share_answer', value, responseUrl, channel: 'C0SHARE' })));
    const upload = await bot.fake.waitForUpload(undefined, PICTURE_TIMEOUT_MS);
    expect(upload.completed).toEqual({ channel: 'C0SHARE', title: '주요국별 대형 데이터 센터 보유수 (2024년 기준)' });
    expect(pngSize(upload.bytes!)!.width).toBeGreaterThanOrEqual(600);
    const shared = bot.fake.callsTo('chat.postMessage')[0]!;
    expect(shared.body.channel).toBe('C0SHARE');
    expect(bot.fake.calls.findIndex((c) => c.method === 'chat.postMessage')).toBeLessThan(bot.fake.calls.findIndex((c) => c.method === 'files.getUploadURLExternal'));
  });
});

describe('a chart upload that fails', { timeout: PICTURE_TIMEOUT_MS }, () => {
  const mention = (bot: SlackHarness) => bot.post(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?', channel: 'C0FAIL' })));
  const warnings = (bot: SlackHarness) => bot.logs.filter((l) => l.level >= WARN);

  it('for a missing files:write scope: one warning naming the fix, and the answer stands', async () => {
    const bot = await start({
      fake: { reply: (method) => (method === 'files.getUploadURLExternal' ? { ok: false, error: 'missing_scope', needed: 'files:write', provided: 'app_mentions:read,chat:write,commands,im:history' } : undefined) },
    });
    await mention(bot);
    expect(sectionText(bot.fake.callsTo('chat.postMessage')[0]!.body)).toContain('449');
    expect(warnings(bot).map((l) => l.msg)).toEqual([UPLOAD_FAILED]);
    expect(warnings(bot)[0]).toMatchObject({ code: 'missing_scope', fix: expect.stringContaining('files:write') });
    expect(bot.fake.callsTo('files.completeUploadExternal')).toEqual([]);
    // The user is not told about an error: they have their answer.
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('for a file Slack refuses as too large (HTTP 413): one warning, and the answer stands', async () => {
    const bot = await start({ fake: { uploadStatus: () => 413 } });
    await mention(bot);
    expect(sectionText(bot.fake.callsTo('chat.postMessage')[0]!.body)).toContain('449');
    expect(warnings(bot).map((l) => l.msg)).toEqual([UPLOAD_FAILED]);
    expect(JSON.stringify(warnings(bot)[0])).toContain('413');
    // Not retried, and never shared.
    expect(bot.fake.callsTo('file_upload')).toHaveLength(1);
    expect(bot.fake.callsTo('files.completeUploadExternal')).toEqual([]);
    expect(bot.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('for an upload that times out: one warning, and the answer stands', async () => {
    const bot = await start({ chartUploadTimeoutMs: 500, fake: { latencyMs: (method) => (method === 'file_upload' ? 3_000 : 0) } });
    await mention(bot);
    expect(sectionText(bot.fake.callsTo('chat.postMessage')[0]!.body)).toContain('449');
    expect(warnings(bot).map((l) => l.msg)).toEqual([UPLOAD_FAILED]);
    expect(JSON.stringify(warnings(bot)[0])).toMatch(/time|abort/i);
    expect(bot.fake.callsTo('file_upload')).toHaveLength(1);
    expect(bot.fake.callsTo('files.completeUploadExternal')).toEqual([]);
  });

  it('for a chart that cannot be drawn: one warning, and nothing is uploaded', async () => {
    const bot = await start({ charts: { ...testCharts(), png: () => Promise.reject(new Error('resvg failed')) } });
    await mention(bot);
    expect(sectionText(bot.fake.callsTo('chat.postMessage')[0]!.body)).toContain('449');
    expect(warnings(bot).map((l) => l.msg)).toEqual([UPLOAD_FAILED]);
    expect(bot.fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });
});
