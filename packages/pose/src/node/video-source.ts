// Recorded video (and still images, animated GIFs) as a stream of upright RGB frames with their
// real timestamps. ffprobe reads the geometry and rotation; ffmpeg decodes, applies the phone's
// rotation metadata, downscales very large frames, and reports each frame's pts via showinfo.
// Frames are read into one preallocated buffer (DESIGN.md section 3: concatenating chunks was 3x
// slower), so a consumer that keeps a frame must copy it.

import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PoseError } from '../errors.ts';
import type { RgbFrame } from '../pose-source.ts';
import { FFMPEG_MISSING_MESSAGE, ffmpegPath, ffprobePath, run } from './ffmpeg.ts';

export interface VideoInfo {
  readonly path: string;
  /** Size of the frames we deliver: upright and, if needed, downscaled. */
  readonly widthPx: number;
  readonly heightPx: number;
  /** Size as stored in the file, before rotation. */
  readonly storedWidthPx: number;
  readonly storedHeightPx: number;
  /** Clockwise rotation the player applies to show the video upright (0, 90, 180, 270). */
  readonly rotationDeg: number;
  readonly downscaled: boolean;
  readonly fps: number | null;
  readonly durationMs: number | null;
  /** Frame count if the container knows it (or it was counted); null if unknown. */
  readonly frameCount: number | null;
  readonly startTimeS: number;
  readonly isStillImage: boolean;
  readonly codec: string;
}

export interface ProbeOptions {
  /** Frames whose longer side exceeds this are downscaled (keeps pose models fast and memory low). */
  readonly maxLongSidePx?: number;
}

export const DEFAULT_MAX_LONG_SIDE_PX = 1280;

/** Frames decoded ahead of the consumer (each one preallocated). */
export const READ_AHEAD_FRAMES = 4;

const STILL_IMAGE_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|webp_pipe|bmp_pipe|tiff_pipe)(,|$)/;

export async function probeVideo(filePath: string, options: ProbeOptions = {}): Promise<VideoInfo> {
  const maxLong = options.maxLongSidePx ?? DEFAULT_MAX_LONG_SIDE_PX;
  const shown = path.basename(filePath);
  try {
    const s = await stat(filePath);
    if (!s.isFile())
      throw new PoseError('file-missing', `${shown} is a folder, not a video: give the path of a video file.`);
    if (s.size === 0)
      throw new PoseError('corrupt-video', `${shown} is empty (0 bytes): record or copy the video again.`);
  } catch (err) {
    if (err instanceof PoseError) throw err;
    throw new PoseError('file-missing', `There is no file at ${filePath}: check the path and try again.`, {
      cause: err,
    });
  }
  const probe = await run(ffprobePath(), [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    '-show_format',
    filePath,
  ]);
  if (probe.code !== 0) {
    throw unreadable(filePath, probe.stderr);
  }
  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(probe.stdout.toString('utf8')) as FfprobeOutput;
  } catch (err) {
    throw new PoseError(
      'not-a-video',
      `${shown} is not a video or image steadyback can read: export it as MP4 (H.264) and try again.`,
      { cause: err },
    );
  }
  const stream = (parsed.streams ?? []).find((st) => st.codec_type === 'video');
  const formatName = parsed.format?.format_name ?? '';
  if (!stream || !stream.width || !stream.height || formatName === 'tty') {
    throw new PoseError('not-a-video', `${shown} has no video picture in it: choose a video or photo file.`);
  }
  const rotationDeg = normaliseRotation(readRotation(stream));
  const swap = rotationDeg === 90 || rotationDeg === 270;
  const uprightW = swap ? stream.height : stream.width;
  const uprightH = swap ? stream.width : stream.height;
  const scale = Math.min(1, maxLong / Math.max(uprightW, uprightH));
  // Even sizes keep every pixel format and encoder happy.
  const widthPx = scale < 1 ? Math.max(2, Math.round((uprightW * scale) / 2) * 2) : uprightW;
  const heightPx = scale < 1 ? Math.max(2, Math.round((uprightH * scale) / 2) * 2) : uprightH;
  const fps = parseRate(stream.avg_frame_rate) ?? parseRate(stream.r_frame_rate);
  const durationS = num(stream.duration) ?? num(parsed.format?.duration);
  const isStillImage = STILL_IMAGE_FORMATS.test(formatName);
  let frameCount = isStillImage ? 1 : (num(stream.nb_frames) ?? null);
  if (frameCount === null && !isStillImage) frameCount = await countPackets(filePath);
  return {
    path: filePath,
    widthPx,
    heightPx,
    storedWidthPx: stream.width,
    storedHeightPx: stream.height,
    rotationDeg,
    downscaled: scale < 1,
    fps: isStillImage ? null : fps,
    durationMs: durationS !== null ? durationS * 1000 : null,
    frameCount,
    startTimeS: num(stream.start_time) ?? num(parsed.format?.start_time) ?? 0,
    isStillImage,
    codec: stream.codec_name ?? 'unknown',
  };
}

