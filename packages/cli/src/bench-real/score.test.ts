// The real-recordings scorer on made-up results: CI has no media, so these pin down what counts as
// right for each kind of clip (reps one to one, legs that follow the labelled sides, the view per
// rep, the stretch's set-up, rocking and view, other exercises refused or named).
import { describe, expect, it } from 'vitest';
import type { BirdDogRep, BirdDogResult, Metric, StretchHold, StretchResult, StretchSetup } from '@steadyback/core';
import { viewTimeline, type RealClip } from './manifest.ts';
import { countReps, exercisesFor, scoreClip, type Outcome } from './score.ts';

const metric = (source: 'camera' | null): Metric => ({
  value: source ? 5 : null,
  unit: 'deg',
  band: source ? 'green' : 'not-measurable',
  source,
});

function rep(
  startS: number,
  endS: number,
  leg: 'left' | 'right',
  opts: { arm?: 'left' | 'right'; side?: boolean; holdS?: number } = {},
): BirdDogRep {
  const m = metric(opts.side ? 'camera' : null);
  const holdMs = (opts.holdS ?? 1) * 1000;
  return {
    index: 0,
    leg,
    arm: opts.arm ?? (leg === 'left' ? 'right' : 'left'),
    pattern: 'opposite-arm-and-leg',
    startMs: startS * 1000,
    holdStartMs: startS * 1000 + 300,
    holdEndMs: startS * 1000 + 300 + holdMs,
    endMs: endS * 1000,
    holdMs,
    classification: 'not-measurable',
    classificationReason: '',
    foundBy: 'camera',
    cameraValidShare: 1,
    metrics: {
      R1: metric(null),
      R2: metric(null),
      R3: metric(null),
      R4: m,
      R4s: metric(null),
      R5: m,
      R6: metric(null),
    },
  };
}

const birdDog = (reps: BirdDogRep[], quality: BirdDogResult['quality'] = []): Outcome => ({
  kind: 'bird-dog',
  result: { view: 'side', reps, quality } as unknown as BirdDogResult,
});

const setup = (atS: number, kneelingSide: 'left' | 'right', frontKneeDeg = 92, backKneeDeg = 95): StretchSetup => ({
  atMs: atS * 1000,
  kneelingSide,
  frontKneeDeg,
  backKneeDeg,
  trunkLeanDeg: 2,
  hipExtensionDeg: 10,
});
const hold = (
  fromS: number,
  toS: number,
  kneelingSide: 'left' | 'right',
  formMeasured: boolean,
  faults: Array<'C1' | 'C5'> = [],
): StretchHold => ({
  kneelingSide,
  startMs: fromS * 1000,
  endMs: toS * 1000,
  goodFormMs: 0,
  formMeasured,
  peakDeltaHipExtensionDeg: null,
  faults: faults.map((rule) => ({ rule, atMs: fromS * 1000, endMs: toS * 1000, source: 'camera' as const })),
});
const stretch = (setups: StretchSetup[], holds: StretchHold[], switches = 0): Outcome => ({
  kind: 'hip-flexor-stretch',
  result: {
    view: 'side',
    setups,
    holds,
    events: Array.from({ length: switches }, () => ({ tMs: 0, type: 'side-switch' as const })),
  } as unknown as StretchResult,
});

const sideClip: RealClip = {
  name: 'side.gif',
  repo: 'a/b',
  path: 'x.gif',
  exercise: 'bird-dog',
  view: 'side (person faces left)',
  durationS: 10,
  reps: [
    { side: 'A', startS: 1, endS: 3 },
    { side: 'B', startS: 4, endS: 6 },
    { side: 'A', startS: 7, endS: 9 },
  ],
};
const cutClip: RealClip = {
  ...sideClip,
  name: 'cut.mp4',
  durationS: 20,
  view: 'rear-oblique (behind) 0-9.8 s, then crossfade ~9.8-10.3 s to true side view (faces left) 10.3-20 s',
  reps: [
    { side: 'A', startS: 1, endS: 3 },
    { side: 'B', startS: 4, endS: 6 },
    { side: 'A', startS: 12, endS: 14 },
    { side: 'B', startS: 15, endS: 17 },
  ],
};
const checkOf = (o: ReturnType<typeof scoreClip>, name: string) => o.checks.find((c) => c.name === name)!;

