// Recorded video (and still images, animated GIFs) as a stream of upright RGB frames with their
// real timestamps. ffprobe reads the geometry and rotation; ffmpeg decodes, applies the phone's
// rotation metadata, downscales very large frames, and reports each frame's pts via showinfo.
// Frames are read into one preallocated buffer (DESIGN.md section 3: concatenating chunks was 3x
// slower), so a consumer that keeps a frame must copy it.

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { PoseError } from '../errors.ts';
import type { RgbFrame } from '../pose-source.ts';
import { FFMPEG_MISSING_MESSAGE, ffmpegPath, ffprobePath, run } from './ffmpeg.ts';
import { FrameRing } from './frame-ring.ts';
import { ShowinfoLog } from './showinfo-log.ts';

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
  await checkIsFile(filePath);
  const { stream, formatName, format } = await readProbe(filePath);
  const rotationDeg = normaliseRotation(readRotation(stream));
  const size = deliveredSize(stream, rotationDeg, options.maxLongSidePx ?? DEFAULT_MAX_LONG_SIDE_PX);
  const fps = parseRate(stream.avg_frame_rate) ?? parseRate(stream.r_frame_rate);
  const durationS = num(stream.duration) ?? num(format?.duration);
  const isStillImage = STILL_IMAGE_FORMATS.test(formatName);
  let frameCount = isStillImage ? 1 : (num(stream.nb_frames) ?? null);
  if (frameCount === null && !isStillImage) frameCount = await countPackets(filePath);
  return {
    path: filePath,
    ...size,
    storedWidthPx: stream.width,
    storedHeightPx: stream.height,
    rotationDeg,
    fps: isStillImage ? null : fps,
    durationMs: durationS !== null ? durationS * 1000 : null,
    frameCount,
    startTimeS: num(stream.start_time) ?? num(format?.start_time) ?? 0,
    isStillImage,
    codec: stream.codec_name ?? 'unknown',
  };
}

/** Refuses a path that is missing, a folder or empty, in one sentence. */
async function checkIsFile(filePath: string): Promise<void> {
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
}

type VideoStream = FfprobeStream & { width: number; height: number };

/** ffprobe's view of the file: its first video stream, or a sentence saying why there is none. */
async function readProbe(
  filePath: string,
): Promise<{ stream: VideoStream; formatName: string; format: FfprobeOutput['format'] }> {
  const shown = path.basename(filePath);
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
  return { stream: stream as VideoStream, formatName, format: parsed.format };
}

/** The upright size of the frames we deliver, downscaled so the longer side is at most maxLong. */
function deliveredSize(
  stream: VideoStream,
  rotationDeg: number,
  maxLong: number,
): { widthPx: number; heightPx: number; downscaled: boolean } {
  const swap = rotationDeg === 90 || rotationDeg === 270;
  const uprightW = swap ? stream.height : stream.width;
  const uprightH = swap ? stream.width : stream.height;
  const scale = Math.min(1, maxLong / Math.max(uprightW, uprightH));
  // Even sizes keep every pixel format and encoder happy.
  const widthPx = scale < 1 ? Math.max(2, Math.round((uprightW * scale) / 2) * 2) : uprightW;
  const heightPx = scale < 1 ? Math.max(2, Math.round((uprightH * scale) / 2) * 2) : uprightH;
  return { widthPx, heightPx, downscaled: scale < 1 };
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
  /**
   * Deliver at most one frame in this many ms: ffmpeg drops the frames in between before scaling and
   * converting them (the first frame is always kept; times stay the file's own). Frame indices are
   * then unknown (-1).
   */
  readonly minGapMs?: number;
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

/** ffmpeg's -vf chain and input options for the requested range; start is -1 for a time range. */
function decodeArgs(info: VideoInfo, options: ReadOptions): { args: string[]; start: number } {
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
  if (options.minGapMs !== undefined && options.minGapMs > 0) {
    // Half a millisecond of slack, so a 30 fps file read at 15 keeps exactly every other frame.
    const gapS = Math.max(0, options.minGapMs - 0.5) / 1000;
    filters.push(`select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${gapS.toFixed(6)})'`);
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
  return { args, start };
}

/** Starts ffmpeg; `exit` settles with its exit code, or rejects if it could not start. */
function spawnDecoder(args: string[]): {
  child: ChildProcessByStdio<null, Readable, Readable>;
  exit: Promise<number | null>;
} {
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const spawnError = new Promise<never>((_, reject) =>
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new PoseError('ffmpeg-missing', FFMPEG_MISSING_MESSAGE, { cause: e }) : e),
    ),
  );
  spawnError.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exit: Promise.race([exited, spawnError]) };
}

async function* decode(info: VideoInfo, options: ReadOptions, report: DecodeReport): AsyncGenerator<DecodedFrame> {
  const { args, start } = decodeArgs(info, options);
  const { child, exit } = spawnDecoder(args);
  const log = new ShowinfoLog(child.stderr);
  const ring = new FrameRing(child.stdout, info.widthPx * info.heightPx * 3, READ_AHEAD_FRAMES);
  const fallbackDtMs = info.fps ? 1000 / info.fps : 33.333;
  try {
    for (let k = 0; ; k++) {
      const data = await ring.next();
      if (data === null) break;
      const pts = await log.ptsOf(k);
      const tMs = pts === undefined ? (Math.max(0, start) + k) * fallbackDtMs : (pts - info.startTimeS) * 1000;
      report.framesRead++;
      yield {
        frame: { data, widthPx: info.widthPx, heightPx: info.heightPx, channels: 3 },
        tMs,
        index: start < 0 || options.minGapMs ? -1 : start + k,
      };
      ring.release();
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const code = await exit;
  if (code !== 0 || log.sawDamage) report.decodeError = log.complaint(code);
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
