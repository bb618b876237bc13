// `npm run bench:real [-- --json FILE] [--clip NAME] [--fresh] [--from-mirrors DIR] [--model-fps N|all] [--compare-model-fps N|all]`: runs the
// CLI's own analysis on every real recording of the manifest that is present in .cache/real/ and
// prints a table against our labels (score.ts). Missing clips are listed, not failed. The poses
// and small pictures read from each clip are cached beside it (cached-reader.ts); --fresh reads
// them again. --from-mirrors DIR first extracts missing clips from fetched repository snapshots
// (DIR/OWNER+NAME/repo, bare git directories) with `git show COMMIT:PATH`: the media stays in the
// git-ignored cache and is never copied into the project. The pose model reads at analyze's
// default rate (--model-fps to change); --compare-model-fps also reads every clip at a second rate
// and prints both readings side by side.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PoseError } from '@steadyback/pose';
import {
  birdDogFromVideo,
  defaultModel,
  atModelFps,
  fileReader,
  parseModelFps,
  stretchFromVideo,
  type VideoReader,
} from '../analysis/video-analysis.ts';
import { CliError } from '../cli-error.ts';
import { cachedReader } from './cached-reader.ts';
import { compareOutcomes, type OutcomeComparison } from './compare.ts';
import { loadManifest, type RealClip } from './manifest.ts';
import { exercisesFor, scoreClip, type ClipScore, type Exercise, type Outcome } from './score.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      clip: { type: 'string', multiple: true },
      fresh: { type: 'boolean', default: false },
      'model-fps': { type: 'string' },
      'compare-model-fps': { type: 'string' },
      'from-mirrors': { type: 'string' },
      dir: { type: 'string', default: path.join(ROOT, '.cache/real') },
      manifest: { type: 'string', default: path.join(ROOT, '../shared/real/manifest.json') },
    },
  });
  const dir = values.dir!;
  const clips = loadManifest(values.manifest!).filter((c) => !values.clip || values.clip.includes(c.name));
  mkdirSync(dir, { recursive: true });
  if (values['from-mirrors']) extractMissing(clips, dir, values['from-mirrors']);
  const readDir = path.join(dir, 'read');
  if (values.fresh) rmSync(readDir, { recursive: true, force: true });
  const { reader, other, rates } = readers(values, readDir);
  const present = clips.filter((c) => existsSync(path.join(dir, c.name)));
  const missing = clips.filter((c) => !present.includes(c));
  const t0 = performance.now();
  const { scores, comparisons } = await scoreAll(present, dir, reader, other);
  process.stdout.write(table(scores) + '\n');
  const right = scores.filter((s) => s.right).length;
  process.stdout.write(
    `\n${right} of ${scores.length} runs right (${present.length} clips, ${Math.round((performance.now() - t0) / 1000)} s).\n`,
  );
  if (other) process.stdout.write(`\n${comparisonTable(scores, comparisons, rates)}\n`);
  if (missing.length > 0) {
    process.stdout.write(
      `Missing (not scored): ${missing.map((c) => `${c.name} (${c.repo}${c.commit ? `@${c.commit.slice(0, 7)}` : ''}:${c.path})`).join(', ')}.\n`,
    );
    process.stdout.write(
      'Fetch their repositories and run again with --from-mirrors DIR, or put the files in ' + dir + '.\n',
    );
  }
  if (values.json) {
    writeFileSync(
      values.json,
      JSON.stringify(
        { scores, right, runs: scores.length, missing: missing.map((c) => c.name), comparisons },
        null,
        2,
      ) + '\n',
    );
    process.stdout.write(`Results written to ${values.json}\n`);
  }
  return 0;
}

type Comparison = { clip: string; exercise: Exercise; right: boolean } & OutcomeComparison;

/** Scores every present clip (and, with a second reader, compares its reading with the first's). */
async function scoreAll(
  present: readonly RealClip[],
  dir: string,
  reader: VideoReader,
  other: VideoReader | null,
): Promise<{ scores: ClipScore[]; comparisons: Comparison[] }> {
  const scores: ClipScore[] = [];
  const comparisons: Comparison[] = [];
  for (const c of present) {
    for (const exercise of exercisesFor(c)) {
      const outcome = await analyse(path.join(dir, c.name), exercise, reader);
      scores.push(scoreClip(c, exercise, outcome));
      if (!other) continue;
      const second = await analyse(path.join(dir, c.name), exercise, other);
      comparisons.push({
        clip: c.name,
        exercise,
        right: scoreClip(c, exercise, second).right,
        ...compareOutcomes(outcome, second),
      });
    }
  }
  return { scores, comparisons };
}

