// Every bird-dog threshold, named, with its source and confidence (spec/clinical-rules.md, rule
// set B). Confidence L values are engineering choices to recalibrate against physiotherapists'
// correct/incorrect labels (target Cohen's kappa >= 0.6, Luomajoki 2007).

export const BIRD_DOG_THRESHOLDS = {
  /** R1 pelvic roll change from baseline, degrees. green < 5, amber 5-10, red >= 10. (L: Luomajoki 2 cm one-leg-stance criterion; IMU MDC >= 5 deg.) */
  R1_ROLL_AMBER_DEG: 5,
  R1_ROLL_RED_DEG: 10,
  /** R3: flag when roll reaches 5 deg before the lifted leg reaches 50% of its own maximum lift. (M concept, MSI timing: Scholtes 2009, Van Dillen 2007; L number.) */
  R3_ROLL_ONSET_DEG: 5,
  R3_LEG_FRACTION: 0.5,
  /** R4 leg line (hip -> ankle) above horizontal, side view: amber > 10, red > 20 deg. (L-M: McGill "no higher than full hip extension"; ACE "at or near parallel".) */
  R4_AMBER_DEG: 10,
  R4_RED_DEG: 20,
  /** R4s pelvic pitch (anterior tilt = lumbar extension) from the phone: amber > 5, red > 10 deg. (L.) */
  R4S_AMBER_DEG: 5,
  R4S_RED_DEG: 10,
  /** R5 trunk sag, share of trunk length, change from baseline: amber > 0.05, red > 0.10. (L.) */
  R5_AMBER: 0.05,
  R5_RED: 0.1,
  /** R6: a rep is painful when back pain is at least 2 points above the resting score (NPRS MIC; Van Dillen 1998 on symptom items). */
  R6_PAIN_RISE: 2,
  /** Asymmetry when the sides' mean roll differs by more than this (Kim & Shin 2020). (L.) */
  ASYMMETRY_ROLL_DIFF_DEG: 5,
  /** Baseline: median over 1 s of the settled start posture before each rep. */
  BASELINE_MS: 1000,
} as const;

/** Phase detection on limb rise (image rise of ankle or wrist divided by the baseline thigh length). (L: tuned on synthetic and rendered reps.) */
export const BIRD_DOG_PHASES = {
  /** A rep starts when any limb has risen this far; its start is dated back to the last quiet moment. */
  START_RISE: 0.15,
  /** Below this rise a limb is at rest (above the landmark jitter of about 0.03). */
  QUIET_RISE: 0.07,
  /** A limb counts as lifted in a rep when its peak rise reaches this. */
  LIMB_LIFTED_RISE: 0.35,
  /** The hold begins once the rise grows by less than this share of its peak over HOLD_SETTLE_MS. */
  HOLD_BAND_SHARE: 0.08,
  HOLD_SETTLE_MS: 300,
  /** The hold ends at the last moment the rise was within this share of the hold's peak. */
  HOLD_END_SHARE: 0.06,
  /** The return begins when the rise falls below this share of the hold's peak. */
  RETURN_SHARE: 0.75,
  /** Shorter attempts are ignored as fidgets. */
  MIN_REP_MS: 1000,
  /** A bird-dog hold lasts seconds: never more than 10 s (McGill; the app paces 5 s). Longer is kneeling, talking or resting, not a hold. */
  MAX_HOLD_MS: 10_000,
  /** A found hold may run this much past MAX_HOLD_MS before it is not a hold (the picture's change times holds to within 1.6 s; docs/accuracy.md). */
  HOLD_TIMING_SLACK_MS: 2000,
} as const;

/**
 * Limb reach from the model's 3D world landmarks (camera-signals.ts `reach`): a limb's turn from its
 * rest direction. Real recordings (../shared/real, BlazePose full): at rest the turn wavers up to
 * 17 degrees (weight shifts, the model's jitter); a bird-dog reach turns the thigh 60-110 degrees
 * and the arm 60-90, from the side and from behind at an angle. The turn past `REST_JITTER_DEG`,
 * divided by `FULL_TURN_DEG`, is on the scale of the picture's limb rise, so the phase tracker's
 * thresholds apply to both: rest below 0.03, a reach 0.75-1.6. (M: measured on real people.)
 */