describe('bird-dog clips', () => {
  it('is right when every labelled rep has its own found rep and the legs follow the letters', () => {
    const s = scoreClip(
      sideClip,
      'bird-dog',
      birdDog([
        rep(0.9, 3.1, 'right', { side: true }),
        rep(4.1, 5.8, 'left', { side: true }),
        rep(7, 9, 'right', { side: true }),
      ]),
    );
    expect(s.right).toBe(true);
    expect(s.reps).toMatchObject({ labelled: 3, found: 3, oneToOne: 3, merged: 0, extra: 0, missed: 0, legsRight: 3 });
  });

  it('counts one found rep across two labelled reps as merged, and the rep it leaves out as not one to one', () => {
    const s = scoreClip(
      sideClip,
      'bird-dog',
      birdDog([rep(0.9, 5.5, 'right', { side: true }), rep(7, 9, 'right', { side: true })]),
    );
    expect(s.right).toBe(false);
    expect(s.reps).toMatchObject({ oneToOne: 1, merged: 1, missed: 0 });
    expect(checkOf(s, 'reps one to one').ok).toBe(false);
  });

  it('counts a found rep between labelled reps, or a second one on a labelled rep, as extra', () => {
    const s = scoreClip(
      sideClip,
      'bird-dog',
      birdDog([
        rep(1, 2, 'right', { side: true }),
        rep(2.2, 2.9, 'right', { side: true }),
        rep(3.3, 3.8, 'left', { side: true }),
        rep(4, 6, 'left', { side: true }),
        rep(7, 9, 'right', { side: true }),
      ]),
    );
    expect(s.reps).toMatchObject({ oneToOne: 3, extra: 2 });
    expect(s.right).toBe(false);
  });

  it('counts a labelled rep with no found rep as missed', () => {
    const s = scoreClip(
      sideClip,
      'bird-dog',
      birdDog([rep(1, 3, 'right', { side: true }), rep(7, 9, 'right', { side: true })]),
    );
    expect(s.reps).toMatchObject({ oneToOne: 2, missed: 1 });
    expect(s.right).toBe(false);
  });

  it('wants the same letter on the same leg, different letters on different legs, and the opposite arm', () => {
    const sameLegForBoth = scoreClip(
      sideClip,
      'bird-dog',
      birdDog([
        rep(1, 3, 'right', { side: true }),
        rep(4, 6, 'right', { side: true }),
        rep(7, 9, 'right', { side: true }),
      ]),
    );
    expect(sameLegForBoth.reps?.legsRight).toBe(2);
    expect(checkOf(sameLegForBoth, 'legs follow sides').ok).toBe(false);
    const sameSideArm = scoreClip(
      sideClip,
      'bird-dog',
      birdDog([
        rep(1, 3, 'left', { arm: 'left', side: true }),
        rep(4, 6, 'right', { side: true }),
        rep(7, 9, 'left', { side: true }),
      ]),
    );
    expect(sameSideArm.reps?.legsRight).toBe(2);
  });

  it('takes named sides literally', () => {
    const named: RealClip = {
      ...sideClip,
      reps: [
        { side: 'left', startS: 1, endS: 3 },
        { side: 'right', startS: 4, endS: 6 },
      ],
    };
    expect(
      countReps(named.reps!, [
        { startS: 1, endS: 3, leg: 'left', arm: 'right' },
        { startS: 4, endS: 6, leg: 'right', arm: 'left' },
      ]).legsRight,
    ).toBe(2);
    expect(
      countReps(named.reps!, [
        { startS: 1, endS: 3, leg: 'right', arm: 'left' },
        { startS: 4, endS: 6, leg: 'left', arm: 'right' },
      ]).legsRight,
    ).toBe(0);
  });

  it('wants leg height measured from the side part of an edited clip and not from the part filmed at an angle', () => {
    const right = [
      rep(1, 3, 'right'),
      rep(4, 6, 'left'),
      rep(12, 14, 'right', { side: true }),
      rep(15, 17, 'left', { side: true }),
    ];
    expect(scoreClip(cutClip, 'bird-dog', birdDog(right)).right).toBe(true);
    const sideEverywhere = right.map((r) => ({ ...r, metrics: { ...r.metrics, R4: metric('camera') } }));
    expect(checkOf(scoreClip(cutClip, 'bird-dog', birdDog(sideEverywhere)), 'view per rep')).toMatchObject({
      ok: false,
      detail: '2 of 4 wrong',
    });
  });

  it('calls a hold of tens of seconds wrong', () => {
    const s = scoreClip(
      sideClip,
      'bird-dog',
      birdDog([
        rep(1, 3, 'right', { side: true }),
        rep(4, 6, 'left', { side: true }),
        rep(7, 9, 'right', { side: true, holdS: 12 }),
      ]),
    );
    expect(checkOf(s, 'holds of seconds').ok).toBe(false);
    expect(scoreClip(sideClip, 'bird-dog', { kind: 'refused', message: 'No person was found.' }).right).toBe(false);
  });
});

