// What the bird-dog analysis takes in: the camera's frames, the picture's change, the phone on the
// pelvis and the pain scores.

import type { MotionFrames } from '../../camera/motion.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';
import type { MountingYawSource } from '../../sensor/pelvis-tilt.ts';
import type { PacingCue } from '../../sensor/sensor-series.ts';
import type { BodySide } from './result.ts';

/** The phone on the pelvis, already turned into body-axis roll and pitch (see core/sensor). */
export interface PelvisInput {
  readonly samples: ReadonlyArray<{ readonly tMs: number; readonly rollDeg: number; readonly pitchDeg: number }>;
  readonly badIntervals: ReadonlyArray<{
    readonly startMs: number;
    readonly endMs: number;
    readonly reason: 'gap' | 'jump' | 'slid-off';
  }>;
  readonly cues: ReadonlyArray<{ readonly tMs: number; readonly cue: PacingCue }>;
  readonly notes?: readonly string[];
  /**
   * How the phone's turn on the back was known: measured in the guided rock, stated, or not
   * known at all ('assumed-zero'), when roll and pitch cannot be told apart. Absent = known.
   */
  readonly mountingYawSource?: MountingYawSource;
}

export interface BirdDogInput {
  readonly frames?: readonly FrameResult[];
  /**
   * Small greyscale copies of the same video's frames (camera-motion.ts). Filmed end-on (from
   * behind or in front), the reps and their sides come from where the picture changes, because the
   * pose models lose the limbs of someone on all fours there.
   */
  readonly motion?: MotionFrames;
  readonly pelvis?: PelvisInput;
  /** Back pain 0-10 at rest before the test, and after each side (named by the lifted leg). */
  readonly pain?: { readonly restNrs?: number; readonly afterSide?: Partial<Record<BodySide, number>> };
  /** Recorded video may be smoothed with look-ahead (zero-phase); live data may not. Default true. */
  readonly recorded?: boolean;
}
