// The terminal chart: Unicode block bars in proportion, ranks on a track with 1st at the right, the
// asked rows marked, the same figures and credits as the picture, aligned under Korean names.
import { describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../src/index.ts';
import { cells } from '../../src/charts/text-chart.ts';
import { testCore } from '../helpers/test-context.ts';

const core = testCore();
const charts = createChartRenderer(core);
const text = (id: string, locale: 'ko' | 'en', highlight: string[] = [], width?: number) =>
  charts.text(charts.view(id, locale, highlight)!, width ? { width } : {});
const barCells = (line: string) => [...line].filter((c) => c === '█').length;

describe('the terminal chart', () => {
  it('draws counts as bars in proportion, with every figure and the credits', () => {
    const out = text('data-centres-by-country', 'ko', [], 40);
    const lines = out.split('\n');
    const row = (name: string) => lines.find((l) => l.includes(` ${name} `))!;
    expect(out.split('\n')[0]).toBe('주요국별 대형 데이터 센터 보유수 (2024년 기준)');
    expect(barCells(row('미국'))).toBe(40);
    expect(barCells(row('중국'))).toBe(Math.floor((449 / 5381) * 40 * 8 + 0.5) >> 3);
    for (const figure of ['5,381', '521', '514', '449']) expect(out).toContain(figure);
    expect(out).toContain('자료: VisualCapitalist');
    expect(out).toContain('뉴스투데이, 2025-02-24');
  });

  it('marks the asked rows with ▶ and nothing else', () => {
    const out = text('data-centres-by-country', 'en', ['china', 'uk']);
    const marked = out.split('\n').filter((l) => l.startsWith('▶ '));
    expect(marked).toHaveLength(3); // the key line, China and the UK
    expect(marked.some((l) => l.includes('China'))).toBe(true);
    expect(marked.some((l) => l.includes('UK'))).toBe(true);
    expect(text('data-centres-by-country', 'en')).not.toContain('▶');
  });

  it('puts 1st at the right of a rank track and shows the move: lower is better', () => {
    const out = text('nature-index-2016-2024', 'en');
    const harvard = out.split('\n').find((l) => l.includes('Harvard'))!;
    const kaist = out.split('\n').find((l) => l.includes('KAIST'))!;
    const snu = out.split('\n').find((l) => l.includes('Seoul National University'))!;
    expect(harvard.indexOf('●')).toBeGreaterThan(kaist.indexOf('●'));
    expect(kaist.indexOf('●')).toBeLessThan(kaist.indexOf('○')); // fell: the later rank is further left
    expect(kaist).toContain('60th → 76th ▼16');
    expect(snu).toContain('56th → 54th ▲2');
    expect(out).toContain('1st is best');
  });

  it('aligns the bars under Korean names (two cells a syllable)', () => {
    const out = text('nature-index-2016-2024', 'ko');
    const rows = out.split('\n').filter((l) => /[○●]/.test(l) && !l.includes('2016년'));
    const starts = rows.map((l) => cells(l.slice(0, l.search(/[·●○─]/))));
    expect(new Set(starts).size).toBe(1);
  });

  it('colours the asked rows only when asked to (a TTY)', () => {
    const view = charts.view('data-centres-by-country', 'ko', ['china'])!;
    expect(charts.text(view)).not.toContain('\x1b[');
    expect(charts.text(view, { color: true })).toContain('\x1b[1;33m▶ 중국');
  });
});
