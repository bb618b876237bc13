// What the accuracy benchmark renders: still poses with exact truth (bird-dog and half-kneeling,
// per camera view, with a few figure and room variations) and short clips whose verdicts are
// known (bird-dog reps with a known pelvic roll, stretch holds with a known lean, a rocking hold).
// Six presets: 'default' (the published numbers: 611 s on 2 cores with a warm render cache before
// the other-figures clips were added, 1999 s with those rendered cold), 'quick' (a CI-sized subset),
// 'tiny' (two renders, for the plumbing test), 'people' (only the phone recordings of other
// figures and rooms, 339 s warm), 'creep' (only the phone recordings of someone who creeps
// between reps) and 'home' (only the phone recordings of someone filmed at home).

import type { PhoneRecordingOptions } from '../render/phone-recording.ts';
import type { ClipFixtureSpec } from '../render/fixture-cache.ts';
import type { FigureChoice } from '../render/figure-renderer.ts';
import type { PoseSpec, Side } from '../render/pose-spec.ts';
import { lookVariant, type ViewName } from '../render/views.ts';
import type { PoseModelName } from '@steadyback/pose';
import type { Recording } from './rep-finding.ts';

export type Preset = 'default' | 'quick' | 'tiny' | 'people' | 'creep' | 'home';
export const PRESETS: readonly Preset[] = ['default', 'quick', 'tiny', 'people', 'creep', 'home'];

export type Family = 'bird-dog' | 'half-kneel';
export type StillKind = 'baseline' | 'roll' | 'leg-height' | 'sag' | 'setup' | 'knees' | 'lean' | 'hip-ext';

export interface StillCase {
  /** Unique, also the fixture's file name. */
  readonly id: string;
  readonly family: Family;
  readonly kind: StillKind;
  readonly pose: PoseSpec;
  readonly view: ViewName;
  readonly figure: FigureChoice;
  readonly lookSeed: number;
  /** The settled pose (quadruped, or the half-kneeling set-up) in the same view, room and figure. */
  readonly baselineId: string | null;
  /** Also render the exact silhouette: the contour method's upper bound. */
  readonly trueMask: boolean;
  /** Which models run on this still. */
  readonly models: readonly PoseModelName[];
}

export interface BirdDogClipCase {
  readonly id: string;
  readonly family: 'bird-dog';
  readonly spec: Extract<ClipFixtureSpec, { recipe: 'bird-dog' }>;
  /** Magnitude of the pelvic roll in every hold, toward the lifted leg. */
  readonly rollDeg: number;
  readonly models: readonly PoseModelName[];
  /** Made to look like a phone's own recording (render/phone-recording.ts): scored for rep finding only. */
  readonly phone?: PhoneRecordingOptions;
  /**
   * Phone recordings reported in rows of their own: another figure or room than the main one
   * (women_Casual in the default room), a figure that rests a little elsewhere after every rep (the
   * spec's `creepM`), or one filmed at home (the spec's `atHome`).
   */
  readonly recording?: Extract<Recording, 'phone-people' | 'phone-creep' | 'phone-home'>;
}

export interface StretchClipCase {
  readonly id: string;
  readonly family: 'half-kneel';
  readonly spec: Extract<ClipFixtureSpec, { recipe: 'half-kneel' }>;
  readonly models: readonly PoseModelName[];
}

export type ClipCase = BirdDogClipCase | StretchClipCase;

export interface BenchPlan {
  readonly preset: Preset;
  readonly stills: StillCase[];
  readonly clips: ClipCase[];
  /** Sensor trials (generator only, no rendering). */
  readonly sensorSeeds: number;
}

