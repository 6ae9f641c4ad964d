// A localised chart as an Apache ECharts option and its size. Texts and panel positions are laid out
// here (graphic elements), so the picture does not depend on ECharts' automatic layout of titles and
// legends; ECharts draws the grids, axes, bars and markers. Counts are horizontal bars from zero with
// the figure at the end; ranks are positions on a reversed axis (1st at the right, so "up" is to the
// right) with an arrow from the earlier rank to the later one and the figures in a column at the right.
import type { LocalisedChart, LocalisedPanel, LocalisedRow } from './localise-chart.ts';

export const FONT_FAMILY = 'Noto Sans KR';

/** CSS pixels; the PNG is drawn at PNG_SCALE times this (see render-png.ts). Wide enough for English names. */
export const CHART_WIDTH = 800;

const COLOR = {
  text: '#212529',
  muted: '#6c757d',
  grid: '#e9ecef',
  base: '#4263eb',
  baseLight: '#bac8ff',
  lit: '#e8590c',
  litLight: '#ffc078',
  up: '#2b8a3e',
  down: '#c92a2a',
} as const;

// Layout in CSS pixels, top to bottom. Row heights leave room for an English name on two lines.
const PAD = 24;
const TITLE_Y = 22;
const TITLE_SIZE = 20;
const NOTE_Y = 56;
const HEADER = 78;
const PANEL_TITLE = 30;
const ROW = 40;
const ROW_PAIR = 54;
const AXIS_BELOW = 56;
const PANEL_GAP = 12;
const FOOTER = 54;
/** Room left of the grid for row names (wrapped at NAME_WIDTH), right of it for figures. */
const GRID_LEFT = 200;
const NAME_WIDTH = 180;
const GRID_RIGHT_COUNT = 80;
const GRID_RIGHT_RANK = 190;

export interface ChartPicture {
  option: Record<string, unknown>;
  width: number;
  height: number;
}

export function chartOption(chart: LocalisedChart): ChartPicture {
  const graphic: unknown[] = [text(PAD, TITLE_Y, chart.title, { size: TITLE_SIZE, weight: 'bold' })];
  if (chart.highlightNote) {
    graphic.push(rect(PAD, NOTE_Y - 5, 12, 12, COLOR.lit), text(PAD + 18, NOTE_Y - 8, chart.highlightNote, { size: 13, color: COLOR.lit }));
  }
  const grids: unknown[] = [];
  const xAxes: unknown[] = [];
  const yAxes: unknown[] = [];
  const series: unknown[] = [];
  const titled = chart.panels.length > 1;
  let y = HEADER;
  chart.panels.forEach((panel, index) => {
    const paired = panel.kind === 'count' && panel.rows.some((r) => r.before !== undefined);
    if (titled || panel.periods) {
      if (titled) graphic.push(text(PAD, y + 4, panel.title, { size: 15, weight: 'bold' }));
      if (panel.periods) graphic.push(...periodKey(panel, y + 4));
      y += PANEL_TITLE;
    }
    const rowHeight = paired ? ROW_PAIR : ROW;
    const height = rowHeight * panel.rows.length;
    const right = panel.kind === 'rank' ? GRID_RIGHT_RANK : GRID_RIGHT_COUNT;
    grids.push({ left: GRID_LEFT, right, top: y, height });
    const names = panel.rows.map((r) => r.name);
    const lit = new Set(panel.rows.filter((r) => r.highlighted).map((r) => r.name));
    const axes = { xAxisIndex: xAxes.length, yAxisIndex: yAxes.length };
    yAxes.push({
      gridIndex: index,
      type: 'category',
      data: names,
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLOR.muted } },
      axisLabel: {
        width: NAME_WIDTH,
        overflow: 'break',
        fontSize: 13,
        color: COLOR.text,
        formatter: (name: string) => (lit.has(name) ? `{lit|${name}}` : name),
        rich: { lit: { color: COLOR.lit, fontWeight: 'bold', fontSize: 13, width: NAME_WIDTH, align: 'right' } },
      },
    });
    xAxes.push(valueAxis(panel, index));
    if (panel.kind === 'rank') {
      yAxes.push(figureColumn(panel, index));
      series.push(...rankSeries(panel, axes));
    } else {
      series.push(...countSeries(panel, axes, paired));
    }
    y += height + AXIS_BELOW + PANEL_GAP;
  });
  const height = y - PANEL_GAP + FOOTER;
  graphic.push(
    { type: 'line', shape: { x1: PAD, y1: height - FOOTER + 10, x2: CHART_WIDTH - PAD, y2: height - FOOTER + 10 }, style: { stroke: COLOR.grid, lineWidth: 1 } },
    text(PAD, height - FOOTER + 20, chart.sourceLine, { size: 12, color: COLOR.muted }),
    text(PAD, height - FOOTER + 36, chart.articleLine, { size: 12, color: COLOR.muted }),
  );
  const option = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY, color: COLOR.text },
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
    graphic,
  };
  return { option, width: CHART_WIDTH, height };
}

