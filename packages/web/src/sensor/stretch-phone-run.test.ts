// The phone-only stretch run fed generated waistband readings as the browser delivers them (the
// newest reading at each 20 ms tick): the timer counts the steady part and stops while arching.
import { describe, expect, it } from 'vitest';
import { generatePelvisStream } from '@steadyback/synthetic';
import { STRETCH_SETTLE_MS, StretchPhoneRun } from './stretch-phone-run.ts';

describe('phone-only stretch run', () => {
  it('counts good form while steady and cues the arching', () => {
    const holdMs = 16_000;
    const timeline = (tMs: number) => ({
      rollDeg: 0,
      pitchDeg: -85 + (tMs > STRETCH_SETTLE_MS + 6000 && tMs < STRETCH_SETTLE_MS + 11_000 ? 13 : 0),
    });
    const stream = generatePelvisStream({
      timeline,
      durationMs: STRETCH_SETTLE_MS + holdMs,
      rateHz: 60,
      mount: 'waistband-backward',
      noiseSdDeg: 0.3,
      seed: 8,
    });
    const run = new StretchPhoneRun();
    const cues: string[] = [];
    let k = 0;
    let good = 0;
    for (let t = 0; t <= STRETCH_SETTLE_MS + holdMs; t += 20) {
      while (k + 1 < stream.samples.length && stream.samples[k + 1]!.tMs <= t) k++;
      const s = stream.samples[k]!;
      const out = run.tick(t, { alpha: s.alphaDeg, beta: s.betaDeg, gamma: s.gammaDeg });
      cues.push(...out.cues.map((c) => c.text));
      good = out.state?.goodFormMs ?? good;
    }
    const done = run.finish(STRETCH_SETTLE_MS + holdMs);
    expect(good).toBeGreaterThan(8000);
    expect(good).toBeLessThan(12_500);
    expect(done.faults.some((f) => f.rule === 'C1' && f.source === 'sensor')).toBe(true);
    expect(cues.join(' ')).toMatch(/pelvis is tipping forward/);
  });
});
