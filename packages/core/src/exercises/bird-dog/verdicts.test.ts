// The overall verdict's "any red item on at least 2 reps" rule (rule set B, overall test result):
// one red rep is not enough on its own, two are, whichever side they are on; reps that do not count
// (not measurable, the wrong arm and leg) never make up the two. Directly and through the analyser.
import { describe, expect, it } from 'vitest';
import { opposite, session, truthPelvis } from '@steadyback/synthetic';
import { analyzeBirdDog } from './analyze.ts';
import type { BirdDogRep, Metric, MovementPattern, RepClassification, RuleId } from './result.ts';
import { overallVerdict, sideVerdict } from './verdicts.ts';

const RULES: readonly RuleId[] = ['R1', 'R2', 'R3', 'R4', 'R4s', 'R5', 'R6'];

function metrics(bands: Partial<Record<RuleId, Metric['band']>>): Record<RuleId, Metric> {
  return Object.fromEntries(
    RULES.map((id) => {
      const band = bands[id] ?? (id === 'R2' || id === 'R6' ? 'not-measurable' : 'green');
      const measured = band !== 'not-measurable';
      return [id, { value: measured ? 1 : null, unit: '', band, source: measured ? 'sensor' : null }];
    }),
  ) as Record<RuleId, Metric>;
}

function rep(
  leg: 'left' | 'right',
  classification: RepClassification,
  bands: Partial<Record<RuleId, Metric['band']>> = {},
  pattern: MovementPattern = 'opposite-arm-and-leg',
): BirdDogRep {
  return {
    index: 0,
    leg,
    arm: pattern === 'opposite-arm-and-leg' ? (leg === 'left' ? 'right' : 'left') : leg,
    pattern,
    startMs: 0,
    holdStartMs: 0,
    holdEndMs: 0,
    endMs: 0,
    holdMs: 0,
    classification,
    classificationReason: '',
    foundBy: 'camera',
    metrics: metrics(bands),
    cameraValidShare: 1,
  };
}

const stable = (leg: 'left' | 'right') => rep(leg, 'stable');
const red = (leg: 'left' | 'right', rule: RuleId = 'R1') => rep(leg, 'unstable', { [rule]: 'red' });

function verdictOf(reps: BirdDogRep[]) {
  const sides = { left: sideVerdict(reps, 'left'), right: sideVerdict(reps, 'right') };
  return { sides, overall: overallVerdict(reps, sides) };
}

describe('overall verdict: red items on at least 2 reps', () => {
  it('stays negative with a red item on 1 rep when both sides are negative', () => {
    const { sides, overall } = verdictOf([
      red('left'),
      stable('left'),
      stable('left'),
      ...[1, 2, 3].map(() => stable('right')),
    ]);
    expect([sides.left.verdict, sides.right.verdict]).toEqual(['negative', 'negative']);
    expect(overall.verdict).toBe('negative');
  });

  it('stays positive-mild with a red item on 1 rep when only one side is positive', () => {
    const amberUnstable = rep('left', 'unstable', { R1: 'amber', R5: 'amber' });
    const { sides, overall } = verdictOf([
      stable('left'),
      amberUnstable,
      red('left'),
      stable('right'),
      stable('right'),
      stable('right'),
    ]);
    expect([sides.left.verdict, sides.right.verdict]).toEqual(['positive', 'negative']);
    expect(overall.verdict).toBe('positive-mild');
  });

  it('is positive with red items on 2 reps, one per side, though neither side is positive', () => {
    const { sides, overall } = verdictOf([
      red('left'),
      stable('left'),
      stable('left'),
      red('right', 'R4'),
      stable('right'),
      stable('right'),
    ]);
    expect([sides.left.verdict, sides.right.verdict]).toEqual(['negative', 'negative']);
    expect(overall.verdict).toBe('positive');
  });

  it('is positive, not positive-mild, with red items on 2 reps of the one positive side', () => {
    const { sides, overall } = verdictOf([
      stable('left'),
      red('left', 'R5'),
      red('left', 'R4s'),
      stable('right'),
      stable('right'),
      stable('right'),
    ]);
    expect([sides.left.verdict, sides.right.verdict]).toEqual(['positive', 'negative']);
    expect(overall.verdict).toBe('positive');
  });

  it('counts an R3 early-motion flag as a red item', () => {
    const { overall } = verdictOf([red('left', 'R3'), stable('left'), red('right', 'R3'), stable('right')]);
    expect(overall.verdict).toBe('positive');
  });

  it('does not count a red rep that was not measurable or used the same-side arm and leg', () => {
    const notMeasurable = rep('right', 'not-measurable', { R1: 'red' });
    const sameSide = rep('right', 'unstable', { R4: 'red' }, 'same-side-arm-and-leg');
    const { overall } = verdictOf([
      red('left'),
      stable('left'),
      stable('left'),
      notMeasurable,
      sameSide,
      stable('right'),
      stable('right'),
    ]);
    expect(overall.verdict).toBe('negative');
  });
});

describe('overall verdict from the analyser: a pelvis that rolls past 10 degrees', () => {
  const analyse = (rollByRep: readonly number[]) => {
    const seq = session(rollByRep.map((rollDeg, i) => opposite(i % 2 === 0 ? 'left' : 'right', { rollDeg })));
    return analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq) });
  };

  it('on 1 rep of 6 gives a negative test', () => {
    const r = analyse([12, 0, 0, 0, 0, 0]);
    expect(r.reps.map((x) => x.metrics.R1.band)).toEqual(['red', 'green', 'green', 'green', 'green', 'green']);
    expect([r.sides.left.verdict, r.sides.right.verdict]).toEqual(['negative', 'negative']);
    expect(r.overall.verdict).toBe('negative');
  });

  it('on 2 reps of 6, one per side, gives a positive test', () => {
    const r = analyse([12, -12, 0, 0, 0, 0]);
    expect(r.reps.map((x) => x.metrics.R1.band)).toEqual(['red', 'red', 'green', 'green', 'green', 'green']);
    expect([r.sides.left.verdict, r.sides.right.verdict]).toEqual(['negative', 'negative']);
    expect(r.overall.verdict).toBe('positive');
  });
});
