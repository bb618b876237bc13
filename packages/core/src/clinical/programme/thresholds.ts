// Every number the programme layer (safety gate, pain traffic light, weekly plan) uses, named,
// with its source in spec/clinical-rules.md and its confidence (H = guideline or validated
// instrument, M = one good study or consensus, L = engineering choice to recalibrate).
// Numbers shared with the over-stretch guard are taken from the guard, so there is one truth.

import { GUARD_PAIN_RULES } from '../guard/thresholds.ts';

/** Numeric rating scale for pain, 0-10 whole numbers. (A.2, E; H: NPRS, Part 2 section 4.) */
export const NRS = {
  MIN: GUARD_PAIN_RULES.NRS_MIN,
  MAX: GUARD_PAIN_RULES.NRS_MAX,
} as const;

/** Rule set A.1 ages named in the CAUTION items (used in the item wording). */
export const RED_FLAG_AGES = {
  /** First episode over this age is a CAUTION flag. (A.1; H: NICE NG59 pathway, some guidelines use 55.) */
  FIRST_EPISODE_OVER_YEARS: 50,
  /** Under this age is a CAUTION flag. (A.1; H: NICE NG59 pathway.) */
  YOUNG_UNDER_YEARS: 20,
  /** No improvement after this many weeks is a CAUTION flag. (A.1; H: NICE NG59 pathway.) */
  NO_IMPROVEMENT_WEEKS: 4,
} as const;

/** Pain-now gate before a session. (A.2; L: an engineering choice.) */
export const PAIN_NOW = {
  /** NRS at or above this: no test today, rest and self-care text. (A.2; L.) */
  REST_TODAY_MIN: 8,
  /** NRS at or above this (and below REST_TODAY_MIN): regressions only. (A.2; L.) */
  REGRESSIONS_ONLY_MIN: 6,
} as const;

/** STarT Back scoring model. (A.3, Part 2 section 4; H: Hill et al. 2008.) */
export const START_BACK = {
  /** Psychosocial subscale (items 5-9) at or above this is high risk. (Part 2 section 4; H: Hill 2008.) */
  SUBSCALE_HIGH_MIN: 4,
  /** Otherwise a total at or below this is low risk; above it is medium. (Part 2 section 4; H: Hill 2008.) */
  TOTAL_LOW_MAX: 3,
  /** Re-screen every 4 weeks. (A.3; M: product rule from the spec.) */
  RESCREEN_DAYS: 28,
} as const;

/** Pain traffic light per session. (E; L-M: Silbernagel 2007 adapted, conservative for LBP.) */
export const TRAFFIC_LIGHT = {
  /** Peak during the session (D) at or below this can be green. (E GREEN "D <= 3"; L-M.) */
  PEAK_GREEN_MAX: GUARD_PAIN_RULES.PEAK_GREEN_MAX,
  /** D of 4-5 is amber; above this is red. (E AMBER "D = 4-5", RED "D > 5"; L-M.) */
  PEAK_AMBER_MAX: GUARD_PAIN_RULES.PEAK_AMBER_MAX,
  /** Next morning M = B + 1 is amber. (E AMBER; L-M.) */
  MORNING_AMBER_RISE: GUARD_PAIN_RULES.MORNING_AMBER_RISE,
  /** Next morning M >= B + 2 is red, the NPRS minimal important change. (E RED; M-H: Ostelo 2008.) */
  MORNING_RED_RISE: GUARD_PAIN_RULES.MORNING_RED_RISE,
  /** Weekly morning pain/stiffness above the earlier week for this many weekly check-ins in a row is red. (E RED; L-M: Silbernagel 2007.) */
  MORNING_TREND_WEEKS: 2,
} as const;

