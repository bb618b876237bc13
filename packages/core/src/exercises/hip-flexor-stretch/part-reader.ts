// One part of a stretch recording, frame by frame: searching for a set-up (F1-F4), then holding,
// with the faults of each frame, one cue at a time and the good-form timer. Set-ups, holds, cues and
// events go into the shared StretchOutput.

import { viewLabel } from '../../camera/view.ts';
import { median } from '../../signal/stats.ts';
import { CueScheduler } from './cue-scheduler.ts';
import { FaultPersistence, waistbandCandidates, type FaultCandidate } from './fault-persistence.ts';
import { kneesLookBent, setupChecks, type AngleKey, type FrameAngles } from './frame-angles.ts';
import { rocking, sideViewFaults, type HoldFrame } from './frame-faults.ts';
import type { StretchInput } from './input.ts';
import type { PreparedPart } from './prepare-part.ts';
import type { KneelingSide, StretchCue, StretchHold, StretchResult, StretchSetup } from './result.ts';
import { CUE_COOLDOWN_MS, CUE_PRIORITY, CUE_REPEAT_MS, STRETCH_CUES, STRETCH_THRESHOLDS as T } from './thresholds.ts';
import { tiltLookup, type TiltLookup } from './tilt-lookup.ts';

export interface StretchOutput {
  readonly setups: StretchSetup[];
  readonly holds: StretchHold[];
  readonly cues: StretchCue[];
  readonly events: Array<StretchResult['events'][number]>;
  readonly quality: Array<StretchResult['quality'][number]>;
  /** When a half-kneeling position was reached but left again within seconds (not a hold). */
  readonly passedThrough: number[];
  /** The side of the last hold, across parts: a new side is a side switch, a new part is not. */
  lastSide: KneelingSide | null;
}

interface Searching {
  kind: 'searching';
  goodSinceMs: number | null;
  side: KneelingSide | null;
}
interface Holding {
  kind: 'holding';
  setup: StretchSetup;
  startIdx: number;
  lostSinceMs: number | null;
  goodFormMs: number;
  peak: number | null;
  persistence: FaultPersistence;
  tiltSetup: number | null;
  lastGoodIdx: number;
}

const SEARCHING: Searching = { kind: 'searching', goodSinceMs: null, side: null };

export class PartReader {
  readonly deltaHE: Array<number | null>;
  private phase: Searching | Holding = SEARCHING;
  private readonly scheduler = new CueScheduler<keyof typeof STRETCH_CUES>({
    priority: CUE_PRIORITY,
    cooldownMs: CUE_COOLDOWN_MS,
    repeatMs: CUE_REPEAT_MS,
  });
  private readonly tiltSamples: NonNullable<StretchInput['waistband']>['samples'];
  private readonly tilt: TiltLookup;

  constructor(
    private readonly p: PreparedPart,
    private readonly input: StretchInput,
    private readonly recorded: boolean,
    private readonly out: StretchOutput,
  ) {
    this.deltaHE = p.angles.map(() => null);
    this.tiltSamples = input.waistband?.samples ?? [];
    this.tilt = tiltLookup(this.tiltSamples);
  }

  run(): void {
    const { angles, rate } = this.p;
    for (let i = 0; i < angles.length; i++) {
      const t = angles[i]!.tMs;
      const dt = i + 1 < angles.length ? angles[i + 1]!.tMs - t : 1000 / rate;
      const phase = this.phase;
      if (phase.kind === 'searching') this.search(i, phase);
      else if (this.hold(i, dt, phase) === 'left') i--;
    }
    // Still in the posture when the recording (or this part of it) ended: held to the end, not left.
    const phase = this.phase;
    if (phase.kind === 'holding') this.closeHold(phase, phase.lastGoodIdx, phase.lostSinceMs === null);
  }

  private cue(t: number, keys: readonly (keyof typeof STRETCH_CUES)[]): void {
    const cue = this.scheduler.offer(t, keys);
    if (cue) this.out.cues.push({ tMs: t, rule: cue.key, text: STRETCH_CUES[cue.key] });
  }

