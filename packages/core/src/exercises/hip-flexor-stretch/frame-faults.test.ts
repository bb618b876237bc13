// The stretch's per-frame fault rules on each side of their thresholds (spec rule set C and Part 0
// C1s): C1 arching (trunk lean back, or the back thigh rising without hip extension), C2 forward
// lean, C4 past the depth cap, C5 bouncing, and the waistband's C1s/C5. Each rule is tested with
// values built from its constant (so a changed comparison fails) and with the spec's own number
// (so a moved constant fails).
import { describe, expect, it } from 'vitest';
import { waistbandCandidates } from './fault-persistence.ts';
import type { FrameAngles } from './frame-angles.ts';
import { sideViewFaults, type HoldFrame } from './frame-faults.ts';
import { STRETCH_THRESHOLDS as T } from './thresholds.ts';

const RATE = 30;
/** The set-up thigh, behind vertical, and the frame the hold starts at. */
const SETUP_THIGH_DEG = 5;
const START = RATE;

function angle(tMs: number, over: Partial<FrameAngles> = {}): FrameAngles {
  return {
    tMs,
    kneeling: 'left',
    frontKneeDeg: 90,
    backKneeDeg: 90,
    thighBehindDeg: SETUP_THIGH_DEG,
    trunkLeanDeg: 0,
    trunkThighDeg: 180,
    shinFromVerticalDeg: 0,
    hipForwardShare: 0.5,
    ...over,
  };
}

interface Moment {
  /** This frame's trunk lean (positive = back) and thigh behind vertical. */
  trunkLeanDeg?: number;
  thighBehindDeg?: number;
  /** This frame's hip extension against the set-up. */
  deltaHE?: number;
  setupTrunkLeanDeg?: number;
  depthCapDeg?: number;
}

/** One second of set-up at the set-up posture, then a frame of the hold with the given readings. */
function frameWith(m: Moment): HoldFrame {
  const angles = Array.from({ length: START + 1 }, (_, k) =>
    angle((k * 1000) / RATE, { trunkLeanDeg: m.setupTrunkLeanDeg ?? 0 }),
  );
  const at = angles.length;
  angles.push(
    angle((at * 1000) / RATE, {
      trunkLeanDeg: m.trunkLeanDeg ?? m.setupTrunkLeanDeg ?? 0,
      thighBehindDeg: m.thighBehindDeg ?? SETUP_THIGH_DEG,
    }),
  );
  const deltaHE = angles.map((_, k) => (k === at ? (m.deltaHE ?? 0) : 0));
  return {
    angles,
    i: at,
    startIdx: START,
    setupTrunkLeanDeg: m.setupTrunkLeanDeg ?? 0,
    deltaHE,
    depthCapDeg: m.depthCapDeg,
    rate: RATE,
  };
}

const rules = (m: Moment): string[] => sideViewFaults(frameWith(m)).map((f) => f.rule);

describe('C1 arching: the trunk leaning back past the set-up', () => {
  it('a trunk leaning back 11 degrees past the set-up is arching; 10 (the spec limit) and 9 are not', () => {
    expect(rules({ trunkLeanDeg: 11 })).toContain('C1');
    expect(rules({ trunkLeanDeg: 10 })).not.toContain('C1');
    expect(rules({ trunkLeanDeg: 9 })).not.toContain('C1');
  });

  it('is arching just past the threshold and not just inside it, measured from the set-up lean', () => {
    expect(rules({ setupTrunkLeanDeg: 2, trunkLeanDeg: 2 + T.C1_LEAN_BACK_DEG + 0.5 })).toContain('C1');
    expect(rules({ setupTrunkLeanDeg: 2, trunkLeanDeg: 2 + T.C1_LEAN_BACK_DEG - 0.5 })).not.toContain('C1');
    expect(rules({ setupTrunkLeanDeg: 2, trunkLeanDeg: 2 + T.C1_LEAN_BACK_DEG })).not.toContain('C1');
  });

  it('is not arching when the trunk, though further back than at set-up, still leans forward', () => {
    expect(rules({ setupTrunkLeanDeg: -25, trunkLeanDeg: -25 + T.C1_LEAN_BACK_DEG + 1 })).not.toContain('C1');
  });
});

