// The live hip flexor stretch: frames of the current hold attempt go through core's analyzeStretch
// (the very rules the CLI uses, past frames only), re-run a few times a second. It answers what the
// screen needs now: set-up found and on which knee, seconds of good form in the open hold, the
// newest cue, and whether the view can judge form. No DOM, so it is unit-tested in Node.

import { analyzeStretch, hasPerson, type FrameResult, type KneelingSide, type StretchResult } from '@steadyback/core';

/** How often the analysis re-runs (ms of frame time). */
export const LIVE_EVAL_INTERVAL_MS = 100;
/** A hold whose last good frame is older than this is over (the person stood up or left the picture). */
export const HOLD_OPEN_WINDOW_MS = 800;

export interface LiveStretchState {
  readonly tMs: number;
  readonly holding: boolean;
  readonly kneelingSide: KneelingSide | null;
  readonly goodFormMs: number;
  /** The newest cue since the last state, to say and show. */
  readonly cue: { readonly rule: string; readonly text: string; readonly atMs: number } | null;
  /** Latest hip-extension change from the set-up (degrees), for the live number. */
  readonly deltaHipExtensionDeg: number | null;
  /** A plain sentence when the view cannot judge form or no set-up is found yet. */
  readonly notice: string | null;
  readonly result: StretchResult | null;
}

export class StretchLive {
  private frames: FrameResult[] = [];
  private lastEvalMs = -Infinity;
  private lastCueMs = -Infinity;
  private state: LiveStretchState = {
    tMs: 0,
    holding: false,
    kneelingSide: null,
    goodFormMs: 0,
    cue: null,
    deltaHipExtensionDeg: null,
    notice: null,
    result: null,
  };

  constructor(private readonly depthCapDeg: number | null) {}

  /** Starts a new hold attempt (after a rating, or a side switch). */
  reset(): void {
    this.frames = [];
    this.lastEvalMs = -Infinity;
    this.lastCueMs = -Infinity;
    this.state = {
      tMs: 0,
      holding: false,
      kneelingSide: null,
      goodFormMs: 0,
      cue: null,
      deltaHipExtensionDeg: null,
      notice: null,
      result: null,
    };
  }

  push(frame: FrameResult): LiveStretchState {
    this.frames.push(frame);
    if (frame.tMs - this.lastEvalMs < LIVE_EVAL_INTERVAL_MS) return { ...this.state, cue: null };
    this.lastEvalMs = frame.tMs;
    if (!this.frames.some(hasPerson)) {
      this.state = {
        ...this.state,
        tMs: frame.tMs,
        cue: null,
        notice: 'Looking for you: get your whole body into the picture, side-on to the camera.',
      };
      return this.state;
    }
    const result = analyzeStretch({
      frames: this.frames,
      recorded: false,
      ...(this.depthCapDeg !== null ? { depthCapDeg: this.depthCapDeg } : {}),
    });
    const hold = result.holds.at(-1);
    const holding = hold !== undefined && frame.tMs - hold.endMs <= HOLD_OPEN_WINDOW_MS;
    const newCue = result.cues.filter((c) => c.tMs > this.lastCueMs).at(-1) ?? null;
    if (newCue) this.lastCueMs = newCue.tMs;
    const delta = [...result.series.deltaHipExtensionDeg].reverse().find((v) => v !== null) ?? null;
    const notice =
      result.quality.find((q) => q.code === 'view-limits')?.message ??
      (hold ? null : 'Kneel on one knee, front knee at a right angle, sit tall, and hold still for a second.');
    this.state = {
      tMs: frame.tMs,
      holding,
      kneelingSide: hold?.kneelingSide ?? result.setups.at(-1)?.kneelingSide ?? null,
      goodFormMs: hold?.goodFormMs ?? 0,
      cue: newCue ? { rule: newCue.rule, text: newCue.text, atMs: newCue.tMs } : null,
      deltaHipExtensionDeg: holding ? delta : null,
      notice,
      result,
    };
    return this.state;
  }
}
