// `steadyback pose` end to end on a rendered bird-dog clip: the real command, model and ffmpeg.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLAZEPOSE_LANDMARKS } from '@steadyback/core';
import { birdDogSideClip } from '@steadyback/lab/fixtures';
import type { ClipTruthFile } from '@steadyback/lab';
import { makeTempDir } from '../../../pose/src/test-support/ffmpeg-fixtures.ts';
import { runCli, type CliRun } from '../test-support/run-cli.ts';

const tmp = makeTempDir('steadyback-pose-');
const f = (n: string) => path.join(tmp.dir, n);
let clip: { mp4: string; truth: ClipTruthFile };
let run: CliRun;

beforeAll(async () => {
  const c = await birdDogSideClip();
  clip = { mp4: c.mp4, truth: JSON.parse(readFileSync(c.truth, 'utf8')) as ClipTruthFile };
  run = await runCli([
    'pose',
    clip.mp4,
    '--model',
    'blazepose-lite',
    '--out',
    f('landmarks.jsonl'),
    '--overlay',
    f('overlay.mp4'),
  ]);
}, 300_000);
afterAll(() => tmp.cleanup());

describe('steadyback pose on a video of a person on all fours', () => {
  it('succeeds and prints a summary with frames, speed, person share and visibility', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Frames: ${clip.truth.frames.length} covering`));
    expect(run.stdout).toMatch(/Speed: [\d.]+ frames\/s, [\d.]+x real time/);
    expect(run.stdout).toMatch(/Person found in: (9\d|100)% of frames/);
    expect(run.stdout).toMatch(/Mean visibility: shoulders \d+%, hips \d+%, knees \d+%, ankles \d+%/);
    expect(run.stderr).toMatch(/Finding the body/); // progress is shown
  });

  it('writes one JSON object per frame with the documented schema and the real timestamps', () => {
    const lines = readFileSync(f('landmarks.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            tMs: number;
            landmarks: Array<{ name: string; x: number; y: number; visibility: number }> | null;
          },
      );
    expect(lines).toHaveLength(clip.truth.frames.length);
    lines.forEach((l, i) => expect(l.tMs).toBeCloseTo(clip.truth.frames[i]!.tMs, 0));
    const withPerson = lines.filter((l) => l.landmarks !== null);
    expect(withPerson.length / lines.length).toBeGreaterThan(0.95);
    for (const l of withPerson) {
      expect(l.landmarks!.map((p) => p.name)).toEqual([...BLAZEPOSE_LANDMARKS]);
      for (const p of l.landmarks!) {
        expect(typeof p.x).toBe('number');
        expect(p.visibility).toBeGreaterThanOrEqual(0);
        expect(p.visibility).toBeLessThanOrEqual(1);
      }
    }
    // The near (left) hip lands on the true hip, in normalised coordinates of the upright frame.
    const errs = withPerson
      .map((l, i) => {
        const truth = clip.truth.frames[i]!.truth;
        const hip = l.landmarks!.find((p) => p.name === 'left_hip')!;
        return Math.hypot(
          hip.x * truth.camera.widthPx - truth.joints2dPx.left_hip!.x,
          hip.y * truth.camera.heightPx - truth.joints2dPx.left_hip!.y,
        );
      })
      .sort((a, b) => a - b);
    expect(errs[Math.floor(errs.length / 2)]!).toBeLessThan(40);
  });

  it('writes a CSV with one row per frame and four columns per landmark', async () => {
    const csvRun = await runCli([
      'pose',
      clip.mp4,
      '--model',
      'movenet-lightning',
      '--out',
      f('landmarks.csv'),
      '--quiet',
    ]);
    expect(csvRun.code).toBe(0);
    const rows = readFileSync(f('landmarks.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(clip.truth.frames.length + 1);
    expect(rows[0]!.split(',')).toHaveLength(2 + 33 * 4);
    expect(rows[0]).toMatch(/^tMs,person,nose_x,nose_y,nose_z,nose_visibility,/);
    expect(rows[1]!.split(',')).toHaveLength(2 + 33 * 4);
  });

  it('writes an overlay video with the skeleton drawn where the body is', () => {
    const frames = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=nb_read_frames,width,height',
        '-of',
        'csv=p=0',
        f('overlay.mp4'),
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split(',')
      .map(Number);
    expect(frames[0]).toBe(640);
    expect(frames[2]).toBe(clip.truth.frames.length);
    // Frame 0: look for the skeleton's colours (orange = the person's left side) around the true left knee.
    const rgb = execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-i',
      f('overlay.mp4'),
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ]);
    const knee = clip.truth.frames[0]!.truth.joints2dPx.left_knee!;
    let orange = 0;
    for (let y = Math.round(knee.y) - 40; y < knee.y + 40; y++) {
      for (let x = Math.round(knee.x) - 40; x < knee.x + 40; x++) {
        const i = (y * 640 + x) * 3;
        if (rgb[i]! > 200 && rgb[i + 1]! > 100 && rgb[i + 1]! < 180 && rgb[i + 2]! < 80) orange++;
      }
    }
    expect(orange).toBeGreaterThan(20);
  });
});
