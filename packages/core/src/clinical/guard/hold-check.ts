// The per-hold decision of the over-stretch guard (spec D, plus C4 depth and "where the stretch
// is felt"): validates one hold's self-report and signals, then says stop, ease off, hold or
// "too light", with a kind message. Pure: the session context (low-back count so far, the depth
// cap) comes in as an argument; guard-state.ts owns keeping it.

import { GUARD_MESSAGES, triggerSentence } from './messages.ts';
import type { GuardTrigger } from './trigger.ts';
import { GUARD_THRESHOLDS as T } from './thresholds.ts';

export type GuardSide = 'left' | 'right';
export const GUARD_SIDES: readonly GuardSide[] = ['left', 'right'];

/** Where the stretch was felt, as the user reports it after each hold. */
export type GuardFeltAt = 'front-of-hip' | 'front-of-thigh' | 'low-back' | 'buttock' | 'down-the-leg';
export const GUARD_FELT_AT: readonly GuardFeltAt[] = [
  'front-of-hip',
  'front-of-thigh',
  'low-back',
  'buttock',
  'down-the-leg',
];

export interface GuardHoldInput {
  side: GuardSide;
  /** Self-rated stretch intensity, integer 0-10 (0 nothing, 5 strong but comfortable, 10 unbearable). */
  intensity: number;
  /** Sharp, burning or electric pain: a separate yes/no, never folded into intensity. */
  pain: boolean;
  feltAt: GuardFeltAt;
  /** The hold's peak delta hip extension from the camera, degrees; absent when not measurable. */
  depthDeg?: number | null | undefined;
  /** C1 arching, C5 bouncing from the side-view camera. */
  cameraSignals?: { C1?: boolean | undefined; C5?: boolean | undefined } | undefined;
  /** C1s arching (waistband tilt), C5 bouncing (oscillation) from the phone. */
  sensorSignals?: { C1s?: boolean | undefined; C5?: boolean | undefined } | undefined;
}

/** A validated hold with every optional field made explicit, so it stores as plain JSON. */
export interface GuardHold {
  side: GuardSide;
  intensity: number;
  pain: boolean;
  feltAt: GuardFeltAt;
  depthDeg: number | null;
  cameraSignals: { C1: boolean; C5: boolean };
  sensorSignals: { C1s: boolean; C5: boolean };
}

export type GuardHoldAction = 'stop-for-today' | 'ease-off' | 'hold' | 'too-light';

export type { GuardTrigger } from './trigger.ts';

const STOP_TRIGGERS: readonly GuardTrigger[] = ['pain', 'leg-symptoms', 'low-back-twice'];

export type GuardDepthStatus = 'within-cap' | 'beyond-cap' | 'no-cap-yet';

export interface GuardHoldDecision {
  action: GuardHoldAction;
  /** What to say to the user, in plain words. */
  message: string;
  /** Every rule that fired, stop and ease-off alike, for the record. */
  triggers: GuardTrigger[];
  /** Leg symptoms: ask the red-flag questions again (spec A1, C "Where the stretch is felt"). */
  offerRedFlagScreen: boolean;
  /** First low-back sensation: regress the set-up (less forward shift, more posterior tilt) and re-check. */
  regress: boolean;
  /** The intensity to back off to, when the rating was above the hard cap. */
  backOffTo: number | null;
  /** Counts towards the week's progression: intensity within the cap and nothing to stop or ease off for. */
  green: boolean;
  depth: GuardDepthStatus | 'not-measured';
}

export interface GuardHoldContext {
  /** Low-back sensations already reported in this session, before this hold. */
  lowBackCountBefore: number;
  /** The current depth cap in degrees of delta hip extension, or null before it is set. */
  depthCapDeg: number | null;
}

export type GuardHoldValidation = { ok: true; hold: GuardHold } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalFlag(
  obj: Record<string, unknown>,
  key: string,
  where: string,
): { ok: true; value: boolean } | { ok: false; reason: string } {
  const v = obj[key];
  if (v === undefined || v === null) return { ok: true, value: false };
  if (typeof v !== 'boolean')
    return {
      ok: false,
      reason: `The ${where} signal ${key} should be true or false, but it was ${JSON.stringify(v)}.`,
    };
  return { ok: true, value: v };
}

