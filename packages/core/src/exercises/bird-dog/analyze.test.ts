import { describe, expect, it } from 'vitest';
import { analyzeBirdDog, classify, overallVerdict, sideVerdict } from './analyze.ts';
import type { BirdDogRep, Metric, RepClassification, RuleId } from './result.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';
import { opposite, session, truthCues, truthPelvis } from '@steadyback/synthetic';

const TOL_MS = 400;

describe('bird-dog reps and phases from the camera', () => {
  it('finds every rep, its lifted leg and reached arm, and the phase times', () => {
    const seq = session([opposite('left'), opposite('right'), opposite('left'), opposite('right')]);
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps).toHaveLength(4);
    r.reps.forEach((rep, i) => {
      const truth = seq.reps[i]!;
      expect(rep.leg).toBe(truth.leg);
      expect(rep.arm).toBe(truth.arm);
      expect(rep.pattern).toBe('opposite-arm-and-leg');
      expect(Math.abs(rep.startMs - truth.startMs)).toBeLessThan(TOL_MS);
      expect(Math.abs(rep.holdStartMs - truth.holdStartMs)).toBeLessThan(TOL_MS);
      expect(Math.abs(rep.holdEndMs - truth.holdEndMs)).toBeLessThan(TOL_MS);
      expect(Math.abs(rep.endMs - truth.endMs)).toBeLessThan(TOL_MS);
      expect(rep.holdMs).toBeGreaterThan(4500);
    });
  });

  for (const view of ['rear', 'rear-oblique-45', 'high-corner', 'front'] as const) {
    it(`counts reps and sides from the ${view} view too`, () => {
      const seq = session([opposite('left'), opposite('right')], { view });
      const r = analyzeBirdDog({ frames: seq.frames });
      expect(r.reps.map((x) => x.leg)).toEqual(['left', 'right']);
    });
  }

  it('finds no rep in a settled quadruped and says what to do', () => {
    const seq = session([], { settleMs: 4000 });
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps).toHaveLength(0);
    expect(r.quality.map((q) => q.code)).toContain('no-reps');
    expect(r.overall.verdict).toBe('not-measurable');
  });

  it('names partial and wrong movements: arm only, leg only, same-side arm and leg', () => {
    const seq = session([
      { leg: null, arm: 'left' },
      { leg: 'right', arm: null },
      { leg: 'left', arm: 'left' },
    ]);
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps.map((x) => x.pattern)).toEqual(['arm-only', 'leg-only', 'same-side-arm-and-leg']);
    expect(r.explanation.join(' ')).toMatch(/only the left arm reached out/);
    expect(r.explanation.join(' ')).toMatch(/left arm and left leg moved together/);
  });

  it('ignores a short fidget that never reaches a lift', () => {
    const seq = session([
      opposite('left', { legElevationDeg: -60, armElevationDeg: -70, reachMs: 300, holdMs: 0, returnMs: 300 }),
    ]);
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps).toHaveLength(0);
  });
});

