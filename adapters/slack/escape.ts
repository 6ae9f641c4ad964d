// Slack's mrkdwn treats `<...>` as a control sequence (<!channel>, <@U123>, links) and `&` as the start of
// an entity, so anything that did not come from this adapter's own templates is escaped before it is sent.
// Escaping is what guarantees that a question like "<!channel> ..." can never become a live mention.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The reverse of escapeMrkdwn: Slack sends user-typed `&`, `<`, `>` escaped in event text. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Cuts already-escaped text to at most `max` characters (UTF-16 units, as Slack counts), ending in "…".
 * Never cuts inside an entity (&amp;) or a surrogate pair, so the result is still valid, safe mrkdwn.
 */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const amp = text.lastIndexOf('&', end - 1);
  if (amp !== -1 && end - amp < 5 && !text.slice(amp, end).includes(';')) end = amp;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + '…';
}
