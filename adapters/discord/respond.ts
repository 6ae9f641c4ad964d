// Answering an interaction in time, whatever Discord's API is doing. Discord drops an interaction that
// gets no first response within 3 s, and after that only the webhook (15 minutes) can carry the answer.
// discord.js's own reply retries a 5xx three times at once and waits out a 429 however long it is, so
// a reply could land after the window (useless) or hammer a failing API. Here:
// - the answer goes out as the first response (one request) when it is ready within DEFER_AFTER_MS;
// - otherwise, or when that request fails with a 5xx, a 429 or a network error, the interaction is
//   acknowledged with a deferral (type 5: a small request) as long as ACK_WINDOW_MS allows, with
//   backoff between attempts and a 429's wait honoured only if it fits the window;
// - a deferred answer is then delivered by editing the original response through the webhook, with
//   backoff, waiting out 429s (the webhook token lives 15 minutes);
// - a chart picture comes after the text: once the answer is delivered, the original response is edited
//   again with the PNG attached (multipart). A picture that cannot be drawn or attached logs one warning
//   and the text answer stands.
// Requests go through a REST client of their own with no automatic retries: each retry is decided here.
import {
  DiscordAPIError,
  InteractionResponseType,
  MessageFlags,
  MessagePayload,
  RateLimitError,
  REST,
  RESTJSONErrorCodes,
  Routes,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIEmbed,
  type AttachmentBuilder,
  type RawFile,
} from 'discord.js';
import { errorForLog, type Logger } from '../../src/index.ts';

/** Discord's window for the first response is 3 s; this leaves room for the request to travel. */
const ACK_WINDOW_MS = 2_500;
/** An answer not ready by then is deferred (the core answers in microseconds; a slow store is the reason). */
const DEFER_AFTER_MS = 1_000;
/** Waits between attempts at the first response: short, the window is short. */
const ACK_BACKOFF_MS = [150, 450, 900];
/** Waits between attempts at editing a deferred answer (the webhook token lives 15 minutes). */
const EDIT_BACKOFF_MS = [500, 2_000, 5_000, 10_000];
/** The longest 429 wait honoured for an edit; a longer one gives up (logged). */
const MAX_EDIT_RATE_LIMIT_WAIT_MS = 30_000;
/** One request may take this long before it counts as failed. */
const REQUEST_TIMEOUT_MS = 5_000;

/** What an interaction is answered with. Every message pings no one (allowed_mentions.parse = []). */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  /** Buttons under the message (👍/👎). */
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Only the asker sees it. */
  ephemeral?: boolean;
  /** Files sent with the message (an embed shows one with image.url = attachment://<its name>). */
  files?: AttachmentBuilder[];
  /**
   * The same message with its chart attached, edited in once the text is delivered (text first, picture
   * after). Rejects when the picture cannot be drawn: the text answer then stands, with one warning.
   */
  picture?: () => Promise<Reply>;
}

export interface InteractionRef {
  id: string;
  token: string;
  applicationId: string;
}

export interface Responder {
  /**
   * Answers with what `produce` resolves to (it must not reject), within Discord's window: directly when
   * it is quick, otherwise deferred and then edited. `ephemeral` is used for a deferral made before the
   * reply is known. When Discord refuses the reply itself (a 4xx: a message it will not take),
   * `refusedReply` is sent instead. Never rejects; failures are logged.
   */
  answer(interaction: InteractionRef, receivedAt: number, produce: Promise<Reply>, options: { ephemeral: boolean; refusedReply: Reply }): Promise<void>;
  /** Autocomplete choices (type 8): it cannot be deferred, so one attempt and one retry inside the window. */
  choices(interaction: InteractionRef, receivedAt: number, choices: APIApplicationCommandOptionChoice[]): Promise<void>;
}

type Outcome = 'sent' | 'already-acknowledged' | { retryAfterMs?: number; error: unknown } | 'refused';

