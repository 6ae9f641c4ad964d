// SVG to PNG with resvg and the bundled Noto Sans KR (an npm package's TTF files: resvg reads TTF/OTF,
// not WOFF2). System fonts are never loaded, so a chart is the same picture on every machine, and a
// machine without Korean fonts still draws Hangul.
import { createRequire } from 'node:module';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from './chart-option.ts';

const require = createRequire(import.meta.url);

/** Regular and bold: the chart uses both weights. */
export const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
];

/** Twice the CSS size: sharp on high-density screens and when Discord or Slack zoom in; ~40-80 KB a chart. */
export const PNG_SCALE = 2;

export interface PngOptions {
  /** false draws without any font (tests compare against it to prove the bundled font is used). */
  fonts?: boolean;
  scale?: number;
}

/** Renders off the main thread (resvg's worker pool), so answers keep flowing while a chart is drawn. */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const font: ResvgRenderOptions['font'] =
    options.fonts === false
      ? { loadSystemFonts: false, fontFiles: [] }
      : { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY };
  const image = await renderAsync(svg, { font, background: '#ffffff', fitTo: { mode: 'zoom', value: options.scale ?? PNG_SCALE } });
  return image.asPng();
}