function valueAxis(panel: LocalisedPanel, index: number): Record<string, unknown> {
  const base = {
    gridIndex: index,
    type: 'value',
    name: panel.axis,
    nameLocation: 'middle',
    nameGap: 30,
    nameTextStyle: { fontSize: 13, color: COLOR.muted },
    axisLabel: { fontSize: 12, color: COLOR.muted, formatter: (v: number) => panel.format(v) },
    splitLine: { lineStyle: { color: COLOR.grid } },
  };
  if (panel.kind === 'count') return base;
  // Ranks: 1st at the right end, so a climb points right; ticks at 1st and every ten places.
  const worst = Math.max(...panel.rows.flatMap((r) => [r.value, r.before ?? r.value]));
  const max = Math.max(10, Math.ceil(worst / 10) * 10);
  const ticks = [1, ...Array.from({ length: max / 10 }, (_, i) => (i + 1) * 10)];
  return {
    ...base,
    inverse: true,
    min: 1,
    max,
    axisLabel: { ...base.axisLabel, customValues: ticks, formatter: (v: number) => panel.format(v) },
    axisTick: { customValues: ticks },
  };
}

/** Bars from zero with the figure at the end; with a before figure, two bars a row (before light). */
type AxisIndex = { xAxisIndex: number; yAxisIndex: number };

function countSeries(panel: LocalisedPanel, axes: AxisIndex, paired: boolean): unknown[] {
  const bar = (pick: (r: LocalisedRow) => { value?: number; text?: string }, light: boolean, name: string) => ({
    type: 'bar',
    name,
    ...axes,
    barMaxWidth: 26,
    barGap: '15%',
    data: panel.rows.map((r) => {
      const { value, text: label } = pick(r);
      if (value === undefined) return '-';
      return {
        value,
        itemStyle: { color: r.highlighted ? (light ? COLOR.litLight : COLOR.lit) : light ? COLOR.baseLight : COLOR.base },
        label: { show: true, position: 'right', formatter: label, fontSize: 13, color: r.highlighted ? COLOR.lit : COLOR.text, fontWeight: r.highlighted ? 'bold' : 'normal' },
      };
    }),
  });
  const after = bar((r) => ({ value: r.value, text: r.valueText }), false, panel.periods?.after ?? panel.title);
  if (!paired) return [after];
  const before = bar((r) => ({ ...(r.before !== undefined ? { value: r.before, text: r.beforeText! } : {}) }), true, panel.periods?.before ?? '');
  return [before, after];
}

