// Every half-kneeling hip flexor stretch threshold, named, with its source and confidence
// (spec/clinical-rules.md, rule set C; Part 0 for C1s).

export const STRETCH_THRESHOLDS = {
  /** F1 front knee angle 90 +- 15 deg. */
  F1_FRONT_KNEE_DEG: 90,
  F1_TOLERANCE_DEG: 15,
  /** F2 kneeling knee angle 90 +- 20 deg, thigh 0-15 deg behind vertical at the start (a few degrees in front allowed for landmark noise, L). */
  F2_BACK_KNEE_DEG: 90,
  F2_TOLERANCE_DEG: 20,
  F2_THIGH_BEHIND_MIN_DEG: -5,
  F2_THIGH_BEHIND_MAX_DEG: 15,
  /**
   * From a view that cannot measure the knees, each knee that can be read must look bent within this
   * of a right angle for a set-up: the same front knee read 86-88 degrees from the side and 101-107
   * from in front, the same kneeling knee 86-88 and 55-60; a leg swung out straight reads 160-180,
   * sitting back on the heels 16-35. (M: real recordings.)
   */
  SETUP_KNEE_LOOKS_BENT_DEG: 40,
  /** A front thigh or a kneeling shin shorter in the picture than this share of the trunk points at or away from the camera: its knee angle is not read. (A thigh or shin is about 0.85 trunk lengths.) */
  FORESHORTENED_THIGH_SHARE: 0.4,
  /** F3 trunk within +-10 deg of vertical. */
  F3_TRUNK_MAX_DEG: 10,
  /** F4 front shin within +-15 deg of vertical: a cue only, never a fault. */
  F4_SHIN_MAX_DEG: 15,
  /** All set-up checks must hold this long before the hold timer starts. */
  SETUP_HOLD_MS: 1000,
  /**
   * Recorded video: a position left again sooner than this after its set-up was passed through, not
   * held (a stretch hold is 30 s). Real recordings: the low positions of a static lunge lasted 1.5-2 s
   * past their set-up, the shortest real hold in the dev set 5.6 s (an edited clip). (M)
   */
  MIN_RECORDED_HOLD_MS: 4000,
  /** C1 arching: trunk leans back more than this beyond set-up (L-M). */
  C1_LEAN_BACK_DEG: 10,
  /** C1 alternative: thigh-to-vertical rises more than this while delta-HE rises less than half of it (L-M). */
  C1_THIGH_RISE_DEG: 8,
  /** C1s arching from the phone in the waistband: anterior tilt beyond set-up; amber > 5 (cue), red > 10 (fault). (L) */
  C1S_AMBER_DEG: 5,
  C1S_RED_DEG: 10,
  /** C2 forward lean beyond 15 deg from vertical. */
  C2_FORWARD_LEAN_DEG: 15,
  /** C5 bouncing: hip-angle peak-to-peak above 5 deg with at least 2 cycles (L; ACSM: no bouncing). */
  C5_PEAK_TO_PEAK_DEG: 5,
  C5_MIN_CYCLES: 2,
  C5_WINDOW_MS: 5000,
  /**
   * C5 rocking, from any view: the hips moving forward and back over the kneeling knee, as a share
   * of the way from the kneeling knee to the front ankle (hipForwardShare), in swings of at least
   * this, 2 cycles within `C5_ROCK_WINDOW_MS`. A real rocking stretch filmed at 45 degrees swung
   * 0.24-0.80 every 4 s; a still one drifted 0.11-0.19 over 7 s. (M: real recordings.)
   */
  C5_ROCK_MIN_SWING_SHARE: 0.15,
  C5_ROCK_WINDOW_MS: 12_000,
  /** Show delta-HE only from 5 deg (single-angle noise about 6 deg). */
  MEASUREMENT_FLOOR_DEG: 5,
  /** A fault must last this long before it counts (single frames can be tens of degrees off). (L) */
  FAULT_PERSIST_MS: 400,
  /** Out of the posture this long ends a hold. */
  POSTURE_LOST_MS: 700,
} as const;

export const STRETCH_CUES = {
  C1: 'Ribs down, tuck your tail, squeeze the back-leg glute; move less.',
  C1s: 'Your pelvis is tipping forward: tuck your tail under and ease off a little.',
  C2: 'Stay tall.',
  C4: 'That is as deep as your safe limit for now: ease back a little.',
  C5: 'Hold still; no bouncing.',
  F1: 'Move your front foot so the front knee makes a right angle.',
  F2: 'Put your kneeling knee right under your hip.',
  F3: 'Sit up tall, shoulders over hips.',
  F4: 'Front knee over the ankle.',
} as const;

/** Higher first: one cue at a time, the most important fault wins. */
export const CUE_PRIORITY: readonly (keyof typeof STRETCH_CUES)[] = [
  'C1',
  'C1s',
  'C5',
  'C4',
  'C2',
  'F3',
  'F2',
  'F1',
  'F4',
];
/** At most one spoken cue per this long, and the same cue not again within CUE_REPEAT_MS. (L) */
export const CUE_COOLDOWN_MS = 4000;
export const CUE_REPEAT_MS = 8000;
