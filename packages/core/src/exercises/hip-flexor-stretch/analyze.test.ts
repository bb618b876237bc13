import { describe, expect, it } from 'vitest';
import { stretchSequence, type SyntheticHold } from '@steadyback/synthetic';
import { seededGaussian } from '@steadyback/synthetic';
import { analyzeStretch } from './analyze.ts';
import { oscillation } from './fault-persistence.ts';

const session = (holds: SyntheticHold[], view: 'side-left' | 'side-right' | 'front' | 'rear' = 'side-left') =>
  stretchSequence({ holds, view, imaging: { noisePx: 1.5, gaussian: seededGaussian(5) } });

describe('set-up detection (F1-F4)', () => {
  it('finds the set-up, which knee is down, and both knee angles near 90', () => {
    const seq = session([
      { kneelingSide: 'left', holdMs: 6000 },
      { kneelingSide: 'right', holdMs: 6000 },
    ]);
    const r = analyzeStretch({ frames: seq.frames });
    expect(r.view).toBe('side');
    expect(r.setups.map((s) => s.kneelingSide)).toEqual(['left', 'right']);
    for (const s of r.setups) {
      expect(Math.abs(s.frontKneeDeg! - 90)).toBeLessThan(6);
      expect(Math.abs(s.backKneeDeg! - 90)).toBeLessThan(8);
      expect(Math.abs(s.trunkLeanDeg)).toBeLessThan(3);
    }
    expect(r.events.some((e) => e.type === 'side-switch')).toBe(true);
  });

  it('works with the camera on the other side of the person', () => {
    const r = analyzeStretch({ frames: session([{ kneelingSide: 'right', holdMs: 6000 }], 'side-right').frames });
    expect(r.setups.map((s) => s.kneelingSide)).toEqual(['right']);
  });

  it('does not start the timer while the front knee is far from 90 degrees, and cues it', () => {
    const seq = session([{ kneelingSide: 'left', frontKneeDeg: 130, holdMs: 6000 }]);
    const r = analyzeStretch({ frames: seq.frames });
    expect(r.setups).toHaveLength(0);
    expect(r.cues.map((c) => c.rule)).toContain('F1');
    expect(r.quality.map((q) => q.code)).toContain('no-setup');
  });
});

describe('holds and the good-form timer', () => {
  it('counts nearly the whole of a steady hold as good form', () => {
    const seq = session([{ kneelingSide: 'left', holdMs: 20000 }]);
    const r = analyzeStretch({ frames: seq.frames });
    expect(r.holds).toHaveLength(1);
    const h = r.holds[0]!;
    expect(h.faults).toEqual([]);
    const truthMs = seq.holds[0]!.endMs - r.setups[0]!.atMs;
    expect(h.goodFormMs).toBeGreaterThan(truthMs - 1500);
    expect(h.peakDeltaHipExtensionDeg!).toBeGreaterThan(8);
    expect(h.peakDeltaHipExtensionDeg!).toBeLessThan(16);
  });

  it('leaves delta hip extension unreported below the 5-degree measurement floor', () => {
    const r = analyzeStretch({ frames: session([{ kneelingSide: 'left', hipExtensionDeg: 2, holdMs: 6000 }]).frames });
    expect(r.holds[0]!.peakDeltaHipExtensionDeg).toBeNull();
  });
});

