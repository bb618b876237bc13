// The records the app stores and exports: one versioned schema (zod) that the browser's
// IndexedDB, the JSON export/import and the CLI's reports all share. Only numbers and short
// words; never video. Dates are ISO calendar dates (YYYY-MM-DD) in the person's own time zone;
// the core never reads a clock, so every date comes in from the caller.

import { z } from 'zod';
import { isIsoDate } from '../guard/dates.ts';
import type { GuardState } from '../guard/guard-state.ts';

type GuardStateShape = GuardState;

export const RECORDS_VERSION = 1;
export const EXPORT_FORMAT = 'steadyback-export';

const nrs = z.number().int().min(0).max(10);
const isoDate = z.string().refine((s) => isIsoDate(s), { message: 'must be a calendar date written as YYYY-MM-DD' });
const id = z.string().min(1).max(80);
const side = z.enum(['left', 'right']);
const finite = z.number().finite();

/** One landmark of a stored snapshot: normalised x, y and visibility, rounded to 3 decimals. */
export const snapshotPointSchema = z.tuple([finite, finite, z.number().min(0).max(1)]).nullable();
/** A skeleton snapshot: 33 BlazePose points (null when the model had none), and the image aspect. */
export const skeletonSnapshotSchema = z.object({
  tMs: finite,
  aspect: z.number().positive(),
  points: z.array(snapshotPointSchema).length(33),
});

export const settingsSchema = z.object({
  muted: z.boolean(),
  ageYears: z.number().int().min(10).max(110).nullable(),
  hurtsMoreAfterStretching: z.boolean().nullable(),
  backStretches: z.array(
    z.enum(['supine-knee-across-twist', 'seated-twist', 'knee-to-chest', 'standing-back-bend', 'other-back-stretch']),
  ),
  programmeStartIso: isoDate.nullable(),
});

export const screeningSchema = z.object({
  id,
  dateIso: isoDate,
  /** Item id -> answered yes. */
  answers: z.record(z.string(), z.boolean()),
  outcome: z.enum(['emergency', 'urgent', 'caution', 'clear']),
  /** Why this screening was run: first run, an escalation, or a periodic re-check. */
  reason: z.enum(['first-run', 'escalation', 'periodic']),
});

/** One exercise day's pain: before (B), peak during (D), next morning (M). */
export const painDaySchema = z.object({
  id,
  dateIso: isoDate,
  restNrs: nrs,
  peakNrs: nrs.nullable(),
  morningNrs: nrs.nullable(),
  settledWithin24h: z.boolean().nullable(),
  newSymptomBelowKnee: z.boolean(),
});

/** Outcome check-ins: usual pain (every 2 weeks) and PEG-3. */
export const outcomeCheckSchema = z.object({
  id,
  dateIso: isoDate,
  usualPainNrs: nrs,
  peg3: z.object({ pain: nrs, enjoyment: nrs, activity: nrs }).nullable(),
});

const metricSource = z.enum(['camera', 'sensor']).nullable();

export const birdDogRepRecordSchema = z.object({
  index: z.number().int().min(0),
  leg: side,
  pattern: z.enum(['opposite-arm-and-leg', 'same-side-arm-and-leg', 'arm-only', 'leg-only']),
  classification: z.enum(['stable', 'borderline', 'unstable', 'not-measurable']),
  holdMs: finite.min(0),
  /** R1 peak pelvic roll, degrees (phone); null when not measured. */
  rollDeg: finite.nullable(),
  /** R4s peak pelvic pitch, degrees (phone). */
  pitchDeg: finite.nullable(),
  /** R4 leg elevation above horizontal, degrees (side camera). */
  legElevationDeg: finite.nullable(),
  /** R5 trunk sag, change from rest as a share of trunk length (side camera); absent in records from before it was kept. */
  trunkSag: finite.nullable().optional(),
  rollSource: metricSource,
});

export const birdDogSideRecordSchema = z.object({
  verdict: z.enum(['positive', 'negative', 'not-measurable']),
  reason: z.string(),
  reps: z.number().int().min(0),
  unstableReps: z.number().int().min(0),
  meanRollDeg: finite.nullable(),
  maxRollDeg: finite.nullable(),
  /** The worst rep's skeleton (camera only). */
  worstFrame: skeletonSnapshotSchema.nullable(),
});

export const birdDogTestSchema = z.object({
  id,
  dateIso: isoDate,
  status: z.enum(['in-progress', 'complete', 'abandoned']),
  sources: z.object({ camera: z.boolean(), sensor: z.boolean() }),
  view: z.string(),
  overall: z
    .object({
      verdict: z.enum(['negative', 'positive-mild', 'positive', 'not-measurable']),
      asymmetry: z.boolean(),
      symptomProvoking: z.boolean(),
      summary: z.string(),
    })
    .nullable(),
  sides: z.object({ left: birdDogSideRecordSchema, right: birdDogSideRecordSchema }).nullable(),
  reps: z.array(birdDogRepRecordSchema),
  explanation: z.array(z.string()),
  /** Which rules were not measurable in this test, with the reason. */
  notMeasurable: z.array(z.object({ rule: z.string(), reason: z.string() })),
});

