// The bird-dog with the camera at the side, and the phone on the back when one is paired: the
// pieces without React. The laptop's clock is the test's time base: the camera's frames are timed
// by it, and the phone's samples are put on it with the round-trip clock, then labelled with the
// pacing cue that was playing. The result is core's one bird-dog analysis of both sources.

import {
  analyzeBirdDog,
  pacingAt,
  pelvisInputFromSamples,
  type BirdDogRep,
  type BirdDogResult,
  type FrameResult,
  type PacingSegment,
  type SensorSample,
} from '@steadyback/core';

/** A phone sample on the laptop's clock. */
export interface PhoneReadingOnScreen {
  readonly screenMs: number;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

/** Fewer samples than this (a fifth of a second) is no phone at all. */
export const MIN_PHONE_SAMPLES = 10;

/** The phone's samples from the set's start (laptop time t0) to its end, on the set's clock and labelled with the cue playing. */
export function samplesForSet(
  phone: readonly PhoneReadingOnScreen[],
  t0: number,
  segments: readonly PacingSegment[],
): SensorSample[] {
  const endMs = segments.at(-1)?.endMs ?? 0;
  const out: SensorSample[] = [];
  for (const p of phone) {
    const tMs = p.screenMs - t0;
    if (tMs < 0 || tMs >= endMs) continue;
    const { segment } = pacingAt(segments, tMs);
    out.push({ tMs, alphaDeg: p.alpha, betaDeg: p.beta, gammaDeg: p.gamma, cue: segment.cue });
  }
  return out.sort((a, b) => a.tMs - b.tMs);
}

export type SetOutcome = { ok: true; result: BirdDogResult } | { ok: false; reason: string };

/**
 * Core's bird-dog analysis of the set: the camera's frames and, with enough samples, the phone.
 * The whole set is at hand, so both are read as recordings (smoothed with look-ahead).
 */
export function analyseSet(frames: readonly FrameResult[], samples: readonly SensorSample[]): SetOutcome {
  const seen = frames.some((f) => f.landmarks !== null);
  let pelvis = undefined;
  if (samples.length >= MIN_PHONE_SAMPLES) {
    const p = pelvisInputFromSamples(samples, 'recorded');
    if (!p.ok && !seen) return p;
    if (p.ok) pelvis = p.pelvis;
  }
  if (!seen && !pelvis)
    return {
      ok: false,
      reason:
        'The camera did not see you during the test, so nothing could be measured. Stand the laptop side-on to your mat, 2 to 3 metres away, so that it sees you from head to feet, and try again.',
    };
  try {
    return { ok: true, result: analyzeBirdDog({ frames, ...(pelvis ? { pelvis } : {}), recorded: true }) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : 'The test could not be analysed.' };
  }
}

/** What the camera saw on the last rep found, for the live words after each rep. */
export function lastRepFromCamera(result: BirdDogResult): string | null {
  const rep: BirdDogRep | undefined = result.reps.at(-1);
  if (!rep) return null;
  const leg = rep.metrics.R4;
  const sag = rep.metrics.R5;
  const parts: string[] = [];
  if (leg.value !== null) {
    const where = `${Math.abs(leg.value).toFixed(0)} degrees ${leg.value >= 0 ? 'above' : 'below'} level`;
    parts.push(`your ${rep.leg} leg was ${where}${leg.band === 'green' ? '' : ': reach long, not high'}`);
  }
  if (sag.value !== null)
    parts.push(sag.band === 'green' ? 'your back stayed flat' : 'your back sagged: lift your belly a little');
  return parts.length > 0 ? `Last rep: ${parts.join(', ')}.` : null;
}