/** The hold's depth reading: absent is null; otherwise a finite, non-negative, plausible number of degrees. */
function validDepth(depthDeg: unknown): { ok: true; value: number | null } | { ok: false; reason: string } {
  if (depthDeg === undefined || depthDeg === null) return { ok: true, value: null };
  if (typeof depthDeg !== 'number' || !Number.isFinite(depthDeg))
    return {
      ok: false,
      reason: `The depth reading should be a number of degrees, but it was ${JSON.stringify(depthDeg)}.`,
    };
  if (depthDeg < 0)
    return {
      ok: false,
      reason: `The depth reading can't be negative (it was ${depthDeg} degrees), so it was not recorded.`,
    };
  if (depthDeg > T.DEPTH_MAX_PLAUSIBLE_DEG)
    return {
      ok: false,
      reason: `A depth of ${depthDeg} degrees is more than the camera can plausibly measure here, so it was not recorded.`,
    };
  return { ok: true, value: depthDeg };
}

/** The camera's and the phone's signal flags, each absent flag made an explicit false. */
function validSignals(
  cameraSignals: unknown,
  sensorSignals: unknown,
):
  | { ok: true; cameraSignals: GuardHold['cameraSignals']; sensorSignals: GuardHold['sensorSignals'] }
  | { ok: false; reason: string } {
  if (cameraSignals !== undefined && cameraSignals !== null && !isRecord(cameraSignals))
    return { ok: false, reason: 'The camera signals should be a set of true/false flags.' };
  if (sensorSignals !== undefined && sensorSignals !== null && !isRecord(sensorSignals))
    return { ok: false, reason: 'The sensor signals should be a set of true/false flags.' };
  const cam = isRecord(cameraSignals) ? cameraSignals : {};
  const sen = isRecord(sensorSignals) ? sensorSignals : {};
  const camC1 = optionalFlag(cam, 'C1', 'camera');
  if (!camC1.ok) return camC1;
  const camC5 = optionalFlag(cam, 'C5', 'camera');
  if (!camC5.ok) return camC5;
  const senC1s = optionalFlag(sen, 'C1s', 'sensor');
  if (!senC1s.ok) return senC1s;
  const senC5 = optionalFlag(sen, 'C5', 'sensor');
  if (!senC5.ok) return senC5;
  return {
    ok: true,
    cameraSignals: { C1: camC1.value, C5: camC5.value },
    sensorSignals: { C1s: senC1s.value, C5: senC5.value },
  };
}

/** Checks one hold's input at the boundary; nonsense comes back as one plain sentence. */
export function validateHoldInput(raw: unknown): GuardHoldValidation {
  if (!isRecord(raw)) return { ok: false, reason: 'The hold check-in is missing.' };
  const { side, intensity, pain, feltAt, depthDeg, cameraSignals, sensorSignals } = raw;
  if (side !== 'left' && side !== 'right')
    return { ok: false, reason: `The side should be "left" or "right", but it was ${JSON.stringify(side)}.` };
  if (
    typeof intensity !== 'number' ||
    !Number.isInteger(intensity) ||
    intensity < T.INTENSITY_MIN ||
    intensity > T.INTENSITY_MAX
  ) {
    return {
      ok: false,
      reason: `Stretch intensity should be a whole number from ${T.INTENSITY_MIN} to ${T.INTENSITY_MAX}, but it was ${JSON.stringify(intensity)}.`,
    };
  }
  if (typeof pain !== 'boolean')
    return { ok: false, reason: 'Please answer yes or no to whether there was sharp, burning or electric pain.' };
  if (typeof feltAt !== 'string' || !(GUARD_FELT_AT as readonly string[]).includes(feltAt)) {
    return {
      ok: false,
      reason: `Where the stretch was felt should be one of ${GUARD_FELT_AT.join(', ')}, but it was ${JSON.stringify(feltAt)}.`,
    };
  }
  const depth = validDepth(depthDeg);
  if (!depth.ok) return depth;
  const signals = validSignals(cameraSignals, sensorSignals);
  if (!signals.ok) return signals;
  return {
    ok: true,
    hold: {
      side,
      intensity,
      pain,
      feltAt: feltAt as GuardFeltAt,
      depthDeg: depth.value,
      cameraSignals: signals.cameraSignals,
      sensorSignals: signals.sensorSignals,
    },
  };
}