export const stretchHoldRecordSchema = z.object({
  side,
  startMs: finite.min(0),
  endMs: finite.min(0),
  goodFormMs: finite.min(0),
  faults: z.array(
    z.object({ rule: z.enum(['C1', 'C2', 'C4', 'C5']), atMs: finite, source: z.enum(['camera', 'sensor']) }),
  ),
  /** Peak change in the hip-extension proxy from set-up, degrees (camera); null when not measured. */
  depthDeg: finite.nullable(),
  /** Self-report after the hold; null until answered. */
  intensity: nrs.nullable(),
  pain: z.boolean().nullable(),
  feltAt: z.enum(['front-of-hip', 'front-of-thigh', 'low-back', 'buttock', 'down-the-leg']).nullable(),
  /** The guard's decision for this hold. */
  action: z.enum(['stop-for-today', 'ease-off', 'hold', 'too-light']).nullable(),
});

export const stretchSessionSchema = z.object({
  id,
  dateIso: isoDate,
  status: z.enum(['in-progress', 'complete', 'abandoned']),
  sources: z.object({ camera: z.boolean(), sensor: z.boolean() }),
  targetHoldSeconds: z.number().int().min(5).max(120),
  depthCapDeg: finite.nullable(),
  holds: z.array(stretchHoldRecordSchema),
  stoppedForToday: z.boolean(),
});

const guardHoldSchema = z.object({
  side,
  intensity: nrs,
  pain: z.boolean(),
  feltAt: z.enum(['front-of-hip', 'front-of-thigh', 'low-back', 'buttock', 'down-the-leg']),
  depthDeg: finite.nullable(),
  cameraSignals: z.object({ C1: z.boolean(), C5: z.boolean() }),
  sensorSignals: z.object({ C1s: z.boolean(), C5: z.boolean() }),
  action: z.enum(['stop-for-today', 'ease-off', 'hold', 'too-light']),
  triggers: z.array(
    z.enum([
      'pain',
      'leg-symptoms',
      'low-back-twice',
      'intensity-above-cap',
      'low-back',
      'arching-camera',
      'arching-sensor',
      'bouncing-camera',
      'bouncing-sensor',
      'beyond-depth-cap',
    ]),
  ),
  green: z.boolean(),
});
const guardSessionSchema = z.object({
  dateIso: isoDate,
  weekKey: z.string(),
  restPainNrs: nrs.nullable(),
  peakPainNrs: nrs.nullable(),
  morningPainNrs: nrs.nullable(),
  holdSeconds: z.number().positive(),
  holds: z.array(guardHoldSchema),
  lowBackCount: z.number().int().min(0),
  stoppedForToday: z.boolean(),
});
/** The over-stretch guard's state (core/guard), kept whole so an import resumes it exactly. */
export const guardStateSchema = z.object({
  version: z.literal(1),
  profile: z.object({ ageYears: z.number().nullable() }),
  depthCapDeg: finite.nullable(),
  capOrigin: z.object({ dateIso: isoDate, referenceIntensity: nrs, referenceDepthDeg: finite }).nullable(),
  holdSeconds: z.number().positive(),
  sessions: z.array(guardSessionSchema),
  openSession: guardSessionSchema.nullable(),
  reviews: z.array(
    z.object({
      weekKey: z.string(),
      green: z.boolean(),
      capChangeDeg: finite,
      newCapDeg: finite.nullable(),
      holdSeconds: z.number().positive(),
      reasons: z.array(z.string()),
    }),
  ),
});

export const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(RECORDS_VERSION),
  exportedOnIso: isoDate,
  settings: settingsSchema,
  screenings: z.array(screeningSchema),
  painDays: z.array(painDaySchema),
  outcomeChecks: z.array(outcomeCheckSchema),
  birdDogTests: z.array(birdDogTestSchema),
  stretchSessions: z.array(stretchSessionSchema),
  guard: guardStateSchema.nullable(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Screening = z.infer<typeof screeningSchema>;
export type PainDay = z.infer<typeof painDaySchema>;
export type OutcomeCheck = z.infer<typeof outcomeCheckSchema>;
export type SkeletonSnapshot = z.infer<typeof skeletonSnapshotSchema>;
export type BirdDogRepRecord = z.infer<typeof birdDogRepRecordSchema>;
export type BirdDogSideRecord = z.infer<typeof birdDogSideRecordSchema>;
export type BirdDogTestRecord = z.infer<typeof birdDogTestSchema>;
export type StretchHoldRecord = z.infer<typeof stretchHoldRecordSchema>;
export type StretchSessionRecord = z.infer<typeof stretchSessionSchema>;
export type SteadybackExport = z.infer<typeof exportSchema>;

export const DEFAULT_SETTINGS: Settings = {
  muted: false,
  ageYears: null,
  hurtsMoreAfterStretching: null,
  backStretches: [],
  programmeStartIso: null,
};

// The guard's own type and the stored one must stay the same shape: this line fails to compile
// when either changes without the other.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const GUARD_SCHEMA_MATCHES: SameShape<z.infer<typeof guardStateSchema>, GuardStateShape> = true;
