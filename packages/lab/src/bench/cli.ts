// npm run bench:accuracy [-- --json FILE] [--quick]
// Renders the benchmark's poses (cached under .cache/lab), runs the real pose models and the real
// analysers, prints the tables on stdout (progress on stderr) and optionally writes the JSON.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PRESETS, type Preset } from './cases.ts';
import { runAccuracyBench } from './run-bench.ts';
import { formatReport } from './tables.ts';

const USAGE = `usage: npm run bench:accuracy [-- --json FILE] [--quick | --preset ${PRESETS.join('|')}] [--fallback-figure] [--no-progress]`;

function fail(msg: string): never {
  process.stderr.write(`${msg}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      json: { type: 'string' },
      quick: { type: 'boolean', default: false },
      preset: { type: 'string' },
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      'fallback-figure': { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const preset = (values.preset ?? (values.quick ? 'quick' : 'default')) as Preset;
if (!PRESETS.includes(preset)) fail(`unknown preset "${values.preset}"`);

const report = await runAccuracyBench({
  preset,
  progress: !values['no-progress'],
  fallbackFigure: values['fallback-figure'],
});
process.stdout.write(`${formatReport(report)}\n`);
if (values.json) {
  mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify(report, null, 1)}\n`);
  process.stderr.write(`JSON: ${values.json}\n`);
}
