import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoseError } from '../errors.ts';
import { ffmpeg, makeTempDir, testPatternVideo } from '../test-support/ffmpeg-fixtures.ts';
import { probeVideo, readFrames } from './video-source.ts';

const tmp = makeTempDir();
const f = (name: string) => path.join(tmp.dir, name);

beforeAll(() => {
  testPatternVideo(f('cfr.mp4'), { widthPx: 320, heightPx: 240, fps: 10, seconds: 1 });
  // Variable frame rate: 100 ms steps, then 200 ms steps.
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=320x240:rate=10',
    '-t',
    '1',
    '-vf',
    "setpts='if(lt(N,5),N*0.1,0.5+(N-5)*0.2)/TB'",
    '-fps_mode',
    'passthrough',
    '-pix_fmt',
    'yuv420p',
    f('vfr.mkv'),
  ]);
  // A portrait phone video stored sideways: the upright picture has a red square top-left.
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'color=c=blue:s=240x320:r=10,drawbox=x=0:y=0:w=60:h=60:color=red:t=fill',
    '-t',
    '0.5',
    '-vf',
    'transpose=2',
    '-pix_fmt',
    'yuv420p',
    f('sideways.mp4'),
  ]);
  ffmpeg(['-i', f('sideways.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=270', f('portrait.mp4')]);
  testPatternVideo(f('huge.mp4'), { widthPx: 2560, heightPx: 1440, fps: 5, seconds: 0.4 });
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=200x100:rate=1', '-frames:v', '1', f('still.png')]);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=5', '-t', '1', f('anim.gif')]);
  ffmpeg(['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono', '-t', '1', '-c:a', 'aac', f('audio-only.mp4')]);
  writeFileSync(f('notes.txt'), 'This is not a video.\n');
  writeFileSync(f('random.mp4'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(f('empty.mp4'), '');
  // A recording cut short: the first third of an MP4 whose index sits at the end.
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10', '-t', '2', '-pix_fmt', 'yuv420p', f('whole.mp4')]);
  const whole = readFileSync(f('whole.mp4'));
  writeFileSync(f('truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 3)));
  mkdirSync(f('a-folder.mp4'));
});
afterAll(() => tmp.cleanup());

async function collect(file: string) {
  const info = await probeVideo(file);
  const { frames, report } = readFrames(info);
  const out: Array<{ tMs: number; index: number; first: number[] }> = [];
  for await (const d of frames)
    out.push({ tMs: d.tMs, index: d.index, first: Array.from(d.frame.data.subarray(0, 3)) });
  return { info, out, report };
}

async function expectPoseError(p: Promise<unknown>, code: string, pattern: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PoseError);
  expect((err as PoseError).code).toBe(code);
  expect((err as PoseError).message).toMatch(pattern);
  // One sentence that says what to do: no stack, no newline.
  expect((err as PoseError).message).not.toMatch(/\n/);
}

describe('probeVideo and readFrames', () => {
  it('reads every frame of a constant-rate video with its real timestamp', async () => {
    const { info, out, report } = await collect(f('cfr.mp4'));
    expect(info.widthPx).toBe(320);
    expect(info.heightPx).toBe(240);
    expect(info.fps).toBeCloseTo(10);
    expect(info.frameCount).toBe(10);
    expect(out.map((o) => Math.round(o.tMs))).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(report.framesRead).toBe(10);
    expect(report.decodeError).toBeNull();
  });

  it('keeps the real timestamps of a variable-frame-rate video instead of assuming a rate', async () => {
    const { out } = await collect(f('vfr.mkv'));
    // Reference: the presentation times ffprobe itself reports for each frame.
    const probed = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'frame=best_effort_timestamp_time',
        '-of',
        'csv=p=0',
        f('vfr.mkv'),
      ],
      { encoding: 'utf8' },
    )
      .split('\n')
      .map((l) => l.replace(/,/g, '').trim())
      .filter(Boolean)
      .map((v) => Math.round(Number(v) * 1000));
    expect(out.map((o) => Math.round(o.tMs))).toEqual(probed);
    const steps = new Set(probed.slice(1).map((t, i) => t - probed[i]!));
    expect(steps.size).toBeGreaterThan(1); // really variable
  });

  it('turns a sideways-stored portrait phone video upright', async () => {
    const info = await probeVideo(f('portrait.mp4'));
    expect(info.storedWidthPx).toBe(320);
    expect(info.storedHeightPx).toBe(240);
    expect(info.rotationDeg).toBe(90);
    expect([info.widthPx, info.heightPx]).toEqual([240, 320]);
    const { frames } = readFrames(info);
    for await (const { frame } of frames) {
      const px = (x: number, y: number) =>
        Array.from(frame.data.subarray((y * frame.widthPx + x) * 3, (y * frame.widthPx + x) * 3 + 3));
      expect(px(10, 10)[0]).toBeGreaterThan(200); // red square top-left
      expect(px(frame.widthPx - 10, frame.heightPx - 10)[0]).toBeLessThan(60); // blue elsewhere
      break;
    }
  });

  it('downscales a very large video so its long side is at most 1280 pixels', async () => {
    const { info, out } = await collect(f('huge.mp4'));
    expect(info.downscaled).toBe(true);
    expect(info.widthPx).toBe(1280);
    expect(info.heightPx).toBe(720);
    expect(out.length).toBe(2);
  });

  it('accepts a still image as a single frame and an animated GIF as a sequence', async () => {
    const still = await collect(f('still.png'));
    expect(still.info.isStillImage).toBe(true);
    expect(still.out.length).toBe(1);
    const gif = await collect(f('anim.gif'));
    expect(gif.out.length).toBe(5);
    expect(Math.round(gif.out[1]!.tMs)).toBe(200);
  });

  it('delivers only the requested frame range, keeping whole-video indices and times', async () => {
    const info = await probeVideo(f('cfr.mp4'));
    const { frames } = readFrames(info, { startFrame: 4, endFrame: 7 });
    const got: Array<[number, number]> = [];
    for await (const d of frames) got.push([d.index, Math.round(d.tMs)]);
    expect(got).toEqual([
      [4, 400],
      [5, 500],
      [6, 600],
    ]);
  });
});