export function createResponder(apiBase: string, logger: Logger, sleep = defaultSleep): Responder {
  const rest = new REST({ api: apiBase, retries: 0, rejectOnRateLimit: () => true, timeout: REQUEST_TIMEOUT_MS });

  async function callback(ref: InteractionRef, body: unknown, files?: RawFile[]): Promise<Outcome> {
    try {
      await rest.post(Routes.interactionCallback(ref.id, ref.token), { body, auth: false, ...(files?.length ? { files } : {}) });
      return 'sent';
    } catch (err) {
      return classify(err);
    }
  }

  /** The first response, retried with backoff while the window lasts; `first` is an attempt already made. */
  async function acknowledge(ref: InteractionRef, deadline: number, body: unknown, first?: Outcome): Promise<'sent' | 'already-acknowledged' | 'failed'> {
    let outcome = first ?? (await callback(ref, body));
    for (let attempt = 0; ; attempt++) {
      if (outcome === 'sent' || outcome === 'already-acknowledged') return outcome;
      if (outcome === 'refused' || attempt >= ACK_BACKOFF_MS.length) break;
      const wait = outcome.retryAfterMs ?? ACK_BACKOFF_MS[attempt]!;
      if (Date.now() + wait >= deadline) break;
      await sleep(wait);
      outcome = await callback(ref, body);
    }
    logger.warn({ interactionId: ref.id, err: typeof outcome === 'object' ? errorForLog(outcome.error) : outcome }, 'discord: could not acknowledge the interaction within 3 s');
    return 'failed';
  }

  /** Edits the original response, with backoff; false (and one warning, `failure`) when it never got through. */
  async function editOriginal(ref: InteractionRef, reply: Reply, failure = 'discord: could not deliver the deferred answer'): Promise<boolean> {
    const body = messageData(reply, false);
    const files = await rawFiles(reply);
    for (let attempt = 0; ; attempt++) {
      let outcome: Outcome;
      try {
        await rest.patch(Routes.webhookMessage(ref.applicationId, ref.token, '@original'), { body, auth: false, ...(files.length > 0 ? { files } : {}) });
        return true;
      } catch (err) {
        outcome = classify(err);
      }
      if (outcome === 'sent' || outcome === 'already-acknowledged') return true;
      const wait = outcome === 'refused' ? undefined : (outcome.retryAfterMs ?? EDIT_BACKOFF_MS[attempt]);
      if (wait === undefined || attempt >= EDIT_BACKOFF_MS.length || wait > MAX_EDIT_RATE_LIMIT_WAIT_MS) {
        logger.warn({ interactionId: ref.id, err: typeof outcome === 'object' ? errorForLog(outcome.error) : outcome }, failure);
        return false;
      }
      await sleep(wait);
    }
  }

  /** After the text is delivered: the message again with its picture. Never rejects; one warning on failure. */
  async function attachPicture(ref: InteractionRef, reply: Reply): Promise<void> {
    if (!reply.picture) return;
    let pictured: Reply;
    try {
      pictured = await reply.picture();
    } catch (err) {
      logger.warn({ interactionId: ref.id, err: errorForLog(err) }, 'discord: could not draw the chart; the text answer stands');
      return;
    }
    await editOriginal(ref, pictured, 'discord: could not attach the chart; the text answer stands');
  }

  return {
    async answer(ref, receivedAt, produce, { ephemeral, refusedReply }) {
      const deadline = receivedAt + ACK_WINDOW_MS;
      let reply: Reply | undefined;
      const produced = produce.then((r) => (reply = r));
      const quick = await Promise.race([produced.then(() => true), sleep(Math.max(0, receivedAt + DEFER_AFTER_MS - Date.now())).then(() => false)]);
      if (quick && reply) {
        const direct = await callback(ref, { type: InteractionResponseType.ChannelMessageWithSource, data: messageData(reply, true) }, await rawFiles(reply));
        if (direct === 'sent' || direct === 'already-acknowledged') return attachPicture(ref, reply);
        if (direct === 'refused') {
          logger.warn({ interactionId: ref.id }, 'discord refused the answer; sending the error reply instead');
          const fallback = await callback(ref, { type: InteractionResponseType.ChannelMessageWithSource, data: messageData(refusedReply, true) });
          if (fallback !== 'sent') logger.warn({ interactionId: ref.id }, 'discord: could not tell the user about an error');
          return;
        }
        // The answer did not get through: after a pause, acknowledge with a deferral while there is time, then edit.
        const acked = await acknowledge(ref, deadline, deferral(reply.ephemeral ?? false), direct);
        if (acked === 'sent' && (await editOriginal(ref, reply))) await attachPicture(ref, reply);
        return;
      }
      const acked = await acknowledge(ref, deadline, deferral(ephemeral));
      await produced;
      if (acked === 'sent' && reply && (await editOriginal(ref, reply))) await attachPicture(ref, reply);
    },
    async choices(ref, receivedAt, choices) {
      const body = { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
      const first = await callback(ref, body);
      if (first === 'sent' || first === 'already-acknowledged' || first === 'refused') return;
      const wait = first.retryAfterMs ?? ACK_BACKOFF_MS[0]!;
      if (Date.now() + wait < receivedAt + ACK_WINDOW_MS) {
        await sleep(wait);
        if ((await callback(ref, body)) === 'sent') return;
      }
      logger.debug({ interactionId: ref.id }, 'discord: autocomplete choices not delivered');
    },
  };
}

function deferral(ephemeral: boolean) {
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} };
}

/**
 * The message as Discord's API takes it; flags only on a first response (an edit cannot change them).
 * Files are described by position (attachments[n] is files[n]), with their alt text.
 */
export function messageData(reply: Reply, withFlags: boolean) {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    ...(reply.embeds ? { embeds: reply.embeds } : {}),
    ...(reply.components ? { components: reply.components } : {}),
    ...(reply.files?.length
      ? { attachments: reply.files.map((f, i) => ({ id: i, filename: f.name ?? `file-${i}.png`, ...(f.description ? { description: f.description } : {}) })) }
      : {}),
    allowed_mentions: { parse: [] },
    ...(withFlags && reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** What a failed request means for retrying: transient (5xx, 429, network, timeout) or refused (other 4xx). */
function classify(err: unknown): Outcome {
  if (err instanceof RateLimitError) return { retryAfterMs: err.retryAfter, error: err };
  if (err instanceof DiscordAPIError) {
    if (err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) return 'already-acknowledged';
    return err.status >= 500 ? { error: err } : 'refused';
  }
  return { error: err };
}

/** The reply's files as the REST client sends them (name, bytes, content type). */
function rawFiles(reply: Reply): Promise<RawFile[]> {
  return Promise.all((reply.files ?? []).map((f) => MessagePayload.resolveFile({ attachment: f.attachment, ...(f.name ? { name: f.name } : {}) })));
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
