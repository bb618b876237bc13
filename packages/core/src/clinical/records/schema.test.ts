// Every record type of the stored/exported schema: a valid record is accepted unchanged, and one
// with a wrong or a missing field is refused at that field. The export document refuses a bad
// record in each of its collections, so no collection can fall back to accepting anything.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createGuardState, endSession, recordHold, startSession } from '../guard/guard-state.ts';
import { buildExport, parseExport, type ExportParts } from './export.ts';
import {
  birdDogRepRecordSchema,
  birdDogSideRecordSchema,
  birdDogTestSchema,
  exportSchema,
  guardStateSchema,
  outcomeCheckSchema,
  painDaySchema,
  screeningSchema,
  settingsSchema,
  skeletonSnapshotSchema,
  stretchHoldRecordSchema,
  stretchSessionSchema,
  type BirdDogRepRecord,
  type BirdDogSideRecord,
  type BirdDogTestRecord,
  type OutcomeCheck,
  type PainDay,
  type Screening,
  type Settings,
  type SkeletonSnapshot,
  type StretchHoldRecord,
  type StretchSessionRecord,
} from './schema.ts';

type Json = Record<string, unknown>;

/** The record with one field replaced (a dotted path reaches into nested objects and arrays). */
function withField(record: object, path: string, value: unknown): Json {
  const copy = structuredClone(record) as Json;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

/** The record with one field left out. */
function without(record: object, path: string): Json {
  const copy = structuredClone(record) as Json;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  delete at[keys.at(-1)!];
  return copy;
}

function expectAccepted(schema: z.ZodType, record: unknown): void {
  const r = schema.safeParse(record);
  expect(r.success ? [] : r.error.issues).toEqual([]);
  expect(r.data).toEqual(record);
}

/** Refused, and the first problem named is at `path`. */
function expectRefused(schema: z.ZodType, record: unknown, path: string): void {
  const r = schema.safeParse(record);
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.path.join('.')).toBe(path);
}

const DATE = '2026-11-02';

const settings: Settings = {
  muted: false,
  ageYears: 40,
  hurtsMoreAfterStretching: true,
  backStretches: ['seated-twist', 'knee-to-chest'],
  programmeStartIso: DATE,
};

const screening: Screening = {
  id: 's1',
  dateIso: DATE,
  answers: { 'saddle-numbness': false, 'fever-with-back-pain': false, 'pain-below-knee': true },
  outcome: 'caution',
  reason: 'first-run',
};

const painDay: PainDay = {
  id: 'p1',
  dateIso: DATE,
  restNrs: 2,
  peakNrs: 4,
  morningNrs: null,
  settledWithin24h: null,
  newSymptomBelowKnee: false,
};

const outcomeCheck: OutcomeCheck = {
  id: 'o1',
  dateIso: DATE,
  usualPainNrs: 4,
  peg3: { pain: 4, enjoyment: 3, activity: 5 },
};

const snapshot: SkeletonSnapshot = {
  tMs: 4200,
  aspect: 4 / 3,
  points: Array.from({ length: 33 }, (_, i) =>
    i === 0 ? null : ([0.5, 0.25 + i / 100, 0.9] as [number, number, number]),
  ),
};

const birdDogRep: BirdDogRepRecord = {
  index: 0,
  leg: 'left',
  pattern: 'opposite-arm-and-leg',
  classification: 'unstable',
  holdMs: 5000,
  rollDeg: 12.1,
  pitchDeg: 3.2,
  legElevationDeg: null,
  rollSource: 'sensor',
};

const birdDogSide: BirdDogSideRecord = {
  verdict: 'positive',
  reason: '2 of 3 reps were unstable, including the last one after the reminder to keep the hips level.',
  reps: 3,
  unstableReps: 2,
  meanRollDeg: 11.5,
  maxRollDeg: 12.1,
  worstFrame: snapshot,
};

const birdDogTest: BirdDogTestRecord = {
  id: 'b1',
  dateIso: DATE,
  status: 'complete',
  sources: { camera: true, sensor: true },
  view: 'side',
  overall: { verdict: 'positive-mild', asymmetry: true, symptomProvoking: false, summary: 'Only the left side.' },
  sides: { left: birdDogSide, right: { ...birdDogSide, verdict: 'negative', unstableReps: 0, worstFrame: null } },
  reps: [birdDogRep, { ...birdDogRep, index: 1, leg: 'right', classification: 'stable', rollDeg: 2 }],
  explanation: ['When you lifted your left leg, your pelvis rolled up to about 12 degrees.'],
  notMeasurable: [{ rule: 'R2', reason: 'Sideways shift has no validated method yet.' }],
};

