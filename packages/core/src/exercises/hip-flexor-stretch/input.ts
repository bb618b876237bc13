// What the stretch analysis takes in: the camera's frames, the phone in the waistband, the depth cap.

import type { MotionFrames } from '../../camera/motion.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';

/** The phone upright in the waistband: pelvic tilt change (positive = anterior tilt = arching). */
export interface WaistbandInput {
  readonly samples: ReadonlyArray<{ readonly tMs: number; readonly tiltDeg: number }>;
}

export interface StretchInput {
  readonly frames: readonly FrameResult[];
  readonly waistband?: WaistbandInput;
  /** The personal depth cap (delta hip extension, degrees) from the over-stretch guard, if set. */
  readonly depthCapDeg?: number;
  readonly recorded?: boolean;
  /** Small grey pictures of the same video (camera-motion.ts): an edited video is read in parts between its cuts. */
  readonly motion?: MotionFrames;
}
