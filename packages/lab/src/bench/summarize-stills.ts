// Turns the still records into per-view, per-model numbers: detection rate, keypoint error, angle
// errors (absolute for knees, leg line and trunk lean; change from the settled pose for the
// trunk-thigh angle, trunk sag and pelvic roll), and the still-level rule verdicts.

import { BIRD_DOG_THRESHOLDS as BT, STRETCH_THRESHOLDS as ST } from '@steadyback/core';
import type { PoseModelName } from '@steadyback/pose';
import type { ViewName } from '../render/views.ts';
import type { StillCase } from './cases.ts';
import {
  confusionMatrix,
  constantPredictorMae,
  median,
  quantile,
  summarize,
  type Confusion,
  type ErrorSummary,
  type Pair,
  type Verdict,
} from './metrics.ts';
import { ROLL_METHODS, type RollMethod } from './roll-methods.ts';
import type { StillRecord, StillsRun, StillTruth } from './run-stills.ts';

export interface ModelViewStats {
  readonly stills: number;
  readonly detectionRate: number;
  /** Median and 90th percentile of limb-joint error, shares of torso length. */
  readonly keypointErrorMedian: number | null;
  readonly keypointErrorP90: number | null;
  readonly frontKnee: ErrorSummary;
  readonly backKnee: ErrorSummary;
  readonly trunkLean: ErrorSummary;
  readonly trunkThighChange: ErrorSummary;
  readonly legElevation: ErrorSummary;
  readonly trunkSagChange: ErrorSummary;
  readonly roll: Partial<Record<RollMethod, ErrorSummary>>;
}

export interface ViewStats {
  readonly view: ViewName;
  readonly models: Partial<Record<PoseModelName, ModelViewStats>>;
  /** The contour method on the exact silhouette: an upper bound no model can beat. */
  readonly rollTrueMask: ErrorSummary | null;
  /** What always answering 0 degrees scores on the same roll stills. */
  readonly rollZeroAnswerMae: number | null;
}

export interface VariantStats {
  readonly variant: string;
  readonly view: ViewName;
  readonly models: Partial<
    Record<
      PoseModelName,
      {
        detectionRate: number;
        keypointErrorMedian: number | null;
        kneeMae: number | null;
        rollHipLineMae: number | null;
      }
    >
  >;
}

export type BandLabel = 'green' | 'amber' | 'red';
export type FaultLabel = 'fault' | 'no-fault';

export interface StillVerdicts {
  /** Rule R1 from the 2D hip line, if the camera were allowed to answer (it is not). */
  readonly r1HipLine: Record<string, Confusion<BandLabel>>;
  /** Rule R4 (leg too high) from the side view, per model. */
  readonly r4Side: Record<string, Confusion<BandLabel>>;
  /** Rule C1 (arching: trunk leaning back beyond set-up) from the side view, per model. */
  readonly c1Side: Record<string, Confusion<FaultLabel>>;
}

/** The primary figure (women_Casual, or the mannequin fallback) in the default room. */
const isMain = (c: StillCase) => (c.figure === 'women_Casual' || c.figure === 'mannequin') && c.lookSeed === 0;
const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : a - b);

interface Lookup {
  readonly byCase: Map<string, StillCase>;
  readonly rec: Map<string, StillRecord>;
  readonly run: StillsRun;
}

type PairsOf = (f: (c: StillCase, r: StillRecord | undefined) => Pair | null) => Pair[];
type BaseOf = (c: StillCase) => { c: StillCase; r: StillRecord | undefined; t: StillTruth } | null;

function pairsOf(lk: Lookup, cases: StillCase[], model: PoseModelName): PairsOf {
  return (f) =>
    cases.flatMap((c) => {
      const p = f(c, lk.rec.get(`${c.id}|${model}`));
      return p ? [p] : [];
    });
}

function baseOf(lk: Lookup, model: PoseModelName): BaseOf {
  return (c) =>
    c.baselineId
      ? {
          c: lk.byCase.get(c.baselineId)!,
          r: lk.rec.get(`${c.baselineId}|${model}`),
          t: lk.run.truths.get(c.baselineId)!,
        }
      : null;
}

