// The one interface every pose source implements, after MediaPipe tasks-vision:
// create once with options, `estimate(frame, tMs)` per frame, `reset()` between unrelated clips,
// `dispose()` to free the model. Results are plain core PoseFrames.

import type { FrameResult } from '@steadyback/core';
import type { PoseModelName } from './models.ts';

/** Packed 8-bit RGB (3 channels) or RGBA (4 channels) pixels, row-major, top row first. */
export interface RgbFrame {
  readonly data: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly channels: 3 | 4;
}

/**
 * What a source accepts: raw pixels (Node, workers) or, in the browser, anything
 * pose-detection takes (video element, canvas, ImageData, ImageBitmap).
 */
export type PoseInput = RgbFrame | BrowserPixelSource;

/** Opaque browser pixel source; typed loosely so that this package compiles without DOM types. */
export interface BrowserPixelSource {
  readonly width: number;
  readonly height: number;
}

export interface PoseSource {
  readonly model: PoseModelName;
  /** Finds the person in one frame. `tMs` must increase between calls (it drives smoothing). */
  estimate(frame: PoseInput, tMs: number): Promise<FrameResult>;
  /** Forget tracking and smoothing state, e.g. before an unrelated clip or a new set. */
  reset(): void;
  /** Free the model and its tensors; the source cannot be used afterwards. */
  dispose(): void;
}

export function isRgbFrame(input: PoseInput): input is RgbFrame {
  return (input as RgbFrame).data instanceof Uint8Array && typeof (input as RgbFrame).widthPx === 'number';
}
