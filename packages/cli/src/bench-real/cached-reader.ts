// A VideoReader that keeps what it read in .cache/real/read/: the pose frames per clip and model,
// and the small grey pictures, keyed by the video's content and the pose package's reading
// version. The benchmark then re-runs the analysis on twelve clips in seconds instead of minutes,
// and a change to the analysis is measured on exactly the same poses.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MotionFrames } from '@steadyback/core';
import type { VideoInfo, VideoPoseResult } from '@steadyback/pose/node';
import type { VideoReader } from '../analysis/video-analysis.ts';

/** Bump when the pose path changes what it reads from a video (decoding, scaling, the models' use). */
export const READ_CACHE_VERSION = 1;

/** Each model rate is cached apart (every frame without a suffix, as before rates were chosen). */
export function cachedReader(inner: VideoReader, dir: string, onRead?: (what: string) => void): VideoReader {
  mkdirSync(dir, { recursive: true });
  const hashes = new Map<string, string>();
  const key = (video: string) => {
    let h = hashes.get(video);
    if (!h) {
      h = createHash('sha256').update(readFileSync(video)).update(`v${READ_CACHE_VERSION}`).digest('hex').slice(0, 16);
      hashes.set(video, h);
    }
    return `${path.basename(video)}.${h}`;
  };
  return {
    async poses(video, model, label, maxModelFps) {
      const file = path.join(dir, `${key(video)}.${model}${maxModelFps ? `.${maxModelFps}fps` : ''}.json`);
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as VideoPoseResult;
      onRead?.(
        `${label} (${model}) in ${path.basename(video)} ${maxModelFps ? `at ${maxModelFps} fps` : 'on every frame'}`,
      );
      const r = await inner.poses(video, model, label, maxModelFps);
      writeFileSync(file, JSON.stringify(r));
      return r;
    },
    async motion(info: VideoInfo) {
      const base = path.join(dir, `${key(info.path)}.motion`);
      if (existsSync(`${base}.json`) && existsSync(`${base}.bin`)) {
        const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {
          widthPx: number;
          heightPx: number;
          tMs: number[];
        };
        const bin = readFileSync(`${base}.bin`);
        const size = meta.widthPx * meta.heightPx;
        const luma = meta.tMs.map((_, i) => new Uint8Array(bin.buffer, bin.byteOffset + i * size, size));
        return { ...meta, luma } satisfies MotionFrames;
      }
      const m = await inner.motion(info);
      writeFileSync(`${base}.json`, JSON.stringify({ widthPx: m.widthPx, heightPx: m.heightPx, tMs: m.tMs }));
      writeFileSync(`${base}.bin`, Buffer.concat(m.luma.map((l) => Buffer.from(l.buffer, l.byteOffset, l.byteLength))));
      return m;
    },
  };
}