describe('who times the reps when the phone is on the back', () => {
  it("from behind, the phone's pacing times the reps and the roll is measured in each hold", () => {
    const seq = session([opposite('left', { rollDeg: 12 }), opposite('right', { rollDeg: -3 })], { view: 'rear' });
    const r = analyzeBirdDog({ frames: seq.frames, pelvis: { ...truthPelvis(seq), cues: truthCues(seq) } });
    expect(r.reps.map((x) => [x.leg, x.foundBy])).toEqual([
      ['left', 'pacing-cues'],
      ['right', 'pacing-cues'],
    ]);
    expect(Math.abs(r.reps[0]!.metrics.R1.value! - 12)).toBeLessThan(1);
    expect(r.quality.map((q) => q.message).join(' ')).toMatch(/timed from the phone's spoken pacing/);
  });

  it('from the side, the camera times the reps (it also sees which arm and leg moved)', () => {
    const seq = session([opposite('left', { rollDeg: 12 }), { leg: 'right', arm: 'right' }]);
    const r = analyzeBirdDog({ frames: seq.frames, pelvis: { ...truthPelvis(seq), cues: truthCues(seq) } });
    expect(r.reps.map((x) => x.foundBy)).toEqual(['camera', 'camera']);
    expect(r.reps[1]!.pattern).toBe('same-side-arm-and-leg');
  });

  it('from the side, when the camera missed a paced rep, the phone times them all', () => {
    const seq = session([opposite('left', { rollDeg: 12 }), opposite('right')]);
    // The camera loses the person during the second rep.
    const frames: FrameResult[] = seq.frames.map((f) =>
      f.tMs >= seq.reps[1]!.startMs - 500
        ? { tMs: f.tMs, landmarks: null, imageWidthPx: f.imageWidthPx, imageHeightPx: f.imageHeightPx, peopleCount: 0 }
        : f,
    );
    const r = analyzeBirdDog({ frames, pelvis: { ...truthPelvis(seq), cues: truthCues(seq) } });
    expect(r.reps.map((x) => [x.leg, x.foundBy])).toEqual([
      ['left', 'pacing-cues'],
      ['right', 'pacing-cues'],
    ]);
  });
});

describe('R1 pelvic roll (phone) bands', () => {
  const r1 = (rollDeg: number) => {
    const seq = session([opposite('left', { rollDeg })]);
    return analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq) }).reps[0]!.metrics.R1;
  };
  it('is green under 5 degrees, amber from 5, red from 10', () => {
    expect(r1(4.5).band).toBe('green');
    expect(r1(5.2).band).toBe('amber');
    expect(r1(9.7).band).toBe('amber');
    expect(r1(10.3).band).toBe('red');
  });
  it('reports the size, the source, the moment and which hip dipped', () => {
    const m = r1(-12);
    expect(m.value).toBeCloseTo(12, 0);
    expect(m.source).toBe('sensor');
    expect(m.direction).toBe('left-hip-lower');
    expect(m.atMs).toBeGreaterThan(3000);
    expect(r1(12).direction).toBe('right-hip-lower');
  });
  it('is not measurable from the camera alone, and says the phone is needed', () => {
    const seq = session([opposite('left', { rollDeg: 15 })]);
    const m = analyzeBirdDog({ frames: seq.frames }).reps[0]!.metrics.R1;
    expect(m.band).toBe('not-measurable');
    expect(m.reason).toMatch(/phone/);
  });
  it('is not measurable on a rep where the phone stopped sending data', () => {
    const seq = session([opposite('left', { rollDeg: 15 }), opposite('right', { rollDeg: 15 })]);
    const pelvis = truthPelvis(seq);
    const gap = { startMs: seq.reps[1]!.startMs + 500, endMs: seq.reps[1]!.startMs + 900, reason: 'gap' as const };
    const r = analyzeBirdDog({ frames: seq.frames, pelvis: { ...pelvis, badIntervals: [gap] } });
    expect(r.reps[0]!.metrics.R1.band).toBe('red');
    expect(r.reps[1]!.metrics.R1.band).toBe('not-measurable');
    expect(r.reps[1]!.metrics.R1.reason).toMatch(/stopped sending/);
  });
});

describe('R3 early lumbopelvic motion', () => {
  it('flags a roll that reaches 5 degrees before the leg is halfway up', () => {
    const seq = session([opposite('left', { rollDeg: 7, rollLead: 0.8 })]);
    const m = analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq) }).reps[0]!.metrics.R3;
    expect(m.band).toBe('red');
    expect(m.value!).toBeGreaterThan(0);
  });
  it('does not flag the same roll when it follows the leg', () => {
    const seq = session([opposite('left', { rollDeg: 7, rollLead: 0 })]);
    const m = analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq) }).reps[0]!.metrics.R3;
    expect(m.band).toBe('green');
  });
});

describe('R4 leg height (side camera) and R4s pelvic pitch (phone)', () => {
  const r4 = (legElevationDeg: number, view: 'side-left' | 'side-right' | 'rear' = 'side-left') =>
    analyzeBirdDog({ frames: session([opposite('left', { legElevationDeg })], { view }).frames }).reps[0]!.metrics.R4;
  it('bands the leg line: green at horizontal, amber above 10, red above 20 degrees', () => {
    expect(r4(0).band).toBe('green');
    expect(r4(15).band).toBe('amber');
    expect(r4(27).band).toBe('red');
    expect(r4(15).value!).toBeGreaterThan(12);
    expect(r4(15).value!).toBeLessThan(18);
    expect(r4(15).source).toBe('camera');
  });
  it('works from the other side too', () => {
    expect(r4(27, 'side-right').band).toBe('red');
  });
  it('is not measurable from behind, saying the side view is needed', () => {
    const m = r4(27, 'rear');
    expect(m.band).toBe('not-measurable');
    expect(m.reason).toMatch(/side/);
  });
  it('bands the pelvis tipping forward: amber above 5, red above 10 degrees', () => {
    const seq = session([opposite('left'), opposite('right'), opposite('left')]);
    const r = analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq, [3, 7, 12]) });
    expect(r.reps.map((x) => x.metrics.R4s.band)).toEqual(['green', 'amber', 'red']);
  });
});

