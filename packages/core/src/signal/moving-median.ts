// Median-based smoothing: the plain median, a moving median over a series (trailing for live use,
// centred for recorded video) and a streaming form for live frames. A median ignores the single
// wild frames pose models produce (40-70 degrees off) instead of averaging them in.
// Source of the window: spec/clinical-rules.md Part 1 conventions ("a low-pass filter or moving
// median over 5 frames").

import { median } from './stats.ts';

/** Window length the spec asks for, in frames. */
export const MOVING_MEDIAN_WINDOW_FRAMES = 5;

/**
 * 'trailing': the window ends at the current sample (past samples only, for live use; lags by
 * about (window - 1) / 2 samples). 'centred': the window is centred on it (recorded video only).
 */
export type MedianAlignment = 'trailing' | 'centred';

/**
 * Moving median over `window` samples. Nulls inside the window are skipped; the output is null
 * where the input is null, because filling gaps is a separate, explicit step (fillShortGaps).
 * Near the ends the window is truncated to the samples that exist.
 */
export function movingMedian(
  values: ReadonlyArray<number | null>,
  window: number = MOVING_MEDIAN_WINDOW_FRAMES,
  alignment: MedianAlignment = 'trailing',
): Array<number | null> {
  checkWindow(window);
  const before = alignment === 'trailing' ? window - 1 : (window - 1) >> 1;
  const after = window - 1 - before;
  return values.map((v, i) => {
    if (v === null || !Number.isFinite(v)) return null;
    return median(values.slice(Math.max(0, i - before), Math.min(values.length, i + after + 1)));
  });
}

function checkWindow(window: number): void {
  if (!Number.isInteger(window) || window < 1) {
    throw new Error(`Moving median window must be a whole number of samples >= 1, got ${window}.`);
  }
}

/** Streaming trailing moving median for live frames: push one value, get the current median. */
export class MovingMedian {
  private readonly buf: Array<number | null> = [];

  constructor(readonly window: number = MOVING_MEDIAN_WINDOW_FRAMES) {
    checkWindow(window);
  }

  /** Adds a sample (null = not measured) and returns the median of the window, or null for a null sample. */
  push(value: number | null): number | null {
    const v = value !== null && Number.isFinite(value) ? value : null;
    this.buf.push(v);
    if (this.buf.length > this.window) this.buf.shift();
    return v === null ? null : median(this.buf);
  }

  reset(): void {
    this.buf.length = 0;
  }
}
