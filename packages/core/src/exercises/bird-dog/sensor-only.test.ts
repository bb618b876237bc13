// The phone on the pelvis alone: a generated orientation stream with known roll and pitch, a
// 30-degree mounting yaw, noise and drift, through the real sensor pipeline and the bird-dog rules.
import { describe, expect, it } from 'vitest';
import { birdDogSession, generatePelvisStream } from '@steadyback/synthetic';
import type { SensorSample } from '../../sensor/sensor-series.ts';
import { pelvisInputFromSamples } from './pelvis-input.ts';
import { analyzeBirdDog, type PelvisInput } from './analyze.ts';

function pelvisFrom(
  session: ReturnType<typeof birdDogSession>,
  opts: { seed?: number; slideOffAtMs?: number } = {},
): PelvisInput {
  const stream = generatePelvisStream({
    timeline: session.timeline,
    durationMs: session.durationMs,
    rateHz: 50,
    headingDeg: 40,
    mount: 'sacrum',
    mountingYawDeg: 30,
    noiseSdDeg: 0.3,
    alphaDriftDegPerMin: 5,
    betaDriftDegPerMin: 0.5,
    gammaDriftDegPerMin: 0.5,
    seed: opts.seed ?? 7,
    ...(opts.slideOffAtMs !== undefined ? { slideOff: { atMs: opts.slideOffAtMs } } : {}),
  } as Parameters<typeof generatePelvisStream>[0]);
  const r = pelvisInputFromSamples(stream.samples, 'recorded');
  if (!r.ok) throw new Error(r.reason);
  return r.pelvis;
}

describe('bird-dog from the phone alone', () => {
  it('finds the paced reps and measures pelvic roll per rep within 1 degree of the truth', () => {
    const session = birdDogSession({
      repsPerSide: 3,
      repTilt: { left: { rollDeg: -12, pitchDeg: 3 }, right: { rollDeg: 4, pitchDeg: 7 } },
    });
    const r = analyzeBirdDog({ pelvis: pelvisFrom(session) });
    expect(r.sources).toEqual({ camera: false, sensor: true });
    expect(r.view).toBe('none');
    expect(r.reps.map((x) => x.leg)).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    expect(r.reps.every((x) => x.foundBy === 'pacing-cues')).toBe(true);
    for (const rep of r.reps) {
      const truth = rep.leg === 'left' ? 12 : 4;
      expect(Math.abs(rep.metrics.R1.value! - truth)).toBeLessThanOrEqual(1);
      expect(rep.metrics.R1.source).toBe('sensor');
      expect(rep.metrics.R4.band).toBe('not-measurable');
    }
    expect(r.reps[0]!.metrics.R1.direction).toBe('left-hip-lower');
    expect(r.reps[1]!.metrics.R4s.band).toBe('amber');
    expect(r.sides.left.verdict).toBe('positive');
    expect(r.sides.right.verdict).toBe('negative');
    expect(r.overall.verdict).toBe('positive');
    expect(r.overall.asymmetry).toBe(true);
  });

  it('marks the reps after the phone slid off as not measurable, with the reason', () => {
    const session = birdDogSession({ repsPerSide: 2 });
    const slide = session.holds[2]!.startMs - 3000;
    const r = analyzeBirdDog({ pelvis: pelvisFrom(session, { slideOffAtMs: slide }) });
    expect(r.reps[0]!.metrics.R1.band).not.toBe('not-measurable');
    const later = r.reps.filter((x) => x.startMs > slide);
    expect(later.length).toBeGreaterThan(0);
    for (const rep of later) expect(rep.metrics.R1.band).toBe('not-measurable');
  });
});

/** The same session written two ways: a cue on every sample, or each cue once where it was spoken. */
function twoLogStyles(session: ReturnType<typeof birdDogSession>, mountingYawDeg: number) {
  const stream = generatePelvisStream({
    timeline: session.timeline,
    durationMs: session.durationMs,
    mountingYawDeg,
    noiseSdDeg: 0.3,
    seed: 5,
  });
  const every = stream.samples;
  const once: SensorSample[] = every.map((s, i) => {
    if (s.cue === undefined || every[i - 1]?.cue !== s.cue) return s;
    const { cue: _spoken, ...rest } = s;
    return rest;
  });
  return { every, once };
}

const pelvisOf = (samples: Parameters<typeof pelvisInputFromSamples>[0]): PelvisInput => {
  const r = pelvisInputFromSamples(samples, 'recorded');
  if (!r.ok) throw new Error(r.reason);
  return r.pelvis;
};

describe('a phone log whose cues mark only the moment they were spoken', () => {
  const session = birdDogSession({
    repsPerSide: 3,
    repTilt: { left: { rollDeg: -12, pitchDeg: 1 }, right: { rollDeg: 12, pitchDeg: 1 } },
  });

  it('gives the same result as a log with the cue on every sample, with the phone 45 degrees off the spine', () => {
    const { every, once } = twoLogStyles(session, 45);
    expect(once.filter((s) => s.cue === 'calibrate:rock')).toHaveLength(1);
    const fromEvery = analyzeBirdDog({ pelvis: pelvisOf(every) });
    const fromOnce = analyzeBirdDog({ pelvis: pelvisOf(once) });
    expect(fromOnce).toEqual(fromEvery);
    // The guided rock was read, so a 12-degree roll reads as 12 and is red, not amber.
    for (const rep of fromOnce.reps) {
      expect(rep.metrics.R1.value).toBeGreaterThan(11);
      expect(rep.metrics.R1.band).toBe('red');
    }
  });
});

describe('a phone log without the guided rock', () => {
  it('does not band roll or tilt, and says why', () => {
    const session = birdDogSession({
      repsPerSide: 3,
      rockMs: 0,
      repTilt: { left: { rollDeg: -12, pitchDeg: 1 }, right: { rollDeg: 12, pitchDeg: 1 } },
    });
    const pelvis = pelvisOf(twoLogStyles(session, 45).every);
    expect(pelvis.mountingYawSource).toBe('assumed-zero');
    const r = analyzeBirdDog({ pelvis });
    expect(r.reps).toHaveLength(6);
    for (const rep of r.reps)
      for (const id of ['R1', 'R3', 'R4s'] as const) {
        expect(rep.metrics[id].band).toBe('not-measurable');
        expect(rep.metrics[id].reason).toMatch(/no guided rock, so we cannot tell which way the phone lay/);
      }
    expect(r.overall.verdict).toBe('not-measurable');
    expect(r.explanation.join(' ')).toMatch(/roll and tilt are not judged/);
  });

  it('with the rock, the same roll is measured and banded', () => {
    const session = birdDogSession({
      repsPerSide: 3,
      repTilt: { left: { rollDeg: -12, pitchDeg: 1 }, right: { rollDeg: 12, pitchDeg: 1 } },
    });
    const pelvis = pelvisOf(twoLogStyles(session, 45).every);
    expect(pelvis.mountingYawSource).toBe('rock');
    expect(analyzeBirdDog({ pelvis }).reps.every((rep) => rep.metrics.R1.band === 'red')).toBe(true);
  });
});
