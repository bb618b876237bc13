// From rep metrics to verdicts: each rep stable, borderline or unstable; each side and the whole
// test positive or negative (rule set B), or not measurable.

import { MIN_VALID_FRAME_SHARE } from '../../pose/visibility.ts';
import type {
  BirdDogOverall,
  BirdDogRep,
  BirdDogSide,
  BodySide,
  Metric,
  MovementPattern,
  RepClassification,
  RuleId,
} from './result.ts';
import { BIRD_DOG_THRESHOLDS as T } from './thresholds.ts';
import { round1 } from './rules/rule-check.ts';

const SCORED: readonly RuleId[] = ['R1', 'R2', 'R4', 'R4s', 'R5'];

export function classify(
  metrics: Readonly<Record<RuleId, Metric>>,
  cameraValidShare: number | null,
  hasSensor: boolean,
  pattern: MovementPattern,
): { classification: RepClassification; reason: string } {
  if (!hasSensor && cameraValidShare !== null && cameraValidShare < MIN_VALID_FRAME_SHARE) {
    return {
      classification: 'not-measurable',
      reason: `The camera saw the moving limbs in only ${Math.round(cameraValidShare * 100)}% of this rep's frames (at least ${MIN_VALID_FRAME_SHARE * 100}% are needed).`,
    };
  }
  const reds = SCORED.filter((id) => metrics[id].band === 'red');
  const ambers = SCORED.filter((id) => metrics[id].band === 'amber');
  const r3 = metrics.R3.band === 'red';
  const patternNote =
    pattern === 'opposite-arm-and-leg'
      ? ''
      : ' (not counted in the side result: the bird-dog uses the opposite arm and leg)';
  if (r3 || reds.length > 0 || ambers.length >= 2) {
    const why = [
      ...reds.map((r) => `${r} red`),
      ...(ambers.length >= 2 ? ambers.map((a) => `${a} amber`) : []),
      ...(r3 ? ['R3 early pelvic motion'] : []),
    ];
    return { classification: 'unstable', reason: `Unstable: ${why.join(', ')}${patternNote}.` };
  }
  if (ambers.length === 1)
    return { classification: 'borderline', reason: `Borderline: ${ambers[0]} amber${patternNote}.` };
  if (metrics.R1.band !== 'not-measurable')
    return { classification: 'stable', reason: `Stable: every measured rule was green${patternNote}.` };
  const seen = SCORED.some((id) => metrics[id].band !== 'not-measurable');
  return {
    classification: 'not-measurable',
    reason: `Pelvic roll, the main thing this test checks, needs the phone lying flat on your lower back; ${seen ? 'what the camera could see was green' : 'from this view the camera could measure none of the other rules either'}.`,
  };
}

export function sideVerdict(reps: readonly BirdDogRep[], side: BodySide): BirdDogSide {
  const mine = reps.filter((r) => r.leg === side);
  const valid = mine.filter((r) => r.pattern === 'opposite-arm-and-leg' && r.classification !== 'not-measurable');
  const unstable = valid.filter((r) => r.classification === 'unstable');
  const rolls = valid.map((r) => r.metrics.R1.value).filter((v): v is number => v !== null);
  const meanRollDeg = rolls.length ? round1(rolls.reduce((a, b) => a + b, 0) / rolls.length) : null;
  const base = { reps: mine.length, validReps: valid.length, unstableReps: unstable.length, meanRollDeg };
  if (valid.length < 2) {
    const found =
      mine.length === 0
        ? `No rep with the ${side} leg was found`
        : valid.length === 0
          ? mine.length === 1
            ? `The one rep with the ${side} leg could not be measured`
            : `None of the ${mine.length} reps with the ${side} leg could be measured`
          : `Only 1 of the ${mine.length} reps with the ${side} leg could be measured`;
    return {
      ...base,
      verdict: 'not-measurable',
      reason: `${found}; a side needs at least 2 measured reps with the opposite arm.`,
    };
  }
  const last = valid[valid.length - 1]!;
  if (unstable.length >= 2 && unstable.length * 2 >= valid.length && last.classification === 'unstable') {
    return {
      ...base,
      verdict: 'positive',
      reason: `${unstable.length} of ${valid.length} reps were unstable, including the last one after the reminder to keep the hips level.`,
    };
  }
  if (unstable.length >= 2) {
    return {
      ...base,
      verdict: 'negative',
      reason: `${unstable.length} of ${valid.length} reps were unstable, but the last rep after the reminder was steady.`,
    };
  }
  return { ...base, verdict: 'negative', reason: `${unstable.length} of ${valid.length} reps were unstable.` };
}

export function overallVerdict(
  reps: readonly BirdDogRep[],
  sides: Readonly<Record<BodySide, BirdDogSide>>,
): BirdDogOverall {
  const valid = reps.filter((r) => r.pattern === 'opposite-arm-and-leg' && r.classification !== 'not-measurable');
  const hasRed = (r: BirdDogRep) => ([...SCORED, 'R3'] as RuleId[]).some((id) => r.metrics[id].band === 'red');
  const redReps = valid.filter(hasRed).length;
  const pos = (['left', 'right'] as const).filter((s) => sides[s].verdict === 'positive');
  const neg = (['left', 'right'] as const).filter((s) => sides[s].verdict === 'negative');
  const symptomProvoking = reps.some((r) => r.metrics.R6.band === 'red');
  let asymmetry = false;
  let asymmetryReason: string | null = null;
  if (pos.length === 1 && neg.length === 1) {
    asymmetry = true;
    asymmetryReason = `Only the ${pos[0]} side was positive.`;
  } else if (
    sides.left.meanRollDeg !== null &&
    sides.right.meanRollDeg !== null &&
    Math.abs(sides.left.meanRollDeg - sides.right.meanRollDeg) > T.ASYMMETRY_ROLL_DIFF_DEG
  ) {
    asymmetry = true;
    asymmetryReason = `Mean pelvic roll differed by ${round1(Math.abs(sides.left.meanRollDeg - sides.right.meanRollDeg))} degrees between sides.`;
  }
  let verdict: BirdDogOverall['verdict'];
  if (redReps >= 2) verdict = 'positive';
  else if (pos.length === 2)
    verdict = valid.filter((r) => r.classification === 'unstable').some(hasRed) ? 'positive' : 'positive-mild';
  else if (pos.length === 1) verdict = 'positive-mild';
  else if (neg.length === 2) verdict = 'negative';
  else verdict = 'not-measurable';
  return { verdict, asymmetry, asymmetryReason, symptomProvoking, summary: '' };
}
