// The phone-on-the-back run, fed readings from core's pelvis generator as the browser would deliver
// them: it records an even series with the cues, shows the live roll, beeps past the band only in
// reaches and holds, and its analysis finds the known roll per side.
import { describe, expect, it } from 'vitest';
import { pacingAt } from '@steadyback/core';
import { generatePelvisStream } from '@steadyback/synthetic';
import { pacedPelvisTimeline } from '@steadyback/synthetic';
import { BEEP_ROLL_DEG, BirdDogSensorRun, SAMPLE_INTERVAL_MS, analyseSamples } from './bird-dog-run.ts';

function phoneFor(run: BirdDogSensorRun, rollLeft: number, rollRight: number) {
  const timeline = pacedPelvisTimeline(run.segments, { rollDegByLeg: { left: rollLeft, right: rollRight } });
  return generatePelvisStream({
    timeline,
    durationMs: run.durationMs,
    rateHz: 60,
    headingDeg: 30,
    mount: 'sacrum',
    mountingYawDeg: 15,
    noiseSdDeg: 0.2,
    seed: 9,
  });
}

function play(run: BirdDogSensorRun, stream: ReturnType<typeof phoneFor>) {
  const beepsAt: number[] = [];
  let maxLeftRoll = 0;
  let k = 0;
  for (let t = 0; t <= run.durationMs + SAMPLE_INTERVAL_MS; t += SAMPLE_INTERVAL_MS) {
    while (k + 1 < stream.samples.length && stream.samples[k + 1]!.tMs <= t) k++;
    const s = stream.samples[k]!;
    const out = run.tick(t, { alpha: s.alphaDeg, beta: s.betaDeg, gamma: s.gammaDeg });
    if (out.beep) beepsAt.push(t);
    if (out.level && out.segment.leg === 'left' && out.segment.cue === 'hold')
      maxLeftRoll = Math.max(maxLeftRoll, Math.abs(out.level.rollDeg));
    if (out.done) break;
  }
  return { beepsAt, maxLeftRoll };
}

describe('phone-on-the-back bird-dog run', () => {
  it('shows the live roll and beeps only while reaching or holding past the band', () => {
    const run = new BirdDogSensorRun({ repsPerSide: 2 });
    const { beepsAt, maxLeftRoll } = play(run, phoneFor(run, 10, 2));
    expect(maxLeftRoll).toBeGreaterThan(9);
    expect(maxLeftRoll).toBeLessThan(11.5);
    expect(beepsAt.length).toBeGreaterThan(0);
    for (const t of beepsAt) {
      const seg = pacingAt(run.segments, t).segment;
      expect(seg.leg).toBe('left');
      expect(seg.cue === 'hold' || seg.cue.startsWith('reach:')).toBe(true);
    }
    expect(run.beeps).toBe(beepsAt.length);
    expect(BEEP_ROLL_DEG).toBe(5);
  });

  it('analyses the recorded set: every rep, its leg and the roll of each side', () => {
    const run = new BirdDogSensorRun({ repsPerSide: 2 });
    play(run, phoneFor(run, 12, 3));
    const a = run.analyse();
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.result.reps.map((r) => r.leg)).toEqual(['left', 'right', 'left', 'right']);
    expect(a.result.sides.left.meanRollDeg!).toBeGreaterThan(11);
    expect(a.result.sides.left.meanRollDeg!).toBeLessThan(13);
    expect(a.result.sides.left.verdict).toBe('positive');
    expect(a.result.sides.right.verdict).toBe('negative');
  });

  it('says plainly that nothing was measured when the phone sent no readings', () => {
    const r = analyseSamples([]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/no movement readings/);
  });
});