describe('C1 arching: the back thigh rising without the hip extending', () => {
  it('a thigh rising 9 degrees with the hip extending 4 is arching; a rise of 8 (the spec limit) or 7 is not', () => {
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + 9, deltaHE: 4 })).toContain('C1');
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + 8, deltaHE: 0 })).not.toContain('C1');
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + 7, deltaHE: 0 })).not.toContain('C1');
  });

  it('is arching just past the rise threshold and not just inside it', () => {
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + T.C1_THIGH_RISE_DEG + 0.5, deltaHE: 0 })).toContain('C1');
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + T.C1_THIGH_RISE_DEG - 0.5, deltaHE: 0 })).not.toContain('C1');
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + T.C1_THIGH_RISE_DEG, deltaHE: 0 })).not.toContain('C1');
  });

  it('is not arching when the hip extends by at least half of the thigh rise', () => {
    const rise = T.C1_THIGH_RISE_DEG + 2;
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + rise, deltaHE: rise / 2 - 0.5 })).toContain('C1');
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + rise, deltaHE: rise / 2 })).not.toContain('C1');
    expect(rules({ thighBehindDeg: SETUP_THIGH_DEG + rise, deltaHE: rise / 2 + 0.5 })).not.toContain('C1');
  });
});

describe('C2 forward lean beyond 15 degrees from vertical', () => {
  it('a trunk 16 degrees forward of vertical is leaning forward; 15 (the spec limit) and 14 are not', () => {
    expect(rules({ trunkLeanDeg: -16 })).toContain('C2');
    expect(rules({ trunkLeanDeg: -15 })).not.toContain('C2');
    expect(rules({ trunkLeanDeg: -14 })).not.toContain('C2');
  });

  it('leans forward just past the threshold and not just inside it', () => {
    expect(rules({ trunkLeanDeg: -(T.C2_FORWARD_LEAN_DEG + 0.5) })).toContain('C2');
    expect(rules({ trunkLeanDeg: -(T.C2_FORWARD_LEAN_DEG - 0.5) })).not.toContain('C2');
  });

  it('counts from vertical, not from the set-up lean', () => {
    expect(rules({ setupTrunkLeanDeg: -10, trunkLeanDeg: -(T.C2_FORWARD_LEAN_DEG + 1) })).toContain('C2');
    expect(rules({ setupTrunkLeanDeg: -10, trunkLeanDeg: -(T.C2_FORWARD_LEAN_DEG - 1) })).not.toContain('C2');
  });

  it('a trunk leaning back that far is not a forward lean', () => {
    expect(rules({ trunkLeanDeg: T.C2_FORWARD_LEAN_DEG + 1 })).not.toContain('C2');
  });
});

describe('C4 too deep: past the personal depth cap', () => {
  it('is too deep just past the cap, and not at or inside it', () => {
    expect(rules({ depthCapDeg: 12, deltaHE: 12.5 })).toContain('C4');
    expect(rules({ depthCapDeg: 12, deltaHE: 12 })).not.toContain('C4');
    expect(rules({ depthCapDeg: 12, deltaHE: 11.5 })).not.toContain('C4');
  });

  it('has nothing to compare with without a cap', () => {
    expect(rules({ deltaHE: 40 })).not.toContain('C4');
  });
});

/**
 * A hold whose delta-HE steps between 0 and `swingDeg` every 0.5 s, `steps` times, then still for
 * `gapMsBefore`; this frame is the last. The first step only sets the direction; each later
 * reversal is a swing, and two swings make a cycle.
 */
