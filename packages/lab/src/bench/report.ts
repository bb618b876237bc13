// The benchmark's result as one JSON-serialisable object: per-view headline numbers (the best
// model per metric), per-model detail, the roll methods, the stretch-model comparison, the phone
// sensor, verdict confusion matrices with the count of confident wrong verdicts, and bird-dog rep
// finding per camera view (camera only, pose alone and with the picture's change).

import type { PoseModelName } from '@steadyback/pose';
import type { ViewName } from '../render/views.ts';
import { confusionMatrix, summarize, type Confusion, type ErrorSummary } from './metrics.ts';
import type { RepFindingRow } from './rep-finding.ts';
import type { RollMethod } from './roll-methods.ts';
import type { ClipsRun, FaultLabel, RepLabel } from './run-clips.ts';
import type { SensorRun } from './sensor-bench.ts';
import type { ModelViewStats, StillVerdicts, VariantStats, ViewStats } from './summarize-stills.ts';

/** A method passes for pelvic roll at this mean absolute error or better (the issue's bar), on 80% of stills. */
export const ROLL_PASS_MAE_DEG = 2;
export const MIN_COVERAGE = 0.8;

export type ViewKey =
  'side' | 'side-far' | 'rear' | 'rear-raised' | 'rear-oblique-45' | 'front' | 'front-raised' | 'high-corner';
export const VIEW_KEY: Record<ViewName, ViewKey> = {
  'side-left': 'side',
  'side-right': 'side-far',
  rear: 'rear',
  'rear-raised': 'rear-raised',
  'rear-oblique-45': 'rear-oblique-45',
  front: 'front',
  'front-raised': 'front-raised',
  'high-corner': 'high-corner',
};

export interface ViewSummary {
  readonly view: ViewName;
  readonly detectionRate: number | null;
  readonly kneeMaeDeg: number | null;
  readonly kneeModel: PoseModelName | null;
  readonly trunkThighMaeDeg: number | null;
  readonly trunkThighModel: PoseModelName | null;
  readonly trunkLeanMaeDeg: number | null;
  readonly legElevationMaeDeg: number | null;
  readonly rollMaeDeg: number | null;
  readonly rollMethod: RollMethod | null;
  readonly rollModel: PoseModelName | null;
  readonly rollMeasurable: boolean;
  readonly rollZeroAnswerMaeDeg: number | null;
  readonly rollExactMaskMaeDeg: number | null;
  readonly models: Partial<Record<PoseModelName, ModelViewStats>>;
}

export interface StretchModelRow {
  readonly model: PoseModelName;
  readonly stills: {
    frontKnee: ErrorSummary;
    backKnee: ErrorSummary;
    trunkThighChange: ErrorSummary;
    trunkLean: ErrorSummary;
  };
  /** Per-frame angles on the side-view stretch clips (tracking on). */
  readonly clipFrames: {
    frontKnee: ErrorSummary;
    backKnee: ErrorSummary;
    trunkLean: ErrorSummary;
    frontKneeWorstDeg: number | null;
  };
  readonly rockingFrontKnee: ErrorSummary;
  /** The analyser's set-up front knee on each side-view clip (truth 90). */
  readonly setupFrontKneeDeg: Array<{ clip: string; truth: number; measured: number | null }>;
}

export interface VerdictTable<L extends string> {
  readonly name: string;
  readonly matrix: Confusion<L>;
}

export interface AccuracyReport {
  readonly preset: string;
  readonly figures: string;
  readonly figureNote: string | null;
  readonly durationS: number;
  readonly counts: { readonly stills: number; readonly clips: number; readonly modelRuns: number };
  readonly views: Partial<Record<ViewKey, ViewSummary>>;
  readonly variants: VariantStats[];
  readonly cameraRoll: {
    readonly measurable: boolean;
    readonly best: { view: ViewName; method: RollMethod; model: PoseModelName; maeDeg: number } | null;
  };
  readonly stretchModels: StretchModelRow[];
  readonly sensor: {
    readonly rollMaeDeg: number | null;
    readonly pitchMaeDeg: number | null;
    readonly waistbandTiltMaeDeg: number | null;
    readonly roll: ErrorSummary;
    readonly pitch: ErrorSummary;
    readonly waistbandTilt: ErrorSummary;
    readonly byYaw: SensorRun['byYaw'];
  };
  readonly stillVerdicts: StillVerdicts;
  readonly verdicts: Array<VerdictTable<RepLabel> | VerdictTable<FaultLabel>>;
  readonly spuriousReps: number;
  readonly confidentWrongVerdicts: number;
  /** Bird-dog clips, camera only: reps found, matched to the truth and with the right leg, per view and model. */
  readonly repFinding: RepFindingRow[];
}

function best(
  models: Partial<Record<PoseModelName, ModelViewStats>>,
  pick: (s: ModelViewStats) => ErrorSummary | null,
): { model: PoseModelName; mae: number } | null {
  let out: { model: PoseModelName; mae: number } | null = null;
  for (const [m, s] of Object.entries(models) as Array<[PoseModelName, ModelViewStats]>) {
    const e = pick(s);
    if (!e || e.mae === null || (e.coverage ?? 0) < MIN_COVERAGE) continue;
    if (!out || e.mae < out.mae) out = { model: m, mae: e.mae };
  }
  return out;
}

