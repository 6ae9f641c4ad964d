// The charts are drawn from the fact file: each panel's rows are the facts' structured values (never
// numbers typed in code), in the order the chart section lists them; a broken chart section is
// refused at load, naming the file, the chart and the field.
import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadFactBase } from '../../src/facts/load-facts.ts';
import { FactFileError } from '../../src/facts/fact-file-error.ts';
import { testCore } from '../helpers/test-context.ts';
import { copyFacts, type FactCopy } from '../runtime/fact-fixture.ts';

const core = testCore();
const book = core.charts();

describe('the chart book', () => {
  it('has the article three charts, each with at least one panel', () => {
    expect(book.charts.map((c) => c.id)).toEqual(['nature-index-2016-2024', 'data-centres-by-country', 'ai-paper-authors-2024']);
    for (const chart of book.charts) expect(chart.panels.length).toBeGreaterThan(0);
  });

  it('reads each row from the values of the facts that cite the chart', () => {
    const dc = book.byId.get('data-centres-by-country')!.panels[0]!;
    expect(dc.rows.map((r) => [r.entity, r.value])).toEqual([
      ['us', 5381],
      ['germany', 521],
      ['uk', 514],
      ['china', 449],
    ]);
    expect(dc.rows.find((r) => r.entity === 'china')!.facts).toContain('data-centres-china');
    const ranks = book.byId.get('nature-index-2016-2024')!.panels.find((p) => p.measure === 'nature-index-rank')!;
    expect(ranks.kind).toBe('rank');
    expect(ranks.rows.find((r) => r.entity === 'snu')).toMatchObject({ before: 56, value: 54, name: { ko: '서울대' } });
    expect(ranks.rows.find((r) => r.entity === 'kaist')).toMatchObject({ before: 60, value: 76 });
    expect(ranks.rows.find((r) => r.entity === 'harvard')!.before).toBeUndefined();
  });

  it('is the same object until a reload', () => {
    expect(core.charts()).toBe(book);
  });
});

describe('a broken chart section', () => {
  let facts: FactCopy | undefined;
  afterEach(() => {
    if (facts) rmSync(facts.dir, { recursive: true, force: true });
    facts = undefined;
  });

  type PanelYaml = { measure: string; entities: string[]; axis: { ko?: string; en?: string }; periods?: { before: { ko: string } } };
  type ChartYaml = { id: string; panels: PanelYaml[] };

  function loadWith(edit: (charts: ChartYaml[]) => void): FactFileError {
    facts = copyFacts();
    const data = parse(facts.original) as { charts: ChartYaml[] };
    edit(data.charts);
    writeFileSync(facts.file, stringify(data));
    try {
      loadFactBase(facts.dir);
    } catch (err) {
      if (err instanceof FactFileError) return err;
      throw err;
    }
    throw new Error('the broken chart section loaded');
  }

  it('names a row that no fact gives a figure for', () => {
    const err = loadWith((charts) => charts.find((c) => c.id === 'data-centres-by-country')!.panels[0]!.entities.push('japan'));
    expect(err.message).toContain('chart "data-centres-by-country" field panels[0].entities[4]');
    expect(err.message).toContain('japan');
  });

  it('names an unknown measure', () => {
    const err = loadWith((charts) => (charts[0]!.panels[0]!.measure = 'nature-index-rnk'));
    expect(err.message).toContain('field panels[0].measure: unknown measure "nature-index-rnk"');
  });

  it('asks for periods when the figures have a before value', () => {
    const err = loadWith((charts) => delete charts[0]!.panels[0]!.periods);
    expect(err.message).toContain('chart "nature-index-2016-2024" field panels[0].periods');
  });

  it('refuses a number in a Korean label that the article does not give', () => {
    const err = loadWith((charts) => (charts[0]!.panels[0]!.periods!.before.ko = '2018년'));
    expect(err.message).toContain('field panels[0].periods.before.ko: number 2018 not found in the article');
  });

  it('names the chart for a schema error', () => {
    const err = loadWith((charts) => (charts[1]!.panels[0]!.axis = { ko: '수' }));
    expect(err.message).toContain('chart "data-centres-by-country" field panels.0.axis.en');
  });
});
