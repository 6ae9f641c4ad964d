// Block Kit for an Answer (pure): a mrkdwn section with the answer, one context block per citation
// (source · chart caption · article and date), the suggestions when the article does not answer, an
// optional "share in channel" button and optional 👍/👎 feedback buttons. Everything not written by this file is escaped, because fact
// text and questions are data, not markup; lengths stay within Slack's limits.
import type { types } from '@slack/bolt';
import { feedbackLabel, type Answer, type Citation, type Core, type VoteValue } from '../../src/index.ts';
import { FEEDBACK_ACTION_IDS } from './feedback-value.ts';
import { escapeMrkdwn, truncateEscaped } from './escape.ts';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Slack's limits (docs.slack.dev/reference/block-kit): section text 3000, context text 2000, 50 blocks. */
export const LIMITS = { sectionText: 3000, contextText: 2000, blocks: 50, buttonValue: 2000, fallbackText: 4000 } as const;

export const SHARE_ACTION_ID = 'share_answer';

export interface SlackMessage {
  /** The notification fallback (and what screen readers use): escaped plain text. */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderExtras {
  /** Add a "share in channel" button with this value (share-value.ts: the question, re-asked on click). */
  shareValue?: string;
  /**
   * Who shared it and the question they asked: a trailing context line. The question is the user's own
   * text, so it goes out as plain_text (no *bold*, `code` or links) with & < > escaped (no mention).
   */
  sharedBy?: { user: string; question: string };
  /** Add 👍/👎 buttons carrying this value (feedback-value.ts: the answer's id in the question log). */
  feedback?: string;
}

export function renderAnswer(answer: Answer, t: Core['t'], extras: RenderExtras = {}): SlackMessage {
  const locale = answer.locale;
  // Slack rejects an empty section text.
  const head: KnownBlock[] = [section(escapeMrkdwn(answer.body || answer.text) || '…')];
  const tail: KnownBlock[] = [];

  // A rate-limit notice asks the user to wait; a list of questions would invite them to ask more now.
  const suggestions = answer.answered || answer.notice === 'rate-limited' ? [] : answer.suggestions;
  if (suggestions.length > 0) {
    const lines = [escapeMrkdwn(t(locale, 'slack:suggestions.title')), ...suggestions.map((s) => `• ${escapeMrkdwn(s)}`)];
    tail.push(section(lines.join('\n')));
  }
  // Only an answer is worth sharing; a shared one always says who shared it; any answer but a notice can be voted on.
  tail.push(
    ...shareBlocks(t, locale, {
      ...(answer.answered && extras.shareValue ? { shareValue: extras.shareValue } : {}),
      ...(extras.sharedBy ? { sharedBy: extras.sharedBy } : {}),
      ...(!answer.notice && extras.feedback ? { feedback: extras.feedback } : {}),
    }),
  );

  // Citations fill whatever room the 50-block limit leaves; an answer cites a handful at most.
  const room = LIMITS.blocks - head.length - tail.length;
  const citations = answer.citations.slice(0, Math.max(0, room)).map((c) => context(citationText(t, locale, c)));
  return {
    text: truncateEscaped(escapeMrkdwn(answer.text), LIMITS.fallbackText),
    blocks: [...head, ...citations, ...tail],
  };
}

/** A citation's context line: source · chart caption · the article (linked when it has a plain URL). */
export function citationText(t: Core['t'], locale: Answer['locale'], c: Citation): string {
  const parts = [escapeMrkdwn(t(locale, 'slack:citation.source', { source: c.source }))];
  if (c.figure) parts.push(escapeMrkdwn(t(locale, 'slack:citation.figure', { figure: c.figure })));
  const article = escapeMrkdwn(t(locale, 'slack:citation.article', { article: c.article, date: c.date }));
  const plain = [...parts, article].join(' · ');
  // A link only for a plain http(s) URL from the fact base (`|` or `>` in it would break the link syntax),
  // and only when it fits: truncation must never cut a link in half.
  const url = c.url ?? '';
  if (!/^https?:\/\/[^\s|<>&]+$/.test(url) || plain.length + url.length + 3 > LIMITS.contextText) return plain;
  return [...parts, `<${url}|${article}>`].join(' · ');
}

export function section(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(mrkdwn, LIMITS.sectionText) } };
}

/** The share button (when its value fits) and the "shared by" line, as `extras` asks. */
export function shareBlocks(t: Core['t'], locale: Answer['locale'], extras: RenderExtras): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const buttons: Button[] = [];
  const share = extras.shareValue;
  if (share && share.length <= LIMITS.buttonValue) {
    buttons.push({ type: 'button', action_id: SHARE_ACTION_ID, text: { type: 'plain_text', text: t(locale, 'slack:share.button').slice(0, 75) }, value: share });
  }
  const feedback = extras.feedback;
  if (feedback && feedback.length <= LIMITS.buttonValue) {
    for (const vote of ['up', 'down'] as VoteValue[]) {
      buttons.push({ type: 'button', action_id: FEEDBACK_ACTION_IDS[vote], text: { type: 'plain_text', emoji: true, text: feedbackLabel(t, locale, vote).slice(0, 75) }, value: feedback });
    }
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  if (extras.sharedBy) blocks.push(sharedByBlock(t, locale, extras.sharedBy));
  return blocks;
}

/** "Shared by @user · Question: <their text>": the mention is ours (mrkdwn), the question plain text. */
function sharedByBlock(t: Core['t'], locale: Answer['locale'], shared: { user: string; question: string }): KnownBlock {
  // The user id comes from Slack's signed payload; anything else is not turned into a mention.
  const user = /^[UW][A-Z0-9]+$/.test(shared.user) ? `<@${shared.user}>` : '';
  const question = oneLine(shared.question);
  return {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: truncateEscaped(escapeMrkdwn(t(locale, 'slack:share.sharedBy', { user: '\u0000' })).replace('\u0000', user), LIMITS.contextText) },
      { type: 'plain_text', emoji: false, text: truncateEscaped(escapeMrkdwn(t(locale, 'slack:share.question', { question })), LIMITS.contextText) },
    ],
  };
}

/** Echoed user text on one line: a code fence or a quote needs line breaks to take effect anywhere. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function context(mrkdwn: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateEscaped(mrkdwn, LIMITS.contextText) }] };
}
