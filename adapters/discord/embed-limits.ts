// Discord rejects a message whose embed is over its limits (and the user then sees nothing), so every
// embed passes through fitEmbed before it is sent. Lengths are counted in UTF-16 code units, which is
// never less than Discord's character count, and a cut never splits a surrogate pair.
import type { APIEmbed, APIEmbedField } from 'discord.js';

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
} as const;

/** Discord's other limits: choices per option (autocomplete and fixed), a choice's name and value, a description. */
export const DISCORD_LIMITS = { choices: 25, choiceLength: 100, description: 100, optionLength: 1000 } as const;

const ELLIPSIS = '…';

/** `text` cut to at most `max` UTF-16 units, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep a surrogate pair whole
  return text.slice(0, Math.max(cut, 0)) + ELLIPSIS;
}

/** The characters Discord counts towards the 6000 total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * The embed within every Discord limit. Each part is cut to its own limit first; if the whole is still
 * over 6000, it gives up, in order: later fields (the first one, the source, is kept longest), the
 * description's tail, the footer, the title, and finally the first field.
 */
export function fitEmbed(embed: APIEmbed, maxTotal: number = EMBED_LIMITS.total): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, EMBED_LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, EMBED_LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, EMBED_LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, EMBED_LIMITS.author) };
  if (out.fields) out.fields = out.fields.slice(0, EMBED_LIMITS.fields).map(fitField);

  const over = () => embedLength(out) - maxTotal;
  while (over() > 0 && out.fields && out.fields.length > 1) out.fields = out.fields.slice(0, -1);
  if (over() > 0 && out.description) out.description = shrink(out.description, over());
  if (over() > 0 && out.footer) out.footer = { ...out.footer, text: shrink(out.footer.text, over()) };
  if (over() > 0 && out.title) out.title = shrink(out.title, over());
  if (over() > 0 && out.fields) out.fields = [];
  if (out.fields?.length === 0) delete out.fields;
  if (out.description === '') delete out.description;
  if (out.title === '') delete out.title;
  if (out.footer?.text === '') delete out.footer;
  return out;
}

function fitField(field: APIEmbedField): APIEmbedField {
  // Discord rejects empty field names and values.
  return { ...field, name: truncate(field.name, EMBED_LIMITS.fieldName) || '\u200b', value: truncate(field.value, EMBED_LIMITS.fieldValue) || '\u200b' };
}

function shrink(text: string, by: number): string {
  return truncate(text, Math.max(text.length - by, 0));
}