const ALL_MODELS: readonly PoseModelName[] = [
  'blazepose-lite',
  'blazepose-full',
  'blazepose-heavy',
  'movenet-lightning',
  'movenet-thunder',
];
const NO_HEAVY: readonly PoseModelName[] = ['blazepose-lite', 'blazepose-full', 'movenet-lightning', 'movenet-thunder'];
/** Views whose top contour can show the pelvis (behind at hip height, the head end). */
const CONTOUR_VIEWS: readonly ViewName[] = ['rear', 'rear-raised', 'front', 'front-raised'];

const num = (v: number) => (v < 0 ? `m${-v}` : `${v}`).replace('.', 'p');

interface Group {
  readonly view: ViewName;
  readonly figure: FigureChoice;
  readonly lookSeed: number;
}
const groupKey = (g: Group) =>
  `${g.figure === 'women_Casual' ? '' : `${g.figure}-`}${g.lookSeed ? `look${g.lookSeed}-` : ''}${g.view}`;

interface BirdDogSet {
  readonly rolls: readonly number[];
  readonly trunkShares: readonly number[];
  readonly legs: readonly Side[];
  readonly legHeights: readonly number[];
  readonly sags: readonly number[];
}

type AddStill = (name: string, kind: StillKind, pose: PoseSpec, mask: boolean) => number;

function addRollStills(add: AddStill, set: BirdDogSet): void {
  for (const leg of set.legs) {
    for (const roll of set.rolls) {
      for (const share of roll === 0 ? [0] : set.trunkShares) {
        add(
          `${leg}-roll${num(roll)}-trunk${num(share)}`,
          'roll',
          {
            kind: 'bird-dog',
            liftedLeg: leg,
            legElevationDeg: 5,
            armElevationDeg: 5,
            pelvisRollDeg: roll,
            trunkRollShare: share,
          },
          true,
        );
      }
    }
  }
}

function birdDogStills(g: Group, set: BirdDogSet, models: readonly PoseModelName[]): StillCase[] {
  const key = groupKey(g);
  const baselineId = `bd-${key}-quadruped`;
  const trueMask = CONTOUR_VIEWS.includes(g.view) && g.lookSeed === 0;
  const out: StillCase[] = [
    {
      id: baselineId,
      family: 'bird-dog',
      kind: 'baseline',
      pose: { kind: 'quadruped' },
      view: g.view,
      figure: g.figure,
      lookSeed: g.lookSeed,
      baselineId: null,
      trueMask,
      models,
    },
  ];
  const add = (name: string, kind: StillKind, pose: PoseSpec, mask: boolean) =>
    out.push({
      id: `bd-${key}-${name}`,
      family: 'bird-dog',
      kind,
      pose,
      view: g.view,
      figure: g.figure,
      lookSeed: g.lookSeed,
      baselineId,
      trueMask: mask && trueMask,
      models,
    });
  addRollStills(add, set);
  for (const e of set.legHeights)
    add(
      `left-leg${num(e)}`,
      'leg-height',
      { kind: 'bird-dog', liftedLeg: 'left', legElevationDeg: e, armElevationDeg: 5 },
      false,
    );
  for (const s of set.sags)
    add(
      `left-sag${num(s)}`,
      'sag',
      { kind: 'bird-dog', liftedLeg: 'left', legElevationDeg: 5, armElevationDeg: 5, trunkSagDeg: s },
      false,
    );
  return out;
}

interface KneelSet {
  readonly knees: ReadonlyArray<readonly [number, number | undefined]>;
  readonly leans: readonly number[];
  readonly shifts: readonly number[];
}