  private search(i: number, phase: Searching): void {
    const { angles, formMeasured } = this.p;
    const a = angles[i]!;
    const side = this.p.kneeling[i]!;
    const t = a.tMs;
    const checks = setupChecks(a);
    // A frame where a check could not be made (a landmark dropped out) neither breaks nor completes the set-up.
    const failed = checks.F1 === false || checks.F2 === false || checks.F3 === false;
    const unknown = side !== null && !failed && (checks.F1 === null || checks.F2 === null || checks.F3 === null);
    const ok = side !== null && checks.F1 === true && checks.F2 === true && checks.F3 === true;
    if (side !== null && formMeasured)
      this.cue(
        t,
        (['F1', 'F2', 'F3', 'F4'] as const).filter((c) => checks[c] === false),
      );
    // From a view that cannot measure the knees (the floor recedes from a low camera: a kneeling
    // knee of 85 degrees read 55-60 from in front), the posture starts the hold: one knee down and
    // the front knee looking bent, not a leg swung out straight.
    const ready = formMeasured ? ok : side !== null && kneesLookBent(a) !== false;
    const since = phase.goodSinceMs;
    if (ready && phase.side === side && since !== null && t - since >= T.SETUP_HOLD_MS) {
      this.startHold(i, side!, since);
    } else if (ready) {
      if (phase.side !== side || phase.goodSinceMs === null) this.phase = { kind: 'searching', goodSinceMs: t, side };
    } else if (unknown && formMeasured && phase.side === side) {
      // Keep the set-up clock running through a short dropout.
    } else {
      this.phase = { kind: 'searching', goodSinceMs: null, side };
    }
  }

  private startHold(i: number, side: KneelingSide, since: number): void {
    const { angles, formMeasured } = this.p;
    const { setups, events } = this.out;
    const t = angles[i]!.tMs;
    const win = angles.slice(0, i + 1).filter((x) => x.tMs >= since && x.tMs <= t);
    const m = (k: AngleKey) => median(win.map((x) => x[k])) ?? 0;
    const setup: StretchSetup = {
      atMs: t,
      kneelingSide: side,
      frontKneeDeg: formMeasured ? round1(m('frontKneeDeg')) : null,
      backKneeDeg: formMeasured ? round1(m('backKneeDeg')) : null,
      trunkLeanDeg: round1(m('trunkLeanDeg')),
      hipExtensionDeg: round1(180 - m('trunkThighDeg')),
    };
    if (this.out.lastSide !== null && this.out.lastSide !== setup.kneelingSide)
      events.push({ tMs: t, type: 'side-switch', note: `Now kneeling on the ${setup.kneelingSide} knee.` });
    setups.push(setup);
    events.push({ tMs: t, type: 'setup' }, { tMs: t, type: 'hold-start' });
    const tiltSetup = median(this.tiltSamples.filter((s) => s.tMs >= since && s.tMs <= t).map((s) => s.tiltDeg));
    this.phase = {
      kind: 'holding',
      setup,
      startIdx: i,
      lostSinceMs: null,
      goodFormMs: 0,
      peak: null,
      persistence: new FaultPersistence(),
      tiltSetup,
      lastGoodIdx: i,
    };
  }