/** C4: a depth is beyond the cap only when strictly greater; no cap yet means nothing to compare. */
export function depthStatusForCap(depthCapDeg: number | null, depthDeg: number): GuardDepthStatus {
  if (depthCapDeg === null) return 'no-cap-yet';
  return depthDeg > depthCapDeg ? 'beyond-cap' : 'within-cap';
}

function unique(sentences: readonly string[]): string[] {
  return [...new Set(sentences)];
}

/** Decides one validated hold. Stop outranks ease off, which outranks "too light", which outranks "hold". */
export function decideHold(hold: GuardHold, context: GuardHoldContext): GuardHoldDecision {
  const triggers: GuardTrigger[] = [];
  if (hold.pain) triggers.push('pain');
  if (hold.feltAt === 'down-the-leg') triggers.push('leg-symptoms');
  const lowBack = hold.feltAt === 'low-back';
  // Twice in one session stops; the first time is a set-up fault to regress and re-check.
  if (lowBack && context.lowBackCountBefore + 1 >= T.LOW_BACK_STOP_COUNT) triggers.push('low-back-twice');
  if (hold.intensity > T.HARD_CAP) triggers.push('intensity-above-cap');
  if (lowBack && context.lowBackCountBefore + 1 < T.LOW_BACK_STOP_COUNT) triggers.push('low-back');
  if (hold.cameraSignals.C1) triggers.push('arching-camera');
  if (hold.sensorSignals.C1s) triggers.push('arching-sensor');
  if (hold.cameraSignals.C5) triggers.push('bouncing-camera');
  if (hold.sensorSignals.C5) triggers.push('bouncing-sensor');
  const depth = hold.depthDeg === null ? 'not-measured' : depthStatusForCap(context.depthCapDeg, hold.depthDeg);
  if (depth === 'beyond-cap') triggers.push('beyond-depth-cap');

  const stopTriggers = triggers.filter((t) => STOP_TRIGGERS.includes(t));
  const easeTriggers = triggers.filter((t) => !STOP_TRIGGERS.includes(t));
  const offerRedFlagScreen = triggers.includes('leg-symptoms');

  if (stopTriggers.length > 0) {
    return {
      action: 'stop-for-today',
      message: unique([GUARD_MESSAGES.stopLead, ...stopTriggers.map(triggerSentence)]).join(' '),
      triggers,
      offerRedFlagScreen,
      regress: false,
      backOffTo: null,
      green: false,
      depth,
    };
  }
  if (easeTriggers.length > 0) {
    return {
      action: 'ease-off',
      message: unique([GUARD_MESSAGES.easeLead, ...easeTriggers.map(triggerSentence)]).join(' '),
      triggers,
      offerRedFlagScreen,
      regress: triggers.includes('low-back'),
      backOffTo: triggers.includes('intensity-above-cap') ? T.BACK_OFF_TO : null,
      green: false,
      depth,
    };
  }
  const base = { triggers, offerRedFlagScreen, regress: false, backOffTo: null, green: true, depth } as const;
  if (hold.intensity < T.TARGET_MIN) {
    return {
      ...base,
      triggers: [],
      action: 'too-light',
      message: context.depthCapDeg === null ? GUARD_MESSAGES.tooLightNoCap : GUARD_MESSAGES.tooLightWithCap,
    };
  }
  return {
    ...base,
    triggers: [],
    action: 'hold',
    message: hold.intensity > T.TARGET_MAX ? GUARD_MESSAGES.topOfRange : GUARD_MESSAGES.inTarget,
  };
}

/** Validates and decides one hold in a single call. */
export function checkHold(
  raw: unknown,
  context: GuardHoldContext,
): { ok: true; hold: GuardHold; decision: GuardHoldDecision } | { ok: false; reason: string } {
  const valid = validateHoldInput(raw);
  if (!valid.ok) return valid;
  return { ok: true, hold: valid.hold, decision: decideHold(valid.hold, context) };
}
