// The side camera's rules on each side of their thresholds: R4 leg line above horizontal (amber
// above 10, red above 20 degrees) and R5 trunk sag (amber above 0.05, red above 0.10 of the trunk
// length). The rule itself on camera signals held at a known value through the hold, then R5's
// amber band through the whole analyser on a rendered sag.
import { describe, expect, it } from 'vitest';
import { opposite, session } from '@steadyback/synthetic';
import type { FrameResult } from '../../../pose/pose-frame.ts';
import { analyzeBirdDog } from '../analyze.ts';
import type { CameraSignals } from '../camera-signals.ts';
import type { Metric } from '../result.ts';
import type { RuleInput } from './rule-check.ts';
import { checkSideCamera } from './side-camera.ts';

const FRAME_MS = 100;
const FRAMES = 40;

/** A side-view rep of the left leg whose leg line and trunk sag stay at the given values throughout. */
function held(values: { legElevationDeg?: number; sag?: number }): Partial<Record<'R4' | 'R5', Metric>> {
  const tMs = Array.from({ length: FRAMES }, (_, i) => i * FRAME_MS);
  const frames: FrameResult[] = tMs.map((t) => ({
    tMs: t,
    landmarks: Array.from({ length: 33 }, () => ({ xNorm: 0.5, yNorm: 0.5, visibility: 0.9 })),
    imageWidthPx: 640,
    imageHeightPx: 480,
  }));
  const cam: CameraSignals = {
    tMs,
    rise: tMs.map(() => ({ leftLeg: 0, rightLeg: 0, leftArm: 0, rightArm: 0 })),
    reach: null,
    legElevationDeg: { left: tMs.map(() => values.legElevationDeg ?? 0), right: tMs.map(() => null) },
    // Sag is the rest distance minus the frame's: a rest of 0 and a frame of -s is a sag of s.
    sagRaw: tMs.map(() => -(values.sag ?? 0)),
    restSagRaw: 0,
    thighScale: 0.2,
  };
  const input: RuleInput = {
    rep: {
      startMs: 0,
      holdStartMs: 1000,
      holdEndMs: 3000,
      endMs: 3800,
      peakRise: { leftLeg: 1, rightLeg: 0, leftArm: 0, rightArm: 1 },
      foundBy: 'camera',
    },
    ctx: { frames, cam, motion: null, pelvis: undefined, sideView: true, view: 'side', pain: undefined },
    leg: 'left',
    liftedLeg: 'left',
  };
  return checkSideCamera(input);
}

describe('R4 leg line above horizontal', () => {
  const r4 = (legElevationDeg: number) => held({ legElevationDeg }).R4!;

  it('is green at 10 degrees and amber just above it', () => {
    expect(r4(10).band).toBe('green');
    expect(r4(10.1).band).toBe('amber');
  });

  it('is amber at 20 degrees and red just above it', () => {
    expect(r4(20).band).toBe('amber');
    expect(r4(20.1).band).toBe('red');
    expect(r4(20.1)).toMatchObject({ value: 20.1, source: 'camera' });
  });
});

describe('R5 trunk sag', () => {
  const r5 = (sag: number) => held({ sag }).R5!;

  it('is green at 0.05 of the trunk length and amber just above it', () => {
    expect(r5(0.05).band).toBe('green');
    expect(r5(0.051).band).toBe('amber');
  });

  it('is amber at 0.10 of the trunk length and red just above it', () => {
    expect(r5(0.1).band).toBe('amber');
    expect(r5(0.101).band).toBe('red');
    expect(r5(0.101)).toMatchObject({ value: 0.101, source: 'camera' });
  });

  it('is amber through the analyser for a moderate sag, between the flat back and the red one', () => {
    const seq = session([opposite('left'), opposite('right', { sagM: 0.06 })]);
    const m = analyzeBirdDog({ frames: seq.frames }).reps[1]!.metrics.R5;
    expect(m.band).toBe('amber');
    expect(m.value!).toBeGreaterThan(0.05);
    expect(m.value!).toBeLessThanOrEqual(0.1);
  });
});
