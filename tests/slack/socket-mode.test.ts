// The Slack adapter over Socket Mode: the real Bolt Socket Mode client connected to the fake Slack's
// WebSocket (apps.connections.open -> ws:// URL -> hello), events pushed as envelopes, acks read back.
import { afterEach, describe, expect, it } from 'vitest';
import {
  appMention,
  buttonClick,
  directMessage,
  eventBody,
  eventsApiEnvelope,
  interactiveEnvelope,
  messageTs,
  slashCommand,
  slashCommandEnvelope,
} from '../fakes/fake-slack.ts';
import { SHARE_ACTION_ID } from '../../adapters/slack/render-answer.ts';
import { contextTexts, sectionText, startSlackBot, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Slack over Socket Mode', () => {
  it('connects with the app token and reports the connection, with nothing on the HTTP port', async () => {
    h = await startSlackBot({ mode: 'socket' });
    expect(h.bot.mode).toBe('socket');
    expect(h.http.mounted).toEqual([]);
    const open = await h.fake.waitForCall('apps.connections.open');
    expect(open.token).toBe('xapp-test-token');
    expect(h.fake.socketCount).toBe(1);
    expect(h.connection).toContainEqual({ connected: true });
  });

  it('answers a mention pushed over the WebSocket, in its thread, and acks the envelope', async () => {
    h = await startSlackBot({ mode: 'socket' });
    const ts = messageTs();
    const envelope = eventsApiEnvelope(eventBody(appMention({ text: '<@UBOT> 중국 데이터센터 몇 개야?', ts })));
    h.fake.socketSend(envelope);
    await h.fake.waitForAck(String(envelope.envelope_id));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.thread_ts).toBe(ts);
    expect(sectionText(post.body)).toContain('449');
    expect(contextTexts(post.body).join('\n')).toContain('출처: VisualCapitalist');
  });

  it('answers an event redelivered with retry_attempt exactly once, acking both', async () => {
    h = await startSlackBot({ mode: 'socket' });
    const body = eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' }), { eventId: 'Ev0SOCKETRETRY' });
    const first = eventsApiEnvelope(body);
    const retry = eventsApiEnvelope(body, { retryAttempt: 1 });
    h.fake.socketSend(first);
    h.fake.socketSend(retry);
    await h.fake.waitForAck(String(first.envelope_id));
    await h.fake.waitForAck(String(retry.envelope_id));
    await h.fake.waitForCall('chat.postMessage');
    // A later, different event is answered: by then the redelivery has surely been processed.
    const marker = messageTs();
    h.fake.socketSend(eventsApiEnvelope(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?', ts: marker }))));
    await h.fake.waitForCall('chat.postMessage', (c) => c.body.thread_ts === marker);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('answers a DM pushed over the WebSocket', async () => {
    h = await startSlackBot({ mode: 'socket' });
    h.fake.socketSend(eventsApiEnvelope(eventBody(directMessage({ text: 'How many data centres does China have?', channel: 'D0SOCK' }))));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.channel).toBe('D0SOCK');
    expect(sectionText(post.body)).toContain('449');
  });

  it('answers /ask in the envelope ack (ephemeral) and shares on the button', async () => {
    h = await startSlackBot({ mode: 'socket' });
    const command = slashCommandEnvelope(slashCommand({ text: 'How many data centres does China have?', responseUrl: h.fake.responseUrl('cmd') }));
    h.fake.socketSend(command);
    const ack = await h.fake.waitForAck(String(command.envelope_id));
    const payload = ack.payload as { response_type: string; blocks: Array<{ type: string; elements?: Array<{ value?: string }> }> };
    expect(payload.response_type).toBe('ephemeral');
    expect(JSON.stringify(payload.blocks)).toContain('449');
    const value = payload.blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';

    h.fake.socketSend(interactiveEnvelope(buttonClick({ actionId: SHARE_ACTION_ID, value, channel: 'C0SOCK', responseUrl: h.fake.responseUrl('btn') })));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.body.channel).toBe('C0SOCK');
    expect(sectionText(post.body)).toContain('449');
  });

  it('reconnects after Slack drops the connection and keeps answering', async () => {
    h = await startSlackBot({ mode: 'socket' });
    await h.fake.waitForSocket();
    h.fake.dropSockets();
    // A second apps.connections.open and a new socket: the adapter reconnected by itself.
    await h.fake.waitForCall('apps.connections.open', () => (h?.fake.counts.get('apps.connections.open') ?? 0) >= 2);
    await h.fake.waitForSocket();
    h.fake.socketSend(eventsApiEnvelope(eventBody(appMention({ text: '<@UBOT> How many data centres does China have?' }))));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(sectionText(post.body)).toContain('449');
    expect(h.connection.filter((c) => c.connected)).toHaveLength(2);
    expect(h.connection).toContainEqual({ connected: false, reason: 'disconnected' });
  });
});
