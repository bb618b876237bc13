// The hostile-input corpus: inputs a new user could give the CLI by mistake, each made here from
// nothing (no file is downloaded or committed). docs/hostile-inputs.md lists what each one must
// give; hostile-inputs.test.ts runs them all against that table.

import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatSensorCsv } from '@steadyback/core';
import { simulateWeeks } from '@steadyback/synthetic';
import { testPatternVideo } from '../../../pose/src/test-support/ffmpeg-fixtures.ts';

export interface HostileCase {
  readonly id: string;
  /** What the person gave, in plain words, for the docs table. */
  readonly input: string;
  /** The command line after `steadyback`, with file names inside the corpus folder. */
  readonly args: readonly string[];
}

/** A file of this size whose bytes are never written (sparse): the size checks refuse it unread. */
function sparseFile(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

const header = 'tMs,alpha,beta,gamma,cue';
const rows = (times: readonly number[]) => [header, ...times.map((t) => `${t},10,0,0,settle`)].join('\n') + '\n';

/** Writes every file the cases name into dir. */
export function makeHostileCorpus(dir: string): void {
  const f = (n: string) => path.join(dir, n);
  mkdirSync(f('a-folder'));
  mkdirSync(f('results'));
  writeFileSync(f('empty.mp4'), '');
  writeFileSync(f('notes.txt'), 'my back hurts, day 3');
  writeFileSync(f('random.mp4'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  testPatternVideo(f('clip.mp4'), { widthPx: 160, heightPx: 120, fps: 10, seconds: 2 });
  const clip = readFileSync(f('clip.mp4'));
  writeFileSync(f('cut-short.mp4'), clip.subarray(0, Math.floor(clip.length / 3)));
  writeFileSync(f('empty.csv'), '');
  writeFileSync(f('no-columns.csv'), 'time,a,b\n1,2,3\n');
  writeFileSync(f('words.csv'), `${header}\n0,10,0,0,settle\n20,10,flat,0,settle\n`);
  writeFileSync(f('backwards.csv'), rows([0, 20, 40, 30]));
  writeFileSync(f('out-of-range.csv'), `${header}\n0,10,0,95,settle\n20,10,0,0,settle\n`);
  writeFileSync(f('unknown-cue.csv'), `${header}\n0,10,0,0,jump\n20,10,0,0,settle\n`);
  writeFileSync(f('one-sample.csv'), rows([0]));
  writeFileSync(f('still-time.csv'), rows([0, 0, 0, 0]));
  writeFileSync(f('seconds.csv'), rows(Array.from({ length: 200 }, (_, i) => Math.floor(i / 50) * 1000)));
  writeFileSync(f('hours.csv'), rows([0, 20, 2 * 3_600_000]));
  writeFileSync(f('once-a-second.csv'), rows(Array.from({ length: 60 }, (_, i) => i * 1000)));
  writeFileSync(f('binary.csv'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
  sparseFile(f('left-recording.csv'), 50 * 1024 * 1024);
  writeFileSync(
    f('session.csv'),
    formatSensorCsv([
      { tMs: 0, alphaDeg: 10, betaDeg: 0, gammaDeg: 0, cue: 'settle' },
      { tMs: 20, alphaDeg: 10, betaDeg: 0, gammaDeg: 0 },
    ]),
  );
  const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 2, camera: false });
  writeFileSync(f('export.json'), JSON.stringify(sim.data));
  writeFileSync(f('other.json'), JSON.stringify({ name: 'not an export' }));
  writeFileSync(
    f('damaged.json'),
    JSON.stringify({ ...sim.data, painDays: [{ ...sim.data.painDays[0], restNrs: 14 }] }),
  );
  sparseFile(f('huge.json'), 100 * 1024 * 1024);
}

const bd = ['analyze', '--exercise', 'bird-dog'] as const;
const sensor = (file: string) => [...bd, '--sensor', file];

export const HOSTILE_CASES: readonly HostileCase[] = [
  { id: 'unknown-command', input: 'a command that does not exist', args: ['stretch'] },
  { id: 'pose-no-video', input: '`pose` with no video', args: ['pose'] },
  { id: 'pose-missing', input: 'a video that does not exist', args: ['pose', 'missing.mp4'] },
  { id: 'pose-empty', input: 'a video of 0 bytes', args: ['pose', 'empty.mp4'] },
  { id: 'pose-folder', input: 'a folder instead of a video', args: ['pose', 'a-folder'] },
  { id: 'pose-text', input: 'a text file', args: ['pose', 'notes.txt'] },
  { id: 'pose-random', input: 'random bytes named .mp4', args: ['pose', 'random.mp4'] },
  { id: 'pose-cut-short', input: 'an MP4 cut off after a third', args: ['pose', 'cut-short.mp4'] },
  { id: 'pose-two-videos', input: 'two videos at once', args: ['pose', 'clip.mp4', 'clip.mp4'] },
  { id: 'pose-bad-model', input: 'a model that does not exist', args: ['pose', 'clip.mp4', '--model', 'posenet'] },
  { id: 'pose-workers', input: '`--workers 3`', args: ['pose', 'clip.mp4', '--workers', '3'] },
  { id: 'pose-out-folder', input: '`--out` naming a folder', args: ['pose', 'clip.mp4', '--out', 'results'] },
  {
    id: 'pose-out-no-folder',
    input: '`--out` into a folder that does not exist',
    args: ['pose', 'clip.mp4', '--out', 'nowhere/l.jsonl'],
  },
  { id: 'pose-out-xml', input: '`--out` with an unknown ending', args: ['pose', 'clip.mp4', '--out', 'l.xml'] },
  { id: 'pose-overlay-avi', input: '`--overlay` not an MP4', args: ['pose', 'clip.mp4', '--overlay', 'o.avi'] },
  { id: 'unknown-option', input: 'an option that does not exist', args: ['pose', 'clip.mp4', '--colour', 'red'] },
  { id: 'analyze-no-exercise', input: '`analyze` without `--exercise`', args: ['analyze', 'clip.mp4'] },
  { id: 'analyze-yoga', input: 'an exercise we do not coach', args: ['analyze', 'clip.mp4', '--exercise', 'yoga'] },
  { id: 'analyze-nothing', input: 'neither a video nor a phone log', args: [...bd] },
  {
    id: 'analyze-depth-cap-negative',
    input: '`--depth-cap -5`',
    args: ['analyze', 'clip.mp4', '--exercise', 'hip-flexor-stretch', '--depth-cap', '-5'],
  },
  {
    id: 'analyze-depth-cap-90',
    input: '`--depth-cap=90`',
    args: ['analyze', 'clip.mp4', '--exercise', 'hip-flexor-stretch', '--depth-cap=90'],
  },
  { id: 'analyze-pain-12', input: 'a pain score of 12', args: [...bd, 'clip.mp4', '--pain-rest', '12'] },
  {
    id: 'analyze-offset-words',
    input: '`--sensor-offset-ms soon`',
    args: [...sensor('session.csv'), '--sensor-offset-ms', 'soon'],
  },
  { id: 'analyze-json-txt', input: '`--json` with another ending', args: [...bd, 'clip.mp4', '--json', 'r.txt'] },
  {
    id: 'analyze-html-no-folder',
    input: '`--html` into a folder that does not exist',
    args: [...bd, 'clip.mp4', '--html', 'nowhere/r.html'],
  },
  {
    id: 'stretch-no-video',
    input: 'the stretch from a phone log alone',
    args: ['analyze', '--exercise', 'hip-flexor-stretch', '--sensor', 'session.csv'],
  },
  { id: 'sensor-missing', input: 'a phone log that does not exist', args: sensor('missing.csv') },
  { id: 'sensor-folder', input: 'a folder as the phone log', args: sensor('a-folder') },
  { id: 'sensor-empty', input: 'an empty phone log', args: sensor('empty.csv') },
  { id: 'sensor-no-columns', input: 'a CSV without our columns', args: sensor('no-columns.csv') },
  { id: 'sensor-words', input: 'a word where an angle should be', args: sensor('words.csv') },
  { id: 'sensor-backwards', input: 'times that go backwards', args: sensor('backwards.csv') },
  { id: 'sensor-out-of-range', input: 'an angle outside the W3C range', args: sensor('out-of-range.csv') },
  { id: 'sensor-unknown-cue', input: 'a cue we never speak', args: sensor('unknown-cue.csv') },
  { id: 'sensor-one-sample', input: 'a single sample', args: sensor('one-sample.csv') },
  { id: 'sensor-still-time', input: 'every sample at the same time', args: sensor('still-time.csv') },
  { id: 'sensor-seconds', input: 'times rounded to whole seconds', args: sensor('seconds.csv') },
  { id: 'sensor-once-a-second', input: 'one reading a second', args: sensor('once-a-second.csv') },
  { id: 'sensor-hours', input: 'a log two hours long', args: sensor('hours.csv') },
  { id: 'sensor-binary', input: 'random bytes named .csv', args: sensor('binary.csv') },
  { id: 'sensor-50mb', input: 'a 50 MB log (a phone left recording)', args: sensor('left-recording.csv') },
  { id: 'report-no-input', input: '`report` without `--input`', args: ['report'] },
  { id: 'report-positional', input: 'the export named without `--input`', args: ['report', 'export.json'] },
  { id: 'report-missing', input: 'an export that does not exist', args: ['report', '--input', 'missing.json'] },
  { id: 'report-folder', input: 'a folder as the export', args: ['report', '--input', 'a-folder'] },
  { id: 'report-text', input: 'a text file as the export', args: ['report', '--input', 'notes.txt'] },
  { id: 'report-other-json', input: 'JSON that is not an export', args: ['report', '--input', 'other.json'] },
  { id: 'report-damaged', input: 'an export with a pain score of 14', args: ['report', '--input', 'damaged.json'] },
  { id: 'report-huge', input: 'a 100 MB file as the export', args: ['report', '--input', 'huge.json'] },
  {
    id: 'report-today',
    input: '`--today 2026-02-30`',
    args: ['report', '--input', 'export.json', '--today', '2026-02-30'],
  },
  {
    id: 'report-pdf-txt',
    input: '`--pdf` with another ending',
    args: ['report', '--input', 'export.json', '--pdf', 'r.txt'],
  },
  {
    id: 'report-csv-no-folder',
    input: '`--csv` into a folder that does not exist',
    args: ['report', '--input', 'export.json', '--csv', 'nowhere/r.csv'],
  },
  {
    id: 'report-over-input',
    input: '`--fhir` naming the export itself',
    args: ['report', '--input', 'export.json', '--fhir', 'export.json'],
  },
];

export interface HostileResult {
  readonly id: string;
  readonly input: string;
  readonly code: number | null;
  /** The one sentence on stderr, without the "steadyback: " prefix. */
  readonly message: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The docs table: one row per case, in the corpus order. */
export function hostileTable(results: readonly HostileResult[]): string {
  const lines = ['| case | input | exit | message |', '|---|---|---|---|'];
  for (const r of results) lines.push(`| ${r.id} | ${cell(r.input)} | ${r.code} | ${cell(r.message)} |`);
  return lines.join('\n');
}
