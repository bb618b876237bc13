// `steadyback report --input EXPORT.json [--pdf FILE] [--csv FILE] [--fhir FILE] [--today DATE]`:
// reads the JSON the app exported, builds core's report model as of today (the machine's local
// date unless --today says otherwise; the core never reads a clock), and writes a one-page PDF for
// a physical therapist, a CSV and a FHIR R4 bundle, or prints a short summary.

import { stat, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fhirBundle, parseExport, parseIsoDate, reportCsv, reportModel, type SteadybackExport } from '@steadyback/core';
import { CliError } from '../cli-error.ts';
import { checkOutputFiles } from '../output/output-path.ts';
import { historyPdf, historySummary } from '@steadyback/report';

/** Exports are tens of kB a month; anything this big is not one. */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const GENERATOR = 'steadyback report';

const OUTPUTS = [
  { flag: 'pdf', ext: '.pdf', what: 'the PDF' },
  { flag: 'csv', ext: '.csv', what: 'the CSV' },
  { flag: 'fhir', ext: '.json', what: 'the FHIR bundle' },
] as const;

/** The machine's own calendar date, in its time zone: the day the person is living. */
export function localTodayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function readExport(file: string): Promise<SteadybackExport> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new CliError(`There is no file at ${file}: check the name, or export your data again from the app.`);
  }
  if (info.isDirectory()) throw new CliError(`${file} is a folder, not a file: name the .json file the app exported.`);
  if (info.size > MAX_INPUT_BYTES)
    throw new CliError(`${file} is too large to be a steadyback export; choose the .json file the app exported.`);
  const parsed = parseExport(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new CliError(parsed.reason);
  return parsed.data;
}

export async function reportCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      pdf: { type: 'string' },
      csv: { type: 'string' },
      fhir: { type: 'string' },
      today: { type: 'string' },
    },
  });
  if (positionals.length > 0)
    throw new CliError(
      `Name the export with --input (got "${positionals[0]}" without it): steadyback report --input EXPORT.json.`,
      2,
    );
  if (!values.input) throw new CliError('Name the file the app exported: steadyback report --input EXPORT.json.', 2);
  const todayIso = values.today ?? localTodayIso();
  if (!parseIsoDate(todayIso).ok)
    throw new CliError(
      `--today takes a calendar date written as YYYY-MM-DD, for example 2026-02-02 (got "${todayIso}").`,
      2,
    );
  await checkOutputFiles(
    OUTPUTS.map((o) => ({
      flag: o.flag,
      file: values[o.flag],
      extensions: [o.ext],
      wrongName: (file: string) => `Name ${o.what} FILE${o.ext} (got ${file}).`,
    })),
    [values.input],
  );
  const data = await readExport(values.input);

  const model = reportModel(data, todayIso);
  const written: string[] = [];
  if (values.pdf) {
    const bytes = await historyPdf(model, { generator: GENERATOR });
    await writeFile(values.pdf, bytes);
    written.push(
      `PDF for a physical therapist written to ${values.pdf} (1 page, ${Math.ceil(bytes.length / 1024)} kB).`,
    );
  }
  if (values.csv) {
    const text = reportCsv(model);
    await writeFile(values.csv, text);
    written.push(`CSV written to ${values.csv} (${text.split('\r\n').length - 2} rows).`);
  }
  if (values.fhir) {
    const bundle = fhirBundle(model);
    await writeFile(values.fhir, JSON.stringify(bundle, null, 2) + '\n');
    written.push(`FHIR R4 bundle written to ${values.fhir} (${bundle.entry?.length ?? 0} resources).`);
  }
  process.stdout.write((written.length > 0 ? written.join('\n') : historySummary(model)) + '\n');
  return 0;
}