const pooled = (a: ErrorSummary, b: ErrorSummary): ErrorSummary | null => {
  const n = a.measuredN + b.measuredN;
  if (n === 0 || a.n + b.n === 0) return null;
  return {
    ...a,
    n: a.n + b.n,
    measuredN: n,
    coverage: n / (a.n + b.n),
    mae: ((a.mae ?? 0) * a.measuredN + (b.mae ?? 0) * b.measuredN) / n,
  };
};

export function viewSummary(v: ViewStats): ViewSummary {
  const knee = best(v.models, (s) => (s.frontKnee.n ? pooled(s.frontKnee, s.backKnee) : null));
  const tt = best(v.models, (s) => (s.trunkThighChange.n ? s.trunkThighChange : null));
  const lean = best(v.models, (s) => (s.trunkLean.n ? s.trunkLean : null));
  const leg = best(v.models, (s) => (s.legElevation.n ? s.legElevation : null));
  let roll: { model: PoseModelName; mae: number; method: RollMethod } | null = null;
  for (const method of ['hip-line-2d', 'world-3d', 'contour-seg'] as const) {
    const b = best(v.models, (s) => s.roll[method] ?? null);
    if (b && (!roll || b.mae < roll.mae)) roll = { ...b, method };
  }
  const det = Object.values(v.models).map((s) => s.detectionRate);
  return {
    view: v.view,
    detectionRate: det.length ? Math.max(...det) : null,
    kneeMaeDeg: knee?.mae ?? null,
    kneeModel: knee?.model ?? null,
    trunkThighMaeDeg: tt?.mae ?? null,
    trunkThighModel: tt?.model ?? null,
    trunkLeanMaeDeg: lean?.mae ?? null,
    legElevationMaeDeg: leg?.mae ?? null,
    rollMaeDeg: roll?.mae ?? null,
    rollMethod: roll?.method ?? null,
    rollModel: roll?.model ?? null,
    rollMeasurable: roll !== null && roll.mae <= ROLL_PASS_MAE_DEG,
    rollZeroAnswerMaeDeg: v.rollZeroAnswerMae,
    rollExactMaskMaeDeg: v.rollTrueMask?.mae ?? null,
    models: v.models,
  };
}

export function stretchModelRows(views: ViewStats[], clips: ClipsRun): StretchModelRow[] {
  const side = views.find((v) => v.view === 'side-left');
  const models = [
    ...new Set([...Object.keys(side?.models ?? {}), ...clips.stretchFrames.map((f) => f.model)]),
  ] as PoseModelName[];
  return models.map((m) => {
    const s = side?.models[m];
    const frames = clips.stretchFrames.filter((f) => f.model === m);
    const frontErr = frames.filter((f) => f.front !== null).map((f) => Math.abs(f.front! - f.truthFront));
    const rocking = frames.filter((f) => f.clipId.includes('rocking'));
    const empty = summarize([]);
    return {
      model: m,
      stills: {
        frontKnee: s?.frontKnee ?? empty,
        backKnee: s?.backKnee ?? empty,
        trunkThighChange: s?.trunkThighChange ?? empty,
        trunkLean: s?.trunkLean ?? empty,
      },
      clipFrames: {
        frontKnee: summarize(frames.map((f) => ({ truth: f.truthFront, measured: f.front }))),
        backKnee: summarize(frames.map((f) => ({ truth: f.truthBack, measured: f.back }))),
        trunkLean: summarize(frames.map((f) => ({ truth: f.truthLean, measured: f.lean }))),
        frontKneeWorstDeg: frontErr.length ? Math.max(...frontErr) : null,
      },
      rockingFrontKnee: summarize(rocking.map((f) => ({ truth: f.truthFront, measured: f.front }))),
      setupFrontKneeDeg: clips.setups
        .filter((x) => x.model === m)
        .map((x) => ({ clip: x.clipId, truth: x.truthFrontKneeDeg, measured: x.frontKneeDeg })),
    };
  });
}

export function verdictTables(
  clips: ClipsRun,
  sensor: SensorRun,
): Array<VerdictTable<RepLabel> | VerdictTable<FaultLabel>> {
  const reps: RepLabel[] = ['stable', 'borderline', 'unstable'];
  const faults: FaultLabel[] = ['no-fault', 'fault'];
  const out: Array<VerdictTable<RepLabel> | VerdictTable<FaultLabel>> = [];
  const keys = [...new Set(clips.repVerdicts.map((v) => `${v.config}|${v.model}`))];
  for (const k of keys) {
    const [config, model] = k.split('|') as [string, string];
    out.push({
      name: `bird-dog rep, ${config}${model === 'none' ? '' : `, ${model}`} (clips)`,
      matrix: confusionMatrix(
        reps,
        clips.repVerdicts.filter((v) => v.config === config && v.model === model),
      ),
    });
  }
  out.push({
    name: 'bird-dog rep, phone only (generator, yaw 0-45)',
    matrix: confusionMatrix(reps, sensor.repVerdicts),
  });
  const fkeys = [...new Set(clips.faultVerdicts.map((v) => `${v.rule}|${v.config}|${v.model}`))];
  for (const k of fkeys) {
    const [rule, config, model] = k.split('|') as [string, string, string];
    out.push({
      name: `stretch ${rule}, ${config}, ${model} (clips)`,
      matrix: confusionMatrix(
        faults,
        clips.faultVerdicts.filter((v) => v.rule === rule && v.config === config && v.model === model),
      ),
    });
  }
  out.push({
    name: 'stretch C1s, waistband phone (generator, lean 0-45)',
    matrix: confusionMatrix(faults, sensor.c1sVerdicts),
  });
  return out;
}