/** Each row: a hollow dot at the earlier rank, an arrow to a filled dot at the later rank. */
function rankSeries(panel: LocalisedPanel, axes: AxisIndex): unknown[] {
  const color = (r: LocalisedRow) => (r.highlighted ? COLOR.lit : COLOR.base);
  const common = { ...axes, coordinateSystem: 'cartesian2d' };
  const moves = panel.rows.flatMap((r, i) => (r.before !== undefined && r.before !== r.value ? [{ r, i }] : []));
  return [
    {
      ...common,
      type: 'lines',
      symbol: ['none', 'arrow'],
      symbolSize: 9,
      z: 1,
      data: moves.map(({ r, i }) => ({ coords: [[r.before, i], [r.value, i]], lineStyle: { color: color(r), width: 2, opacity: 0.9 } })),
    },
    {
      ...common,
      type: 'scatter',
      name: panel.periods?.before ?? '',
      symbolSize: 12,
      z: 2,
      data: panel.rows.flatMap((r, i) =>
        r.before !== undefined ? [{ value: [r.before, i], itemStyle: { color: '#ffffff', borderColor: color(r), borderWidth: 2, opacity: 1 } }] : [],
      ),
    },
    {
      ...common,
      type: 'scatter',
      name: panel.periods?.after ?? panel.title,
      symbolSize: 14,
      z: 3,
      data: panel.rows.map((r, i) => ({ value: [r.value, i], itemStyle: { color: color(r), opacity: 1 } })),
    },
  ];
}

/** A second category axis on the right of a rank panel: "56위 → 54위 ▲2" per row. */
function figureColumn(panel: LocalisedPanel, index: number): Record<string, unknown> {
  const lines = panel.rows.map((r) => {
    const figures = r.beforeText !== undefined ? `${r.beforeText} → ${r.valueText}` : r.valueText;
    const style = r.highlighted ? 'lit' : 'fig';
    return r.change ? `{${style}|${figures}}{${r.change}|${r.changeText}}` : `{${style}|${figures}}`;
  });
  return {
    gridIndex: index,
    type: 'category',
    position: 'right',
    inverse: true,
    data: lines,
    axisLine: { show: false },
    axisTick: { show: false },
    axisLabel: {
      margin: 14,
      rich: {
        fig: { fontSize: 13, color: COLOR.text },
        // Colour, not bold: ECharts measures text without the font in SSR, and bold runs wider than it thinks.
        lit: { fontSize: 13, color: COLOR.lit },
        up: { fontSize: 13, color: COLOR.up, fontWeight: 'bold', padding: [0, 0, 0, 8] },
        down: { fontSize: 13, color: COLOR.down, fontWeight: 'bold', padding: [0, 0, 0, 8] },
        same: { fontSize: 13, color: COLOR.muted, padding: [0, 0, 0, 8] },
      },
    },
  };
}

/** "○ 2016  ● 2024" (ranks) or "▮ 2016  ▮ 2024" (bars) at the right of the panel's title line. */
function periodKey(panel: LocalisedPanel, y: number): unknown[] {
  const { before, after } = panel.periods!;
  const x = CHART_WIDTH - PAD - 150;
  const mark = (at: number, hollow: boolean) =>
    panel.kind === 'rank'
      ? { type: 'circle', shape: { cx: at + 6, cy: y + 9, r: 5 }, style: hollow ? { fill: '#ffffff', stroke: COLOR.base, lineWidth: 2 } : { fill: COLOR.base } }
      : rect(at, y + 3, 12, 12, hollow ? COLOR.baseLight : COLOR.base);
  return [mark(x, true), text(x + 18, y + 1, before, { size: 13 }), mark(x + 80, false), text(x + 98, y + 1, after, { size: 13 })];
}

function text(x: number, y: number, content: string, style: { size: number; weight?: string; color?: string }) {
  return {
    type: 'text',
    x,
    y,
    style: { text: content, fontSize: style.size, fontWeight: style.weight ?? 'normal', fontFamily: FONT_FAMILY, fill: style.color ?? COLOR.text },
  };
}

function rect(x: number, y: number, width: number, height: number, fill: string) {
  return { type: 'rect', shape: { x, y, width, height }, style: { fill } };
}