  /** One frame of a hold; 'left' when the person left the posture and the frame is to be searched again. */
  private hold(i: number, dt: number, h: Holding): 'held' | 'left' {
    const { angles, formMeasured } = this.p;
    const a = angles[i]!;
    const t = a.tMs;
    if (this.p.kneeling[i] !== h.setup.kneelingSide) {
      h.lostSinceMs ??= t;
      if (t - h.lostSinceMs < T.POSTURE_LOST_MS) return 'held';
      this.closeHold(h, h.lastGoodIdx);
      return 'left';
    }
    h.lostSinceMs = null;
    h.lastGoodIdx = i;
    const he = a.trunkThighDeg !== null ? 180 - a.trunkThighDeg : null;
    const dHE = he !== null ? he - h.setup.hipExtensionDeg : null;
    this.deltaHE[i] = dHE;
    if (dHE !== null && formMeasured) h.peak = Math.max(h.peak ?? -Infinity, dHE);
    const frame: HoldFrame = {
      angles,
      i,
      startIdx: h.startIdx,
      setupTrunkLeanDeg: h.setup.trunkLeanDeg,
      deltaHE: this.deltaHE,
      depthCapDeg: this.input.depthCapDeg,
      rate: this.p.rate,
    };
    // Candidate faults this frame, with their source.
    const now: FaultCandidate[] = formMeasured ? sideViewFaults(frame) : [];
    if (!now.some((c) => c.rule === 'C5') && rocking(frame)) now.push({ rule: 'C5', source: 'camera', cue: 'C5' });
    now.push(...this.phoneFaults(t, h));
    const judged = h.persistence.update(t, now);
    if (!judged.anyConfirmed) h.goodFormMs += dt;
    this.cue(t, judged.cueKeys);
    return 'held';
  }

  /** The phone in the waistband: arching (C1s) and bouncing, with its amber cue. */
  private phoneFaults(t: number, h: Holding): FaultCandidate[] {
    const tl = this.tilt.at(t);
    if (tl === null || h.tiltSetup === null) return [];
    const phone = waistbandCandidates(
      tl - h.tiltSetup,
      this.tilt.between(Math.max(t - T.C5_WINDOW_MS, h.setup.atMs), t),
    );
    if (phone.amberCue) this.cue(t, ['C1s']);
    return phone.candidates;
  }

  /** `ended`: the recording ended during the hold (rather than the person leaving the posture). */
  private closeHold(h: Holding, endIdx: number, ended = false): void {
    const { setups, events, holds, passedThrough } = this.out;
    const formMeasured = this.p.formMeasured;
    const endMs = this.p.angles[endIdx]!.tMs;
    h.persistence.close(endMs);
    this.phase = SEARCHING;
    // A recorded half-kneeling position left again within seconds was passed through (a lunge, getting
    // up), not held: its set-up is taken back. Live, the person is told at once and this cannot wait.
    if (this.recorded && !ended && endMs - h.setup.atMs < T.MIN_RECORDED_HOLD_MS) {
      const at = h.setup.atMs;
      setups.pop();
      for (let k = events.length - 1; k >= 0; k--)
        if (events[k]!.tMs === at && events[k]!.type !== 'hold-end') events.splice(k, 1);
      passedThrough.push(at);
      return;
    }
    holds.push({
      kneelingSide: h.setup.kneelingSide,
      startMs: h.setup.atMs,
      endMs,
      goodFormMs: formMeasured ? Math.round(h.goodFormMs) : 0,
      formMeasured,
      peakDeltaHipExtensionDeg:
        h.peak !== null && h.peak >= T.MEASUREMENT_FLOOR_DEG ? Math.round(h.peak * 10) / 10 : null,
      faults: h.persistence.faults,
    });
    events.push({ tMs: endMs, type: 'hold-end' });
    this.out.lastSide = h.setup.kneelingSide;
  }

  /** Said when this part was not filmed from the side. */
  viewLimits(part: { startMs: number; endMs: number } | null): string {
    return `The camera filmed you ${viewLabel(this.p.view)}${part ? ` from ${s1(part.startMs)} s to ${s1(part.endMs)} s` : ''}: the knee angles, trunk lean and hip angle need the camera at your side, at hip height, so form was not judged ${part ? 'there' : ''} and the good-form timer did not count.`.replace(
      ' judged  and',
      ' judged and',
    );
  }
}

export const s1 = (ms: number) => (ms / 1000).toFixed(1);
export const round1 = (v: number) => Math.round(v * 10) / 10 || 0; // no -0 in JSON round trips
