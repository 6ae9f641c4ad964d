// `npm run charts -- --out DIR`: writes every chart of the fact base as PNG, in Korean and English
// (<chart>.<ko|en>.png), drawn exactly as the bot attaches them. The README's pictures in docs/charts/
// are made with `npm run charts -- --out docs/charts`.
//   --locale ko|en       one language only
//   --chart ID           one chart only
//   --highlight A,B      highlight entity ids (as an answer about them would)
//   --text               print the terminal (Unicode block) charts instead of writing files
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FactFileError } from '../facts/fact-file-error.ts';
import { LOCALES, type Locale } from '../types.ts';

const USAGE = 'usage: npm run charts -- --out DIR [--locale ko|en] [--chart ID] [--highlight ID,ID] | --text';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        locale: { type: 'string' },
        chart: { type: 'string' },
        highlight: { type: 'string' },
        text: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (!args.out && !args.text) {
    console.error(`--out DIR is required (the folder to write the PNG files to)\n${USAGE}`);
    return 2;
  }
  if (args.locale !== undefined && !LOCALES.includes(args.locale as Locale)) {
    console.error(`--locale must be ko or en, not "${args.locale}"`);
    return 2;
  }
  const locales = args.locale ? [args.locale as Locale] : [...LOCALES];
  // Loaded after the arguments are checked: a usage error answers at once, without ECharts and the facts.
  const [{ createCore }, { createChartRenderer }, { pngSize }] = await Promise.all([
    import('../core.ts'),
    import('../charts/chart-renderer.ts'),
    import('../charts/png-size.ts'),
  ]);
  const highlight = (args.highlight ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const core = createCore({ answerCacheSize: 0 });
  const charts = createChartRenderer(core);
  const ids = charts.list('en').map((c) => c.id);
  if (args.chart !== undefined && !ids.includes(args.chart)) {
    console.error(`unknown chart "${args.chart}"; the charts are: ${ids.join(', ')}`);
    return 2;
  }
  const chosen = args.chart ? [args.chart] : ids;
  if (args.text) {
    for (const id of chosen) for (const locale of locales) console.log(`${charts.text(charts.view(id, locale, highlight)!)}\n`);
    return 0;
  }
  const out = resolve(args.out!);
  mkdirSync(out, { recursive: true });
  // Drawn together: resvg draws on worker threads, so the pictures overlap; written in a stable order.
  const views = chosen.flatMap((id) => locales.map((locale) => charts.view(id, locale, highlight)!));
  const pngs = await Promise.all(views.map((view) => charts.png(view)));
  views.forEach((view, i) => {
    const png = pngs[i]!;
    const file = join(out, view.fileName);
    writeFileSync(file, png);
    const size = pngSize(png)!;
    console.log(`${file}  ${size.width}x${size.height}  ${Math.round(png.length / 1024)} KB`);
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof FactFileError ? err.message : `could not draw the charts: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
