// The bird-dog phase state machine: settled -> reach -> hold -> return -> settled, one rep per
// cycle. It sees one sample at a time and uses past samples only, so the live app and recorded
// analysis share it (recorded analysis feeds it zero-phase-smoothed signals).

import { BIRD_DOG_PHASES } from './thresholds.ts';

export type Limb = 'leftLeg' | 'rightLeg' | 'leftArm' | 'rightArm';
export const LIMBS: readonly Limb[] = ['leftLeg', 'rightLeg', 'leftArm', 'rightArm'];

/** Rise of each limb (image rise over baseline thigh length); null where it cannot be seen. */
export type LimbRise = Readonly<Record<Limb, number | null>>;

export type BirdDogPhase = 'settled' | 'reach' | 'hold' | 'return';

export interface TrackedRep {
  readonly startMs: number;
  readonly holdStartMs: number;
  readonly holdEndMs: number;
  readonly endMs: number;
  /** Peak rise of each limb during the rep. */
  readonly peakRise: Readonly<Record<Limb, number>>;
}

export type PhaseEvent =
  | { readonly type: 'rep-start'; readonly tMs: number }
  | { readonly type: 'hold-start'; readonly tMs: number }
  | { readonly type: 'hold-end'; readonly tMs: number }
  | { readonly type: 'rep-end'; readonly tMs: number; readonly rep: TrackedRep }
  | { readonly type: 'rep-abandoned'; readonly tMs: number };

const ZERO_PEAKS = (): Record<Limb, number> => ({ leftLeg: 0, rightLeg: 0, leftArm: 0, rightArm: 0 });

export class BirdDogPhaseTracker {
  private phase: BirdDogPhase = 'settled';
  private startMs = 0;
  private peak = 0;
  private lastQuietMs: number | null = null;
  private holdStartMs: number | null = null;
  private holdPeak = 0;
  private lastNearPeakMs = 0;
  private holdEndMs: number | null = null;
  private limbPeaks = ZERO_PEAKS();
  /** Whether the first sample was already lifted: the rep it starts was under way before the reading began. */
  private underWay = false;
  /** Recent (tMs, activity) samples, for the plateau test. */
  private recent: Array<{ tMs: number; a: number }> = [];

  constructor(private readonly cfg: typeof BIRD_DOG_PHASES = BIRD_DOG_PHASES) {}

  get current(): BirdDogPhase {
    return this.phase;
  }

  reset(): void {
    this.phase = 'settled';
    this.underWay = false;
    this.recent = [];
    this.lastQuietMs = null;
    this.holdStartMs = null;
    this.holdEndMs = null;
  }

  push(tMs: number, rise: LimbRise): PhaseEvent[] {
    const activity = Math.max(...LIMBS.map((l) => rise[l] ?? 0));
    // `recent` is empty only before the first sample (it always keeps the latest ones).
    if (this.recent.length === 0) this.underWay = activity >= this.cfg.LIMB_LIFTED_RISE;
    this.recent.push({ tMs, a: activity });
    while (this.recent.length > 2 && this.recent[1]!.tMs <= tMs - this.cfg.HOLD_SETTLE_MS) this.recent.shift();
    const events: PhaseEvent[] = [];
    switch (this.phase) {
      case 'settled':
        this.settledStep(tMs, activity, events);
        break;
      case 'reach':
        this.reachStep(tMs, activity, events);
        break;
      case 'hold':
        this.holdStep(tMs, activity, events);
        break;
      case 'return':
        if (activity < this.cfg.QUIET_RISE) {
          events.push(...this.close(tMs));
          this.lastQuietMs = tMs;
        }
        break;
    }
    if (this.phase !== 'settled') {
      for (const l of LIMBS) this.limbPeaks[l] = Math.max(this.limbPeaks[l], rise[l] ?? 0);
    }
    return events;
  }

  private settledStep(tMs: number, activity: number, events: PhaseEvent[]): void {
    if (activity < this.cfg.QUIET_RISE) this.lastQuietMs = tMs;
    if (activity < this.cfg.START_RISE) return;
    this.phase = 'reach';
    this.startMs = this.lastQuietMs ?? tMs;
    this.peak = activity;
    this.holdStartMs = null;
    this.holdEndMs = null;
    this.limbPeaks = ZERO_PEAKS();
    events.push({ type: 'rep-start', tMs: this.startMs });
  }

  private reachStep(tMs: number, activity: number, events: PhaseEvent[]): void {
    this.peak = Math.max(this.peak, activity);
    const oldest = this.recent[0]!;
    const settledLongEnough = tMs - oldest.tMs >= this.cfg.HOLD_SETTLE_MS * 0.9;
    const growth = activity - oldest.a;
    if (settledLongEnough && activity >= this.cfg.LIMB_LIFTED_RISE && growth < this.peak * this.cfg.HOLD_BAND_SHARE) {
      this.phase = 'hold';
      // The plateau began at the oldest sample of the window that shows it.
      this.holdStartMs = oldest.tMs;
      this.holdPeak = this.peak;
      this.lastNearPeakMs = tMs;
      events.push({ type: 'hold-start', tMs: this.holdStartMs });
    } else if (activity < this.cfg.START_RISE) {
      events.push(...this.close(tMs));
    } else if (this.peak >= this.cfg.LIMB_LIFTED_RISE && activity < this.peak * this.cfg.RETURN_SHARE) {
      // Up and straight back down with no steady hold: a zero-length hold at the peak.
      this.holdStartMs = tMs;
      this.holdEndMs = tMs;
      this.phase = 'return';
      events.push({ type: 'hold-start', tMs }, { type: 'hold-end', tMs });
    }
  }

  private holdStep(tMs: number, activity: number, events: PhaseEvent[]): void {
    this.holdPeak = Math.max(this.holdPeak, activity);
    if (activity >= this.holdPeak * (1 - this.cfg.HOLD_END_SHARE)) this.lastNearPeakMs = tMs;
    if (activity < this.holdPeak * this.cfg.RETURN_SHARE) {
      this.phase = 'return';
      this.holdEndMs = this.lastNearPeakMs;
      events.push({ type: 'hold-end', tMs: this.holdEndMs });
    }
  }

  /** Ends an open rep at the end of the recording. */
  finish(tMs: number): PhaseEvent[] {
    return this.phase === 'settled' ? [] : this.close(tMs);
  }

  /**
   * A rep already lifted at the first sample began before the reading did (getting down, slower than
   * the exercise span allows for; or a rep cut off): it has no settled start and is not counted. A
   * first sample only a little off rest still starts a rep (a settle off the rest posture, after
   * creeping).
   */
  private close(endMs: number): PhaseEvent[] {
    const underWay = this.underWay;
    this.underWay = false;
    const wasLifted = this.holdStartMs !== null && !underWay;
    const rep: TrackedRep = {
      startMs: this.startMs,
      holdStartMs: this.holdStartMs ?? endMs,
      holdEndMs: this.holdEndMs ?? endMs,
      endMs,
      peakRise: { ...this.limbPeaks },
    };
    this.phase = 'settled';
    if (!wasLifted || endMs - this.startMs < this.cfg.MIN_REP_MS) return [{ type: 'rep-abandoned', tMs: endMs }];
    return [{ type: 'rep-end', tMs: endMs, rep }];
  }
}
