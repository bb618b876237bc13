// Two readings of one clip compared: the same findings with angles a little apart, a rep more or
// less, a verdict changed, a metric measured by one reading only, and the per-frame series ignored.
import { describe, expect, it } from 'vitest';
import type { BirdDogResult, StretchResult } from '@steadyback/core';
import { compareOutcomes, reportedAngles } from './compare.ts';
import type { Outcome } from './score.ts';

const rep = (leg: 'left' | 'right', legDeg: number | null, rollDeg: number | null = null) => ({
  leg,
  classification: 'stable',
  metrics: {
    R1: { value: rollDeg, unit: 'deg', band: 'green', source: rollDeg === null ? null : 'sensor' },
    R4: { value: legDeg, unit: 'deg', band: 'green', source: legDeg === null ? null : 'camera' },
    R5: { value: 0.02, unit: 'share of trunk length', band: 'green', source: 'camera' },
  },
});

const birdDog = (reps: ReturnType<typeof rep>[], verdict = 'not-measurable', seriesDeg = [1, 2, 3]): Outcome => ({
  kind: 'bird-dog',
  result: {
    view: 'side',
    reps,
    sides: {
      left: { verdict: 'not-measurable', meanRollDeg: null },
      right: { verdict: 'not-measurable', meanRollDeg: null },
    },
    overall: { verdict },
    series: { legElevationDeg: seriesDeg },
  } as unknown as BirdDogResult,
});

const stretch = (frontKneeDeg: number, holds: number): Outcome => ({
  kind: 'hip-flexor-stretch',
  result: {
    view: 'side',
    setups: [{ kneelingSide: 'left', frontKneeDeg, backKneeDeg: 95, trunkLeanDeg: 2, hipExtensionDeg: 10 }],
    holds: Array.from({ length: holds }, () => ({ kneelingSide: 'left', peakDeltaHipExtensionDeg: 7, faults: [] })),
  } as unknown as StretchResult,
});

describe('reportedAngles', () => {
  it('takes keys ending in Deg and metric values in degrees, and leaves out shares and the series', () => {
    const a = reportedAngles((birdDog([rep('left', 6)]) as { result: unknown }).result);
    expect([...a.keys()].sort()).toEqual(['reps[0].metrics.R4.value']);
    expect(a.get('reps[0].metrics.R4.value')).toBe(6);
  });
});

describe('compareOutcomes', () => {
  it('calls two readings the same when only the angles move, and gives the largest move', () => {
    const c = compareOutcomes(
      birdDog([rep('left', 6), rep('right', 4)]),
      birdDog([rep('left', 6.3), rep('right', 3.6)], 'not-measurable', [1, 3]),
    );
    expect(c.same).toBe(true);
    expect(c.counts).toBe('2 reps');
    expect(c.angles).toBe(2);
    expect(c.maxAngleDiffDeg).toBeCloseTo(0.4);
    expect(c.worstAngle).toBe('reps[1].metrics.R4.value');
  });

  it('sees a rep more, a changed verdict, and a refusal', () => {
    const more = compareOutcomes(birdDog([rep('left', 6)]), birdDog([rep('left', 6), rep('right', 4)]));
    expect(more.same).toBe(false);
    expect(more.counts).toBe('1 reps vs 2 reps');
    expect(more.differences).toContain('legs: l vs lr');
    const verdict = compareOutcomes(birdDog([rep('left', 6)], 'negative'), birdDog([rep('left', 6)], 'positive'));
    expect(verdict.differences).toEqual(['verdict: negative vs positive']);
    const refused = compareOutcomes(birdDog([]), { kind: 'refused', message: 'no person' });
    expect(refused.same).toBe(false);
    expect(compareOutcomes({ kind: 'refused', message: 'x' }, { kind: 'refused', message: 'y' }).same).toBe(true);
  });

  it('counts an angle measured by one reading only as a difference', () => {
    const c = compareOutcomes(birdDog([rep('left', 6)]), birdDog([rep('left', null)]));
    expect(c.same).toBe(false);
    expect(c.differences[0]).toMatch(/measured by one reading only: reps\[0\]\.metrics\.R4\.value/);
  });

  it('compares the stretch by its set-ups and holds', () => {
    expect(compareOutcomes(stretch(92, 1), stretch(92.3, 1)).maxAngleDiffDeg).toBeCloseTo(0.3);
    expect(compareOutcomes(stretch(92, 1), stretch(92, 2)).same).toBe(false);
  });
});
