// ECharts server-side rendering to an SVG string: no DOM, no canvas. Only the parts the charts use are
// loaded (bars, scatter, lines, grid, graphic, the SVG renderer): the full package takes seconds to import.
// dispose() after every render, or the chart instance (and its timers) keeps the process alive.
import { BarChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartPicture } from './chart-option.ts';

echarts.use([BarChart, LinesChart, ScatterChart, GraphicComponent, GridComponent, SVGRenderer]);

export function renderSvg(picture: ChartPicture): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: picture.width, height: picture.height });
  try {
    chart.setOption(picture.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
