// One cue at a time: of the cues that apply now, the most important one is spoken, no more often
// than the cooldown allows, and the same cue is not repeated too soon. Time is an input.

export interface CueSchedulerOptions<K extends string> {
  /** Most important first. */
  readonly priority: readonly K[];
  readonly cooldownMs: number;
  readonly repeatMs: number;
}

export interface ScheduledCue<K extends string> {
  readonly tMs: number;
  readonly key: K;
}

export class CueScheduler<K extends string> {
  private lastAnyMs = -Infinity;
  private lastByKey = new Map<K, number>();

  constructor(private readonly opts: CueSchedulerOptions<K>) {}

  /** Offer the cues that apply at tMs; returns the one to say now, or null. */
  offer(tMs: number, active: ReadonlySet<K> | readonly K[]): ScheduledCue<K> | null {
    const set = active instanceof Set ? active : new Set(active as readonly K[]);
    if (set.size === 0 || tMs - this.lastAnyMs < this.opts.cooldownMs) return null;
    for (const key of this.opts.priority) {
      if (!set.has(key)) continue;
      if (tMs - (this.lastByKey.get(key) ?? -Infinity) < this.opts.repeatMs) continue;
      this.lastAnyMs = tMs;
      this.lastByKey.set(key, tMs);
      return { tMs, key };
    }
    return null;
  }

  reset(): void {
    this.lastAnyMs = -Infinity;
    this.lastByKey.clear();
  }
}