function kneelStills(g: Group, set: KneelSet, models: readonly PoseModelName[]): StillCase[] {
  const key = groupKey(g);
  const baselineId = `hk-${key}-setup`;
  const base = {
    kind: 'half-kneeling',
    kneelingSide: 'left',
    trunkLeanDeg: 0,
    hipShiftForwardM: 0,
    pelvisTiltDeg: 0,
  } as const;
  const c = (id: string, kind: StillKind, pose: PoseSpec): StillCase => ({
    id,
    family: 'half-kneel',
    kind,
    pose,
    view: g.view,
    figure: g.figure,
    lookSeed: g.lookSeed,
    baselineId: kind === 'setup' ? null : baselineId,
    trueMask: false,
    models,
  });
  const out: StillCase[] = [c(baselineId, 'setup', base)];
  for (const [front, back] of set.knees)
    out.push(
      c(`hk-${key}-front${front}-back${back ?? 'flat'}`, 'knees', {
        ...base,
        frontKneeDeg: front,
        ...(back !== undefined ? { backKneeDeg: back } : {}),
      }),
    );
  // Leaning back with the hips forward: the arching the C1 rule looks for.
  for (const lean of set.leans)
    out.push(c(`hk-${key}-lean${num(lean)}`, 'lean', { ...base, trunkLeanDeg: lean, hipShiftForwardM: 0.08 }));
  for (const s of set.shifts)
    out.push(c(`hk-${key}-shift${num(s * 100)}cm`, 'hip-ext', { ...base, hipShiftForwardM: s }));
  return out;
}

function tinyStills(): StillCase[] {
  const g: Group = { view: 'side-left', figure: 'women_Casual', lookSeed: 0 };
  return [
    ...birdDogStills(
      { ...g, view: 'rear' },
      { rolls: [10], trunkShares: [1], legs: ['left'], legHeights: [], sags: [] },
      ['blazepose-lite'],
    ),
    ...kneelStills(g, { knees: [], leans: [15], shifts: [] }, ['blazepose-lite']),
  ];
}

function quickStills(): StillCase[] {
  const models: PoseModelName[] = ['blazepose-lite', 'blazepose-full', 'movenet-thunder'];
  const out: StillCase[] = [];
  for (const view of ['rear', 'side-left', 'front-raised'] as const) {
    out.push(
      ...birdDogStills(
        { view, figure: 'women_Casual', lookSeed: 0 },
        {
          rolls: [-10, 0, 10],
          trunkShares: [1],
          legs: ['left'],
          legHeights: view === 'side-left' ? [25] : [],
          sags: [],
        },
        models,
      ),
    );
  }
  out.push(
    ...kneelStills(
      { view: 'side-left', figure: 'women_Casual', lookSeed: 0 },
      { knees: [[100, undefined]], leans: [15], shifts: [0.12] },
      models,
    ),
  );
  return out;
}

function mainStills(): StillCase[] {
  const out: StillCase[] = [];
  const fullBirdDog: BirdDogSet = {
    rolls: [-15, -10, -5, 0, 5, 10, 15],
    trunkShares: [0, 1],
    legs: ['left', 'right'],
    legHeights: [-10, 0, 10, 20, 30],
    sags: [10, 20],
  };
  for (const view of [
    'rear',
    'rear-raised',
    'rear-oblique-45',
    'side-left',
    'front',
    'front-raised',
    'high-corner',
  ] as const) {
    out.push(
      ...birdDogStills(
        { view, figure: 'women_Casual', lookSeed: 0 },
        fullBirdDog,
        view === 'side-left' || view === 'rear' ? ALL_MODELS : NO_HEAVY,
      ),
    );
  }
  const fullKneel: KneelSet = {
    knees: [
      [80, undefined],
      [100, undefined],
      [90, 80],
      [90, 100],
    ],
    leans: [-5, 5, 10, 15, 20],
    shifts: [0.04, 0.08, 0.12, 0.16],
  };
  for (const view of ['side-left', 'side-right', 'rear', 'rear-oblique-45', 'front', 'high-corner'] as const) {
    out.push(
      ...kneelStills(
        { view, figure: 'women_Casual', lookSeed: 0 },
        fullKneel,
        view === 'side-left' ? ALL_MODELS : NO_HEAVY,
      ),
    );
  }
  return out;
}