describe('small frames (the motion pictures)', () => {
  it('hands out every small frame intact to a slow reader, though one pipe read holds many of them', async () => {
    // 32x24 RGB is 2304 bytes: a 64 KB pipe read carries 28 frames, more than the read-ahead ring.
    // Each frame is one flat grey that rises with its number, so a frame overwritten by a later
    // one shows.
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'color=c=black:s=32x24:r=10,geq=lum=32+N*3:cb=128:cr=128',
      '-t',
      '6',
      '-pix_fmt',
      'yuv444p',
      '-c:v',
      'libx264',
      '-qp',
      '0',
      f('ramp.mp4'),
    ]);
    const info = await probeVideo(f('ramp.mp4'));
    const grey: number[] = [];
    for await (const d of readFrames(info).frames) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      grey.push(d.frame.data[3 * (12 * 32 + 16)]!);
    }
    expect(grey).toHaveLength(60);
    // Levels 32..209 in steps of 3: each frame brighter than the last.
    for (let i = 1; i < grey.length; i++) expect(grey[i]!, `frame ${i}`).toBeGreaterThan(grey[i - 1]!);
  });
});

describe('time ranges (how two workers split a video)', () => {
  it('delivers exactly the frames in [startMs, endMs), and the two halves together make the whole', async () => {
    ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=160x120:rate=10',
      '-t',
      '8',
      '-g',
      '20',
      '-pix_fmt',
      'yuv420p',
      f('long.mp4'),
    ]);
    const info = await probeVideo(f('long.mp4'));
    const times = async (o: { startMs?: number; endMs?: number }) => {
      const out: number[] = [];
      for await (const d of readFrames(info, o).frames) out.push(Math.round(d.tMs));
      return out;
    };
    const first = await times({ startMs: 0, endMs: 4000 });
    const second = await times({ startMs: 4000 });
    expect(first[0]).toBe(0);
    expect(first.at(-1)).toBe(3900);
    expect(second[0]).toBe(4000);
    expect([...first, ...second]).toEqual(Array.from({ length: 80 }, (_, i) => i * 100));
  });
});

describe('a lower model rate (the decoder drops frames closer than minGapMs)', () => {
  const times = async (file: string, minGapMs: number) => {
    const info = await probeVideo(file);
    const out: number[] = [];
    for await (const d of readFrames(info, { minGapMs }).frames) out.push(Math.round(d.tMs));
    return out;
  };

  it('keeps every other frame of a 10 fps video at a 200 ms gap, and every third just past it', async () => {
    expect(await times(f('cfr.mp4'), 200)).toEqual([0, 200, 400, 600, 800]);
    expect(await times(f('cfr.mp4'), 201)).toEqual([0, 300, 600, 900]);
  });

  it('measures the gap on the real timestamps of a variable-frame-rate video', async () => {
    const all = (await collect(f('vfr.mkv'))).out.map((o) => Math.round(o.tMs));
    const kept: number[] = [];
    for (const t of all) if (kept.length === 0 || t - kept.at(-1)! >= 150) kept.push(t);
    expect(new Set(all.slice(1).map((t, i) => t - all[i]!)).size).toBeGreaterThan(1); // really variable
    expect(kept.length).toBeLessThan(all.length);
    expect(await times(f('vfr.mkv'), 150)).toEqual(kept);
  });
});

describe('bad video input', () => {
  it('says there is no file when the path does not exist', async () => {
    await expectPoseError(probeVideo(f('nope.mp4')), 'file-missing', /no file at .*nope\.mp4.*check the path/i);
  });
  it('says a folder is not a video', async () => {
    await expectPoseError(probeVideo(f('a-folder.mp4')), 'file-missing', /folder/);
  });
  it('says an empty file must be recorded again', async () => {
    await expectPoseError(probeVideo(f('empty.mp4')), 'corrupt-video', /empty/);
  });
  it('says a text file is not a video', async () => {
    await expectPoseError(probeVideo(f('notes.txt')), 'not-a-video', /not a video/);
  });
  it('says random bytes named .mp4 are damaged', async () => {
    await expectPoseError(probeVideo(f('random.mp4')), 'corrupt-video', /damaged or incomplete/);
  });
  it('says a truncated recording is damaged or incomplete', async () => {
    await expectPoseError(probeVideo(f('truncated.mp4')), 'corrupt-video', /damaged or incomplete/);
  });
  it('says a file with sound but no picture has no video in it', async () => {
    await expectPoseError(probeVideo(f('audio-only.mp4')), 'not-a-video', /no video picture/);
  });
});
