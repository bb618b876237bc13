// Every number the over-stretch guard uses, named, with its source in spec/clinical-rules.md and
// its confidence (H = guideline or validated instrument, M = one good study or consensus,
// L = engineering choice to recalibrate). The guard never reads a number from anywhere else.

export const GUARD_THRESHOLDS = {
  /** Self-rated stretch intensity scale bounds, integers. (D "Scale"; H: verbal 0-10 scale.) */
  INTENSITY_MIN: 0,
  INTENSITY_MAX: 10,
  /** Target band low edge: below this the hold is "too light". (D "Target" 3-5/10; M: ACSM, Apostolopoulos 2018.) */
  TARGET_MIN: 3,
  /** Target band high edge. (D "Target" 3-5/10; M: ACSM, Apostolopoulos 2018.) */
  TARGET_MAX: 5,
  /** Hard cap: a rating above this (7+) means ease off and blocks that week's depth raise. (D "Hard cap" 6/10; M.) */
  HARD_CAP: 6,
  /** The level to back off to after a rating above the cap. (D "back off until it's about 4"; M.) */
  BACK_OFF_TO: 4,
  /** Low-back sensations in one session that stop the stretch for today. (C "Where the stretch is felt" and D "Stop" - twice; M-L.) */
  LOW_BACK_STOP_COUNT: 2,
  /** Depth cap reference: the depth reached at this self-rated intensity in session 1. (C4; L.) */
  CAP_REFERENCE_INTENSITY: 4,
  /** If no hold was rated exactly 4, the closest rating not above this stands in. (L: engineering choice, keeps the reference inside the target band.) */
  CAP_REFERENCE_MAX_INTENSITY: 5,
  /** Margin added to the session-1 reference depth to form the cap, degrees of delta hip extension. (C4 "+ 5 deg"; L.) */
  CAP_MARGIN_DEG: 5,
  /** Largest cap rise in one week, degrees, and only after an all-green week. (C4; L: informed by ~17 deg in 4 weeks, Ylinen 2009.) */
  CAP_MAX_RISE_PER_WEEK_DEG: 5,
  /** A hold's depth reading above this is treated as a tracking error and refused. (L: normal hip extension is 10-20 deg, Part 2 section 2; camera noise about +-6 deg.) */
  DEPTH_MAX_PLAUSIBLE_DEG: 60,
} as const;

/** Pain-response (24-hour) bands, spec E simplified: B = resting NRS before, M = next morning, D = session peak. */
export const GUARD_PAIN_RULES = {
  /** NRS 0-10 bounds, integers. (E; H: NPRS.) */
  NRS_MIN: 0,
  NRS_MAX: 10,
  /** Next morning M = B + 1 is amber (repeat the dose). (E "AMBER"; L-M: Silbernagel 2007 adapted.) */
  MORNING_AMBER_RISE: 1,
  /** Next morning M >= B + 2 is red (the NPRS minimal important change). (E "RED"; M-H.) */
  MORNING_RED_RISE: 2,
  /** Session peak D <= 3 can be green. (E "GREEN: D <= 3"; L-M.) */
  PEAK_GREEN_MAX: 3,
  /** Session peak D of 4-5 is amber; above this is red. (E "AMBER: D = 4-5", "RED: D > 5"; L-M.) */
  PEAK_AMBER_MAX: 5,
} as const;

/** Hold-time progression: only the hold time progresses, never the intensity target. */
export const GUARD_PROGRESSION = {
  /** Hold seconds at the start, then one step per green week. (D "Progression" 20 -> 30 s; M-H: Bandy 1994/1997.) */
  HOLD_START_S: 20,
  /** Steps beyond 30 s apply only when the profile's dose allows them (the 65+ dose of 45-60 s). (L: engineering extension of D's 20 -> 30 s to C "Dosing" 65+.) */
  HOLD_STEPS_S: [20, 30, 45, 60] as readonly number[],
} as const;

/** Dose per profile. (C "Dosing".) */
export const GUARD_DOSE = {
  /** Default: 3 sets per side. (C "Dosing"; H: ACSM 2-4 repetitions.) */
  DEFAULT_SETS: 3,
  /** Default hold 30 s. (C "Dosing"; H: Bandy 1994/1997, 30 s = 60 s.) */
  DEFAULT_HOLD_S: 30,
  /** At least 5 days a week; daily preferred. (C "Dosing"; H: Bandy 1994/1997, ACSM.) */
  MIN_DAYS_PER_WEEK: 5,
  /** Age from which the older-adult dose applies, years. (C "Dosing" 65 or over; H: ACSM.) */
  OLDER_ADULT_AGE_YEARS: 65,
  /** Older adults: 2 sets per side. (C "Dosing"; H: ACSM.) */
  OLDER_SETS: 2,
  /** Older adults: hold 45-60 s. (C "Dosing"; H: ACSM 30-60 s in older adults.) */
  OLDER_HOLD_MIN_S: 45,
  OLDER_HOLD_MAX_S: 60,
  /** Minimum effective dose: 1 x 30 s per day. (C "Dosing"; H: Bandy 1994/1997.) */
  MIN_EFFECTIVE_SETS_PER_DAY: 1,
  MIN_EFFECTIVE_HOLD_S: 30,
  /** Stop progressing volume beyond about this many minutes per muscle (per side) per week. (C "Dosing"; H: Sports Med 2024 meta-analysis, M: Thomas 2018.) */
  WEEKLY_VOLUME_CEILING_MIN: 10,
  /** Weekly volume below this is under the effective 5-10 min band. (Part 2 "Weekly volume"; M.) */
  WEEKLY_VOLUME_FLOOR_MIN: 5,
} as const;