function variantStills(): StillCase[] {
  const out: StillCase[] = [];
  const variants: Array<Omit<Group, 'view'>> = [
    { figure: 'women_Casual', lookSeed: 1 },
    { figure: 'women_Casual', lookSeed: 2 },
    { figure: 'men_Casual', lookSeed: 0 },
  ];
  for (const v of variants) {
    for (const view of ['rear', 'side-left'] as const) {
      out.push(
        ...birdDogStills(
          { ...v, view },
          {
            rolls: [-10, 0, 10],
            trunkShares: [0, 1],
            legs: ['left'],
            legHeights: view === 'side-left' ? [25] : [],
            sags: [],
          },
          NO_HEAVY,
        ),
      );
    }
    out.push(
      ...kneelStills({ ...v, view: 'side-left' }, { knees: [[100, undefined]], leans: [15], shifts: [0.12] }, NO_HEAVY),
    );
  }
  return out;
}

function stillsFor(preset: Preset): StillCase[] {
  if (preset === 'people' || preset === 'creep' || preset === 'home') return [];
  if (preset === 'tiny') return tinyStills();
  if (preset === 'quick') return quickStills();
  const out: StillCase[] = [];
  out.push(...mainStills());
  // Rooms and figures: the same questions with another light, wall and floor, and another body.
  out.push(...variantStills());
  return out;
}

function clipMakers() {
  const candidates: PoseModelName[] = ['blazepose-lite', 'blazepose-full'];
  const stretchModels: PoseModelName[] = ['blazepose-lite', 'blazepose-full', 'movenet-thunder'];
  // Rep finding from the other views: the bird-dog's CLI default and its fallback when the default
  // finds no one (MoveNet Thunder).
  const viewModels: PoseModelName[] = ['blazepose-full', 'movenet-thunder'];
  const bd = (
    view: ViewName,
    rollDeg: number,
    fps: number,
    models: readonly PoseModelName[] = candidates,
  ): BirdDogClipCase => ({
    id: `bdclip-${view}-roll${rollDeg}`,
    family: 'bird-dog',
    rollDeg,
    models,
    // The roll goes toward the lifted leg: the hip of the lifted side drops (rolled by the
    // clip's plan sign below), both sides once.
    spec: { kind: 'clip', recipe: 'bird-dog', view, fps, reps: 2, pelvisRollDeg: rollDeg, holdS: 2.5 },
  });
  const bdPhone = (view: ViewName, models: readonly PoseModelName[]): BirdDogClipCase => ({
    id: `bdphone-${view}`,
    family: 'bird-dog',
    rollDeg: 12,
    models,
    spec: { kind: 'clip', recipe: 'bird-dog', view, fps: 8, reps: 2, pelvisRollDeg: 12, holdS: 2.5, standS: 2 },
    phone: { portrait: PORTRAIT_VIEWS.includes(view) },
  });
  const hk = (
    id: string,
    view: ViewName,
    fps: number,
    extra: Partial<Extract<ClipFixtureSpec, { recipe: 'half-kneel' }>>,
  ): StretchClipCase => ({
    id,
    family: 'half-kneel',
    models: stretchModels,
    spec: { kind: 'clip', recipe: 'half-kneel', view, fps, hipShiftForwardM: 0.08, ...extra },
  });
  const rocking = hk('half-kneel-rocking-side-left-10fps', 'side-left', 10, {
    settleS: 2.5,
    hipShiftForwardM: 0.14,
    rockCycles: 6,
    rockShiftM: 0.12,
  });
  return { bd, bdPhone, hk, viewModels, rocking };
}

