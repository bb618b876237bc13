// The bird-dog result: typed, versioned and JSON-serialisable. Every metric says which source
// measured it (camera or the phone on the pelvis) or why it could not be measured.

import type { CameraViewKind } from '../../camera/view.ts';

export const BIRD_DOG_RESULT_VERSION = 1;

export type Band = 'green' | 'amber' | 'red' | 'not-measurable';
export type Source = 'camera' | 'sensor';
export type BodySide = 'left' | 'right';
export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R4s' | 'R5' | 'R6';
export type RepClassification = 'stable' | 'borderline' | 'unstable' | 'not-measurable';
export type MovementPattern = 'opposite-arm-and-leg' | 'same-side-arm-and-leg' | 'arm-only' | 'leg-only';

export interface Metric {
  readonly value: number | null;
  readonly unit: string;
  readonly band: Band;
  readonly source: Source | null;
  /** Why it is not measurable, or a note on how it was measured. */
  readonly reason?: string;
  /** When the worst value happened (evidence moment). */
  readonly atMs?: number;
  /** R1 only: which hip was lower at the worst moment. */
  readonly direction?: 'left-hip-lower' | 'right-hip-lower';
}

export interface BirdDogRep {
  readonly index: number;
  /** The lifted leg (or, for an arm-only rep, the leg opposite the reached arm). */
  readonly leg: BodySide;
  readonly arm: BodySide;
  readonly pattern: MovementPattern;
  readonly startMs: number;
  readonly holdStartMs: number;
  readonly holdEndMs: number;
  readonly endMs: number;
  readonly holdMs: number;
  readonly classification: RepClassification;
  readonly classificationReason: string;
  /** How the rep was found: from the camera's view of the limbs, from how the picture changed (end-on views), or from the spoken pacing cues. */
  readonly foundBy: 'camera' | 'camera-motion' | 'pacing-cues';
  readonly metrics: Readonly<Record<RuleId, Metric>>;
  /** Share of this rep's frames in which the camera saw the landmarks the rep needs (null without a camera). */
  readonly cameraValidShare: number | null;
}

export type SideVerdict = 'positive' | 'negative' | 'not-measurable';

export interface BirdDogSide {
  readonly verdict: SideVerdict;
  readonly reason: string;
  readonly reps: number;
  readonly validReps: number;
  readonly unstableReps: number;
  readonly meanRollDeg: number | null;
}

export type OverallVerdict = 'negative' | 'positive-mild' | 'positive' | 'not-measurable';

export interface BirdDogOverall {
  readonly verdict: OverallVerdict;
  readonly asymmetry: boolean;
  readonly asymmetryReason: string | null;
  readonly symptomProvoking: boolean;
  /** Plain-language summary, a few sentences. */
  readonly summary: string;
}

export type BirdDogEventType =
  | 'baseline'
  | 'rep-start'
  | 'hold-start'
  | 'hold-end'
  | 'rep-end'
  | 'rep-abandoned'
  | 're-cue'
  | 'sensor-gap'
  | 'sensor-jump'
  | 'sensor-slid-off';

export interface BirdDogEvent {
  readonly tMs: number;
  readonly type: BirdDogEventType;
  readonly note?: string;
}

export interface BirdDogSeries {
  readonly tMs: number[];
  readonly legRise: { readonly left: Array<number | null>; readonly right: Array<number | null> };
  readonly armRise: { readonly left: Array<number | null>; readonly right: Array<number | null> };
  /** Side view only: the higher leg's hip->ankle line above horizontal, degrees. */
  readonly legElevationDeg: Array<number | null>;
  /** Side view only: trunk sag as a share of trunk length, change from baseline. */
  readonly trunkSag: Array<number | null>;
  /** How much of the moving region differed from the rest picture (0..1), on the video's time base; `endOn` when it timed the reps. */
  readonly motion: { readonly tMs: number[]; readonly change: number[]; readonly endOn: boolean } | null;
  /** Phone on the pelvis, on its own time base. */
  readonly sensor: { readonly tMs: number[]; readonly rollDeg: number[]; readonly pitchDeg: number[] } | null;
}

export interface QualityMessage {
  readonly code:
    | 'body-part-out-of-frame'
    | 'view-limits'
    | 'no-reps'
    | 'not-bird-dog'
    | 'long-hold'
    | 'video-edit'
    | 'sensor-quality'
    | 'sensor-calibration'
    | 'few-frames'
    | 'outside-exercise'
    | 'camera-moved';
  readonly message: string;
}

export interface BirdDogResult {
  readonly schemaVersion: typeof BIRD_DOG_RESULT_VERSION;
  readonly exercise: 'bird-dog';
  /** The camera view, or 'none' when only the phone was used. */
  readonly view: CameraViewKind | 'none';
  /** The parts of the video read one by one (an edited video has several, split at its cuts), each with its view; empty without a camera. */
  readonly readings: ReadonlyArray<{ readonly startMs: number; readonly endMs: number; readonly view: CameraViewKind }>;
  readonly sources: { readonly camera: boolean; readonly sensor: boolean };
  /** Which rules each source could measure in this recording. */
  readonly measurable: Readonly<Record<RuleId, { readonly source: Source | null; readonly reason?: string }>>;
  readonly reps: BirdDogRep[];
  readonly sides: Readonly<Record<BodySide, BirdDogSide>>;
  readonly overall: BirdDogOverall;
  readonly explanation: string[];
  readonly events: BirdDogEvent[];
  readonly quality: QualityMessage[];
  readonly series: BirdDogSeries;
}
