import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType } from 'discord.js';
import { commandData, commands as modules, commandsByName } from '../../adapters/discord/commands/index.ts';
import { testCore } from './bot-harness.ts';

// Discord's rule for command and option names (lower case where the script has case).
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const core = testCore();
const commands = commandData(core);

describe('slash command modules', () => {
  it('are { data, execute } modules, looked up by the name Discord sends', () => {
    for (const m of modules) {
      expect(typeof m.execute).toBe('function');
      expect(m.data(core).name).toBe(m.name);
      expect(commandsByName.get(m.name)).toBe(m);
    }
  });
});

describe('slash command definitions', () => {
  it('define /ask, /chart, /facts and /about', () => {
    expect(commands.map((c) => c.name)).toEqual(['ask', 'chart', 'facts', 'about']);
  });

  it('have valid Korean name and description localisations for every command and option', () => {
    for (const c of commands) {
      const named = [c, ...(c.options ?? [])];
      for (const item of named) {
        expect(item.name).toMatch(NAME);
        expect(item.name_localizations?.ko).toMatch(NAME);
        expect(item.name_localizations?.ko).toMatch(/[가-힣]/);
        expect(item.name_localizations?.ko).toBe(item.name_localizations?.ko?.toLowerCase());
        expect(item.description.length).toBeGreaterThan(0);
        expect(item.description.length).toBeLessThanOrEqual(100);
        expect(item.description_localizations?.ko).toMatch(/[가-힣]/);
        expect(item.description_localizations?.ko?.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('give /ask a required, autocompleted question and an optional private flag', () => {
    const ask = commands.find((c) => c.name === 'ask')!;
    const [question, priv] = ask.options ?? [];
    expect(question).toMatchObject({ name: 'question', type: ApplicationCommandOptionType.String, required: true, autocomplete: true });
    expect(priv).toMatchObject({ name: 'private', type: ApplicationCommandOptionType.Boolean, required: false });
  });

  it('offer the topics as /facts choices, localised in Korean', () => {
    const facts = commands.find((c) => c.name === 'facts')!;
    const topic = facts.options?.[0] as { choices?: { name: string; value: string; name_localizations?: { ko?: string } }[] };
    const en = core.topics('en');
    const ko = core.topics('ko');
    expect(topic.choices?.map((c) => c.value)).toEqual(en.slice(0, 25).map((t) => t.id));
    expect(topic.choices?.map((c) => c.name_localizations?.ko)).toEqual(ko.slice(0, 25).map((t) => t.title));
  });

  it("offer the fact file's charts as /chart's one required choice, captioned in English and Korean", () => {
    const chart = commands.find((c) => c.name === 'chart')!;
    expect(chart.options).toHaveLength(1);
    const option = chart.options![0] as { name: string; required?: boolean; choices?: { name: string; value: string; name_localizations?: { ko?: string } }[] };
    expect(option).toMatchObject({ name: 'chart', required: true });
    const drawn = core.charts().charts;
    expect(option.choices?.map((c) => c.value)).toEqual(['nature-index-2016-2024', 'data-centres-by-country', 'ai-paper-authors-2024']);
    expect(option.choices?.map((c) => c.name)).toEqual(drawn.map((c) => c.caption.en));
    expect(option.choices?.map((c) => c.name_localizations?.ko)).toEqual(drawn.map((c) => c.caption.ko));
  });

  it('work in servers, in DMs with the bot and when installed by a user', () => {
    for (const c of commands) {
      expect(c.contexts).toEqual([0, 1, 2]);
      expect(c.integration_types).toEqual([0, 1]);
    }
  });
});