describe('other exercises', () => {
  const donkey: RealClip = {
    name: 'dk.mp4',
    repo: 'a/b',
    path: 'dk.mp4',
    exercise: 'negative:donkey-kick',
    view: 'side',
    durationS: 10,
  };
  const plank: RealClip = { ...donkey, name: 'plank.mp4', exercise: 'negative:forearm-plank' };
  const swing: RealClip = { ...donkey, name: 'swing.mp4', exercise: 'negative:kneeling-leg-swing' };

  it('are read as both exercises', () => {
    expect(exercisesFor(donkey)).toEqual(['bird-dog', 'hip-flexor-stretch']);
    expect(exercisesFor(sideClip)).toEqual(['bird-dog']);
  });

  it('on all fours: right with no rep and the sentence that it is not a bird-dog, wrong with reps or silence', () => {
    expect(
      scoreClip(donkey, 'bird-dog', birdDog([], [{ code: 'not-bird-dog', message: 'This looks like a kick.' }])).right,
    ).toBe(true);
    expect(scoreClip(donkey, 'bird-dog', birdDog([])).right).toBe(false);
    expect(
      scoreClip(donkey, 'bird-dog', birdDog([rep(1, 3, 'left')], [{ code: 'not-bird-dog', message: '' }])).right,
    ).toBe(false);
  });

  it('off all fours (a plank, lying, kneeling up): right only when refused', () => {
    expect(scoreClip(plank, 'bird-dog', { kind: 'refused', message: 'This is a plank.' }).right).toBe(true);
    expect(scoreClip(plank, 'bird-dog', birdDog([], [{ code: 'not-bird-dog', message: '' }])).right).toBe(false);
  });

  it('as a stretch: no set-up, except half-kneeling ones, whose set-ups need both knees near 90 degrees', () => {
    expect(scoreClip(plank, 'hip-flexor-stretch', stretch([], [])).right).toBe(true);
    expect(scoreClip(plank, 'hip-flexor-stretch', stretch([setup(2, 'left')], [])).right).toBe(false);
    expect(scoreClip(swing, 'hip-flexor-stretch', stretch([setup(2, 'left', 100, 80)], [])).right).toBe(true);
    expect(scoreClip(swing, 'hip-flexor-stretch', stretch([setup(2, 'left', 173, 80)], [])).right).toBe(false);
    expect(scoreClip(swing, 'hip-flexor-stretch', stretch([setup(2, 'left', 100, 65)], [])).right).toBe(false);
  });
});

