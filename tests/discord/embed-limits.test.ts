import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { EMBED_LIMITS, embedLength, fitEmbed, truncate } from '../../adapters/discord/embed-limits.ts';

function expectWithinLimits(embed: APIEmbed) {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  for (const f of embed.fields ?? []) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
}

describe('truncate', () => {
  it('leaves text within the limit untouched', () => {
    expect(truncate('중국 데이터센터', 100)).toBe('중국 데이터센터');
  });

  it('cuts long text to the limit and marks the cut with an ellipsis', () => {
    const cut = truncate('a'.repeat(300), 256);
    expect(cut).toHaveLength(256);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits an emoji (a surrogate pair) in half', () => {
    const cut = truncate('😀'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(cut).toBe('😀😀…');
  });
});

describe('fitEmbed', () => {
  it('keeps a normal embed exactly as it is', () => {
    const embed: APIEmbed = { title: 'Q', description: 'A', fields: [{ name: 'Source', value: 'Nature Index' }], footer: { text: 'Newstoday' } };
    expect(fitEmbed(embed)).toEqual(embed);
  });

  it('cuts every part to its own limit and the whole to 6000 characters', () => {
    const huge: APIEmbed = {
      title: 't'.repeat(1000),
      description: 'd'.repeat(10_000),
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`.repeat(200), value: 'v'.repeat(5000) })),
      footer: { text: 'f'.repeat(5000) },
    };
    const fitted = fitEmbed(huge);
    expectWithinLimits(fitted);
    // The answer itself (the description) and the first field (the source) survive.
    expect(fitted.description?.startsWith('ddd')).toBe(true);
    expect(fitted.fields?.[0]?.value.startsWith('vvv')).toBe(true);
  });

  it('drops later fields before cutting into the answer', () => {
    const embed: APIEmbed = {
      description: 'd'.repeat(4000),
      fields: [
        { name: 'Source', value: 's'.repeat(1000) },
        { name: 'Quote', value: 'q'.repeat(1024) },
      ],
    };
    const fitted = fitEmbed(embed);
    expectWithinLimits(fitted);
    expect(fitted.description).toHaveLength(4000);
    expect(fitted.fields?.map((f) => f.name)).toEqual(['Source']);
  });

  it('gives every field a non-empty name and value (Discord rejects empty ones)', () => {
    const fitted = fitEmbed({ fields: [{ name: '', value: '' }] });
    expect(fitted.fields?.[0]).toEqual({ name: '\u200b', value: '\u200b' });
  });

  it('always fits, whatever the sizes of the parts', () => {
    const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
    fc.assert(
      fc.property(
        fc.record({
          title: text(400),
          description: text(6000),
          footer: text(2500),
          fields: fc.array(fc.record({ name: text(300), value: text(1500) }), { maxLength: 30 }),
        }),
        (parts) => {
          const fitted = fitEmbed({ ...parts, footer: { text: parts.footer } });
          expectWithinLimits(fitted);
        },
      ),
      { numRuns: 200 },
    );
  });
});
