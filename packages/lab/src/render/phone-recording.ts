// A rendered clip made to look like a phone's own recording, for the tests that stand in for a
// real phone video: hand-held wobble, auto exposure drifting, sensor noise, uneven frame times,
// strong compression and, optionally, a portrait picture stored sideways with rotation metadata
// (as phones store it). Every effect is an ffmpeg filter with fixed parameters, so the result is
// the same on every run.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FFMPEG_PATH } from './clips.ts';

export interface PhoneRecordingOptions {
  /** Largest wobble of the picture, in source pixels (two incommensurate swings per axis). Default 10. */
  readonly wobblePx?: number;
  /** Auto exposure: the picture's gain swings by this share either way (multiplicative). Default 0.15. */
  readonly exposureSwing?: number;
  /** Temporal sensor noise, ffmpeg's noise strength (0-100). Default 8. */
  readonly noise?: number;
  /** H.264 quality (higher = stronger compression). Default 30. */
  readonly crf?: number;
  /** Crop a portrait picture (3:4) from the middle and store it sideways with rotation metadata, as phones do. Default false. */
  readonly portrait?: boolean;
  /** Uneven frame times (a phone's variable frame rate): each frame's time moves by up to this share of a frame. Default 0.3. */
  readonly timeJitter?: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));

function filterChain(o: Required<PhoneRecordingOptions>, fps: number): string {
  const w = o.wobblePx;
  // The picture moves inside a slightly larger frame: the margin is cropped away, then scaled back.
  const cropX = `${w}+${(0.6 * w).toFixed(2)}*sin(2*PI*0.37*t)+${(0.4 * w).toFixed(2)}*sin(2*PI*1.3*t+1)`;
  const cropY = `${w}+${(0.6 * w).toFixed(2)}*sin(2*PI*0.53*t+2)+${(0.4 * w).toFixed(2)}*sin(2*PI*1.7*t)`;
  const steps = [
    `crop=w=iw-${2 * w}:h=ih-${2 * w}:x='${cropX}':y='${cropY}'`,
    // Exposure scales light: luma times a slowly swinging gain.
    `geq=lum='clip(p(X,Y)*(1+${o.exposureSwing}*sin(2*PI*T/4.1)),0,255)':cb='p(X,Y)':cr='p(X,Y)'`,
    `noise=alls=${o.noise}:allf=t`,
    `setpts='(N+${o.timeJitter}*sin(1.7*N))/(${fps}*TB)'`,
  ];
  if (o.portrait) steps.push('crop=w=trunc(ih*3/8)*2:h=ih', 'transpose=cclock');
  return steps.join(',');
}

/**
 * Writes `<clip>.phone-<hash>.mp4` beside the rendered clip (once; later calls reuse it) and
 * returns its path. The hash covers the options and this file, so a change makes a new file.
 */
export function phoneRecording(srcMp4: string, fps: number, options: PhoneRecordingOptions = {}): string {
  const o: Required<PhoneRecordingOptions> = {
    wobblePx: 10,
    exposureSwing: 0.15,
    noise: 8,
    crf: 30,
    portrait: false,
    timeJitter: 0.3,
    ...options,
  };
  const hash = createHash('sha256')
    .update(JSON.stringify(o))
    .update(String(fps))
    .update(readFileSync(path.join(HERE, 'phone-recording.ts')))
    .digest('hex')
    .slice(0, 10);
  const out = srcMp4.replace(/\.mp4$/, `.phone-${hash}.mp4`);
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp.mp4`;
  ffmpeg([
    '-i',
    srcMp4,
    '-vf',
    filterChain(o, fps),
    '-fps_mode',
    'vfr',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    String(o.crf),
    '-pix_fmt',
    'yuv420p',
    tmp,
  ]);
  if (o.portrait) {
    // The portrait picture was stored sideways (a quarter turn counterclockwise): the tag tells players to turn it back.
    const tagged = `${out}.${process.pid}.tagged.mp4`;
    ffmpeg(['-i', tmp, '-c', 'copy', '-metadata:s:v:0', 'rotate=270', tagged]);
    renameSync(tagged, tmp);
  }
  renameSync(tmp, out);
  return out;
}

function ffmpeg(args: readonly string[]): void {
  const r = spawnSync(FFMPEG_PATH, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.error) throw new Error(`ffmpeg could not start at ${FFMPEG_PATH}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`ffmpeg (phone recording) exited with ${r.status}: ${r.stderr.trim()}`);
}
