// Runs the stretch session behind the screen: today's guard and stretch record, the camera hold (the
// live pose into core's stretch tracker), the phone hold (the waistband phone's pelvis tilt), pause and
// resume with the good-form time carried over, the rating judged by the over-stretch guard, and the end.

import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import {
  doseForProfile,
  endSession,
  recordHold,
  stretchHoldRecord,
  type FrameResult,
  type GuardFeltAt,
  type GuardHoldDecision,
  type GuardState,
  type KneelingSide,
  type StretchHoldRecord,
  type StretchSessionRecord,
} from '@steadyback/core';
import { motionProblem, requestOrientationPermission } from '../sensor/orientation-feed.ts';
import { usePhoneClock } from '../sensor/use-phone-clock.ts';
import { STRETCH_SETTLE_MS, StretchPhoneRun } from '../sensor/stretch-phone-run.ts';
import { useAppData } from '../app-data.tsx';
import { StretchLive, type LiveStretchState } from '../camera/stretch-live.ts';
import { useCamera, useLivePose, usePoseModel } from '../camera/use-live-pose.ts';
import { openStretchSession, saveFinishedSession, saveRatedHold } from '../storage/stretch-sessions.ts';
import { speak, stopSpeaking, unlockAudio } from '../voice/coach-voice.ts';
import { holdNotSaved, sessionNotSaved } from '../storage/storage-full.ts';

export type Stage =
  | { kind: 'gate' }
  | { kind: 'intro' }
  | { kind: 'live' }
  | { kind: 'phone' }
  | { kind: 'rate'; hold: StretchHoldRecord }
  | { kind: 'decided'; decision: GuardHoldDecision }
  | { kind: 'finish' }
  | { kind: 'summary'; note: string | null }
  | { kind: 'failed'; reason: string };

export type Caption = { text: string; frameMs: number } | null;
export type Rating = { intensity: number | null; pain: boolean | null; feltAt: GuardFeltAt | null };
export type PhoneHoldState = { phase: 'settle' | 'hold'; goodMs: number; riseDeg: number | null };
type Mode = 'camera' | 'phone';

const WELL_DONE = 'Well done. Ease out of the stretch and relax.';

interface HoldShared {
  readonly holdMs: number;
  readonly carried: MutableRefObject<number>;
  readonly muted: MutableRefObject<boolean>;
  readonly setCaption: (caption: Caption) => void;
  readonly setStage: (stage: Stage) => void;
}

function useCameraHold(
  shared: HoldShared,
  stageKind: Stage['kind'],
  paused: boolean,
  depthCapDeg: number | null | undefined,
) {
  const { holdMs, carried, muted, setCaption, setStage } = shared;
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { model, retry } = usePoseModel();
  const camera = useCamera(videoRef);
  const [live, setLive] = useState<LiveStretchState | null>(null);
  const tracker = useRef<StretchLive | null>(null);
  const onFrame = useCallback(
    (frame: FrameResult) => {
      const t = tracker.current;
      if (!t) return;
      const s = t.push(frame);
      setLive(s);
      if (s.cue) {
        setCaption({ text: s.cue.text, frameMs: s.cue.atMs });
        speak(s.cue.text, muted.current);
      }
      if (s.holding && carried.current + s.goodFormMs >= holdMs && s.result) {
        const hold = s.result.holds.at(-1);
        if (hold) {
          tracker.current = null;
          speak(WELL_DONE, muted.current);
          const record = stretchHoldRecord(hold);
          setStage({ kind: 'rate', hold: { ...record, goodFormMs: record.goodFormMs + Math.round(carried.current) } });
        }
      }
    },
    [holdMs, carried, muted, setCaption, setStage],
  );
  const running = stageKind === 'live' && !paused && camera.camera.kind === 'on' && model.kind === 'ready';
  const checksPerSecond = useLivePose({
    active: running,
    source: model.kind === 'ready' ? model.source : null,
    videoRef,
    canvasRef,
    onFrame,
    onError: retry,
  });
  useEffect(() => {
    if (stageKind === 'live' && !paused) {
      tracker.current = new StretchLive(depthCapDeg ?? null);
      setLive(null);
      setCaption(null);
    }
    return () => stopSpeaking();
  }, [stageKind, paused, depthCapDeg, setCaption]);
  return { videoRef, canvasRef, model, retry, ...camera, live, setLive, checksPerSecond };
}

function phoneWords(phase: 'settle' | 'hold', side: KneelingSide): string {
  return phase === 'settle'
    ? `Kneel on your ${side} knee with the phone upright in your waistband at the back, and hold still.`
    : 'Now tighten your tummy, squeeze the buttock of the kneeling leg, and shift your hips forward a little.';
}

