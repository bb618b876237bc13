// The phone log read by `steadyback analyze --sensor`: hostile logs get one sentence, and the two
// ways of writing cues give the same result.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSensorCsv, type SensorSample } from '@steadyback/core';
import { birdDogSession, generatePelvisStream } from '@steadyback/synthetic';
import { makeTempDir } from '../../pose/src/test-support/ffmpeg-fixtures.ts';
import { lastErrorLine, runCli } from './test-support/run-cli.ts';
import { MAX_SENSOR_FILE_BYTES } from './sensor-input.ts';

const tmp = makeTempDir('steadyback-sensor-');
const f = (n: string) => path.join(tmp.dir, n);
let samples: SensorSample[];

beforeAll(() => {
  const session = birdDogSession({
    repsPerSide: 2,
    repTilt: { left: { rollDeg: -12, pitchDeg: 1 }, right: { rollDeg: 12, pitchDeg: 1 } },
  });
  samples = generatePelvisStream({
    timeline: session.timeline,
    durationMs: session.durationMs,
    mountingYawDeg: 45,
    noiseSdDeg: 0.3,
    seed: 2,
  }).samples;
  writeFileSync(f('every.csv'), formatSensorCsv(samples));
  const once = samples.map((s, i): SensorSample => {
    if (s.cue === undefined || samples[i - 1]?.cue !== s.cue) return s;
    const { cue: _spoken, ...rest } = s;
    return rest;
  });
  writeFileSync(f('once.csv'), formatSensorCsv(once));
  writeFileSync(
    f('seconds.csv'),
    formatSensorCsv(samples.map((s) => ({ ...s, tMs: Math.floor(s.tMs / 1000) * 1000 }))),
  );
  // A phone left recording: more than the size limit of real rows, times still counting up.
  const row = '1000.0,45.119,0.072,-0.18,settle\n';
  writeFileSync(
    f('huge.csv'),
    'tMs,alpha,beta,gamma,cue\n' + row.repeat(Math.ceil((MAX_SENSOR_FILE_BYTES + 1) / row.length)),
  );
});
afterAll(() => tmp.cleanup());

const analyze = (csv: string, json?: string) =>
  runCli(['analyze', '--exercise', 'bird-dog', '--sensor', f(csv), ...(json ? ['--json', f(json)] : [])]);

describe('steadyback analyze --sensor with hostile phone logs', () => {
  it('refuses a log over the size limit at once, in one sentence', async () => {
    const run = await analyze('huge.csv');
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toBe(
      'steadyback: huge.csv is 16 MB, more than the 16 MB of phone readings steadyback reads (about an hour): keep only the session you want analysed and try again.',
    );
  }, 30_000);

  it('says why times rounded to whole seconds cannot be used, instead of "not measurable" everywhere', async () => {
    const run = await analyze('seconds.csv');
    expect(run.code).toBe(1);
    expect(lastErrorLine(run)).toMatch(
      /^steadyback: seconds\.csv: \d+ of \d+ samples have the same time as the one before, and the time moves on only about every 1000 ms, too seldom/,
    );
  }, 30_000);

  it('reads a log that holds every row twice as the same session', async () => {
    writeFileSync(f('twice.csv'), formatSensorCsv(samples.flatMap((s) => [s, s])));
    const run = await analyze('twice.csv', 'twice.json');
    expect(run.code).toBe(0);
    const r = JSON.parse(readFileSync(f('twice.json'), 'utf8')) as {
      reps: Array<{ metrics: { R1: { band: string } } }>;
    };
    expect(r.reps).toHaveLength(4);
    expect(r.reps.every((rep) => rep.metrics.R1.band === 'red')).toBe(true);
  }, 30_000);

  it('reads each cue as lasting until the next: a log that writes each cue once gives the same result', async () => {
    expect((await analyze('every.csv', 'every.json')).code).toBe(0);
    expect((await analyze('once.csv', 'once.json')).code).toBe(0);
    const every = readFileSync(f('every.json'), 'utf8');
    expect(readFileSync(f('once.json'), 'utf8')).toBe(every);
    const r = JSON.parse(every) as { reps: Array<{ metrics: { R1: { band: string } } }> };
    expect(r.reps).toHaveLength(4);
    expect(r.reps.every((rep) => rep.metrics.R1.band === 'red')).toBe(true);
  }, 60_000);
});
