// Test fixtures made on the spot with ffmpeg's own test sources (no media from elsewhere).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function makeTempDir(prefix = 'steadyback-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function ffmpeg(args: readonly string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** A synthetic test-pattern video. */
export function testPatternVideo(
  out: string,
  opts: { widthPx: number; heightPx: number; fps: number; seconds: number },
): string {
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=${opts.widthPx}x${opts.heightPx}:rate=${opts.fps}`,
    '-t',
    String(opts.seconds),
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  return out;
}