function rollStats(lk: Lookup, cases: StillCase[], model: PoseModelName): Partial<Record<RollMethod, ErrorSummary>> {
  const pairs = pairsOf(lk, cases, model);
  const t = (c: StillCase) => lk.run.truths.get(c.id)!;
  const base = baseOf(lk, model);
  const bd = cases.filter((c) => c.family === 'bird-dog' && c.kind !== 'baseline');
  const roll: Partial<Record<RollMethod, ErrorSummary>> = {};
  const rollCases = bd.filter((c) => c.kind === 'roll');
  for (const method of ['hip-line-2d', 'world-3d', 'contour-seg'] as const) {
    if (method === 'world-3d' && model.startsWith('movenet')) continue;
    if (method === 'contour-seg' && (model.startsWith('movenet') || !rollCases.some((c) => c.trueMask))) continue;
    roll[method] = summarize(
      pairs((c, r) => {
        if (c.kind !== 'roll') return null;
        const b = base(c);
        const truth = diff(t(c).rollDeg, b?.t.rollDeg)!;
        if (!r?.roll || !b?.r?.roll) return { truth, measured: null };
        if (method === 'hip-line-2d') return { truth, measured: diff(r.roll.hipLine2d, b.r.roll.hipLine2d) };
        if (method === 'world-3d') return { truth, measured: diff(r.roll.world3d, b.r.roll.world3d) };
        const side = r.roll.supporting;
        return {
          truth,
          measured:
            side && r.roll.contour && b.r.roll.contour ? diff(r.roll.contour[side], b.r.roll.contour[side]) : null,
        };
      }),
    );
  }
  return roll;
}

function kneelStats(
  lk: Lookup,
  cases: StillCase[],
  model: PoseModelName,
): Pick<ModelViewStats, 'frontKnee' | 'backKnee' | 'trunkLean' | 'trunkThighChange'> {
  const { rec, run } = lk;
  const pairs = pairsOf(lk, cases, model);
  const t = (c: StillCase) => run.truths.get(c.id)!;
  const base = baseOf(lk, model);
  const kneel = cases.filter((c) => c.family === 'half-kneel');
  return {
    frontKnee: summarize(
      kneel.map((c) => ({
        truth: t(c).kneel!.frontKneeDeg!,
        measured: rec.get(`${c.id}|${model}`)?.kneel?.frontKneeDeg ?? null,
      })),
    ),
    backKnee: summarize(
      kneel.map((c) => ({
        truth: t(c).kneel!.backKneeDeg!,
        measured: rec.get(`${c.id}|${model}`)?.kneel?.backKneeDeg ?? null,
      })),
    ),
    trunkLean: summarize(
      pairs((c, r) =>
        c.family === 'half-kneel'
          ? { truth: t(c).kneel!.trunkLeanDeg!, measured: r?.kneel?.trunkLeanDeg ?? null }
          : null,
      ),
    ),
    trunkThighChange: summarize(
      pairs((c, r) => {
        if (c.family !== 'half-kneel' || (c.kind !== 'lean' && c.kind !== 'hip-ext')) return null;
        const b = base(c)!;
        return {
          truth: diff(t(c).kneel!.hipExtensionDeg, b.t.kneel!.hipExtensionDeg)!,
          measured: diff(r?.kneel?.hipExtensionDeg, b.r?.kneel?.hipExtensionDeg),
        };
      }),
    ),
  };
}

function birdDogStats(
  lk: Lookup,
  cases: StillCase[],
  model: PoseModelName,
): Pick<ModelViewStats, 'legElevation' | 'trunkSagChange'> {
  const pairs = pairsOf(lk, cases, model);
  const t = (c: StillCase) => lk.run.truths.get(c.id)!;
  const base = baseOf(lk, model);
  return {
    legElevation: summarize(
      pairs((c, r) =>
        c.family === 'bird-dog' && c.kind !== 'baseline'
          ? { truth: t(c).birdDog!.legElevationDeg!, measured: r?.birdDog?.legElevationDeg ?? null }
          : null,
      ),
    ),
    trunkSagChange: summarize(
      pairs((c, r) => {
        if (c.family !== 'bird-dog' || (c.kind !== 'sag' && c.kind !== 'leg-height')) return null;
        const b = base(c)!;
        return {
          truth: diff(b.t.birdDog!.sagRaw, t(c).birdDog!.sagRaw)!,
          measured: diff(b.r?.birdDog?.sagRaw, r?.birdDog?.sagRaw),
        };
      }),
    ),
  };
}

