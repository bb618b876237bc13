// Green, amber or red for a measured value against a rule's two thresholds, and the one for pelvic
// roll (R1) that the report and the app's live level both show.

import type { Band } from './result.ts';
import { BIRD_DOG_THRESHOLDS as T } from './thresholds.ts';

/** Above `red` is red and above `amber` amber; with `redInclusive` both thresholds count as reached. */
export function band(value: number | null, amber: number, red: number, redInclusive = false): Band {
  if (value === null) return 'not-measurable';
  if (redInclusive ? value >= red : value > red) return 'red';
  if (value > amber || (redInclusive && value >= amber)) return 'amber';
  return 'green';
}

/** R1: the pelvis rolled this many degrees from its start, either way. */
export function pelvicRollBand(rollDeg: number | null): Band {
  return band(rollDeg === null ? null : Math.abs(rollDeg), T.R1_ROLL_AMBER_DEG, T.R1_ROLL_RED_DEG, true);
}