function bouncingFrame(swingDeg: number, steps: number, gapMsBefore = 0): HoldFrame {
  const angles: FrameAngles[] = [];
  const deltaHE: number[] = [];
  const stepMs = 500;
  for (let s = 0; s <= steps; s++) {
    for (let k = 0; k < 5; k++) {
      angles.push(angle(s * stepMs + k * 100));
      deltaHE.push(s % 2 === 0 ? 0 : swingDeg);
    }
  }
  // Still after the bouncing, for gapMsBefore.
  const last = angles[angles.length - 1]!.tMs;
  const lastValue = deltaHE[deltaHE.length - 1]!;
  for (let t = 100; t <= gapMsBefore; t += 100) {
    angles.push(angle(last + t));
    deltaHE.push(lastValue);
  }
  return {
    angles,
    i: angles.length - 1,
    startIdx: 0,
    setupTrunkLeanDeg: 0,
    deltaHE,
    depthCapDeg: undefined,
    rate: 10,
  };
}
const bounceRules = (swingDeg: number, steps: number, gapMsBefore = 0): string[] =>
  sideViewFaults(bouncingFrame(swingDeg, steps, gapMsBefore)).map((f) => f.rule);

describe('C5 bouncing: hip-angle peak-to-peak above 5 degrees with at least 2 cycles', () => {
  it('bouncing 6 degrees peak to peak for 2 cycles is bouncing; 5 (the spec limit) and 4 are not', () => {
    expect(bounceRules(6, 5)).toContain('C5');
    expect(bounceRules(5, 5)).not.toContain('C5');
    expect(bounceRules(4, 5)).not.toContain('C5');
  });

  it('is bouncing just past the amplitude threshold and not just inside it', () => {
    expect(bounceRules(T.C5_PEAK_TO_PEAK_DEG + 0.5, 5)).toContain('C5');
    expect(bounceRules(T.C5_PEAK_TO_PEAK_DEG - 0.5, 5)).not.toContain('C5');
  });

  it('needs 2 full cycles (4 swings): one and a half are not bouncing', () => {
    expect(bounceRules(8, 5)).toContain('C5');
    expect(bounceRules(8, 4)).not.toContain('C5');
    expect(bounceRules(8, 2 * T.C5_MIN_CYCLES + 1)).toContain('C5');
    expect(bounceRules(8, 2 * T.C5_MIN_CYCLES)).not.toContain('C5');
  });

  it('looks only at the last few seconds of the hold', () => {
    expect(bounceRules(8, 5, 500)).toContain('C5');
    expect(bounceRules(8, 5, T.C5_WINDOW_MS + 1000)).not.toContain('C5');
  });
});

describe('C1s arching from the phone in the waistband: amber > 5, red > 10 degrees', () => {
  const c1 = (rise: number) => waistbandCandidates(rise, []).candidates.some((c) => c.rule === 'C1');
  const amber = (rise: number) => waistbandCandidates(rise, []).amberCue;

  it('a pelvis tipping 11 degrees forward is arching (red); 10 and 9 are an amber cue only', () => {
    expect(c1(11)).toBe(true);
    expect(amber(11)).toBe(false);
    expect(c1(10)).toBe(false);
    expect(amber(10)).toBe(true);
    expect(c1(9)).toBe(false);
    expect(amber(9)).toBe(true);
  });

  it('6 degrees is an amber cue; 5 and 4 are nothing', () => {
    expect(amber(6)).toBe(true);
    expect(amber(5)).toBe(false);
    expect(amber(4)).toBe(false);
    expect(c1(6)).toBe(false);
  });

  it('changes band just past each threshold and not just inside it', () => {
    expect(c1(T.C1S_RED_DEG + 0.5)).toBe(true);
    expect(c1(T.C1S_RED_DEG - 0.5)).toBe(false);
    expect(amber(T.C1S_AMBER_DEG + 0.5)).toBe(true);
    expect(amber(T.C1S_AMBER_DEG - 0.5)).toBe(false);
  });

  it('C5 from the phone: a tilt rocking 6 degrees for 2 cycles is bouncing; 4 degrees is not', () => {
    const rock = (p2p: number) => Array.from({ length: 9 }, (_, k) => (k % 2 === 0 ? 0 : p2p));
    const c5 = (p2p: number) => waistbandCandidates(0, rock(p2p)).candidates.some((c) => c.rule === 'C5');
    expect(c5(6)).toBe(true);
    expect(c5(T.C5_PEAK_TO_PEAK_DEG + 0.5)).toBe(true);
    expect(c5(5)).toBe(false);
    expect(c5(4)).toBe(false);
  });
});
