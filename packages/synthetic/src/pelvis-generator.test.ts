import { describe, it, expect } from 'vitest';
import { variance } from './test-frames.ts';
import { gravityUpInDevice } from '@steadyback/core';
import { birdDogSession, generatePelvisStream, keyframeTimeline } from './pelvis-generator.ts';
import { bodyTiltFromGravity } from '@steadyback/core';

const still = (rollDeg: number, pitchDeg: number) => keyframeTimeline([{ tMs: 0, rollDeg, pitchDeg, cue: 'hold' }]);
const first = (o: Parameters<typeof generatePelvisStream>[0]) => generatePelvisStream(o).samples[0]!;

describe('generatePelvisStream: the physical orientation', () => {
  it('puts a level phone with the top north at W3C (0, 0, 0), and heading east at alpha 270', () => {
    const n = first({ timeline: still(0, 0), durationMs: 0 });
    expect([n.alphaDeg, n.betaDeg, n.gammaDeg]).toEqual([0, 0, 0]);
    expect(first({ timeline: still(0, 0), durationMs: 0, headingDeg: 90 }).alphaDeg).toBeCloseTo(270, 9);
  });
  it('turns a right-side-down roll into gamma > 0 and a head-down pitch into beta < 0', () => {
    const r = first({ timeline: still(10, 0), durationMs: 0 });
    expect(r.gammaDeg).toBeCloseTo(10, 9);
    expect(r.betaDeg).toBeCloseTo(0, 9);
    const p = first({ timeline: still(0, 10), durationMs: 0 });
    expect(p.betaDeg).toBeCloseTo(-10, 9);
    expect(p.gammaDeg).toBeCloseTo(0, 9);
  });
  it('turns the phone by the mounting yaw: top toward the left for psi > 0', () => {
    // Head north, top turned 30 deg toward the left (west) = counter-clockwise = alpha 30.
    expect(first({ timeline: still(0, 0), durationMs: 0, mountingYawDeg: 30 }).alphaDeg).toBeCloseTo(30, 9);
  });
  it('stands the waistband phone upright with the screen facing back or toward the body', () => {
    const back = first({ timeline: still(0, -90), durationMs: 0, mount: 'waistband-backward' });
    expect(back.betaDeg).toBeCloseTo(90, 9);
    const g = gravityUpInDevice(back.betaDeg, back.gammaDeg);
    expect(g.y).toBeCloseTo(1, 9);
    // Anterior tilt tips the top forward, away from a backward-facing screen: beta drops below 90.
    expect(first({ timeline: still(0, -80), durationMs: 0, mount: 'waistband-backward' }).betaDeg).toBeCloseTo(80, 9);
    expect(first({ timeline: still(0, -80), durationMs: 0, mount: 'waistband-forward' }).betaDeg).toBeCloseTo(100, 9);
  });
  it('emits angles whose gravity decomposes back to the true body tilt (noise-free)', () => {
    const s = birdDogSession({ baseline: { rollDeg: 3, pitchDeg: -7 } });
    const g = generatePelvisStream({
      timeline: s.timeline,
      durationMs: s.durationMs,
      mountingYawDeg: -40,
      headingDeg: 123,
    });
    g.samples.forEach((x, i) => {
      const t = bodyTiltFromGravity(gravityUpInDevice(x.betaDeg, x.gammaDeg), -40);
      expect(t.rollDeg).toBeCloseTo(g.truth[i]!.rollDeg, 9);
      expect(t.pitchDeg).toBeCloseTo(g.truth[i]!.pitchDeg, 9);
    });
  });
});

