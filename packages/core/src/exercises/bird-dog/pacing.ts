// The spoken pacing of a bird-dog set for the phone-on-the-back mode: settle, a guided rock (so
// the phone's turn on the back can be estimated), then alternating reps of reach, hold (counted
// out loud) and return. The app plays it with its own clock; the cues it records with the phone's
// samples are what `analyzeBirdDog` uses to find the reps without a camera. Timings match the
// sensor generator's defaults (core/sensor/pelvis-generator.ts), holds are at most 10 s (rule set B).

import type { PacingCue } from '../../sensor/sensor-series.ts';
import type { BodySide } from './result.ts';

export interface PacingSegment {
  readonly cue: PacingCue;
  readonly startMs: number;
  readonly endMs: number;
  /** The lifted leg in this rep (reach, hold and return segments). */
  readonly leg: BodySide | null;
  /** 0-based rep number, or null outside reps. */
  readonly rep: number | null;
  /** What the app says (and shows as a caption) when the segment starts. */
  readonly say: string;
}

export interface PacingOptions {
  readonly repsPerSide?: number;
  readonly holdMs?: number;
  readonly settleMs?: number;
  readonly rockMs?: number;
  readonly repSettleMs?: number;
  readonly reachMs?: number;
  readonly returnMs?: number;
  readonly endSettleMs?: number;
}

export const PACING_MAX_HOLD_MS = 10_000;

const OTHER: Record<BodySide, BodySide> = { left: 'right', right: 'left' };

export function birdDogPacing(o: PacingOptions = {}): PacingSegment[] {
  const holdMs = o.holdMs ?? 5000;
  const reps = o.repsPerSide ?? 3;
  if (!Number.isInteger(reps) || reps < 1 || reps > 10)
    throw new Error(`repsPerSide must be a whole number from 1 to 10, got ${reps}.`);
  if (!(holdMs >= 1000 && holdMs <= PACING_MAX_HOLD_MS))
    throw new Error(`holdMs must be 1000-${PACING_MAX_HOLD_MS} (holds of at most 10 s), got ${holdMs}.`);
  const out: PacingSegment[] = [];
  let t = 0;
  const add = (cue: PacingCue, durMs: number, say: string, leg: BodySide | null = null, rep: number | null = null) => {
    if (durMs <= 0) return;
    out.push({ cue, startMs: t, endMs: t + durMs, leg, rep, say });
    t += durMs;
  };
  add(
    'settle',
    o.settleMs ?? 3000,
    'Settle on all fours: hands under your shoulders, knees under your hips. Keep still.',
  );
  add(
    'calibrate:rock',
    o.rockMs ?? 4000,
    'Now gently tip your hips forward and back, a few times, like a slow rocking chair.',
  );
  for (let r = 0; r < 2 * reps; r++) {
    const leg: BodySide = r % 2 === 0 ? 'left' : 'right';
    add('settle', o.repSettleMs ?? 1500, 'Settle. Keep still.', null, r);
    add(
      leg === 'left' ? 'reach:left-leg' : 'reach:right-leg',
      o.reachMs ?? 2000,
      `Reach your ${OTHER[leg]} arm forward and your ${leg} leg back.`,
      leg,
      r,
    );
    add(
      'hold',
      holdMs,
      `Hold, ${Array.from({ length: Math.round(holdMs / 1000) - 1 }, (_, i) => i + 2).join(', ')}.`,
      leg,
      r,
    );
    add('return', o.returnMs ?? 2000, 'And back, slowly.', leg, r);
  }
  add('settle', o.endSettleMs ?? 1000, 'Well done. Rest.');
  return out;
}

/** The segment playing at tMs (the last one after the end), and whether the set is over. */
export function pacingAt(
  segments: readonly PacingSegment[],
  tMs: number,
): { segment: PacingSegment; index: number; done: boolean } {
  if (segments.length === 0) throw new Error('pacingAt needs a pacing schedule with at least one segment.');
  const index = segments.findIndex((s) => tMs < s.endMs);
  if (index === -1) return { segment: segments[segments.length - 1]!, index: segments.length - 1, done: true };
  return { segment: segments[index]!, index, done: false };
}