function clipsFor(preset: Preset): ClipCase[] {
  if (preset === 'tiny') return [];
  const { bd, bdPhone, hk, viewModels, rocking } = clipMakers();
  if (preset === 'quick') return [bd('side-left', 12, 8), bd('rear', 12, 8), rocking];
  const people = peopleClips();
  if (preset === 'people') return people;
  const creep = creepClips();
  if (preset === 'creep') return creep;
  const home = homeClips();
  if (preset === 'home') return home;
  return [
    bd('side-left', 0, 8),
    bd('side-left', 7, 8),
    bd('side-left', 12, 8),
    bd('rear', 0, 8),
    bd('rear', 12, 8),
    // Rep finding by camera view (run-clips.ts, rep-finding.ts).
    bd('rear-raised', 12, 8, viewModels),
    bd('rear-oblique-45', 12, 8, viewModels),
    bd('front', 12, 8, viewModels),
    bd('high-corner', 12, 8, viewModels),
    // Rep finding on what a phone records: standing before and after, then wobble, drifting exposure,
    // noise, uneven frame times and compression; portrait when filmed end-on (phone-recording.ts).
    ...(['side-left', 'rear-oblique-45', 'rear', 'rear-raised', 'front', 'high-corner'] as const).map((view) =>
      bdPhone(view, viewModels),
    ),
    ...people,
    ...creep,
    ...home,
    hk('hkclip-side-left-lean0', 'side-left', 8, { trunkLeanDeg: 0, holdS: 4 }),
    hk('hkclip-side-left-lean14', 'side-left', 8, { trunkLeanDeg: 14, holdS: 4 }),
    hk('hkclip-side-left-lean20', 'side-left', 8, { trunkLeanDeg: 20, holdS: 4 }),
    hk('hkclip-front-lean14', 'front', 8, { trunkLeanDeg: 14, holdS: 4 }),
    rocking,
    // The same spec as the shared steady-hold fixture, so both share one render.
    hk('half-kneel-steady-side-left-10fps', 'side-left', 10, { settleS: 2.5, holdS: 12, hipShiftForwardM: 0.12 }),
  ];
}

/** Phone-recorded portrait clips: filmed end-on, where a phone stands upright. */
const PORTRAIT_VIEWS: readonly ViewName[] = ['rear', 'rear-raised', 'front'];

/**
 * Rep finding on phone recordings of the other CC0 figures (a man in casual clothes, a woman in work
 * clothes, a man in a suit) and of the main figure in two other rooms (walls, floor and light), in
 * the four views people are told to use or will likely use: four reps, the right leg first. The
 * stand-in for "another person in another home" until real people are filmed.
 */
function peopleClips(): BirdDogClipCase[] {
  const views: readonly ViewName[] = ['side-left', 'rear', 'rear-oblique-45', 'high-corner'];
  const who: ReadonlyArray<{ figure: FigureChoice; lookSeed: number }> = [
    { figure: 'men_Casual', lookSeed: 0 },
    { figure: 'women_Worker', lookSeed: 0 },
    { figure: 'men_Suit', lookSeed: 0 },
    { figure: 'women_Casual', lookSeed: 1 },
    { figure: 'women_Casual', lookSeed: 2 },
  ];
  return who.flatMap(({ figure, lookSeed }) =>
    views.map((view): BirdDogClipCase => ({
      id: `bdpeople-${figure}${lookSeed ? `-room${lookSeed}` : ''}-${view}`,
      family: 'bird-dog',
      rollDeg: 12,
      models: ['blazepose-full'],
      recording: 'phone-people',
      spec: {
        kind: 'clip',
        recipe: 'bird-dog',
        view,
        fps: 8,
        reps: 4,
        pelvisRollDeg: 12,
        holdS: 2.5,
        standS: 2,
        figure,
        firstLeg: 'right',
        ...(lookSeed ? { look: lookVariant(lookSeed) } : {}),
      },
      phone: { portrait: PORTRAIT_VIEWS.includes(view) },
    })),
  );
}

/**
 * Rep finding on phone recordings of someone who creeps: after every rep's return the main figure
 * rests 4 cm further forward, 4 cm to the side, or 8 cm further forward, over six reps (up to 24 or
 * 48 cm in all), in the four views of `peopleClips`. Rests are read against the rest posture, so a
 * rest that wanders is what could merge reps or lose them.
 */
