// ECharts server-side rendering to an SVG string: no DOM, no canvas. dispose() after every render,
// or the chart instance (and its timers) keeps the process alive.
import * as echarts from 'echarts';
import type { ChartPicture } from './chart-option.ts';

export function renderSvg(picture: ChartPicture): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: picture.width, height: picture.height });
  try {
    chart.setOption(picture.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