export interface DecodedFrame {
  /** Upright RGB pixels; the buffer is reused for the next frame. */
  readonly frame: RgbFrame;
  /** Real presentation time from the file, ms from the first frame of the stream. */
  readonly tMs: number;
  /** 0-based index of the frame in the whole video. */
  readonly index: number;
}

export interface ReadOptions {
  /** First frame index to deliver (inclusive). */
  readonly startFrame?: number;
  /** Last frame index to deliver (exclusive). */
  readonly endFrame?: number;
  /**
   * Alternatively, a time range (ms from the first frame; start inclusive, end exclusive). The
   * decoder seeks near the start instead of decoding everything before it, so two workers that
   * split a video by time do not both decode the whole file. Frame indices are then unknown (-1).
   */
  readonly startMs?: number;
  readonly endMs?: number;
}

/** Seek this far before a time range's start, so the decoder reaches a keyframe before it. */
const SEEK_MARGIN_S = 3;

export interface DecodeReport {
  /** Frames delivered. */
  framesRead: number;
  /** ffmpeg's complaint if decoding ended with an error (damaged or truncated file). */
  decodeError: string | null;
}

/**
 * Decodes frames one at a time. The returned report is filled in as decoding proceeds and is
 * final once the iterator is done.
 */
export function readFrames(
  info: VideoInfo,
  options: ReadOptions = {},
): { frames: AsyncGenerator<DecodedFrame>; report: DecodeReport } {
  const report: DecodeReport = { framesRead: 0, decodeError: null };
  return { frames: decode(info, options, report), report };
}