/** What the app stores when a phone test starts, before any result. */
const birdDogTestStarted: BirdDogTestRecord = {
  id: 'b2',
  dateIso: DATE,
  status: 'in-progress',
  sources: { camera: false, sensor: true },
  view: 'none',
  overall: null,
  sides: null,
  reps: [],
  explanation: [],
  notMeasurable: [],
};

const stretchHold: StretchHoldRecord = {
  side: 'left',
  startMs: 1000,
  endMs: 31000,
  goodFormMs: 27000,
  faults: [
    { rule: 'C5', atMs: 9000, source: 'camera' },
    { rule: 'C1', atMs: 12000, source: 'sensor' },
  ],
  depthDeg: 12,
  intensity: 4,
  pain: false,
  feltAt: 'front-of-hip',
  action: 'hold',
};

const stretchSession: StretchSessionRecord = {
  id: 'h1',
  dateIso: DATE,
  status: 'complete',
  sources: { camera: true, sensor: false },
  targetHoldSeconds: 30,
  depthCapDeg: 17,
  holds: [
    stretchHold,
    { ...stretchHold, side: 'right', faults: [], intensity: null, pain: null, feltAt: null, action: null },
  ],
  stoppedForToday: false,
};

function guardState() {
  const started = startSession(createGuardState({ ageYears: 40 }), { dateIso: DATE, restPainNrs: 2 });
  if (!started.ok) throw new Error(started.reason);
  const held = recordHold(started.state, {
    side: 'left',
    intensity: 4,
    pain: false,
    feltAt: 'front-of-hip',
    depthDeg: 12,
  });
  if (!held.ok) throw new Error(held.reason);
  const ended = endSession(held.state, { peakPainNrs: 3 });
  if (!ended.ok) throw new Error(ended.reason);
  const again = startSession(ended.state, { dateIso: '2026-11-03', restPainNrs: 2 });
  if (!again.ok) throw new Error(again.reason);
  return again.state;
}

describe('settings', () => {
  it('accepts valid settings', () => expectAccepted(settingsSchema, settings));
  it('refuses an age under 10 and a back stretch it does not know', () => {
    expectRefused(settingsSchema, withField(settings, 'ageYears', 9), 'ageYears');
    expectRefused(settingsSchema, withField(settings, 'backStretches', ['yoga']), 'backStretches.0');
  });
  it('refuses settings without muted', () => expectRefused(settingsSchema, without(settings, 'muted'), 'muted'));
});

describe('screening', () => {
  it('accepts a valid screening, with each of the four outcomes', () => {
    for (const outcome of ['emergency', 'urgent', 'caution', 'clear'] as const)
      expectAccepted(screeningSchema, { ...screening, outcome });
  });
  it('refuses an outcome that is not one of the four, whatever its case', () => {
    for (const outcome of ['fine', 'EMERGENCY', '', 3, null])
      expectRefused(screeningSchema, withField(screening, 'outcome', outcome), 'outcome');
  });
  it('refuses a screening without an outcome', () =>
    expectRefused(screeningSchema, without(screening, 'outcome'), 'outcome'));
  it('refuses answers that are not yes or no, an unknown reason, a bad date and an empty id', () => {
    expectRefused(
      screeningSchema,
      withField(screening, 'answers', { 'saddle-numbness': 'no' }),
      'answers.saddle-numbness',
    );
    expectRefused(screeningSchema, withField(screening, 'reason', 'weekly'), 'reason');
    expectRefused(screeningSchema, withField(screening, 'dateIso', '2026-13-01'), 'dateIso');
    expectRefused(screeningSchema, withField(screening, 'id', ''), 'id');
  });
  it('refuses a screening without answers or a reason', () => {
    expectRefused(screeningSchema, without(screening, 'answers'), 'answers');
    expectRefused(screeningSchema, without(screening, 'reason'), 'reason');
  });
});

describe('pain day', () => {
  it('accepts a valid pain day', () => expectAccepted(painDaySchema, painDay));
  it('refuses a score above 10 or between whole numbers', () => {
    expectRefused(painDaySchema, withField(painDay, 'restNrs', 11), 'restNrs');
    expectRefused(painDaySchema, withField(painDay, 'peakNrs', 2.5), 'peakNrs');
  });
  it('refuses a pain day without the below-knee answer', () =>
    expectRefused(painDaySchema, without(painDay, 'newSymptomBelowKnee'), 'newSymptomBelowKnee'));
});

