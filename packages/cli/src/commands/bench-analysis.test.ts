import { describe, expect, it } from 'vitest';
import { formatAnalysisBench, runAnalysisBench } from './bench-analysis.ts';

describe('steadyback bench --analysis', () => {
  it('measures every analysis and every mounting yaw, and prints them as tables', () => {
    const b = runAnalysisBench();
    expect(b.cost.map((c) => c.analysis)).toHaveLength(5);
    for (const c of b.cost) expect(c.usPerFrame).toBeGreaterThan(0);
    expect(b.sensor.map((s) => s.mountingYawDeg)).toEqual([0, 15, 30, 45]);
    // Accuracy (not speed): the sensor pipeline recovers the known angles.
    for (const s of b.sensor) expect(Math.max(s.rollMaxErrDeg, s.pitchMaxErrDeg)).toBeLessThanOrEqual(1);
    const text = formatAnalysisBench(b);
    expect(text).toMatch(/\| bird-dog, camera \+ phone \(recorded\) \| \d+ \|/);
    expect(text).toMatch(/\| 30 deg \|/);
  });
});