function creepClips(): BirdDogClipCase[] {
  const views: readonly ViewName[] = ['side-left', 'rear', 'rear-oblique-45', 'high-corner'];
  const creeps: ReadonlyArray<{ name: string; creepM: readonly [number, number] }> = [
    { name: 'fwd4cm', creepM: [0, 0.04] },
    { name: 'side4cm', creepM: [0.04, 0] },
    { name: 'fwd8cm', creepM: [0, 0.08] },
  ];
  return creeps.flatMap(({ name, creepM }) =>
    views.map((view): BirdDogClipCase => ({
      id: `bdcreep-${name}-${view}`,
      family: 'bird-dog',
      rollDeg: 12,
      models: ['blazepose-full'],
      recording: 'phone-creep',
      spec: {
        kind: 'clip',
        recipe: 'bird-dog',
        view,
        fps: 8,
        reps: 6,
        pelvisRollDeg: 12,
        holdS: 2.5,
        standS: 2,
        firstLeg: 'right',
        creepM,
      },
      phone: { portrait: PORTRAIT_VIEWS.includes(view) },
    })),
  );
}

/**
 * Rep finding on phone recordings of someone filmed at home (the clip's `atHome`): the recording
 * starts and ends at the phone, a walk from and back to the mat, getting down through kneeling with
 * a pause and a shuffle, and the phone propped for the body on all fours, so that standing goes
 * partly out of the picture. Four reps held 5 s as the app asks, the right leg first, in five views
 * (the front too: the views people will try), and in front again in three other rooms lit from
 * other directions (where the picture says which leg from light and shadow).
 */
function homeClips(): BirdDogClipCase[] {
  const shots: ReadonlyArray<{ view: ViewName; lookSeed: number }> = [
    ...(['side-left', 'rear', 'rear-oblique-45', 'high-corner', 'front'] as const).map((view) => ({
      view,
      lookSeed: 0,
    })),
    { view: 'front', lookSeed: 1 },
    { view: 'front', lookSeed: 3 },
    { view: 'front', lookSeed: 5 },
  ];
  return shots.map(({ view, lookSeed }): BirdDogClipCase => ({
    id: `bdhome-${view}${lookSeed ? `-room${lookSeed}` : ''}`,
    family: 'bird-dog',
    rollDeg: 12,
    models: ['blazepose-full'],
    recording: 'phone-home',
    spec: {
      kind: 'clip',
      recipe: 'bird-dog',
      view,
      fps: 8,
      reps: 4,
      pelvisRollDeg: 12,
      holdS: 5,
      atHome: true,
      firstLeg: 'right',
      ...(lookSeed ? { look: lookVariant(lookSeed) } : {}),
    },
    phone: { portrait: PORTRAIT_VIEWS.includes(view) },
  }));
}

/**
 * The plan for a preset. With `fallbackFigure` every render uses the mannequin-js figure instead of
 * the CC0 humans (the other CC0 figures' variations are dropped: there is only one mannequin).
 */
export function benchPlan(preset: Preset, fallbackFigure = false): BenchPlan {
  let stills = stillsFor(preset);
  let clips = clipsFor(preset);
  if (fallbackFigure) {
    stills = stills
      .filter((c) => c.figure === 'women_Casual')
      .map((c) => ({
        ...c,
        figure: 'mannequin' as const,
        id: `mq-${c.id}`,
        baselineId: c.baselineId && `mq-${c.baselineId}`,
      }));
    clips = clips
      .filter((c) => (c.spec.figure ?? 'women_Casual') === 'women_Casual')
      .map((c) => ({ ...c, id: `mq-${c.id}`, spec: { ...c.spec, figure: 'mannequin' as const } }) as ClipCase);
  }
  return { preset, stills, clips, sensorSeeds: preset === 'default' ? 6 : preset === 'quick' ? 2 : 1 };
}