describe('faults', () => {
  it('C1: leaning back into the low back is a fault from the camera, with its cue', () => {
    const r = analyzeStretch({ frames: session([{ kneelingSide: 'left', trunkLeanDeg: 16, holdMs: 8000 }]).frames });
    const f = r.holds[0]!.faults.find((x) => x.rule === 'C1');
    expect(f?.source).toBe('camera');
    expect(r.cues.some((c) => c.rule === 'C1' && /Ribs down/.test(c.text))).toBe(true);
    expect(r.holds[0]!.goodFormMs).toBeLessThan(5000);
  });
  it('C1 is not raised by a small lean back within 10 degrees', () => {
    const r = analyzeStretch({ frames: session([{ kneelingSide: 'left', trunkLeanDeg: 6, holdMs: 8000 }]).frames });
    expect(r.holds[0]!.faults.filter((x) => x.rule === 'C1')).toEqual([]);
  });
  it('C2: leaning forward beyond 15 degrees', () => {
    const r = analyzeStretch({ frames: session([{ kneelingSide: 'right', trunkLeanDeg: -22, holdMs: 8000 }]).frames });
    expect(r.holds[0]!.faults.map((x) => x.rule)).toContain('C2');
    expect(r.cues.map((c) => c.text)).toContain('Stay tall.');
  });
  it('C4: going beyond the personal depth cap, and only then', () => {
    const deep = analyzeStretch({
      frames: session([{ kneelingSide: 'left', hipExtensionDeg: 18, holdMs: 8000 }]).frames,
      depthCapDeg: 10,
    });
    expect(deep.holds[0]!.faults.map((x) => x.rule)).toContain('C4');
    const within = analyzeStretch({
      frames: session([{ kneelingSide: 'left', hipExtensionDeg: 8, holdMs: 8000 }]).frames,
      depthCapDeg: 15,
    });
    expect(within.holds[0]!.faults.map((x) => x.rule)).not.toContain('C4');
  });
  it('C5: rocking forward and back is flagged; a steady hold is not', () => {
    const rock = analyzeStretch({
      frames: session([{ kneelingSide: 'left', rockAmplitudeDeg: 5, rockHz: 0.5, holdMs: 12000 }]).frames,
    });
    expect(rock.holds[0]!.faults.map((x) => x.rule)).toContain('C5');
    const steady = analyzeStretch({ frames: session([{ kneelingSide: 'left', holdMs: 12000 }]).frames });
    expect(steady.holds[0]!.faults).toEqual([]);
  });
  it('C1s: the phone in the waistband sees arching the camera cannot, and C5 from its oscillation', () => {
    const seq = session([{ kneelingSide: 'left', holdMs: 12000 }]);
    const start = seq.holds[0]!.holdStartMs;
    const samples = seq.frames.map((f) => ({
      tMs: f.tMs,
      tiltDeg: f.tMs > start + 2000 ? Math.min(14, (f.tMs - start - 2000) / 200) : 0,
    }));
    const r = analyzeStretch({ frames: seq.frames, waistband: { samples } });
    const f = r.holds[0]!.faults.find((x) => x.source === 'sensor');
    expect(f?.rule).toBe('C1');
    expect(r.cues.some((c) => c.rule === 'C1s')).toBe(true);
    const rocking = seq.frames.map((f2) => ({
      tMs: f2.tMs,
      tiltDeg: f2.tMs > start ? 4 * Math.sin((2 * Math.PI * f2.tMs) / 2000) : 0,
    }));
    const r2 = analyzeStretch({ frames: seq.frames, waistband: { samples: rocking } });
    expect(r2.holds[0]!.faults.some((x) => x.rule === 'C5' && x.source === 'sensor')).toBe(true);
  });
});

describe('views', () => {
  it('from the front, finds the holds but says form cannot be judged and counts no good-form time', () => {
    const r = analyzeStretch({
      frames: session([{ kneelingSide: 'left', trunkLeanDeg: 16, holdMs: 8000 }], 'front').frames,
    });
    expect(r.view).toBe('front');
    expect(r.holds.length).toBeGreaterThan(0);
    expect(r.holds.every((h) => !h.formMeasured && h.goodFormMs === 0 && h.faults.length === 0)).toBe(true);
    expect(r.quality.map((q) => q.code)).toContain('view-limits');
  });
});

describe('oscillation', () => {
  it('counts cycles whose swings exceed the threshold and ignores jitter', () => {
    const rock = Array.from({ length: 150 }, (_, i) => 4 * Math.sin((2 * Math.PI * i) / 50));
    expect(oscillation(rock).cycles).toBeGreaterThanOrEqual(2);
    const jitter = Array.from({ length: 150 }, (_, i) => 2 * Math.sin(i * 1.7));
    expect(oscillation(jitter).cycles).toBe(0);
  });
});

it('the result is JSON-serialisable and has the documented shape', () => {
  const r = analyzeStretch({ frames: session([{ kneelingSide: 'left', holdMs: 6000 }]).frames });
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  expect(r.exercise).toBe('hip-flexor-stretch');
  expect(Object.keys(r.holds[0]!)).toEqual(
    expect.arrayContaining(['kneelingSide', 'startMs', 'endMs', 'goodFormMs', 'faults']),
  );
});
