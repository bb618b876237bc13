// The shape every bird-dog rule group has: one rep and what the sources saw of it in, the metrics
// it can measure out. measure-rep.ts runs the groups over the defaults in not-measurable.ts.

import type { CameraViewKind } from '../../../camera/view.ts';
import { landmarkIndex, type LandmarkName } from '../../../pose/landmarks.ts';
import type { FrameResult } from '../../../pose/pose-frame.ts';
import { isLandmarkVisible } from '../../../pose/visibility.ts';
import type { TrackedForRules } from '../camera-reading.ts';
import type { CameraSignals } from '../camera-signals.ts';
import type { BirdDogInput, PelvisInput } from '../input.ts';
import type { BodySide, Metric, RuleId, Source } from '../result.ts';

export interface RepContext {
  readonly frames: readonly FrameResult[];
  readonly cam: CameraSignals | null;
  /** The picture's change scaled to a full reach = 1, when it timed the reps. */
  readonly motion: { readonly tMs: readonly number[]; readonly rise: readonly number[] } | null;
  readonly pelvis: PelvisInput | undefined;
  readonly sideView: boolean;
  readonly view: CameraViewKind | 'none';
  readonly pain: BirdDogInput['pain'];
}

export interface RuleInput {
  readonly rep: TrackedForRules;
  readonly ctx: RepContext;
  /** The side named by the leg (taken opposite the arm when only an arm moved). */
  readonly leg: BodySide;
  /** The leg seen lifted; null when no leg was. */
  readonly liftedLeg: BodySide | null;
}

/** One rule group: the metrics it measured on this rep; the rules it leaves out keep their defaults. */
export type RuleCheck = (input: RuleInput) => Partial<Record<RuleId, Metric>>;

export const OTHER: Record<BodySide, BodySide> = { left: 'right', right: 'left' };

export const nm = (reason: string, source: Source | null = null, unit = ''): Metric => ({
  value: null,
  unit,
  band: 'not-measurable',
  source,
  reason,
});

export function indicesIn(tMs: readonly number[], fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < tMs.length; i++) if (tMs[i]! >= fromMs && tMs[i]! < toMs) out.push(i);
  return out;
}

/** Seen (above the visibility floor) and inside the picture: models guess off-frame limbs confidently. */
export function visibleInFrame(f: FrameResult, name: LandmarkName): boolean {
  const lm = f.landmarks?.[landmarkIndex(name)];
  return isLandmarkVisible(lm) && lm.xNorm >= 0 && lm.xNorm <= 1 && lm.yNorm >= 0 && lm.yNorm <= 1;
}

export const round1 = (v: number) => Math.round(v * 10) / 10;
export const round3 = (v: number) => Math.round(v * 1000) / 1000;
