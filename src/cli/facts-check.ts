// `npm run facts:check [-- <folder>]`: validates a fact folder for an editor, before the bot loads it.
// Prints "OK: N facts, M entities" or every problem (src/facts/facts-report.ts), and exits 1 on problems.
import { factsReport } from '../facts/facts-report.ts';
import { DEFAULT_FACTS_DIR } from '../paths.ts';

const report = factsReport(process.argv[2] ?? DEFAULT_FACTS_DIR);
process.stdout.write(report.stdout);
process.stderr.write(report.stderr);
process.exitCode = report.code;