async function* decode(info: VideoInfo, options: ReadOptions, report: DecodeReport): AsyncGenerator<DecodedFrame> {
  const byTime = options.startMs !== undefined || options.endMs !== undefined;
  const start = byTime ? -1 : (options.startFrame ?? 0);
  const end = options.endFrame;
  const filters: string[] = [];
  const input: string[] = [];
  if (byTime) {
    const s0 = info.startTimeS + (options.startMs ?? 0) / 1000;
    const s1 = options.endMs !== undefined ? info.startTimeS + options.endMs / 1000 : Number.MAX_SAFE_INTEGER;
    // -copyts keeps the file's own timestamps, so the select and showinfo see real times.
    if (s0 - info.startTimeS > SEEK_MARGIN_S) input.push('-ss', (s0 - SEEK_MARGIN_S).toFixed(3));
    input.push('-copyts');
    filters.push(`select='gte(t\\,${s0.toFixed(6)})*lt(t\\,${s1 === Number.MAX_SAFE_INTEGER ? s1 : s1.toFixed(6)})'`);
  } else if (start > 0 || end !== undefined) {
    filters.push(`select='between(n\\,${start}\\,${(end ?? Number.MAX_SAFE_INTEGER) - 1})'`);
  }
  if (info.downscaled) filters.push(`scale=${info.widthPx}:${info.heightPx}:flags=area`);
  filters.push('showinfo');
  const args = [
    '-hide_banner',
    '-nostats',
    '-nostdin',
    '-loglevel',
    'info',
    ...input,
    '-i',
    info.path,
    '-map',
    '0:v:0',
    '-vf',
    filters.join(','),
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ];
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const spawnError = new Promise<never>((_, reject) =>
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new PoseError('ffmpeg-missing', FFMPEG_MISSING_MESSAGE, { cause: e }) : e),
    ),
  );
  spawnError.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

  const timestamps: number[] = [];
  let waiting: (() => void) | null = null;
  let stderrTail = '';
  const errorLines: string[] = [];
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      const m = /\bn:\s*\d+\s+pts:\s*-?\d+\s+pts_time:(-?[\d.eE+-]+)/.exec(line);
      if (m && line.includes('showinfo')) {
        timestamps.push(Number(m[1]));
        waiting?.();
      } else if (/error|invalid|corrupt|truncat|moov atom/i.test(line) && !line.includes('showinfo')) {
        if (errorLines.length < 5) errorLines.push(line.trim());
      }
      stderrTail = (stderrTail + line + '\n').slice(-2000);
    }
  });
  const stderrDone = new Promise<void>((resolve) =>
    child.stderr.on('end', () => {
      waiting?.();
      resolve();
    }),
  );

  const frameBytes = info.widthPx * info.heightPx * 3;
  // A small ring of preallocated frame buffers filled in the background, so ffmpeg decodes the
  // next frames while the consumer runs the model on this one (a pipe holds only 64 KB, less
  // than one frame, so reading strictly on demand would serialise decoding and inference).
  const ring = Array.from({ length: READ_AHEAD_FRAMES }, () => new Uint8Array(frameBytes));
  let writeSlot = 0; // slot being filled
  let filled = 0;
  let ready = 0; // complete frames not yet handed out
  let readSlot = 0;
  let ended = false;
  let streamError: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const stdout = child.stdout;
  // One read from the pipe can carry many small frames (64 KB is 28 frames of 32x24): what does not
  // fit waits here, with the pipe paused, until the consumer frees a slot. (Writing it into the
  // ring regardless overwrote frames not yet handed out: the motion pictures of one video differed
  // from read to read.)
  let leftover: Buffer | null = null;
  const fill = () => {
    // Keep one slot free for the frame the consumer holds.
    while (leftover && ready < ring.length - 1) {
      const take = Math.min(frameBytes - filled, leftover.length);
      ring[writeSlot]!.set(leftover.subarray(0, take), filled);
      filled += take;
      leftover = take < leftover.length ? leftover.subarray(take) : null;
      if (filled === frameBytes) {
        filled = 0;
        writeSlot = (writeSlot + 1) % ring.length;
        ready++;
        notify();
      }
    }
    if (leftover) stdout.pause();
    else if (stdout.isPaused()) stdout.resume();
  };
  stdout.on('data', (chunk: Buffer) => {
    leftover = leftover ? Buffer.concat([leftover, chunk]) : chunk;
    fill();
  });
  stdout.on('end', () => {
    ended = true;
    notify();
  });
  stdout.on('error', (e: Error) => {
    streamError = e;
    notify();
  });
  let k = 0;
  const fallbackDtMs = info.fps ? 1000 / info.fps : 33.333;
  let stderrEnded = false;
  stderrDone.then(() => (stderrEnded = true));

  const timestampFor = async (i: number): Promise<number> => {
    while (timestamps.length <= i && !stderrEnded) {
      await new Promise<void>((resolve) => {
        waiting = () => {
          waiting = null;
          resolve();
        };
        // Guard against a lost wake-up: re-check soon even without new stderr.
        setTimeout(() => waiting?.(), 50);
      });
    }
    const t = timestamps[i];
    if (t === undefined) return (Math.max(0, start) + i) * fallbackDtMs;
    return (t - info.startTimeS) * 1000;
  };

  try {
    for (;;) {
      while (ready === 0 && !ended && !streamError) await new Promise<void>((resolve) => (wake = resolve));
      if (streamError) throw streamError;
      if (ready === 0 && ended) break;
      const data = ring[readSlot]!;
      const tMs = await timestampFor(k);
      report.framesRead++;
      yield {
        frame: { data, widthPx: info.widthPx, heightPx: info.heightPx, channels: 3 },
        tMs,
        index: start < 0 ? -1 : start + k,
      };
      // The consumer is done with this slot: release it and let ffmpeg continue.
      readSlot = (readSlot + 1) % ring.length;
      ready--;
      k++;
      fill();
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const code = await Promise.race([exited, spawnError]);
  if (code !== 0 || errorLines.length > 0) {
    report.decodeError = errorLines[0] ?? stderrTail.trim().split('\n').pop() ?? `ffmpeg exited with code ${code}`;
  }
}

function unreadable(filePath: string, stderr: string): PoseError {
  const shown = path.basename(filePath);
  const ext = path.extname(filePath).toLowerCase();
  const looksLikeVideo = [
    '.mp4',
    '.mov',
    '.m4v',
    '.webm',
    '.mkv',
    '.avi',
    '.3gp',
    '.gif',
    '.png',
    '.jpg',
    '.jpeg',
  ].includes(ext);
  if (looksLikeVideo || /moov atom|truncat/i.test(stderr)) {
    return new PoseError(
      'corrupt-video',
      `${shown} looks damaged or incomplete and cannot be opened: copy or export the video again and retry.`,
    );
  }
  return new PoseError(
    'not-a-video',
    `${shown} is not a video or image steadyback can read: choose an MP4, MOV, WebM, GIF, PNG or JPEG file.`,
  );
}

async function countPackets(filePath: string): Promise<number | null> {
  const r = await run(ffprobePath(), [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-count_packets',
    '-show_entries',
    'stream=nb_read_packets',
    '-of',
    'csv=p=0',
    filePath,
  ]);
  const n = Number(r.stdout.toString('utf8').trim());
  return r.code === 0 && Number.isFinite(n) && n > 0 ? n : null;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  start_time?: string;
  tags?: Record<string, string>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>;
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string };
}

function readRotation(stream: FfprobeStream): number {
  const side = stream.side_data_list?.find((d) => typeof d.rotation === 'number');
  // ffprobe reports the display matrix rotation counter-clockwise; players rotate by its negation.
  if (side && typeof side.rotation === 'number') return -side.rotation;
  const tag = stream.tags?.['rotate'];
  return tag ? Number(tag) : 0;
}

function normaliseRotation(deg: number): number {
  const r = (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  return r;
}

function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [a, b] = rate.split('/').map(Number);
  if (!a || !b) return null;
  const r = a / b;
  return Number.isFinite(r) && r > 0 && r < 1000 ? r : null;
}

function num(v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
