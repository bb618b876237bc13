// The overlay video: decodes the source again (decoding is 15-40x faster than pose inference, so a
// second pass is cheaper than holding every frame in memory), draws each frame's skeleton and
// encodes H.264 MP4 with ffmpeg.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { hasPerson, type FrameResult } from '@steadyback/core';
import { ffmpegPath, readFrames, type VideoInfo } from '@steadyback/pose/node';
import { CliError } from '../cli-error.ts';
import { drawSkeleton } from './draw-skeleton.ts';

export async function writeOverlayVideo(
  info: VideoInfo,
  frames: readonly FrameResult[],
  outPath: string,
  onFrame?: () => void,
): Promise<void> {
  const fps = info.fps ?? 30;
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    '-s',
    `${info.widthPx}x${info.heightPx}`,
    '-r',
    String(fps),
    '-i',
    'pipe:0',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '23',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    outPath,
  ];
  const enc = spawn(ffmpegPath(), args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  enc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<number | null>((resolve, reject) => {
    enc.on('error', reject);
    enc.on('close', resolve);
  });
  const { frames: decoded } = readFrames(info);
  let i = 0;
  for await (const { frame } of decoded) {
    const pose = frames[i++];
    if (pose && hasPerson(pose)) drawSkeleton(frame, pose);
    // The decoder reuses its buffer for the next frame, so hand the encoder a copy.
    if (!enc.stdin.write(Buffer.from(frame.data))) await once(enc.stdin, 'drain');
    onFrame?.();
  }
  enc.stdin.end();
  const code = await closed;
  if (code !== 0) {
    throw new CliError(
      `The overlay video could not be written to ${outPath} (${stderr.trim().split('\n')[0] ?? 'ffmpeg failed'}): choose a path ending in .mp4 in a folder you can write to.`,
    );
  }
}