describe('R5 trunk sag (side camera)', () => {
  it('is green with a flat back and red when the middle sags', () => {
    const seq = session([opposite('left'), opposite('right', { sagM: 0.12 })]);
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps[0]!.metrics.R5.band).toBe('green');
    expect(r.reps[1]!.metrics.R5.band).toBe('red');
  });

  it('reads the sag held through the hold: the model misplacing the hips for a quarter of it does not make a flat back amber', () => {
    const seq = session([opposite('left', { holdMs: 4000 })], { fps: 15 });
    const rep = seq.reps[0]!;
    // From 1 s into the hold, for 1 s, the hips are read 6% of the picture lower (a sag of about a third of the trunk).
    const frames = seq.frames.map((f): FrameResult => {
      if (!f.landmarks || f.tMs < rep.holdStartMs + 1000 || f.tMs >= rep.holdStartMs + 2000) return f;
      return {
        ...f,
        landmarks: f.landmarks.map((lm, i) => (lm && (i === 23 || i === 24) ? { ...lm, yNorm: lm.yNorm + 0.06 } : lm)),
      };
    });
    const m = analyzeBirdDog({ frames }).reps[0]!.metrics.R5;
    expect(m.source).toBe('camera');
    expect(m.band).toBe('green');
    // The same misreading held through the whole hold is a sag.
    const held = seq.frames.map((f): FrameResult => {
      if (!f.landmarks || f.tMs < rep.holdStartMs || f.tMs >= rep.holdEndMs) return f;
      return {
        ...f,
        landmarks: f.landmarks.map((lm, i) => (lm && (i === 23 || i === 24) ? { ...lm, yNorm: lm.yNorm + 0.06 } : lm)),
      };
    });
    expect(analyzeBirdDog({ frames: held }).reps[0]!.metrics.R5.band).toBe('red');
  });
});

describe('R6 pain', () => {
  it('marks a side painful when pain is 2 or more above rest, and the result symptom-provoking', () => {
    const seq = session([opposite('left'), opposite('right')]);
    const r = analyzeBirdDog({ frames: seq.frames, pain: { restNrs: 2, afterSide: { left: 4, right: 3 } } });
    expect(r.reps[0]!.metrics.R6.band).toBe('red');
    expect(r.reps[1]!.metrics.R6.band).toBe('green');
    expect(r.overall.symptomProvoking).toBe(true);
    expect(r.overall.summary).toMatch(/physical therapist/);
  });
});

const metric = (band: Metric['band']): Metric => ({
  value: band === 'not-measurable' ? null : 1,
  unit: '',
  band,
  source: band === 'not-measurable' ? null : 'sensor',
});
function metrics(bands: Partial<Record<RuleId, Metric['band']>>): Record<RuleId, Metric> {
  const all: RuleId[] = ['R1', 'R2', 'R3', 'R4', 'R4s', 'R5', 'R6'];
  return Object.fromEntries(
    all.map((id) => [id, metric(bands[id] ?? (id === 'R2' || id === 'R6' ? 'not-measurable' : 'green'))]),
  ) as Record<RuleId, Metric>;
}