function modelStats(lk: Lookup, cases: StillCase[], model: PoseModelName): ModelViewStats {
  const rs = cases.map((c) => lk.rec.get(`${c.id}|${model}`)).filter((r): r is StillRecord => !!r);
  const kp = rs.flatMap((r) => r.keypointErrors.filter((e): e is number => e !== null));
  return {
    stills: cases.length,
    detectionRate: rs.length ? rs.filter((r) => r.found).length / rs.length : 0,
    keypointErrorMedian: median(kp),
    keypointErrorP90: quantile(kp, 0.9),
    ...kneelStats(lk, cases, model),
    ...birdDogStats(lk, cases, model),
    roll: rollStats(lk, cases, model),
  };
}

function rollTrueMaskOf(run: StillsRun, rollCases: StillCase[]): ErrorSummary | null {
  if (!rollCases.some((c) => c.trueMask)) return null;
  return summarize(
    rollCases.map((c) => {
      const t = run.truths.get(c.id)!;
      const b = run.truths.get(c.baselineId!)!;
      const lifted = c.pose.kind === 'bird-dog' ? c.pose.liftedLeg : 'left';
      const side = lifted === 'left' ? 'right' : 'left';
      return { truth: t.rollDeg! - b.rollDeg!, measured: diff(t.trueContour?.[side], b.trueContour?.[side]) };
    }),
  );
}

function viewStats(lk: Lookup, mainCases: StillCase[]): ViewStats[] {
  const { run } = lk;
  const views: ViewStats[] = [];
  for (const view of [...new Set(mainCases.map((c) => c.view))]) {
    const cases = mainCases.filter((c) => c.view === view);
    const models = [...new Set(cases.flatMap((c) => c.models))];
    const rollCases = cases.filter((c) => c.kind === 'roll');
    const rollPairs: Pair[] = rollCases.map((c) => ({
      truth: run.truths.get(c.id)!.rollDeg! - run.truths.get(c.baselineId!)!.rollDeg!,
      measured: null,
    }));
    const rollTrueMask = rollTrueMaskOf(run, rollCases);
    views.push({
      view,
      models: Object.fromEntries(models.map((m) => [m, modelStats(lk, cases, m)])),
      rollTrueMask,
      rollZeroAnswerMae: constantPredictorMae(rollPairs),
    });
  }
  return views;
}

const variantKey = (c: StillCase) =>
  c.figure !== 'women_Casual' && c.figure !== 'mannequin'
    ? c.figure
    : c.lookSeed
      ? `${c.figure}, room ${c.lookSeed}`
      : `${c.figure} (default room)`;

function variantModels(lk: Lookup, cases: StillCase[]): VariantStats['models'] {
  const models = [...new Set(cases.flatMap((c) => c.models))].filter((m) => m !== 'blazepose-heavy');
  return Object.fromEntries(
    models.map((m) => {
      const s = modelStats(lk, cases, m);
      const knees = [s.frontKnee, s.backKnee].filter((k) => k.mae !== null);
      return [
        m,
        {
          detectionRate: s.detectionRate,
          keypointErrorMedian: s.keypointErrorMedian,
          kneeMae: knees.length
            ? knees.reduce((a, k) => a + k.mae! * k.measuredN, 0) / knees.reduce((a, k) => a + k.measuredN, 0)
            : null,
          rollHipLineMae: s.roll['hip-line-2d']?.mae ?? null,
        },
      ];
    }),
  );
}

function variantStats(lk: Lookup, plan: readonly StillCase[]): VariantStats[] {
  const variants: VariantStats[] = [];
  const poseKey = (c: StillCase) => JSON.stringify(c.pose);
  const others = plan.filter((c) => !isMain(c));
  for (const view of [...new Set(others.map((c) => c.view))]) {
    // The main figure and room contribute the same poses as the variants, for a fair comparison.
    const poses = new Set(others.filter((c) => c.view === view).map(poseKey));
    const inView = plan.filter((c) => c.view === view && poses.has(poseKey(c)));
    for (const key of [...new Set(inView.map(variantKey))]) {
      const cases = inView.filter((c) => variantKey(c) === key);
      variants.push({ variant: key, view, models: variantModels(lk, cases) });
    }
  }
  return variants;
}

export function summarizeStills(
  plan: readonly StillCase[],
  run: StillsRun,
): { views: ViewStats[]; variants: VariantStats[]; verdicts: StillVerdicts } {
  const byCase = new Map(plan.map((c) => [c.id, c]));
  const rec = new Map<string, StillRecord>();
  for (const r of run.records) rec.set(`${r.caseId}|${r.model}`, r);
  const lk: Lookup = { byCase, rec, run };
  const mainCases = plan.filter(isMain);
  const views = viewStats(lk, mainCases);
  const variants = variantStats(lk, plan);
  return { views, variants, verdicts: stillVerdicts(mainCases, run, rec) };
}

