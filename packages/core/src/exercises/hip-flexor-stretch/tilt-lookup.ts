// Looking up the phone in the waistband by time: the samples in a window, and the one nearest a moment.

import type { WaistbandInput } from './input.ts';

export interface TiltLookup {
  /** The tilt samples from `fromMs` to `toMs`, both included. */
  between(fromMs: number, toMs: number): number[];
  /** The tilt within 250 ms of `t`, or null. */
  at(t: number): number | null;
}

export function tiltLookup(tilt: WaistbandInput['samples']): TiltLookup {
  const firstAtOrAfter = (t: number): number => {
    let lo = 0,
      hi = tilt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tilt[mid]!.tMs < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    between(fromMs, toMs) {
      const out: number[] = [];
      for (let k = firstAtOrAfter(fromMs); k < tilt.length && tilt[k]!.tMs <= toMs; k++) out.push(tilt[k]!.tiltDeg);
      return out;
    },
    at(t) {
      if (tilt.length === 0) return null;
      let lo = 0,
        hi = tilt.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tilt[mid]!.tMs < t) lo = mid + 1;
        else hi = mid;
      }
      const s = tilt[lo]!;
      return Math.abs(s.tMs - t) <= 250 ? s.tiltDeg : null;
    },
  };
}
