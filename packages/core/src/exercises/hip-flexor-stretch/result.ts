// The hip flexor stretch result: typed, versioned, JSON-serialisable; every fault says which
// source (camera or the phone in the waistband) saw it.

import type { CameraViewKind } from '../../camera/view.ts';

export const STRETCH_RESULT_VERSION = 1;

export type KneelingSide = 'left' | 'right';
export type FaultRule = 'C1' | 'C2' | 'C4' | 'C5';
export type FaultSource = 'camera' | 'sensor';

export interface StretchFault {
  readonly rule: FaultRule;
  readonly atMs: number;
  readonly endMs: number;
  readonly source: FaultSource;
}

export interface StretchSetup {
  readonly atMs: number;
  readonly kneelingSide: KneelingSide;
  /** The knee angles at set-up; null when the view cannot measure them (not side-on). */
  readonly frontKneeDeg: number | null;
  readonly backKneeDeg: number | null;
  readonly trunkLeanDeg: number;
  /** Hip-extension proxy (180 - trunk-thigh angle) at set-up; changes are what count. */
  readonly hipExtensionDeg: number;
}

export interface StretchHold {
  readonly kneelingSide: KneelingSide;
  readonly startMs: number;
  readonly endMs: number;
  /** Seconds of good form, in ms: in the stretch with no fault active. */
  readonly goodFormMs: number;
  /** False when the camera view cannot judge form (the timer then counts nothing). */
  readonly formMeasured: boolean;
  /** Peak change in the hip-extension proxy from set-up (degrees); null below the 5-degree measurement floor or when not measurable. */
  readonly peakDeltaHipExtensionDeg: number | null;
  readonly faults: StretchFault[];
}

export interface StretchCue {
  readonly tMs: number;
  readonly rule: string;
  readonly text: string;
}

export interface StretchResult {
  readonly schemaVersion: typeof STRETCH_RESULT_VERSION;
  readonly exercise: 'hip-flexor-stretch';
  readonly view: CameraViewKind | 'none';
  /** The parts of the video read one by one (an edited video has several, split at its cuts), each with its view. */
  readonly readings: ReadonlyArray<{ readonly startMs: number; readonly endMs: number; readonly view: CameraViewKind }>;
  readonly sources: { readonly camera: boolean; readonly sensor: boolean };
  readonly setups: StretchSetup[];
  readonly holds: StretchHold[];
  readonly cues: StretchCue[];
  readonly events: Array<{
    readonly tMs: number;
    readonly type: 'setup' | 'hold-start' | 'hold-end' | 'side-switch';
    readonly note?: string;
  }>;
  readonly quality: Array<{ readonly code: string; readonly message: string }>;
  readonly explanation: string[];
  readonly series: {
    readonly tMs: number[];
    /** Signed trunk lean from vertical, positive = leaning back. */
    readonly trunkLeanDeg: Array<number | null>;
    /** Trunk-thigh angle of the kneeling side (180 = in line). */
    readonly trunkThighDeg: Array<number | null>;
    /** Change of the hip-extension proxy from the current set-up. */
    readonly deltaHipExtensionDeg: Array<number | null>;
    readonly sensor: { readonly tMs: number[]; readonly pelvicTiltDeg: number[] } | null;
  };
}