function bandOf(v: number, amber: number, red: number, redInclusive: boolean): BandLabel {
  return (redInclusive ? v >= red : v > red) ? 'red' : (redInclusive ? v >= amber : v > amber) ? 'amber' : 'green';
}

const BANDS: BandLabel[] = ['green', 'amber', 'red'];
const FAULTS: FaultLabel[] = ['no-fault', 'fault'];
type RecordOf = (c: StillCase) => StillRecord | undefined;

function r1Verdict(roll: StillCase[], run: StillsRun, get: RecordOf): Confusion<BandLabel> {
  return confusionMatrix(
    BANDS,
    roll.map((c) => {
      const tr = Math.abs(run.truths.get(c.id)!.rollDeg! - run.truths.get(c.baselineId!)!.rollDeg!);
      const a = get(c)?.roll?.hipLine2d;
      const b = get({ ...c, id: c.baselineId! })?.roll?.hipLine2d;
      const ans: Verdict<BandLabel> =
        a == null || b == null
          ? 'not-measurable'
          : bandOf(Math.abs(a - b), BT.R1_ROLL_AMBER_DEG, BT.R1_ROLL_RED_DEG, true);
      return { truth: bandOf(tr, BT.R1_ROLL_AMBER_DEG, BT.R1_ROLL_RED_DEG, true), answer: ans };
    }),
  );
}

function r4Verdict(legs: StillCase[], run: StillsRun, get: RecordOf): Confusion<BandLabel> {
  return confusionMatrix(
    BANDS,
    legs.map((c) => {
      const v = get(c)?.birdDog?.legElevationDeg;
      return {
        truth: bandOf(run.truths.get(c.id)!.birdDog!.legElevationDeg!, BT.R4_AMBER_DEG, BT.R4_RED_DEG, false),
        answer: v == null ? 'not-measurable' : bandOf(v, BT.R4_AMBER_DEG, BT.R4_RED_DEG, false),
      };
    }),
  );
}

function c1Verdict(leans: StillCase[], run: StillsRun, get: RecordOf): Confusion<FaultLabel> {
  return confusionMatrix(
    FAULTS,
    leans.map((c) => {
      const tr = run.truths.get(c.id)!.kneel!.trunkLeanDeg! - run.truths.get(c.baselineId!)!.kneel!.trunkLeanDeg!;
      const mv = get(c)?.kneel?.trunkLeanDeg;
      const mb = get({ ...c, id: c.baselineId! })?.kneel?.trunkLeanDeg;
      const ans: Verdict<FaultLabel> =
        mv == null || mb == null ? 'not-measurable' : mv - mb > ST.C1_LEAN_BACK_DEG && mv > 0 ? 'fault' : 'no-fault';
      return { truth: tr > ST.C1_LEAN_BACK_DEG ? 'fault' : 'no-fault', answer: ans };
    }),
  );
}

function stillVerdicts(cases: StillCase[], run: StillsRun, rec: Map<string, StillRecord>): StillVerdicts {
  const r1HipLine: Record<string, Confusion<BandLabel>> = {};
  const r4Side: Record<string, Confusion<BandLabel>> = {};
  const c1Side: Record<string, Confusion<FaultLabel>> = {};
  const models = [...new Set(cases.flatMap((c) => c.models))];
  for (const m of models) {
    const get = (c: StillCase) => rec.get(`${c.id}|${m}`);
    for (const view of ['rear', 'side-left'] as const) {
      const roll = cases.filter((c) => c.view === view && c.kind === 'roll');
      if (roll.length) r1HipLine[`${m} ${view}`] = r1Verdict(roll, run, get);
    }
    const legs = cases.filter(
      (c) => c.view === 'side-left' && c.family === 'bird-dog' && (c.kind === 'leg-height' || c.kind === 'roll'),
    );
    if (legs.length) r4Side[m] = r4Verdict(legs, run, get);
    const leans = cases.filter((c) => c.view === 'side-left' && c.family === 'half-kneel' && c.kind === 'lean');
    if (leans.length) c1Side[m] = c1Verdict(leans, run, get);
  }
  return { r1HipLine, r4Side, c1Side };
}
