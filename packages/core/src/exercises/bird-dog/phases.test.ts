import { describe, expect, it } from 'vitest';
import { BirdDogPhaseTracker, type LimbRise, type PhaseEvent } from './phases.ts';

/** The left leg's rise, one sample every 100 ms, through a fresh tracker; the events it gives. */
function track(leftLeg: readonly number[]): PhaseEvent[] {
  const t = new BirdDogPhaseTracker();
  const still = { rightLeg: 0, leftArm: 0, rightArm: 0 };
  const events = leftLeg.flatMap((v, i) => t.push(i * 100, { leftLeg: v, ...still } satisfies LimbRise));
  return [...events, ...t.finish((leftLeg.length - 1) * 100)];
}
const ramp = (from: number, to: number, n: number) =>
  Array.from({ length: n }, (_, i) => from + ((to - from) * (i + 1)) / n);
/** A rep from rest: reach 1.5 s, hold 2.5 s, return 1.5 s, rest 1 s. */
const rep = [...ramp(0, 1, 15), ...Array(25).fill(1), ...ramp(1, 0, 15), ...Array(10).fill(0)];
const ends = (e: PhaseEvent[]) =>
  e.filter((x) => x.type === 'rep-end').map((x) => (x.type === 'rep-end' ? x.rep.startMs : -1));

describe('the bird-dog phase tracker at the start of a reading', () => {
  it('does not count a movement already lifted at the first sample (getting down, or a rep cut off), and counts the rep after it', () => {
    // Kneeling on the way down reads as a lifted leg: high from the first sample, then down to rest.
    const e = track([...Array(20).fill(0.9), ...ramp(0.9, 0, 10), ...Array(10).fill(0), ...rep]);
    expect(e.some((x) => x.type === 'rep-abandoned' && x.tMs < 4000)).toBe(true);
    expect(ends(e)).toHaveLength(1);
    expect(ends(e)[0]).toBeGreaterThan(3500);
  });

  it('counts a first rep that starts from a settle a little off rest (after creeping), and one from rest', () => {
    expect(
      ends(
        track([
          ...Array(10).fill(0.2),
          ...ramp(0.2, 1, 10),
          ...Array(25).fill(1),
          ...ramp(1, 0, 15),
          ...Array(10).fill(0),
        ]),
      ),
    ).toEqual([0]);
    expect(ends(track([...Array(5).fill(0), ...rep]))).toHaveLength(1);
  });
});
