// Turns Slack message text into the question a person typed: the bot's own mention goes, Slack's
// entities become their readable labels, and Slack's escaping of & < > is undone. What comes out is
// plain text for the core; it is escaped again (escape.ts) if any of it is ever echoed back to Slack.
import { unescapeMrkdwn } from './escape.ts';

export function questionText(raw: string, botUserId?: string): string {
  let text = String(raw ?? '');
  if (botUserId) text = text.replace(ownMention(botUserId), ' ');
  // <@U123|name> -> @name, <#C123|general> -> #general, <https://x|label> -> label, <!here> -> here, <https://x> -> https://x
  text = text.replace(/<([^<>]*)>/g, (_m, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (label) return target.startsWith('@') ? `@${label}` : target.startsWith('#') ? `#${label}` : label;
    if (target.startsWith('!')) return target.slice(1).split('^')[0] ?? '';
    return target;
  });
  return unescapeMrkdwn(text).replace(/\s+/g, ' ').trim();
}

// One bot, one id: its mention pattern is built once.
let mentionFor: { id: string; pattern: RegExp } | undefined;
function ownMention(botUserId: string): RegExp {
  if (mentionFor?.id !== botUserId) mentionFor = { id: botUserId, pattern: new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g') };
  return mentionFor.pattern;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