describe('rep classification', () => {
  const c = (bands: Partial<Record<RuleId, Metric['band']>>, hasSensor = true) =>
    classify(metrics(bands), 1, hasSensor, 'opposite-arm-and-leg').classification;
  it('is stable when every measured rule is green and the pelvis was measured', () => expect(c({})).toBe('stable'));
  it('is borderline with exactly one amber item', () => expect(c({ R1: 'amber' })).toBe('borderline'));
  it('is unstable with two amber items', () => expect(c({ R1: 'amber', R5: 'amber' })).toBe('unstable'));
  it('is unstable with any red item', () => expect(c({ R4: 'red' })).toBe('unstable'));
  it('is unstable when R3 flags early pelvic motion', () => expect(c({ R3: 'red' })).toBe('unstable'));
  it('never calls a rep stable when the pelvis was not measured', () =>
    expect(c({ R1: 'not-measurable', R3: 'not-measurable', R4s: 'not-measurable' }, false)).toBe('not-measurable'));
  it('is not measurable when the camera saw too few frames and there is no phone', () => {
    expect(classify(metrics({ R1: 'not-measurable' }), 0.5, false, 'opposite-arm-and-leg').classification).toBe(
      'not-measurable',
    );
  });
});

function rep(
  leg: 'left' | 'right',
  classification: RepClassification,
  bands: Partial<Record<RuleId, Metric['band']>> = {},
  roll = 3,
): BirdDogRep {
  const m = metrics(bands);
  m.R1 = { ...m.R1, value: roll };
  return {
    index: 0,
    leg,
    arm: leg === 'left' ? 'right' : 'left',
    pattern: 'opposite-arm-and-leg',
    startMs: 0,
    holdStartMs: 0,
    holdEndMs: 0,
    endMs: 0,
    holdMs: 0,
    classification,
    classificationReason: '',
    foundBy: 'camera',
    metrics: m,
    cameraValidShare: 1,
  };
}

describe('side verdicts (positive only if still unstable after one re-cue)', () => {
  it('is positive when 2 of 3 reps are unstable including the last', () => {
    expect(sideVerdict([rep('left', 'stable'), rep('left', 'unstable'), rep('left', 'unstable')], 'left').verdict).toBe(
      'positive',
    );
  });
  it('is negative when the person corrected after the re-cue', () => {
    expect(sideVerdict([rep('left', 'unstable'), rep('left', 'unstable'), rep('left', 'stable')], 'left').verdict).toBe(
      'negative',
    );
  });
  it('is negative with one unstable rep', () => {
    expect(
      sideVerdict([rep('left', 'stable'), rep('left', 'unstable'), rep('left', 'borderline')], 'left').verdict,
    ).toBe('negative');
  });
  it('is not measurable with fewer than 2 measurable reps, and says how many there were', () => {
    const one = sideVerdict([rep('left', 'unstable'), rep('left', 'not-measurable')], 'left');
    expect(one.verdict).toBe('not-measurable');
    expect(one.reason).toBe(
      'Only 1 of the 2 reps with the left leg could be measured; a side needs at least 2 measured reps with the opposite arm.',
    );
    expect(sideVerdict([rep('left', 'not-measurable'), rep('left', 'not-measurable')], 'left').reason).toMatch(
      /^None of the 2 reps with the left leg could be measured;/,
    );
    expect(sideVerdict([rep('left', 'not-measurable')], 'left').reason).toMatch(
      /^The one rep with the left leg could not be measured;/,
    );
    expect(sideVerdict([rep('left', 'stable')], 'right').reason).toMatch(/^No rep with the right leg was found;/);
  });
});

