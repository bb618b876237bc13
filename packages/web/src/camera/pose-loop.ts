// The live loop without React: one pose estimate per new video frame (frames that come while the
// model is busy are skipped), the skeleton drawn, and the checks per second measured over
// one-second windows.

import type { FrameResult } from '@steadyback/core';
import type { PoseSource } from '@steadyback/pose';
import { drawSkeleton } from './skeleton-canvas.tsx';

type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export interface PoseLoopOptions {
  /**
   * Take a frame that came during a check as soon as it is done (default: wait for the next one).
   * For a model in a worker: there it gave 18 checks a second against 11. In the page, on 2 cores,
   * it gained 1-2 and left the page no idle time, which starved the paired phone's readings.
   */
  readonly catchUp?: boolean;
}

export interface PoseLoopCallbacks {
  readonly onFrame: (frame: FrameResult) => void;
  readonly onError: () => void;
  /** The checks per second, once a second. */
  readonly onRate: (checksPerSecond: number) => void;
}

/** The pose source reads width/height for normalised coordinates: keep them, and the canvas, at the camera's size. */
function matchCameraSize(video: HTMLVideoElement, canvas: HTMLCanvasElement): void {
  if (video.width !== video.videoWidth || video.height !== video.videoHeight) {
    video.width = video.videoWidth;
    video.height = video.videoHeight;
  }
  if (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight) {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
  }
}

/** Counts checks and reports the rate once at least a second has passed. */
function rateMeter(onRate: (perSecond: number) => void): () => void {
  let windowStart = performance.now();
  let windowCount = 0;
  return () => {
    windowCount++;
    const elapsed = performance.now() - windowStart;
    if (elapsed >= 1000) {
      onRate(Math.round((windowCount * 1000) / elapsed));
      windowStart = performance.now();
      windowCount = 0;
    }
  };
}

/**
 * Starts the loop on this video; the returned function stops it and clears the skeleton.
 *
 * A watcher follows every frame the camera presents; a frame that comes while the model is busy
 * is dropped, never queued. With `catchUp`, the newest frame that came during a check is taken as
 * soon as it is done, so the model never waits for the next frame.
 */
export function startPoseLoop(
  videoElement: HTMLVideoElement,
  canvas: HTMLCanvasElement,
  source: PoseSource,
  on: PoseLoopCallbacks,
  options: PoseLoopOptions = {},
): () => void {
  const video = videoElement as VideoWithFrameCallback;
  source.reset();
  let stopped = false;
  let handle = 0;
  const usesVideoCallback = typeof video.requestVideoFrameCallback === 'function';
  let busy = false;
  let newestFrameAt: number | null = null;
  let lastTMs = -Infinity;
  const counted = rateMeter(on.onRate);

  const check = async (now: number) => {
    busy = true;
    newestFrameAt = null;
    matchCameraSize(video, canvas);
    const tMs = Math.max(now, lastTMs + 1);
    lastTMs = tMs;
    try {
      const frame = await source.estimate(video, tMs);
      if (stopped) return;
      drawSkeleton(canvas, frame);
      on.onFrame(frame);
      counted();
    } catch {
      if (!stopped) on.onError();
      stopped = true;
      return;
    } finally {
      busy = false;
    }
    if (options.catchUp && newestFrameAt !== null && !stopped) void check(newestFrameAt);
  };

  const watch = (now: number) => {
    if (stopped) return;
    handle = usesVideoCallback ? video.requestVideoFrameCallback!(watch) : requestAnimationFrame(watch);
    if (video.readyState < 2 || video.videoWidth === 0) return;
    if (busy) newestFrameAt = now;
    else void check(now);
  };

  handle = usesVideoCallback ? video.requestVideoFrameCallback!(watch) : requestAnimationFrame(watch);
  return () => {
    stopped = true;
    if (usesVideoCallback) video.cancelVideoFrameCallback?.(handle);
    else cancelAnimationFrame(handle);
    drawSkeleton(canvas, null);
  };
}