export const BIRD_DOG_REACH = {
  REST_JITTER_DEG: 15,
  FULL_TURN_DEG: 60,
  /**
   * A lifted leg reaches (rather than kicks) when its knee opens to at least this (hip-knee-ankle,
   * 3D): real bird-dog reaches opened it to 137-167 degrees at the most in every rep, a donkey kick
   * kept it at 43-67 and a fire hydrant's circles at 108-126. (M: real recordings.)
   */
  LEG_REACH_MIN_KNEE_DEG: 130,
  /**
   * The 3D is trusted to time reps only when, for every limb, its quietest `QUIET_SHARE` of frames
   * turns at most this far from its rest: real recordings 2-6 degrees in every bird-dog, at most 12
   * in other exercises; a rendered figure seen from a high corner 12-28, its far leg placed loosely
   * (its reps then came out merged and on the wrong legs in 3D, right from the picture). (M)
   */
  QUIET_SHARE: 0.2,
  MAX_QUIET_TURN_DEG: 15,
} as const;

/**
 * Reps from the picture's change (camera-motion.ts) where the pose models cannot follow the limbs:
 * filmed end-on, from behind or in front. (L: rendered clips from behind, behind and above, and in
 * front; docs/accuracy.md.)
 */
export const BIRD_DOG_MOTION = {
  /** The moving region is end-on when its width over height is below this (rendered: 0.44-0.73 end-on, 1.47 high corner, 1.88 behind at 45 degrees, 3.0-3.2 side). */
  END_ON_MAX_ASPECT: 1,
  /** The reach that counts as a full lift: this quantile of the activity over the recording. */
  PEAK_QUANTILE: 0.95,
  /** Nothing was lifted when the peak activity is below this share of the moving region ... */
  MIN_PEAK_ACTIVITY: 0.05,
  /** ... or below this many times the still frames' activity. */
  MIN_PEAK_OVER_NOISE: 4,
  /**
   * Sides: a lifted leg changes the lower part of the picture on its own side (from behind the knee
   * and foot leave the floor; in front the opposite hand does, which is on the same side of the
   * picture). Two groups of reps count as two sides when the mean lateral positions of their change
   * in the moving region's bottom rows (camera-motion.ts `lateralLow`) differ by at least this
   * (region widths).
   */
  MIN_SIDE_SPLIT: 0.08,
  /** A single group counts as one side when all its change is at least this far off centre. */
  MIN_SIDE_OFFSET: 0.06,
  /**
   * Corner views (neither side nor end-on): reps timed from the picture's change, the leg from the
   * landmarks, compared across reps because a corner view puts a constant offset on the near limbs:
   * score = (right leg - left leg) + (left arm - right arm) peak rise, thigh lengths. Rendered high
   * corner, two clips, three models: left-leg reps and right-leg reps 0.6-2.1 apart.
   */
  CORNER_MIN_SIDE_SPLIT: 0.4,
  CORNER_MIN_SIDE_OFFSET: 0.6,
  /** Tell the person their camera moved when its wander (camera-stabilise.ts) reaches this share of the picture's width (6 px of 640). */
  CAMERA_MOVED_SHARE: 0.01,
  /**
   * Two reps of the same leg in a row, less than this apart (the first's return to the second's
   * reach), are one rep whose hold the picture lost: a held leg in clothes the colour of the floor
   * changed 1-2 pixels, and each rep read as two, 0.4 and 0.9 s apart. Reps with a rest between
   * them are 1.3 s apart in the lab's clips (0.5 s rest) and further in the app's pacing (1.5 s
   * settle, legs alternating, so two reps of one leg never follow each other). (L)
   */
  JOIN_MAX_GAP_MS: 1000,
} as const;
