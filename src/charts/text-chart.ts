// The chart for a terminal: Unicode block bars (eighth blocks, so 521 and 514 differ), ranks on a
// track with 1st at the right (○ earlier rank, ● later rank), the asked rows marked ▶. Same strings as
// the picture (localise-chart.ts). Optional ANSI colour for the asked rows when the output is a TTY.
import type { LocalisedChart, LocalisedPanel, LocalisedRow } from './localise-chart.ts';

export interface TextChartOptions {
  /** Cells of the longest bar or of a rank track (default 32). */
  width?: number;
  /** Colour the asked rows (ANSI bold yellow); for terminals only. */
  color?: boolean;
}

const DEFAULT_WIDTH = 32;
/** Long English names (University of Chinese Academy of Sciences) are cut here to keep rows on one line. */
const MAX_NAME_CELLS = 26;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const MARK = '▶ ';
const NO_MARK = '  ';

export function textChart(chart: LocalisedChart, options: TextChartOptions = {}): string {
  const width = Math.max(8, Math.min(options.width ?? DEFAULT_WIDTH, 120));
  const paint = options.color ? (s: string) => `\x1b[1;33m${s}\x1b[0m` : (s: string) => s;
  const lines = [chart.title];
  if (chart.highlight.length > 0) lines.push(`${MARK}= ${chart.asked}`);
  for (const panel of chart.panels) {
    lines.push('', panelHeading(panel));
    const nameCells = Math.min(MAX_NAME_CELLS, Math.max(...panel.rows.map((r) => cells(r.name))));
    const name = (r: LocalisedRow) => padEnd(cut(r.name, nameCells), nameCells);
    const rowLines = panel.kind === 'rank' ? rankRows(panel, width, name) : countRows(panel, width, name, nameCells);
    panel.rows.forEach((row, i) => {
      for (const [j, line] of rowLines[i]!.entries()) {
        const text = (j === 0 && row.highlighted ? MARK : NO_MARK) + line;
        lines.push(row.highlighted ? paint(text) : text);
      }
    });
  }
  lines.push('', `${chart.sourceLine} · ${chart.articleLine}`);
  return lines.map((l) => l.trimEnd()).join('\n');
}

function panelHeading(panel: LocalisedPanel): string {
  if (!panel.periods) return panel.axis;
  const key = panel.kind === 'rank' ? `○ ${panel.periods.before}  ● ${panel.periods.after}` : `░ ${panel.periods.before}  █ ${panel.periods.after}`;
  return `${panel.axis}   ${key}`;
}

function countRows(panel: LocalisedPanel, width: number, name: (r: LocalisedRow) => string, nameCells: number): string[][] {
  const max = Math.max(...panel.rows.flatMap((r) => [r.value, r.before ?? 0]), 1);
  return panel.rows.map((r) => {
    const after = `${name(r)}  ${bar(r.value / max, width)} ${r.valueText}`;
    if (r.before === undefined || r.beforeText === undefined) return [after];
    const before = `${name(r)}  ${'░'.repeat(Math.max(1, Math.round((r.before / max) * width)))} ${r.beforeText}`;
    return [before, `${' '.repeat(nameCells)}  ${bar(r.value / max, width)} ${r.valueText}`];
  });
}

function rankRows(panel: LocalisedPanel, width: number, name: (r: LocalisedRow) => string): string[][] {
  const worst = Math.max(...panel.rows.flatMap((r) => [r.value, r.before ?? r.value]), 2);
  const at = (rank: number) => Math.round(((worst - rank) / (worst - 1)) * (width - 1));
  return panel.rows.map((r) => {
    const track = Array.from({ length: width }, () => '·');
    if (r.before !== undefined) {
      const [from, to] = [at(r.before), at(r.value)].sort((a, b) => a - b) as [number, number];
      for (let i = from; i <= to; i++) track[i] = '─';
      track[at(r.before)] = '○';
    }
    track[at(r.value)] = '●';
    const figures = r.beforeText !== undefined ? `${r.beforeText} → ${r.valueText}` : r.valueText;
    return [`${name(r)}  ${track.join('')}  ${figures}${r.changeText ? ` ${r.changeText}` : ''}`];
  });
}

/** A bar of `share` (0..1) of `width` cells, in eighths; a non-zero figure shows at least a sliver. */
function bar(share: number, width: number): string {
  const eighths = Math.max(share > 0 ? 1 : 0, Math.round(share * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Terminal cells: Hangul and CJK take two. */
export function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cells(text)));
}

function cut(text: string, width: number): string {
  if (cells(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (cells(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}