function phoneHoldRecord(
  side: KneelingSide,
  tMs: number,
  done: ReturnType<StretchPhoneRun['finish']>,
  carriedMs: number,
): StretchHoldRecord {
  return {
    side,
    startMs: STRETCH_SETTLE_MS,
    endMs: Math.round(tMs),
    goodFormMs: done.goodFormMs + Math.round(carriedMs),
    faults: done.faults.map((f) => ({ rule: f.rule, atMs: Math.round(f.atMs), source: f.source })),
    depthDeg: null,
    intensity: null,
    pain: null,
    feltAt: null,
    action: null,
  };
}

/** Phone-only holds: the phone upright in the waistband is the witness of arching and rocking. */
function usePhoneHold(shared: HoldShared, active: boolean, nextSide: KneelingSide) {
  const { holdMs, carried, muted, setCaption, setStage } = shared;
  const [phone, setPhone] = useState<PhoneHoldState>({ phase: 'settle', goodMs: 0, riseDeg: null });
  usePhoneClock(active, () => {
    const run = new StretchPhoneRun();
    let lastPhase: 'settle' | 'hold' | null = null;
    setCaption(null);
    return (tMs, reading, stop) => {
      const out = run.tick(tMs, reading);
      if (out.phase !== lastPhase) {
        lastPhase = out.phase;
        const words = phoneWords(out.phase, nextSide);
        setCaption({ text: words, frameMs: 0 });
        speak(words, muted.current);
      }
      for (const c of out.cues) {
        setCaption({ text: c.text, frameMs: c.atMs });
        speak(c.text, muted.current);
      }
      setPhone({ phase: out.phase, goodMs: out.state?.goodFormMs ?? 0, riseDeg: out.state?.riseDeg ?? null });
      if (carried.current + (out.state?.goodFormMs ?? 0) >= holdMs) {
        stop();
        const done = run.finish(tMs);
        speak(WELL_DONE, muted.current);
        setStage({ kind: 'rate', hold: phoneHoldRecord(nextSide, tMs, done, carried.current) });
      }
    };
  });
  return { phone, setPhone };
}

/** The guard's judgement of a rated hold, and the session with the hold added. */
function rateHold(
  guard: GuardState,
  session: StretchSessionRecord,
  hold: StretchHoldRecord,
  rating: { intensity: number; pain: boolean; feltAt: GuardFeltAt },
  mode: Mode,
) {
  const faults = new Set(hold.faults.map((f) => `${f.rule}:${f.source}`));
  const r = recordHold(guard, {
    side: hold.side,
    ...rating,
    depthDeg: hold.depthDeg,
    cameraSignals: { C1: faults.has('C1:camera'), C5: faults.has('C5:camera') },
    sensorSignals: { C1s: faults.has('C1:sensor'), C5: faults.has('C5:sensor') },
  });
  if (!r.ok) return r;
  const saved: StretchHoldRecord = { ...hold, ...rating, action: r.decision.action };
  // Which sources measured this session's holds: the camera, the phone, or both across holds.
  const sources = {
    camera: session.sources.camera || mode === 'camera',
    sensor: session.sources.sensor || mode === 'phone',
  };
  const nextSession: StretchSessionRecord = {
    ...session,
    sources,
    holds: [...session.holds, saved],
    stoppedForToday: r.decision.action === 'stop-for-today',
  };
  return { ...r, nextSession };
}

interface SessionRecords {
  readonly guard: GuardState | null;
  readonly session: StretchSessionRecord | null;
  readonly setGuard: (guard: GuardState) => void;
  readonly setSession: (session: StretchSessionRecord) => void;
  readonly setStage: (stage: Stage) => void;
}

function useRating(records: SessionRecords, mode: Mode) {
  const { guard, session, setGuard, setSession, setStage } = records;
  const [rating, setRating] = useState<Rating>({ intensity: null, pain: null, feltAt: null });
  const [ratingProblem, setRatingProblem] = useState<string | null>(null);
  const submitRating = async (hold: StretchHoldRecord) => {
    const { intensity, pain, feltAt } = rating;
    if (intensity === null || pain === null || feltAt === null) {
      setRatingProblem('Please answer all three: how strong it felt, whether it hurt sharply, and where you felt it.');
      return;
    }
    if (!guard || !session) return;
    const r = rateHold(guard, session, hold, { intensity, pain, feltAt }, mode);
    if (!r.ok) {
      setRatingProblem(r.reason);
      return;
    }
    try {
      await saveRatedHold(r.state, r.nextSession);
    } catch (err) {
      setRatingProblem(holdNotSaved(err));
      return;
    }
    setGuard(r.state);
    setSession(r.nextSession);
    setRating({ intensity: null, pain: null, feltAt: null });
    setRatingProblem(null);
    setStage({ kind: 'decided', decision: r.decision });
  };
  return { rating, setRating, ratingProblem, submitRating };
}