describe('outcome check', () => {
  it('accepts a valid check-in, with and without PEG-3', () => {
    expectAccepted(outcomeCheckSchema, outcomeCheck);
    expectAccepted(outcomeCheckSchema, { ...outcomeCheck, peg3: null });
  });
  it('refuses a PEG-3 item below 0', () =>
    expectRefused(outcomeCheckSchema, withField(outcomeCheck, 'peg3.enjoyment', -1), 'peg3.enjoyment'));
  it('refuses a check-in without the usual pain', () =>
    expectRefused(outcomeCheckSchema, without(outcomeCheck, 'usualPainNrs'), 'usualPainNrs'));
});

describe('skeleton snapshot', () => {
  it('accepts a valid snapshot', () => expectAccepted(skeletonSnapshotSchema, snapshot));
  it('refuses 32 points and a visibility above 1', () => {
    expectRefused(skeletonSnapshotSchema, withField(snapshot, 'points', snapshot.points.slice(1)), 'points');
    expectRefused(skeletonSnapshotSchema, withField(snapshot, 'points.5', [0.5, 0.5, 1.5]), 'points.5.2');
  });
  it('refuses a snapshot without its aspect', () =>
    expectRefused(skeletonSnapshotSchema, without(snapshot, 'aspect'), 'aspect'));
});

describe('bird-dog rep record', () => {
  it('accepts a valid rep', () => expectAccepted(birdDogRepRecordSchema, birdDogRep));
  it('refuses an unknown source and a negative hold', () => {
    expectRefused(birdDogRepRecordSchema, withField(birdDogRep, 'rollSource', 'gyro'), 'rollSource');
    expectRefused(birdDogRepRecordSchema, withField(birdDogRep, 'holdMs', -1), 'holdMs');
  });
  it('refuses a rep without its classification', () =>
    expectRefused(birdDogRepRecordSchema, without(birdDogRep, 'classification'), 'classification'));
});

describe('bird-dog side record', () => {
  it('accepts a valid side', () => expectAccepted(birdDogSideRecordSchema, birdDogSide));
  it('refuses the overall-only verdict positive-mild and a bad worst frame', () => {
    expectRefused(birdDogSideRecordSchema, withField(birdDogSide, 'verdict', 'positive-mild'), 'verdict');
    expectRefused(birdDogSideRecordSchema, withField(birdDogSide, 'worstFrame.aspect', 0), 'worstFrame.aspect');
  });
  it('refuses a side without its reason', () =>
    expectRefused(birdDogSideRecordSchema, without(birdDogSide, 'reason'), 'reason'));
});

describe('bird-dog test', () => {
  it('accepts a finished test and a just-started one', () => {
    expectAccepted(birdDogTestSchema, birdDogTest);
    expectAccepted(birdDogTestSchema, birdDogTestStarted);
  });
  it('refuses an unknown status, a bad side and a bad rep', () => {
    expectRefused(birdDogTestSchema, withField(birdDogTest, 'status', 'finished'), 'status');
    expectRefused(birdDogTestSchema, withField(birdDogTest, 'sides.left.reps', -1), 'sides.left.reps');
    expectRefused(birdDogTestSchema, withField(birdDogTest, 'reps.1.leg', 'both'), 'reps.1.leg');
    expectRefused(birdDogTestSchema, withField(birdDogTest, 'overall.verdict', 'unstable'), 'overall.verdict');
  });
  it('refuses a test without its list of rules not measured', () =>
    expectRefused(birdDogTestSchema, without(birdDogTest, 'notMeasurable'), 'notMeasurable'));
});

describe('stretch hold record', () => {
  it('accepts a rated hold and one not rated yet', () => {
    expectAccepted(stretchHoldRecordSchema, stretchHold);
    expectAccepted(stretchHoldRecordSchema, stretchSession.holds[1]);
  });
  it('refuses a fault the guard does not record, an intensity above 10 and an unknown place', () => {
    expectRefused(stretchHoldRecordSchema, withField(stretchHold, 'faults.0.rule', 'C3'), 'faults.0.rule');
    expectRefused(stretchHoldRecordSchema, withField(stretchHold, 'intensity', 11), 'intensity');
    expectRefused(stretchHoldRecordSchema, withField(stretchHold, 'feltAt', 'knee'), 'feltAt');
    expectRefused(stretchHoldRecordSchema, withField(stretchHold, 'action', 'push-harder'), 'action');
  });
  it('refuses a hold without its good-form time', () =>
    expectRefused(stretchHoldRecordSchema, without(stretchHold, 'goodFormMs'), 'goodFormMs'));
});