/** The reader at the chosen model rate (each exercise's default unless told), and the one compared with it. */
function readers(
  values: { 'model-fps'?: string | undefined; 'compare-model-fps'?: string | undefined },
  readDir: string,
) {
  const cached = cachedReader(fileReader(false), readDir, (what) => process.stderr.write(`${what}\n`));
  const fps = parseModelFps(values['model-fps']);
  const compare = values['compare-model-fps'];
  const compareFps = compare === undefined ? undefined : parseModelFps(compare, '--compare-model-fps');
  return {
    reader: atModelFps(cached, fps),
    other: compare === undefined ? null : atModelFps(cached, compareFps),
    rates: [fps, compareFps] as const,
  };
}

async function analyse(video: string, exercise: Exercise, reader: VideoReader): Promise<Outcome> {
  try {
    if (exercise === 'bird-dog') {
      const { result } = await birdDogFromVideo({ video, model: defaultModel('bird-dog'), modelChosen: false }, reader);
      return { kind: 'bird-dog', result };
    }
    const { result } = await stretchFromVideo({ video, model: defaultModel('hip-flexor-stretch') }, reader);
    return { kind: 'hip-flexor-stretch', result };
  } catch (err) {
    if (err instanceof CliError || err instanceof PoseError) return { kind: 'refused', message: err.message };
    throw err;
  }
}

function extractMissing(clips: readonly RealClip[], dir: string, mirrors: string): void {
  for (const c of clips) {
    const out = path.join(dir, c.name);
    if (existsSync(out)) continue;
    const base = path.join(mirrors, c.repo.replace('/', '+'));
    const gitDir = [path.join(base, 'repo'), base].find((d) => existsSync(path.join(d, 'HEAD')));
    if (!gitDir) {
      process.stderr.write(`No snapshot of ${c.repo} in ${mirrors}: fetch it first.\n`);
      continue;
    }
    try {
      const bytes = execFileSync('git', ['--git-dir', gitDir, 'show', `${c.commit ?? 'HEAD'}:${c.path}`], {
        maxBuffer: 1 << 30,
      });
      writeFileSync(out, bytes);
      process.stderr.write(`Extracted ${c.name} (${Math.round(bytes.length / 1024)} KB)\n`);
    } catch {
      process.stderr.write(`${c.path} is not in ${c.repo} at ${c.commit ?? 'HEAD'}: check the manifest.\n`);
    }
  }
}

/** A plain-text table: one row per clip and analysis, the failing checks spelled out. */
export function table(scores: readonly ClipScore[]): string {
  const rows = scores.map((s) => [
    s.clip,
    s.exercise,
    s.shows,
    s.right ? 'right' : 'WRONG',
    s.reps
      ? `${s.reps.found}/${s.reps.oneToOne}/${s.reps.merged}/${s.reps.extra}/${s.reps.legsRight} of ${s.reps.labelled}`
      : '',
    s.checks
      .filter((c) => !c.ok)
      .map((c) => `${c.name} (${c.detail})`)
      .join('; '),
  ]);
  const head = ['clip', 'analysis', 'shows', '', 'reps found/1:1/merged/extra/legs', 'wrong'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((x, i) => (i === r.length - 1 ? x : x.padEnd(w[i]!)))
      .join('  ')
      .trimEnd();
  return (
    [line(head), ...rows.map(line)].join('\n') +
    '\n\nWhat was said:\n' +
    scores.map((s) => `  ${s.clip} (${s.exercise}): ${s.said}`).join('\n')
  );
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);

/** Every frame against the lower model rate, one row per clip and analysis. */
export function comparisonTable(
  scores: readonly ClipScore[],
  rows: readonly Comparison[],
  rates: readonly [number | null | undefined, number | null | undefined],
): string {
  const [a, b] = rates.map((r) => (r === undefined ? "analyze's default" : r === null ? 'every frame' : `${r} fps`));
  const out = [
    `Two readings of each clip: the pose model at ${a} and at ${b}:`,
    '',
    `| clip | analysis | ${a} | ${b} | found | same findings | angles compared | largest angle change |`,
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const s = scores.find((x) => x.clip === r.clip && x.exercise === r.exercise);
    out.push(
      `| ${r.clip} | ${r.exercise} | ${s?.right ? 'right' : 'WRONG'} | ${r.right ? 'right' : 'WRONG'} | ${r.counts} | ${r.same ? 'yes' : `no: ${r.differences.join('; ')}`} | ${r.angles} | ${r.maxAngleDiffDeg === null ? '–' : `${r.maxAngleDiffDeg.toFixed(2)} (${r.worstAngle})`} |`,
    );
  }
  const same = rows.filter((r) => r.same).length;
  const worst = Math.max(0, ...rows.map((r) => r.maxAngleDiffDeg ?? 0));
  out.push('', `${same} of ${rows.length} the same; the largest angle change ${worst.toFixed(2)} degrees (limit 0.5).`);
  return out.join('\n');
}
