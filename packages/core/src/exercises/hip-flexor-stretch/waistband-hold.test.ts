// The phone-only stretch hold: a generated waistband stream (known pelvic tilt, noise, a phone
// leaning sideways in the waistband) through core's waistband pipeline and the hold tracker.
import { describe, expect, it } from 'vitest';
import { generatePelvisStream, keyframeTimeline } from '@steadyback/synthetic';
import { waistbandInputFromSamples } from './waistband-input.ts';
import { WaistbandHoldTracker } from './waistband-hold.ts';

/** Settle 3 s at the set-up, then the hold; `during` shapes the pelvic pitch change in the hold. */
function play(holdMs: number, during: (tHoldMs: number) => number) {
  const settleMs = 3000;
  const timeline = (tMs: number) => {
    const base = keyframeTimeline([{ tMs: 0, rollDeg: 0, pitchDeg: -85 }])(tMs);
    const extra = tMs < settleMs ? 0 : during(tMs - settleMs);
    return { ...base, pitchDeg: -85 + extra, cue: tMs < settleMs ? ('settle' as const) : ('hold' as const) };
  };
  const stream = generatePelvisStream({
    timeline,
    durationMs: settleMs + holdMs,
    rateHz: 50,
    mount: 'waistband-backward',
    mountingYawDeg: 10,
    noiseSdDeg: 0.3,
    seed: 4,
  });
  const tilt = waistbandInputFromSamples(stream.samples, 'live');
  if (!tilt.ok) throw new Error(tilt.reason);
  const tracker = new WaistbandHoldTracker();
  const cues: string[] = [];
  for (const s of tilt.waistband.samples) {
    if (s.tMs < settleMs) continue;
    const st = tracker.push(s.tMs, s.tiltDeg);
    if (st.cue) cues.push(st.cue.rule);
  }
  return { ...tracker.finish(settleMs + holdMs), cues };
}

describe('phone-only stretch hold (waistband)', () => {
  it('counts a steady hold as good form', () => {
    const r = play(20_000, () => 0);
    expect(r.goodFormMs).toBeGreaterThan(19_000);
    expect(r.faults).toEqual([]);
  });

  it('flags arching (the pelvis tipping forward 13 degrees) as C1 from the sensor and stops the timer', () => {
    const r = play(20_000, (t) => (t > 8000 && t < 14_000 ? 13 : 0));
    const c1 = r.faults.find((f) => f.rule === 'C1' && f.source === 'sensor');
    expect(c1).toBeDefined();
    expect(c1!.atMs).toBeGreaterThan(3000 + 8000);
    expect(r.goodFormMs).toBeLessThan(16_000);
    expect(r.cues).toContain('C1s');
  });

  it('flags rocking forward and back as C5 from the sensor', () => {
    const r = play(20_000, (t) => 4 * Math.sin((2 * Math.PI * t) / 2000));
    expect(r.faults.some((f) => f.rule === 'C5' && f.source === 'sensor')).toBe(true);
    expect(r.cues).toContain('C5');
  });
});