describe('stretch session', () => {
  it('accepts a valid session, in progress, complete or abandoned', () => {
    for (const status of ['in-progress', 'complete', 'abandoned'] as const)
      expectAccepted(stretchSessionSchema, { ...stretchSession, status });
  });
  it('refuses an unknown status and a target hold outside 5-120 whole seconds', () => {
    expectRefused(stretchSessionSchema, withField(stretchSession, 'status', 'done'), 'status');
    for (const s of [4, 121, 30.5])
      expectRefused(stretchSessionSchema, withField(stretchSession, 'targetHoldSeconds', s), 'targetHoldSeconds');
  });
  it('refuses a session holding a bad hold, a bad date or a bad source', () => {
    expectRefused(stretchSessionSchema, withField(stretchSession, 'holds.1.side', 'middle'), 'holds.1.side');
    expectRefused(stretchSessionSchema, withField(stretchSession, 'dateIso', '02/11/2026'), 'dateIso');
    expectRefused(stretchSessionSchema, withField(stretchSession, 'sources.camera', 'yes'), 'sources.camera');
  });
  it('refuses a session without its holds or without saying whether it stopped for today', () => {
    expectRefused(stretchSessionSchema, without(stretchSession, 'holds'), 'holds');
    expectRefused(stretchSessionSchema, without(stretchSession, 'stoppedForToday'), 'stoppedForToday');
  });
});

describe('guard state', () => {
  it("accepts the guard's own state, with a finished and an open session", () => {
    const g = guardState();
    expect(g.sessions).toHaveLength(1);
    expect(g.openSession).not.toBeNull();
    expectAccepted(guardStateSchema, g);
  });
  it('refuses another version, a hold with an unknown trigger and a negative hold time', () => {
    const g = guardState();
    expectRefused(guardStateSchema, withField(g, 'version', 2), 'version');
    expectRefused(
      guardStateSchema,
      withField(g, 'sessions.0.holds.0.triggers', ['tired']),
      'sessions.0.holds.0.triggers.0',
    );
    expectRefused(guardStateSchema, withField(g, 'holdSeconds', -3), 'holdSeconds');
  });
  it('refuses a state without its sessions', () =>
    expectRefused(guardStateSchema, without(guardState(), 'sessions'), 'sessions'));
});

describe('export document', () => {
  const parts = (): ExportParts => ({
    settings,
    screenings: [screening],
    painDays: [painDay],
    outcomeChecks: [outcomeCheck],
    birdDogTests: [birdDogTest, birdDogTestStarted],
    stretchSessions: [stretchSession],
    guard: guardState(),
  });

  it('accepts every record type together, and parses back the same', () => {
    const doc = buildExport(parts(), '2026-11-04');
    expectAccepted(exportSchema, doc);
    expect(parseExport(JSON.stringify(doc))).toEqual({ ok: true, data: doc });
  });

  const damaged: ReadonlyArray<[string, unknown, string]> = [
    ['settings.muted', 'no', 'settings.muted'],
    ['screenings.0.outcome', 'fine', 'screenings.0.outcome'],
    ['painDays.0.restNrs', 14, 'painDays.0.restNrs'],
    ['outcomeChecks.0.usualPainNrs', -1, 'outcomeChecks.0.usualPainNrs'],
    ['birdDogTests.0.status', 'finished', 'birdDogTests.0.status'],
    ['stretchSessions.0.targetHoldSeconds', 0, 'stretchSessions.0.targetHoldSeconds'],
    ['stretchSessions.0.holds.0.intensity', 11, 'stretchSessions.0.holds.0.intensity'],
    ['guard.version', 2, 'guard.version'],
  ];
  for (const [field, value, path] of damaged) {
    it(`refuses an export whose ${field} is ${JSON.stringify(value)}, naming the field`, () => {
      const doc = withField(buildExport(parts(), '2026-11-04'), field, value);
      expectRefused(exportSchema, doc, path);
      const r = parseExport(doc);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain(path);
    });
  }

  for (const collection of ['screenings', 'stretchSessions', 'birdDogTests'] as const) {
    it(`refuses an export whose ${collection} hold a record with a field missing`, () => {
      const doc = buildExport(parts(), '2026-11-04');
      const first = doc[collection][0]!;
      const broken = { ...doc, [collection]: [without(first, collection === 'screenings' ? 'outcome' : 'status')] };
      expect(parseExport(broken).ok).toBe(false);
    });
  }
});
