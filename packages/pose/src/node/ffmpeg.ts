// Locating and running ffmpeg/ffprobe. We use a system ffmpeg (Debian's package, or any build on
// PATH, or STEADYBACK_FFMPEG / STEADYBACK_FFPROBE): it runs as a separate program, so its licence
// does not reach into ours.

import { spawn } from 'node:child_process';
import { PoseError } from '../errors.ts';

export function ffmpegPath(): string {
  return process.env['STEADYBACK_FFMPEG'] || 'ffmpeg';
}

export function ffprobePath(): string {
  return process.env['STEADYBACK_FFPROBE'] || 'ffprobe';
}

export const FFMPEG_MISSING_MESSAGE =
  'ffmpeg is not installed: install it (for example `apt-get install -y ffmpeg`) or set STEADYBACK_FFMPEG and STEADYBACK_FFPROBE to their paths.';

export interface RunResult {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs a program to completion, collecting output; ENOENT becomes a clear 'ffmpeg-missing' error. */
export function run(cmd: string, args: readonly string[], input?: Buffer): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT' ? new PoseError('ffmpeg-missing', FFMPEG_MISSING_MESSAGE, { cause: e }) : e);
    });
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
    if (input && child.stdin) child.stdin.end(input);
  });
}
