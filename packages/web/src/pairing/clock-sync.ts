// The shared time base of the two devices. The screen asks the phone for its time (ping, pong) and
// notes when the answer came back: the phone's clock minus the screen's is then about
// tPhone - (t0 + t2) / 2, wrong by at most half the round trip. The round trips with the least
// delay give the best estimate, so the offset is taken from the quickest of the recent ones.

export interface RoundTrip {
  /** Screen time the ping left. */
  readonly t0: number;
  /** Phone time the phone answered. */
  readonly tPhone: number;
  /** Screen time the answer arrived. */
  readonly t2: number;
}

/** Round trips kept; at one a second this is the last half minute, long enough to ride out a slow patch. */
export const KEPT_ROUND_TRIPS = 30;

export class ClockSync {
  private readonly trips: RoundTrip[] = [];

  add(trip: RoundTrip): void {
    if (!(trip.t2 >= trip.t0) || !Number.isFinite(trip.tPhone)) return;
    this.trips.push(trip);
    if (this.trips.length > KEPT_ROUND_TRIPS) this.trips.shift();
  }

  get count(): number {
    return this.trips.length;
  }

  private best(): RoundTrip | null {
    let best: RoundTrip | null = null;
    for (const t of this.trips) if (!best || t.t2 - t.t0 < best.t2 - best.t0) best = t;
    return best;
  }

  /** The phone's clock minus the screen's, in ms; null before the first round trip. */
  get offsetMs(): number | null {
    const b = this.best();
    return b ? b.tPhone - (b.t0 + b.t2) / 2 : null;
  }

  /** At most this far off: half the quickest round trip. */
  get uncertaintyMs(): number | null {
    const b = this.best();
    return b ? (b.t2 - b.t0) / 2 : null;
  }

  /** A phone time on the screen's clock; null before the first round trip. */
  toScreenMs(tPhone: number): number | null {
    const offset = this.offsetMs;
    return offset === null ? null : tPhone - offset;
  }
}