/** When to suggest a physical therapist or doctor. (E ESCALATE; L-M, with ACP 2017 and NICE NG59 for the timing.) */
export const ESCALATION = {
  /** Red sessions within the window that escalate. (E "RED on 3 sessions within 7 days"; L.) */
  RED_SESSIONS: 3,
  /** The window for those red sessions, days. (E; L.) */
  RED_WINDOW_DAYS: 7,
  /** Pain worse by at least this many NRS points from the programme start... (E; M-H: NPRS MIC, Ostelo 2008.) */
  WORSE_BY_POINTS: 2,
  /** ...after at least this many days. (E "after 4 weeks"; M.) */
  WORSE_AFTER_DAYS: 28,
  /** No meaningful improvement after this many days escalates (the later end of E's "4-6 weeks", so week 4 gives only a gentle note). (E; H: ACP 2017.) */
  NO_IMPROVEMENT_AFTER_DAYS: 42,
  /** From this many days without improvement, a gentle "keep an eye on it" note appears. (A.1 CAUTION, E; H: NICE NG59 pathway.) */
  NO_IMPROVEMENT_NOTE_AFTER_DAYS: 28,
} as const;

/** Outcome tracking. (E "Outcome tracking"; Part 2 section 4.) */
export const OUTCOMES = {
  /** NPRS meaningful change, points. (Part 2 section 4; H: Ostelo 2008.) */
  NPRS_MIC_POINTS: 2,
  /** NPRS meaningful change, share of the starting score. (Part 2 section 4; H: Ostelo 2008.) */
  NPRS_MIC_FRACTION: 0.3,
  /** "Recovered" pain score. (Part 2 section 4; H: Kamper 2010, which also needs RMDQ <= 2; RMDQ is not shipped.) */
  RECOVERED_NRS: 0,
} as const;

/** Bird-dog training prescription. (B "Training prescription by result".) */
export const STABILITY = {
  /** Never hold longer than this, seconds. (B; M: McGill, 7-10 s, never more than 10 s.) */
  MAX_HOLD_S: 10,
  /** Hold for the arm-only and leg-slide regressions, seconds. (B positive "4-6 x 5 s"; M: McGill, Monnier 2012 test hold.) */
  REGRESSION_HOLD_S: 5,
  /** Hold for the full bird-dog and its progressions, seconds. (B positive-mild "7-10 s"; M: McGill; L: 8 s picked inside the band.) */
  FULL_HOLD_S: 8,
  /** Reps per side at the start of a level. (B "4-6"; M: McGill.) */
  REPS_START: 4,
  /** Most reps per side per round; beyond this add a round instead. (B "4-6"; M: McGill.) */
  REPS_MAX: 6,
  /** Rounds at the start of the regressions. (B positive gives no rounds; L: one round.) */
  REGRESSION_ROUNDS_START: 1,
  /** Rounds at the start of the full bird-dog and beyond. (B positive-mild "x 2 rounds"; M: McGill.) */
  FULL_ROUNDS_START: 2,
  /** Most rounds. (B "increase reps or rounds instead"; L: engineering cap.) */
  ROUNDS_MAX: 3,
  /** Fewest reps per side after halving. (E RED "cut volume by about 50%"; L.) */
  REPS_MIN_AFTER_HALVING: 2,
  /** Days a week for the stability work. (B positive "daily"; L: McGill's daily routine for the other levels.) */
  DAYS_PER_WEEK: 7,
  /** Retest the bird-dog at this interval, days. (B "Retest weekly"; M.) */
  RETEST_INTERVAL_DAYS: 7,
  /** Negative tests in a row that move on to drawing squares. (B "Negative for 2 consecutive tests"; M: McGill & Karpowicz 2009.) */
  NEGATIVES_FOR_SQUARES: 2,
  /** Negative tests in a row that add a light load. (B "then add light ankle or wrist load"; L: one more negative test.) */
  NEGATIVES_FOR_LOAD: 3,
} as const;

/** Upper bound accepted for a stretch hold from the guard or the user, seconds. (L: input sanity; the longest dose is 60 s.) */
export const STRETCH_HOLD_MAX_ACCEPTED_S = 120;
