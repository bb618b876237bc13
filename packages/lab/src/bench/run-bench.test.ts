// The benchmark's plumbing on a couple of real renders and a real model: every headline number is
// finite and the JSON has the shape the docs and the app's decisions read. No timings asserted.
import { describe, expect, it } from 'vitest';
import { runAccuracyBench } from './run-bench.ts';
import { formatReport } from './tables.ts';

const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

describe('npm run bench:accuracy, tiny preset', () => {
  it('renders, runs the model and the analysers, and reports finite numbers in the documented JSON shape', async () => {
    const report = JSON.parse(JSON.stringify(await runAccuracyBench({ preset: 'tiny' })));
    expect(report.preset).toBe('tiny');
    expect(typeof report.figures).toBe('string');
    // Side view (half-kneeling): knee and trunk-thigh errors from the one model the preset runs.
    expect(finite(report.views.side.kneeMaeDeg)).toBe(true);
    expect(finite(report.views.side.trunkThighMaeDeg)).toBe(true);
    expect(report.views.side.kneeModel).toBe('blazepose-lite');
    // Rear view (bird-dog): roll is a number or null (never measurable), with its verdict flag.
    expect('rollMaeDeg' in report.views.rear).toBe(true);
    expect(report.views.rear.rollMaeDeg === null || finite(report.views.rear.rollMaeDeg)).toBe(true);
    expect(typeof report.views.rear.rollMeasurable).toBe('boolean');
    expect(finite(report.views.rear.rollZeroAnswerMaeDeg)).toBe(true);
    // Per-model detail.
    const lite = report.views.side.models['blazepose-lite'];
    expect(lite.detectionRate).toBeGreaterThanOrEqual(0);
    expect(lite.detectionRate).toBeLessThanOrEqual(1);
    expect(finite(lite.frontKnee.mae)).toBe(true);
    expect(Object.keys(report.views.rear.models['blazepose-lite'].roll)).toEqual(
      expect.arrayContaining(['hip-line-2d', 'world-3d', 'contour-seg']),
    );
    // The phone: roll and pitch from the generator through the real sensor pipeline.
    expect(finite(report.sensor.rollMaeDeg)).toBe(true);
    expect(finite(report.sensor.pitchMaeDeg)).toBe(true);
    expect(report.sensor.byYaw.map((y: { yawDeg: number }) => y.yawDeg)).toEqual([0, 15, 30, 45]);
    expect(Number.isInteger(report.confidentWrongVerdicts)).toBe(true);
    expect(report.confidentWrongVerdicts).toBeGreaterThanOrEqual(0);
    // The tiny preset renders no clips: rep finding by view is there, and empty.
    expect(report.repFinding).toEqual([]);
    expect(formatReport(report)).toMatch(/Pelvic roll \(R1\) from the camera/);
  });
});