describe('overall verdict', () => {
  const sides = (reps: BirdDogRep[]) => ({ left: sideVerdict(reps, 'left'), right: sideVerdict(reps, 'right') });
  const both = (
    l: RepClassification[],
    r: RepClassification[],
    bands: Partial<Record<RuleId, Metric['band']>> = {},
  ) => {
    const reps = [
      ...l.map((c) => rep('left', c, c === 'unstable' ? bands : {})),
      ...r.map((c) => rep('right', c, c === 'unstable' ? bands : {})),
    ];
    return overallVerdict(reps, sides(reps));
  };
  it('is negative when both sides are negative', () =>
    expect(both(['stable', 'stable'], ['stable', 'borderline']).verdict).toBe('negative'));
  it('is positive-mild when one side is positive, and flags asymmetry', () => {
    const o = both(['unstable', 'unstable'], ['stable', 'stable'], { R1: 'amber', R5: 'amber' });
    expect(o.verdict).toBe('positive-mild');
    expect(o.asymmetry).toBe(true);
  });
  it('is positive-mild when both sides are positive on amber items only', () => {
    expect(both(['unstable', 'unstable'], ['unstable', 'unstable'], { R1: 'amber', R5: 'amber' }).verdict).toBe(
      'positive-mild',
    );
  });
  it('is positive when red items appear on at least 2 reps', () => {
    expect(both(['unstable', 'unstable'], ['unstable', 'unstable'], { R1: 'red' }).verdict).toBe('positive');
  });
  it('flags asymmetry when the sides roll more than 5 degrees apart', () => {
    const reps = [
      rep('left', 'stable', {}, 2),
      rep('left', 'stable', {}, 2),
      rep('right', 'borderline', { R1: 'amber' }, 9),
      rep('right', 'stable', {}, 8),
    ];
    expect(overallVerdict(reps, sides(reps)).asymmetry).toBe(true);
  });
  it('does not flag sides whose mean roll is 5 degrees apart or less, and flags 5.5', () => {
    const apart = (rightRollDeg: number) => {
      const reps = [
        rep('left', 'stable', {}, 2),
        rep('left', 'stable', {}, 2),
        rep('right', 'stable', {}, rightRollDeg),
        rep('right', 'stable', {}, rightRollDeg),
      ];
      return overallVerdict(reps, sides(reps)).asymmetry;
    };
    expect(apart(2 + 4.5)).toBe(false);
    expect(apart(2 + 5)).toBe(false);
    expect(apart(2 + 5.5)).toBe(true);
  });
});

describe('a full session end to end', () => {
  it('gives a positive result with a plain explanation for a person whose pelvis rolls', () => {
    const reps = [
      opposite('left', { rollDeg: -12 }),
      opposite('right', { rollDeg: 11 }),
      opposite('left', { rollDeg: -11 }),
      opposite('right', { rollDeg: 12 }),
      opposite('left', { rollDeg: -12 }),
      opposite('right', { rollDeg: 10.5 }),
    ];
    const seq = session(reps);
    const r = analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq) });
    expect(r.sources).toEqual({ camera: true, sensor: true });
    expect(r.view).toBe('side');
    expect(r.sides.left.verdict).toBe('positive');
    expect(r.sides.right.verdict).toBe('positive');
    expect(r.overall.verdict).toBe('positive');
    expect(r.explanation.join(' ')).toMatch(
      /lifted your left leg, your pelvis rolled up to about 12 degrees toward the left/,
    );
    expect(r.events.some((e) => e.type === 're-cue')).toBe(true);
    expect(r.measurable.R1.source).toBe('sensor');
    expect(r.measurable.R4.source).toBe('camera');
    expect(r.measurable.R2.source).toBeNull();
  });

  it('gives a negative result for a steady person', () => {
    const seq = session([opposite('left'), opposite('right'), opposite('left'), opposite('right')]);
    const r = analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq) });
    expect(r.overall.verdict).toBe('negative');
    expect(r.reps.every((x) => x.classification === 'stable')).toBe(true);
  });

  it('is JSON-serialisable and versioned', () => {
    const seq = session([opposite('left', { rollDeg: 6 })]);
    const r = analyzeBirdDog({ frames: seq.frames, pelvis: truthPelvis(seq) });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.schemaVersion).toBe(1);
    expect(r.series.tMs.length).toBe(seq.frames.length);
  });

  it('names a foot that leaves the picture and says to move the camera back', () => {
    const seq = session([opposite('left', { legElevationDeg: 20 })], { distanceM: 1.3 });
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.quality.map((q) => q.message).join(' ')).toMatch(/raised foot leaves the picture: move the camera back/);
  });

  it('reports not measurable when landmarks drop out in most frames', () => {
    let s = 5;
    const random = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const seq = session([opposite('left'), opposite('right')], { dropoutShare: 0.6, random });
    const r = analyzeBirdDog({ frames: seq.frames, recorded: false });
    expect(r.reps.length === 0 || r.reps.every((x) => x.classification === 'not-measurable')).toBe(true);
  });
});

describe('low frame rates', () => {
  it('analyses a 10 fps recording (the smoothing cutoff follows the frame rate)', () => {
    const seq = session([opposite('left'), opposite('right')], { fps: 10 });
    const r = analyzeBirdDog({ frames: seq.frames });
    expect(r.reps.map((x) => x.leg)).toEqual(['left', 'right']);
  });
});