describe('generatePelvisStream: the phone imperfections', () => {
  const s = birdDogSession();
  it('samples at the given rate and leaves gaps empty', () => {
    const g = generatePelvisStream({
      timeline: s.timeline,
      durationMs: 10_000,
      rateHz: 30,
      gaps: [{ startMs: 5000, endMs: 6000 }],
    });
    const dts = g.samples.slice(1).map((x, i) => x.tMs - g.samples[i]!.tMs);
    expect(Math.min(...dts)).toBeCloseTo(1000 / 30, 9);
    // 5000 ms itself falls in the gap: the last sample before is 4966.7, the first after 6000.
    expect(Math.max(...dts)).toBeCloseTo(6000 - (5000 - 1000 / 30), 6);
    expect(g.samples.some((x) => x.tMs >= 5000 && x.tMs < 6000)).toBe(false);
    expect(g.truth.length).toBe(g.samples.length);
  });
  it('adds seeded noise of the asked SD and repeats it exactly for the same seed', () => {
    const clean = generatePelvisStream({ timeline: still(0, 0), durationMs: 60_000, rateHz: 50 });
    const noisy = generatePelvisStream({
      timeline: still(0, 0),
      durationMs: 60_000,
      rateHz: 50,
      noiseSdDeg: 0.3,
      seed: 7,
    });
    const d = noisy.samples.map((x, i) => x.gammaDeg - clean.samples[i]!.gammaDeg);
    expect(Math.sqrt(variance(d))).toBeCloseTo(0.3, 1);
    expect(generatePelvisStream({ timeline: still(0, 0), durationMs: 1000, noiseSdDeg: 0.3, seed: 7 }).samples).toEqual(
      noisy.samples.slice(0, 51),
    );
  });
  it('drifts alpha, beta and gamma linearly by the asked degrees per minute', () => {
    const g = generatePelvisStream({
      timeline: still(0, 0),
      durationMs: 60_000,
      alphaDriftDegPerMin: 5,
      betaDriftDegPerMin: 0.5,
      gammaDriftDegPerMin: -0.5,
    });
    const end = g.samples[g.samples.length - 1]!;
    expect(end.tMs).toBe(60_000);
    expect(end.alphaDeg).toBeCloseTo(5, 9);
    expect(end.betaDeg).toBeCloseTo(0.5, 9);
    expect(end.gammaDeg).toBeCloseTo(-0.5, 9);
    expect(g.truth[g.truth.length - 1]!.rollDeg).toBe(0); // drift is the phone's, not the body's
  });
  it('tips the phone over when it slides off, and marks the truth', () => {
    const g = generatePelvisStream({
      timeline: still(0, 0),
      durationMs: 2000,
      slideOff: { atMs: 1000, tiltDeg: 60, durationMs: 100 },
    });
    const at = (t: number) => g.samples.find((x) => x.tMs === t)!;
    expect(at(980).betaDeg).toBeCloseTo(0, 9);
    expect(at(1200).betaDeg).toBeCloseTo(-60, 9);
    expect(g.truth.find((x) => x.tMs === 1200)!.slidOff).toBe(true);
    expect(g.truth.find((x) => x.tMs === 980)!.slidOff).toBe(false);
  });
});

describe('birdDogSession', () => {
  const s = birdDogSession();
  it('paces settle, a guided rock, then alternating left/right reps of settle-reach-hold-return', () => {
    const cues = s.phases.map((p) => p.cue);
    expect(cues.slice(0, 7)).toEqual([
      'settle',
      'calibrate:rock',
      'settle',
      'reach:left-leg',
      'hold',
      'return',
      'settle',
    ]);
    expect(cues[7]).toBe('reach:right-leg');
    expect(s.holds.map((h) => h.side)).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    expect(s.holds.every((h) => h.endMs - h.startMs === 5000)).toBe(true);
    expect(s.durationMs).toBe(2000 + 4000 + 6 * (1500 + 2000 + 5000 + 2000) + 1000);
  });
  it('rocks the pitch +-8 degrees at 0.5 Hz for 4 s without rolling', () => {
    const rock = Array.from({ length: 401 }, (_, i) => s.timeline(2000 + i * 10)).filter(
      (p) => p.cue === 'calibrate:rock',
    );
    expect(Math.max(...rock.map((p) => p.pitchDeg))).toBeCloseTo(8, 3);
    expect(Math.min(...rock.map((p) => p.pitchDeg))).toBeCloseTo(-8, 3);
    expect(rock.every((p) => p.rollDeg === 0)).toBe(true);
    expect(s.timeline(2500).pitchDeg).toBeCloseTo(8, 9); // a quarter period of 2 s
  });
  it('holds each rep at the baseline plus the rep tilt', () => {
    const h = s.holds[1]!;
    expect(s.timeline(h.startMs + 100)).toEqual({ rollDeg: 6, pitchDeg: 4, cue: 'hold' });
  });
});

describe('keyframeTimeline', () => {
  it('interpolates linearly and carries cues forward', () => {
    const t = keyframeTimeline([
      { tMs: 0, rollDeg: 0, pitchDeg: 0, cue: 'settle' },
      { tMs: 1000, rollDeg: 10, pitchDeg: -4 },
      { tMs: 2000, rollDeg: 10, pitchDeg: -4, cue: 'hold' },
    ]);
    expect(t(500)).toEqual({ rollDeg: 5, pitchDeg: -2, cue: 'settle' });
    expect(t(1500).cue).toBe('settle');
    expect(t(9000)).toEqual({ rollDeg: 10, pitchDeg: -4, cue: 'hold' });
    expect(() =>
      keyframeTimeline([
        { tMs: 5, rollDeg: 0, pitchDeg: 0 },
        { tMs: 5, rollDeg: 0, pitchDeg: 0 },
      ]),
    ).toThrow(/sort/);
  });
});
