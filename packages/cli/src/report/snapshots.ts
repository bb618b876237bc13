// Snapshots of chosen moments of a video with the skeleton drawn on them, as PNG data URIs for the
// self-contained HTML reports. Decodes the video once, keeps only the wanted frames.

import { hasPerson, type FrameResult } from '@steadyback/core';
import { ffmpegPath, readFrames, run, type VideoInfo } from '@steadyback/pose/node';
import { drawSkeleton } from '../overlay/draw-skeleton.ts';

export interface Snapshot {
  readonly tMs: number;
  readonly dataUri: string;
}

/** One snapshot per wanted time (the nearest frame), skeleton drawn, scaled to `widthPx`. */
export async function snapshotsAt(
  info: VideoInfo,
  poses: readonly FrameResult[],
  wantedMs: readonly number[],
  widthPx = 360,
): Promise<Map<number, Snapshot>> {
  const out = new Map<number, Snapshot>();
  if (wantedMs.length === 0 || poses.length === 0) return out;
  // For each wanted time, the index of the nearest analysed frame (frames are in time order).
  const wantedIndex = new Map<number, number[]>();
  for (const t of wantedMs) {
    let best = 0;
    for (let i = 0; i < poses.length; i++) if (Math.abs(poses[i]!.tMs - t) < Math.abs(poses[best]!.tMs - t)) best = i;
    wantedIndex.set(best, [...(wantedIndex.get(best) ?? []), t]);
  }
  const { frames } = readFrames(info);
  let i = 0;
  for await (const { frame } of frames) {
    const ts = wantedIndex.get(i);
    const pose = poses[i];
    i++;
    if (!ts) continue;
    const copy = { ...frame, data: Uint8Array.from(frame.data) };
    if (pose && hasPerson(pose)) drawSkeleton(copy, pose);
    const png = await run(
      ffmpegPath(),
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'rgb24',
        '-s',
        `${frame.widthPx}x${frame.heightPx}`,
        '-i',
        'pipe:0',
        '-vf',
        `scale=${widthPx}:-2`,
        '-frames:v',
        '1',
        '-f',
        'image2pipe',
        '-vcodec',
        'png',
        'pipe:1',
      ],
      Buffer.from(copy.data),
    );
    if (png.code === 0)
      for (const t of ts) out.set(t, { tMs: t, dataUri: `data:image/png;base64,${png.stdout.toString('base64')}` });
    if (out.size === wantedMs.length) break;
  }
  return out;
}
