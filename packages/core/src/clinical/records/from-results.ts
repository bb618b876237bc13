// Turning the analysers' full results into the compact records the app stores and exports:
// per-side verdicts and rolls, per-rep numbers, the worst rep's skeleton as a snapshot of
// landmark numbers (never pixels), and the stretch holds.

import type { BirdDogResult, BodySide } from '../../exercises/bird-dog/result.ts';
import type { StretchHold } from '../../exercises/hip-flexor-stretch/result.ts';
import type { FrameResult } from '../../pose/pose-frame.ts';
import { hasPerson } from '../../pose/pose-frame.ts';
import type { BirdDogSideRecord, BirdDogTestRecord, SkeletonSnapshot, StretchHoldRecord } from './schema.ts';

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** The frame nearest to tMs as a stored snapshot, or null when no frame with a person is within 500 ms. */
export function snapshotAt(frames: readonly FrameResult[], tMs: number): SkeletonSnapshot | null {
  let best: FrameResult | null = null;
  for (const f of frames) {
    if (!hasPerson(f)) continue;
    if (best === null || Math.abs(f.tMs - tMs) < Math.abs(best.tMs - tMs)) best = f;
  }
  if (best === null || !hasPerson(best) || Math.abs(best.tMs - tMs) > 500) return null;
  return {
    tMs: best.tMs,
    aspect: best.imageWidthPx / best.imageHeightPx,
    points: Array.from({ length: 33 }, (_, i) => {
      const p = best.landmarks[i];
      return p ? ([round(p.xNorm, 3), round(p.yNorm, 3), round(p.visibility, 2)] as [number, number, number]) : null;
    }),
  };
}

export function birdDogTestRecord(
  result: BirdDogResult,
  meta: { id: string; dateIso: string; status?: BirdDogTestRecord['status']; frames?: readonly FrameResult[] },
): BirdDogTestRecord {
  const side = (s: BodySide): BirdDogSideRecord => {
    const reps = result.reps.filter((r) => r.leg === s);
    const rolls = reps.map((r) => r.metrics.R1.value).filter((v): v is number => v !== null);
    // Evidence: the rep with the largest roll, else the first rep the camera saw.
    const worst = [...reps].sort((a, b) => Math.abs(b.metrics.R1.value ?? 0) - Math.abs(a.metrics.R1.value ?? 0))[0];
    const atMs = worst
      ? (worst.metrics.R1.atMs ?? worst.metrics.R4.atMs ?? (worst.holdStartMs + worst.holdEndMs) / 2)
      : null;
    const v = result.sides[s];
    return {
      verdict: v.verdict,
      reason: v.reason,
      reps: v.reps,
      unstableReps: v.unstableReps,
      meanRollDeg: v.meanRollDeg === null ? null : round(v.meanRollDeg, 2),
      maxRollDeg: rolls.length > 0 ? round(Math.max(...rolls.map(Math.abs)), 2) : null,
      worstFrame: atMs !== null && meta.frames ? snapshotAt(meta.frames, atMs) : null,
    };
  };
  return {
    id: meta.id,
    dateIso: meta.dateIso,
    status: meta.status ?? 'complete',
    sources: { ...result.sources },
    view: result.view,
    overall: {
      verdict: result.overall.verdict,
      asymmetry: result.overall.asymmetry,
      symptomProvoking: result.overall.symptomProvoking,
      summary: result.overall.summary,
    },
    sides: { left: side('left'), right: side('right') },
    reps: result.reps.map((r) => ({
      index: r.index,
      leg: r.leg,
      pattern: r.pattern,
      classification: r.classification,
      holdMs: Math.round(r.holdMs),
      rollDeg: r.metrics.R1.value === null ? null : round(r.metrics.R1.value, 2),
      pitchDeg: r.metrics.R4s.value === null ? null : round(r.metrics.R4s.value, 2),
      legElevationDeg: r.metrics.R4.value === null ? null : round(r.metrics.R4.value, 1),
      trunkSag: r.metrics.R5.value === null ? null : round(r.metrics.R5.value, 3),
      rollSource: r.metrics.R1.source,
    })),
    explanation: [...result.explanation],
    notMeasurable: Object.entries(result.measurable)
      .filter(([, m]) => m.source === null)
      .map(([rule, m]) => ({ rule, reason: m.reason ?? 'No source could measure this.' })),
  };
}

/** A stretch hold as stored, before the person has rated it. */
export function stretchHoldRecord(hold: StretchHold): StretchHoldRecord {
  return {
    side: hold.kneelingSide,
    startMs: Math.round(hold.startMs),
    endMs: Math.round(hold.endMs),
    goodFormMs: Math.round(hold.goodFormMs),
    faults: hold.faults.map((f) => ({ rule: f.rule, atMs: Math.round(f.atMs), source: f.source })),
    depthDeg: hold.peakDeltaHipExtensionDeg === null ? null : round(hold.peakDeltaHipExtensionDeg, 1),
    intensity: null,
    pain: null,
    feltAt: null,
    action: null,
  };
}
