// `steadyback report` end to end on a simulated export, run as a person would (the real bin): the
// PDF's own text says the same numbers and verdicts as the FHIR bundle and the report model, the
// CSV and FHIR files are written, and bad input gets one sentence and the right exit code.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { csvRows, fhirBundle, reportModel, type ReportModel } from '@steadyback/core';
import { simulateWeeks } from '@steadyback/synthetic';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fmtDeg } from '@steadyback/report';
import { lastErrorLine, runCli, type CliRun } from '../test-support/run-cli.ts';
import { localTodayIso } from './report.ts';

type Bundle = ReturnType<typeof fhirBundle>;
type Observation = Extract<
  NonNullable<NonNullable<Bundle['entry']>[number]['resource']>,
  { resourceType: 'Observation' }
>;

const dir = mkdtempSync(path.join(tmpdir(), 'steadyback-report-'));
const f = (n: string) => path.join(dir, n);
const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 4, camera: true });
let model: ReportModel;

beforeAll(() => {
  model = reportModel(sim.data, sim.todayIso);
  writeFileSync(f('export.json'), JSON.stringify(sim.data));
  writeFileSync(f('notes.txt'), 'my back hurts, day 3');
  writeFileSync(f('other.json'), JSON.stringify({ name: 'not an export' }));
  writeFileSync(
    f('damaged.json'),
    JSON.stringify({ ...sim.data, painDays: [{ ...sim.data.painDays[0], restNrs: 14 }] }),
  );
  mkdirSync(f('a-folder.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneSentence(run: CliRun, code: number, pattern: RegExp) {
  expect(run.code).toBe(code);
  const line = lastErrorLine(run);
  expect(line).toMatch(/^steadyback: /);
  expect(line).toMatch(pattern);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
}

describe('steadyback report writes the PDF, CSV and FHIR from one model', () => {
  let run: CliRun;
  let pdfText: string;
  let bundle: Bundle;

  beforeAll(async () => {
    run = await runCli([
      'report',
      '--input',
      f('export.json'),
      '--today',
      sim.todayIso,
      '--pdf',
      f('r.pdf'),
      '--csv',
      f('r.csv'),
      '--fhir',
      f('r.json'),
    ]);
    const bytes = new Uint8Array(readFileSync(f('r.pdf')));
    const pdf = await getDocumentProxy(bytes);
    const extracted = await extractText(pdf, { mergePages: true });
    // pdf.js may break a drawn line into items; one space between words makes matching simple.
    pdfText = extracted.text.replace(/\s+/g, ' ');
    bundle = JSON.parse(readFileSync(f('r.json'), 'utf8')) as Bundle;
  }, 120_000);

  it('succeeds and says what it wrote', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PDF for a physical therapist written to .*r\.pdf \(1 page, \d+ kB\)/);
    expect(run.stdout).toMatch(/CSV written to .*r\.csv/);
    expect(run.stdout).toMatch(/FHIR R4 bundle written to .*r\.json \(\d+ resources\)/);
  });

  it('makes one A4 page', async () => {
    const doc = await PDFDocument.load(readFileSync(f('r.pdf')));
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
  });

  it("says each side's verdict and rolls as the FHIR bundle and the model do", () => {
    const latest = model.birdDog.latest!;
    const obs = (bundle.entry ?? []).map((e) => e.resource as Observation);
    for (const side of ['left', 'right'] as const) {
      const o = obs.find(
        (x) => x.code?.coding?.[0]?.code === `bird-dog-${side}-side` && x.effectiveDateTime === latest.dateIso,
      )!;
      const maxRoll = o.component!.find((c) => c.code.coding?.[0]?.code === 'max-pelvic-roll')!.valueQuantity!.value!;
      const meanRoll = o.component!.find((c) => c.code.coding?.[0]?.code === 'mean-pelvic-roll')!.valueQuantity!.value!;
      expect(maxRoll).toBe(latest.sides![side].maxRollDeg);
      const verdict = o.valueCodeableConcept!.coding![0]!.code!;
      const row = `${side === 'left' ? 'Left' : 'Right'} ${verdict} ${fmtDeg(maxRoll)} ${fmtDeg(meanRoll)} ${latest.sides![side].unstableReps} of ${latest.sides![side].reps} phone on the pelvis`;
      expect(pdfText).toContain(row);
    }
    expect(pdfText).toContain(`Latest test, ${latest.dateIso}: overall ${latest.verdict}`);
    const first = model.birdDog.tests[0]!;
    expect(pdfText).toContain(
      `largest roll left ${fmtDeg(first.sides!.left.maxRollDeg)}, right ${fmtDeg(first.sides!.right.maxRollDeg)}`,
    );
    expect(pdfText).toMatch(/Not measurable in this test: R2, Sideways shift/);
    expect(pdfText).toMatch(/Worst rep, left leg lifted/);
  });

  it('says the latest pain scores and the escalation that the FHIR bundle and the model hold', () => {
    const latest = model.pain.latest!;
    const pains = (bundle.entry ?? [])
      .map((e) => e.resource as Observation)
      .filter((o) => o.code?.coding?.[0]?.code === '72514-3');
    const score = (timing: string, dateIso: string) =>
      pains.find(
        (o) => o.effectiveDateTime === dateIso && o.component?.[0]?.valueCodeableConcept?.coding?.[0]?.code === timing,
      )?.valueInteger;
    const before = score('before-session', latest.dateIso);
    const peak = score('peak-during-session', latest.dateIso);
    expect([before, peak]).toEqual([latest.restNrs, latest.peakNrs]);
    expect(pdfText).toContain(
      `Latest: ${latest.dateIso}: ${before} before, ${peak} at the peak, ${latest.morningNrs} the next morning (out of 10) - red.`,
    );
    expect(pdfText).toContain('Pain response on 20 exercise days: 17 green, 0 amber, 3 red.');
    expect(pdfText).toContain('Usual pain 6 on 2026-01-05, 4 on 2026-02-02 (-2 points): a meaningful improvement');
    expect(pdfText).toContain('Please see a physical therapist or doctor');
    expect(pdfText).toContain('Your back was too sore after 3 sessions within 7 days.');
  });

  it('shows the plan with its reasons and sources, and the disclaimer', () => {
    const p = model.plan!;
    expect(pdfText).toContain(`Current plan (week ${p.weekKey})`);
    expect(pdfText).toContain(
      `${p.stability!.name}: ${p.stability!.repsPerSide} reps per side x ${p.stability!.rounds} round`,
    );
    expect(pdfText).toContain('Why: In week 2026-W05 your back was too sore.');
    expect(pdfText).toContain('Source: Rule set E RED');
    expect(pdfText).toContain(model.disclaimer);
  });

  it('writes a CSV row for every recorded value of the model', () => {
    const lines = readFileSync(f('r.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('kind,date,side,metric,value,unit,source');
    expect(lines.length - 2).toBe(csvRows(model).length);
  });

  it('gives the same PDF bytes for the same records and day', async () => {
    const again = await runCli(['report', '--input', f('export.json'), '--today', sim.todayIso, '--pdf', f('r2.pdf')]);
    expect(again.code).toBe(0);
    expect(Buffer.compare(readFileSync(f('r.pdf')), readFileSync(f('r2.pdf')))).toBe(0);
  });
});

describe('steadyback report with no output file', () => {
  it('prints a short summary with the same numbers', async () => {
    const run = await runCli(['report', '--input', f('export.json'), '--today', sim.todayIso]);
    expect(run.code).toBe(0);
    const latest = model.birdDog.latest!;
    expect(run.stdout).toContain(`Records from 2026-01-05 to 2026-02-02, as of ${sim.todayIso}.`);
    expect(run.stdout).toContain(
      `Left leg lifted: ${latest.sides!.left.verdict}, largest pelvic roll ${fmtDeg(latest.sides!.left.maxRollDeg)}`,
    );
    expect(run.stdout).toMatch(/Pain response on 20 exercise days: 17 green, 0 amber, 3 red\./);
    expect(run.stdout).toMatch(/Please book a visit with a physical therapist or doctor/);
    expect(run.stdout).toContain(model.disclaimer);
  });

  it("uses the machine's own date when --today is not given", async () => {
    const run = await runCli(['report', '--input', f('export.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`as of ${localTodayIso()}.`);
  });

  it('leaves out records dated after --today and says so', async () => {
    const run = await runCli(['report', '--input', f('export.json'), '--today', '2026-01-18']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/record\(s\) dated after 2026-01-18 were left out/);
    expect(run.stdout).toMatch(/Records from 2026-01-05 to 2026-01-16/);
  });
});

describe('steadyback report with bad input', () => {
  it.each([
    ['a missing file', ['--input', 'missing.json'], 1, /There is no file at .*missing\.json: check the name/],
    ['a folder', ['--input', 'a-folder.json'], 1, /is a folder, not a file/],
    ['a file that is not JSON', ['--input', 'notes.txt'], 1, /not a steadyback export \(it is not valid JSON\)/],
    [
      'JSON that is not an export',
      ['--input', 'other.json'],
      1,
      /not a steadyback export; choose the \.json file the app exported/,
    ],
    [
      'a damaged export',
      ['--input', 'damaged.json'],
      1,
      /This export is damaged \(painDays\.0\.restNrs: .*\); nothing was imported/,
    ],
    [
      'a bad --today',
      ['--input', 'export.json', '--today', '2026-02-30'],
      2,
      /--today takes a calendar date written as YYYY-MM-DD, .*got "2026-02-30"/,
    ],
    [
      'a --today in another format',
      ['--input', 'export.json', '--today', '02/02/2026'],
      2,
      /--today takes a calendar date/,
    ],
    ['no --input', [], 2, /Name the file the app exported: steadyback report --input EXPORT\.json/],
    ['a file named without --input', ['export.json'], 2, /Name the export with --input/],
    ['a PDF name without .pdf', ['--input', 'export.json', '--pdf', 'report.txt'], 2, /Name the PDF FILE\.pdf/],
    [
      'an output folder that does not exist',
      ['--input', 'export.json', '--csv', 'nowhere/r.csv'],
      1,
      /The folder for --csv .*nowhere\/r\.csv does not exist/,
    ],
    ['an unknown option', ['--input', 'export.json', '--html', 'r.html'], 2, /steadyback help/],
  ] as const)('%s', async (_what, args, code, pattern) => {
    const withPaths = args.map((a, i) =>
      i > 0 && (args[i - 1] === '--input' || args[i - 1] === '--csv' || args[i - 1] === '--pdf')
        ? f(a)
        : a === 'export.json'
          ? f(a)
          : a,
    );
    expectOneSentence(await runCli(['report', ...withPaths]), code, pattern);
  });
});