describe('stretch clips', () => {
  const oblique: RealClip = {
    name: 'hf.mp4',
    repo: 'a/b',
    path: 'hf.mp4',
    exercise: 'hip-flexor-stretch',
    view: 'front-oblique about 45 degrees',
    durationS: 18,
    inPositionFromS: 4,
    rocking: true,
    sideSwitches: 0,
  };
  const cut: RealClip = {
    ...oblique,
    name: 'cut.mp4',
    view: 'front-oblique 0-6.8 s, then a hard cut at ~6.9 s to true side view (faces left) 6.9-14.1 s',
    durationS: 14,
    inPositionFromS: 0,
    rocking: false,
    kneelingKnee: 'left',
  };

  it('is right with a set-up soon after the person is in position, rocking flagged, form not judged from an angle', () => {
    expect(
      scoreClip(oblique, 'hip-flexor-stretch', stretch([setup(5.2, 'left')], [hold(5.2, 18, 'left', false, ['C5'])]))
        .right,
    ).toBe(true);
  });

  it('calls a set-up before the person is in position, or long after, wrong', () => {
    expect(
      checkOf(
        scoreClip(oblique, 'hip-flexor-stretch', stretch([setup(1, 'left')], [hold(1, 18, 'left', false, ['C5'])])),
        'set-up time',
      ).ok,
    ).toBe(false);
    expect(
      checkOf(
        scoreClip(oblique, 'hip-flexor-stretch', stretch([setup(7, 'left')], [hold(7, 18, 'left', false, ['C5'])])),
        'set-up time',
      ).ok,
    ).toBe(false);
  });

  it('calls missed rocking, a side switch, or form judged from an angle wrong', () => {
    expect(
      checkOf(
        scoreClip(oblique, 'hip-flexor-stretch', stretch([setup(5, 'left')], [hold(5, 18, 'left', false)])),
        'rocking flagged',
      ).ok,
    ).toBe(false);
    expect(
      checkOf(
        scoreClip(oblique, 'hip-flexor-stretch', stretch([setup(5, 'left')], [hold(5, 18, 'left', false, ['C5'])], 1)),
        'side switches',
      ).ok,
    ).toBe(false);
    expect(
      checkOf(
        scoreClip(oblique, 'hip-flexor-stretch', stretch([setup(5, 'left')], [hold(5, 18, 'left', true, ['C5'])])),
        'form judged only from the side',
      ).ok,
    ).toBe(false);
  });

  it('across an edit: form judged in the side part only, the labelled knee, no rocking', () => {
    const good = stretch(
      [setup(1.5, 'left'), setup(8, 'left')],
      [hold(1.5, 6.8, 'left', false), hold(8, 14, 'left', true)],
    );
    expect(scoreClip(cut, 'hip-flexor-stretch', good).right).toBe(true);
    const wrongKnee = stretch([setup(1.5, 'right')], [hold(1.5, 6.8, 'right', false), hold(8, 14, 'right', true)]);
    expect(checkOf(scoreClip(cut, 'hip-flexor-stretch', wrongKnee), 'kneeling knee').ok).toBe(false);
    const rocked = stretch([setup(1.5, 'left')], [hold(1.5, 6.8, 'left', false), hold(8, 14, 'left', true, ['C5'])]);
    expect(checkOf(scoreClip(cut, 'hip-flexor-stretch', rocked), 'no rocking flagged').ok).toBe(false);
  });
});

describe('view labels', () => {
  it('read an edit in the label as two views over time', () => {
    expect(
      viewTimeline('front (slightly oblique) 0-6.0 s, crossfade ~6.0-6.3 s, side (faces left) 6.3-12.7 s', 12.7),
    ).toEqual([
      { view: 'front', fromS: 0, toS: 6 },
      { view: 'side', fromS: 6.3, toS: 12.7 },
    ]);
    expect(viewTimeline('side (slightly front-oblique, person faces left)', 6)).toEqual([
      { view: 'side', fromS: 0, toS: 6 },
    ]);
    expect(viewTimeline('front-oblique 0-6.8 s, cut ~7.0 s to side/rear-oblique', 14.5).map((s) => s.view)).toEqual([
      'front-oblique',
      'side',
    ]);
    expect(() => viewTimeline('somewhere', 5)).toThrow(/No camera view named/);
  });
});
