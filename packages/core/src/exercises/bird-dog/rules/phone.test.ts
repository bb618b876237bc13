// The phone's rules on each side of their thresholds, through the analyser with a phone-only
// recording whose pelvis angles are known exactly: R3 early pelvic motion (the roll reaching 5
// degrees before the leg is halfway up) and R4s pelvic pitch (amber above 5, red above 10 degrees).
import { describe, expect, it } from 'vitest';
import { analyzeBirdDog, type PelvisInput } from '../analyze.ts';
import type { BodySide, Metric } from '../result.ts';

const SETTLE_MS = 1500;
const REACH_MS = 2000;
const HOLD_MS = 5000;
const RETURN_MS = 2000;
const SAMPLE_MS = 20;

interface PacedRep {
  readonly leg: BodySide;
  /** The pelvis rolls to this many degrees at `rollFromMs` after the reach cue, and stays until the return cue. */
  readonly rollDeg?: number;
  readonly rollFromMs?: number;
  /** The pelvis tips forward this many degrees from the reach cue to the return cue. */
  readonly pitchDeg?: number;
}

/**
 * A phone on the pelvis with the app's spoken pacing: settle, reach (the leg is halfway up at
 * REACH_MS / 2 by the cues), hold, return, one rep after another; still at 0 degrees in between.
 */
function pacedPelvis(reps: readonly PacedRep[]): PelvisInput {
  const cues: Array<PelvisInput['cues'][number]> = [];
  const spans: Array<{ startMs: number; returnMs: number; rep: PacedRep }> = [];
  let t = 0;
  for (const rep of reps) {
    const startMs = t + SETTLE_MS;
    const returnMs = startMs + REACH_MS + HOLD_MS;
    cues.push(
      { tMs: t, cue: 'settle' },
      { tMs: startMs, cue: rep.leg === 'left' ? 'reach:left-leg' : 'reach:right-leg' },
      { tMs: startMs + REACH_MS, cue: 'hold' },
      { tMs: returnMs, cue: 'return' },
    );
    spans.push({ startMs, returnMs, rep });
    t = returnMs + RETURN_MS;
  }
  cues.push({ tMs: t, cue: 'settle' });
  const samples: Array<PelvisInput['samples'][number]> = [];
  for (let tMs = 0; tMs <= t + 1000; tMs += SAMPLE_MS) {
    const span = spans.find((s) => tMs >= s.startMs && tMs < s.returnMs);
    const rolled = span && tMs - span.startMs >= (span.rep.rollFromMs ?? 0);
    samples.push({
      tMs,
      rollDeg: rolled ? (span.rep.rollDeg ?? 0) : 0,
      pitchDeg: span ? (span.rep.pitchDeg ?? 0) : 0,
    });
  }
  return { samples, badIntervals: [], cues };
}

const firstRep = (rep: PacedRep): Readonly<Record<'R1' | 'R3' | 'R4s', Metric>> => {
  const r = analyzeBirdDog({ pelvis: pacedPelvis([rep]) });
  expect(r.reps).toHaveLength(1);
  expect(r.reps[0]!.foundBy).toBe('pacing-cues');
  return r.reps[0]!.metrics;
};

describe('R3 early lumbopelvic motion: the 5-degree onset', () => {
  it('does not flag a roll that stays just under 5 degrees, however early it comes', () => {
    const m = firstRep({ leg: 'left', rollDeg: 4.9, rollFromMs: 100 }).R3;
    expect(m.band).toBe('green');
    expect(m.reason).toMatch(/stayed within 5 degrees/);
  });

  it('flags a roll that reaches 5 degrees early, either way', () => {
    expect(firstRep({ leg: 'left', rollDeg: 5, rollFromMs: 100 }).R3.band).toBe('red');
    expect(firstRep({ leg: 'right', rollDeg: -5, rollFromMs: 100 }).R3.band).toBe('red');
  });
});

describe("R3 early lumbopelvic motion: the leg's halfway point", () => {
  const halfMs = REACH_MS / 2;

  it('flags a roll that reaches 5 degrees one sample before the leg is halfway up', () => {
    const m = firstRep({ leg: 'left', rollDeg: 6, rollFromMs: halfMs - SAMPLE_MS }).R3;
    expect(m.band).toBe('red');
    expect(m.value).toBe(SAMPLE_MS);
  });

  it('does not flag the same roll as the leg reaches halfway, or one sample after', () => {
    expect(firstRep({ leg: 'left', rollDeg: 6, rollFromMs: halfMs }).R3.band).toBe('green');
    const later = firstRep({ leg: 'left', rollDeg: 6, rollFromMs: halfMs + SAMPLE_MS }).R3;
    expect(later.band).toBe('green');
    expect(later.value).toBe(-SAMPLE_MS);
  });
});

describe('R4s pelvic pitch as the leg goes up', () => {
  const r4s = (pitchDeg: number) => firstRep({ leg: 'left', pitchDeg }).R4s;

  it('is green at 5 degrees and amber just above it', () => {
    expect(r4s(5).band).toBe('green');
    expect(r4s(5.1).band).toBe('amber');
  });

  it('is amber at 10 degrees and red just above it', () => {
    expect(r4s(10).band).toBe('amber');
    expect(r4s(10.1).band).toBe('red');
    expect(r4s(10.1).value).toBe(10.1);
  });

  it('does not count the pelvis tipping backward', () => {
    expect(r4s(-12).band).toBe('green');
  });
});