function useSessionSteps(records: SessionRecords, ageYears: number | null, stopCamera: () => void) {
  const { guard, session, setGuard, setSession, setStage } = records;
  const [peak, setPeak] = useState<number | null>(null);
  const afterGate = async (restNrs: number) => {
    const opened = await openStretchSession(ageYears, restNrs);
    if ('reason' in opened) {
      setStage({ kind: 'failed', reason: opened.reason });
      return;
    }
    setGuard(opened.guard);
    setSession(opened.session);
    setStage({ kind: 'intro' });
  };
  const finish = async () => {
    if (!guard || !session) return;
    const ended = endSession(guard, { peakPainNrs: peak ?? undefined });
    if (!ended.ok) {
      setStage({ kind: 'failed', reason: ended.reason });
      return;
    }
    try {
      await saveFinishedSession(ended.state, session, peak);
    } catch (err) {
      setStage({ kind: 'failed', reason: sessionNotSaved(err) });
      return;
    }
    stopCamera();
    setGuard(ended.state);
    setStage({ kind: 'summary', note: ended.summary.capNote });
  };
  return { peak, setPeak, afterGate, finish };
}

function usePhoneStart(setMode: (mode: Mode) => void, setStage: (stage: Stage) => void) {
  const [phoneProblem, setPhoneProblem] = useState<string | null>(null);
  const startPhone = async () => {
    unlockAudio();
    const permission = await requestOrientationPermission();
    if (permission !== 'granted') {
      setPhoneProblem(motionProblem(permission, 'pelvis'));
      return;
    }
    setPhoneProblem(null);
    setMode('phone');
    setStage({ kind: 'phone' });
  };
  return { phoneProblem, startPhone };
}

function usePlan(ageYears: number | null, guard: GuardState | null, session: StretchSessionRecord | null) {
  const dose = doseForProfile(ageYears === null ? {} : { ageYears });
  const holdMs = (guard?.holdSeconds ?? 30) * 1000;
  const perSide = (s: KneelingSide) => session?.holds.filter((h) => h.side === s).length ?? 0;
  const nextSide: KneelingSide = perSide('left') <= perSide('right') ? 'left' : 'right';
  const allDone = perSide('left') >= dose.setsPerSide && perSide('right') >= dose.setsPerSide;
  return { dose, holdMs, perSide, nextSide, allDone };
}

export function useStretchSession() {
  const { settings } = useAppData();
  const [stage, setStage] = useState<Stage>({ kind: 'gate' });
  const [guard, setGuard] = useState<GuardState | null>(null);
  const [session, setSession] = useState<StretchSessionRecord | null>(null);
  const [caption, setCaption] = useState<Caption>(null);
  const muted = useRef(settings.muted);
  muted.current = settings.muted;
  const [mode, setMode] = useState<Mode>('camera');
  // Pause and resume: good-form time of the current hold is kept across a pause.
  const [paused, setPaused] = useState(false);
  const carried = useRef(0);
  const plan = usePlan(settings.ageYears, guard, session);
  const shared: HoldShared = { holdMs: plan.holdMs, carried, muted, setCaption, setStage };
  const cam = useCameraHold(shared, stage.kind, paused, guard?.depthCapDeg);
  // A new hold starts from zero; a pause keeps what the current hold has so far.
  useEffect(() => {
    if (stage.kind !== 'live' && stage.kind !== 'phone') {
      carried.current = 0;
      setPaused(false);
    }
  }, [stage.kind]);
  const { phone, setPhone } = usePhoneHold(shared, stage.kind === 'phone' && !paused, plan.nextSide);
  const { live, setLive } = cam;
  const togglePause = () => {
    if (!paused) {
      carried.current += mode === 'phone' ? phone.goodMs : live?.holding ? live.goodFormMs : 0;
      setLive(null);
      setPhone((p) => ({ ...p, goodMs: 0 }));
      stopSpeaking();
    }
    setPaused((x) => !x);
  };
  const records: SessionRecords = { guard, session, setGuard, setSession, setStage };
  const startCamera = () => {
    unlockAudio();
    void cam.start();
    setStage({ kind: 'live' });
  };
  return {
    ...plan,
    ...cam,
    ...useRating(records, mode),
    ...useSessionSteps(records, settings.ageYears, cam.stop),
    ...usePhoneStart(setMode, setStage),
    stage,
    setStage,
    guard,
    session,
    caption,
    mode,
    paused,
    togglePause,
    carriedMs: carried.current,
    phone,
    startCamera,
  };
}

export type StretchSession = ReturnType<typeof useStretchSession>;
