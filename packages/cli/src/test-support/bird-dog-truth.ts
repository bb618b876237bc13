// Comparing a bird-dog result with a rendered clip's truth, shared by the CLI's tests.
import { expect } from 'vitest';
import type { BirdDogResult } from '@steadyback/core';
import type { ClipTruthFile } from '@steadyback/lab';

/** Every rendered rep found once, with its lifted leg, starting and ending within a second of the truth. */
export function expectRepsMatchTruth(r: BirdDogResult, truth: ClipTruthFile): void {
  const reach = truth.segments.filter((s) => s.phase === 'reach');
  const ends = truth.segments.filter((s) => s.phase === 'return');
  expect(r.reps.map((x) => x.leg)).toEqual(reach.map((s) => s.side));
  r.reps.forEach((rep, i) => {
    expect(Math.abs(rep.startMs - reach[i]!.startMs)).toBeLessThan(1000);
    expect(Math.abs(rep.endMs - ends[i]!.endMs)).toBeLessThan(1000);
  });
}
