// Rep finding by camera view, camera only: does analyzeBirdDog find the rendered clip's reps and
// the leg each one lifted, from the pose alone and with the picture's change (motion frames, which
// time the reps when the camera films end-on)? Pure scoring and summary; run-clips.ts feeds it.

import type { BirdDogRep } from '@steadyback/core';
import type { PoseModelName } from '@steadyback/pose';
import type { Side } from '../render/pose-spec.ts';
import type { ViewName } from '../render/views.ts';

/** What a rep needs for matching: its time span and (for the truth) the lifted leg. */
export interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * One-to-one matching of truth reps to found reps by time overlap: each truth rep, in order, takes
 * the not yet used found rep that overlaps it most. Returns the found index per truth rep (null: none).
 */
export function matchByOverlap(truth: readonly Span[], found: readonly Span[]): Array<number | null> {
  const used = new Set<number>();
  return truth.map((t) => {
    let best = -1,
      bestOverlap = 0;
    found.forEach((r, i) => {
      const overlap = Math.min(r.endMs, t.endMs) - Math.max(r.startMs, t.startMs);
      if (overlap > bestOverlap && !used.has(i)) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best < 0) return null;
    used.add(best);
    return best;
  });
}

export type RepFindingConfig = 'pose-only' | 'with-motion';
export type FoundBy = BirdDogRep['foundBy'];

/** How one analysis of one clip did. */
export interface RepFindingScore {
  readonly truthReps: number;
  readonly found: number;
  /** Truth reps with an overlapping found rep (one to one). */
  readonly matched: number;
  /** Matched reps whose found leg is the truth's lifted leg. */
  readonly legsRight: number;
  /** Found reps that match no truth rep. */
  readonly spurious: number;
  readonly foundBy: Partial<Record<FoundBy, number>>;
  /** Per matched rep with a known hold: the found hold's length minus the true hold's, ms. */
  readonly holdErrorsMs: number[];
  /** The analyser's view ('no person' when no frame had one and the analyser could not run). */
  readonly detectedView: string;
}

export type Recording = 'rendered' | 'phone' | 'phone-people' | 'phone-creep' | 'phone-home';

export interface RepFindingItem extends RepFindingScore {
  readonly clipId: string;
  readonly view: ViewName;
  /**
   * The rendered clip as it is, or made to look like a phone's own recording (standing before and
   * after, wobble, exposure, noise, compression); 'phone-people': the same, of other figures and rooms;
   * 'phone-creep': of someone who creeps between reps; 'phone-home': of someone filmed at home, from
   * the phone to the mat and back (the clip's `atHome`).
   */
  readonly recording: Recording;
  readonly model: PoseModelName;
  readonly config: RepFindingConfig;
  readonly frames: number;
  readonly framesWithPerson: number;
}

export function scoreRepFinding(
  truth: ReadonlyArray<Span & { readonly side: Side; readonly holdStartMs?: number; readonly holdEndMs?: number }>,
  found: ReadonlyArray<Pick<BirdDogRep, 'startMs' | 'endMs' | 'leg' | 'foundBy'> & { readonly holdMs?: number }>,
  detectedView: string,
): RepFindingScore {
  const match = matchByOverlap(truth, found);
  let matched = 0,
    legsRight = 0;
  const holdErrorsMs: number[] = [];
  match.forEach((m, i) => {
    if (m === null) return;
    matched += 1;
    const t = truth[i]!,
      r = found[m]!;
    if (r.leg === t.side) legsRight += 1;
    if (t.holdStartMs !== undefined && t.holdEndMs !== undefined && r.holdMs !== undefined)
      holdErrorsMs.push(r.holdMs - (t.holdEndMs - t.holdStartMs));
  });
  const foundBy: Partial<Record<FoundBy, number>> = {};
  for (const r of found) foundBy[r.foundBy] = (foundBy[r.foundBy] ?? 0) + 1;
  return {
    truthReps: truth.length,
    found: found.length,
    matched,
    legsRight,
    spurious: found.length - matched,
    foundBy,
    holdErrorsMs,
    detectedView,
  };
}

export interface RepFindingCounts {
  readonly found: number;
  readonly matched: number;
  readonly legsRight: number;
  readonly spurious: number;
  readonly foundBy: Partial<Record<FoundBy, number>>;
  /** The clips' hold errors (`RepFindingScore.holdErrorsMs`), together. */
  readonly holdErrorsMs: number[];
  /** The analyser's views over the clips, distinct, in clip order. */
  readonly detectedViews: string[];
}

/** One row of the table: a camera view and a model, summed over that view's clips. */
export interface RepFindingRow {
  readonly view: ViewName;
  readonly recording: RepFindingItem['recording'];
  readonly model: PoseModelName;
  readonly clips: number;
  readonly truthReps: number;
  /** Share of the clips' frames in which the model found a person (0..1). */
  readonly personShare: number | null;
  readonly poseOnly: RepFindingCounts;
  readonly withMotion: RepFindingCounts;
}

/** Row order: the side view first, then around the body toward the head end. */
export const REP_FINDING_VIEW_ORDER: readonly ViewName[] = [
  'side-left',
  'side-right',
  'rear-oblique-45',
  'rear',
  'rear-raised',
  'front',
  'front-raised',
  'high-corner',
];
const RECORDING_ORDER: readonly Recording[] = ['rendered', 'phone', 'phone-people', 'phone-creep', 'phone-home'];
const MODEL_ORDER: readonly PoseModelName[] = [
  'blazepose-lite',
  'blazepose-full',
  'blazepose-heavy',
  'movenet-lightning',
  'movenet-thunder',
];

function counts(items: readonly RepFindingItem[]): RepFindingCounts {
  const foundBy: Partial<Record<FoundBy, number>> = {};
  for (const it of items)
    for (const [k, n] of Object.entries(it.foundBy) as Array<[FoundBy, number]>) foundBy[k] = (foundBy[k] ?? 0) + n;
  const sum = (pick: (it: RepFindingItem) => number) => items.reduce((n, it) => n + pick(it), 0);
  return {
    found: sum((it) => it.found),
    matched: sum((it) => it.matched),
    legsRight: sum((it) => it.legsRight),
    spurious: sum((it) => it.spurious),
    foundBy,
    holdErrorsMs: items.flatMap((it) => it.holdErrorsMs),
    detectedViews: [...new Set(items.map((it) => it.detectedView))],
  };
}

export function summarizeRepFinding(items: readonly RepFindingItem[]): RepFindingRow[] {
  const rank = <T>(order: readonly T[], v: T) => (order.includes(v) ? order.indexOf(v) : order.length);
  const keys = [
    ...new Map(
      items.map((it) => [
        `${it.recording}|${it.view}|${it.model}`,
        { recording: it.recording, view: it.view, model: it.model },
      ]),
    ).values(),
  ].sort(
    (a, b) =>
      rank(RECORDING_ORDER, a.recording) - rank(RECORDING_ORDER, b.recording) ||
      rank(REP_FINDING_VIEW_ORDER, a.view) - rank(REP_FINDING_VIEW_ORDER, b.view) ||
      rank(MODEL_ORDER, a.model) - rank(MODEL_ORDER, b.model),
  );
  return keys.map(({ recording, view, model }) => {
    const mine = items.filter((it) => it.recording === recording && it.view === view && it.model === model);
    const pose = mine.filter((it) => it.config === 'pose-only');
    const motion = mine.filter((it) => it.config === 'with-motion');
    // Frames and truth come from the clips; both configurations saw the same ones.
    const frames = pose.reduce((n, it) => n + it.frames, 0);
    return {
      view,
      recording,
      model,
      clips: new Set(mine.map((it) => it.clipId)).size,
      truthReps: pose.reduce((n, it) => n + it.truthReps, 0),
      personShare: frames ? pose.reduce((n, it) => n + it.framesWithPerson, 0) / frames : null,
      poseOnly: counts(pose),
      withMotion: counts(motion),
    };
  });
}
