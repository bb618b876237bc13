// The coached half-kneeling hip flexor stretch with the camera as the mirror: pain-now gate, where
// to put the camera, then live: the skeleton, the hip-extension change, one cue at a time (voice and
// caption), and a hold timer that counts only good form. After each hold: the intensity (0-10) and
// where it was felt, judged by core's over-stretch guard; both sides; the peak pain at the end.
// Each rated hold is saved at once, so a reload keeps the session so far.

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  GUARD_FELT_AT,
  createGuardState,
  doseForProfile,
  endSession,
  recordHold,
  startSession,
  stretchHoldRecord,
  type FrameResult,
  type GuardFeltAt,
  type GuardHoldDecision,
  type GuardState,
  type KneelingSide,
  type StretchHoldRecord,
  type StretchSessionRecord,
} from '@steadyback/core';
import { NrsButtons } from '../components/nrs-buttons.tsx';
import { PainNowGate } from '../components/pain-now.tsx';
import { CameraPlacementPicture, PhoneInWaistbandPicture } from '../components/pictures.tsx';
import { motionProblem, requestOrientationPermission } from '../sensor/orientation-feed.ts';
import { usePhoneClock } from '../sensor/use-phone-clock.ts';
import { STRETCH_SETTLE_MS, StretchPhoneRun } from '../sensor/stretch-phone-run.ts';
import { useAppData } from '../app-data.tsx';
import { StretchLive, type LiveStretchState } from '../camera/stretch-live.ts';
import { useCamera, useLivePose, usePoseModel } from '../camera/use-live-pose.ts';
import { db, loadGuard, newId, painDayFor, saveGuard, todayIso } from '../storage/db.ts';
import { speak, stopSpeaking, unlockAudio } from '../voice/coach-voice.ts';
import { ModelStatus } from './camera-screen.tsx';
import { BackToStart, HoldTimer, MuteToggle, Problem } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';

const FELT_WORDS: Record<GuardFeltAt, string> = {
  'front-of-hip': 'Front of the hip',
  'front-of-thigh': 'Front of the thigh',
  'low-back': 'Low back',
  buttock: 'Buttock',
  'down-the-leg': 'Down the leg (tingling or pain)',
};

type Stage =
  | { kind: 'gate' }
  | { kind: 'intro' }
  | { kind: 'live' }
  | { kind: 'phone' }
  | { kind: 'rate'; hold: StretchHoldRecord }
  | { kind: 'decided'; decision: GuardHoldDecision }
  | { kind: 'finish' }
  | { kind: 'summary'; note: string | null }
  | { kind: 'failed'; reason: string };

/** Opens (or resumes) today's guard session and stretch record. */
async function openSession(
  ageYears: number | null,
  restNrs: number,
): Promise<{ guard: GuardState; session: StretchSessionRecord } | { reason: string }> {
  const today = todayIso();
  let guard = (await loadGuard()) ?? createGuardState(ageYears === null ? {} : { ageYears });
  if (guard.openSession && guard.openSession.dateIso !== today) {
    const ended = endSession(guard);
    if (ended.ok) guard = ended.state;
  }
  if (!guard.openSession) {
    const started = startSession(guard, { dateIso: today, restPainNrs: restNrs });
    if (!started.ok) return { reason: started.reason };
    guard = started.state;
  }
  await saveGuard(guard);
  const existing = (await db.stretchSessions.where('dateIso').equals(today).toArray()).find(
    (s) => s.status === 'in-progress',
  );
  const session: StretchSessionRecord = existing ?? {
    id: newId('stretch'),
    dateIso: today,
    status: 'in-progress',
    sources: { camera: false, sensor: false },
    targetHoldSeconds: guard.holdSeconds,
    depthCapDeg: guard.depthCapDeg,
    holds: [],
    stoppedForToday: false,
  };
  if (!existing) await db.stretchSessions.put(session);
  return { guard, session };
}

function EndSessionButton({ onEnd }: { readonly onEnd: () => void }) {
  return (
    <button type="button" className="button secondary" onClick={onEnd}>
      End the session
    </button>
  );
}

function PauseControl({ paused, onToggle }: { readonly paused: boolean; readonly onToggle: () => void }) {
  return (
    <div className="actions">
      <button type="button" className="button" onClick={onToggle} aria-pressed={paused} data-testid="pause">
        {paused ? 'Resume' : 'Pause'}
      </button>
      {paused && (
        <span role="status">Paused. Your good-form seconds so far are kept; resume when you are back in position.</span>
      )}
    </div>
  );
}

function fmtSeconds(ms: number): string {
  return `${Math.floor(ms / 1000)}`;
}

export function StretchScreen({
  onBack,
  onEscalate,
}: {
  readonly onBack: () => void;
  readonly onEscalate: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { settings } = useAppData();
  const [stage, setStage] = useState<Stage>({ kind: 'gate' });
  const [guard, setGuard] = useState<GuardState | null>(null);
  const [session, setSession] = useState<StretchSessionRecord | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { model, retry } = usePoseModel();
  const { camera, start: startCamera, stop: stopCamera, mirrored, setMirrored, devices } = useCamera(videoRef);
  const [live, setLive] = useState<LiveStretchState | null>(null);
  const [caption, setCaption] = useState<{ text: string; frameMs: number } | null>(null);
  const tracker = useRef<StretchLive | null>(null);
  const [rating, setRating] = useState<{ intensity: number | null; pain: boolean | null; feltAt: GuardFeltAt | null }>({
    intensity: null,
    pain: null,
    feltAt: null,
  });
  const [ratingProblem, setRatingProblem] = useState<string | null>(null);
  const [peak, setPeak] = useState<number | null>(null);
  const muted = useRef(settings.muted);
  muted.current = settings.muted;
  const [mode, setMode] = useState<'camera' | 'phone'>('camera');
  // Pause and resume: good-form time of the current hold is kept across a pause.
  const [paused, setPaused] = useState(false);
  const carried = useRef(0);
  const [phone, setPhone] = useState<{ phase: 'settle' | 'hold'; goodMs: number; riseDeg: number | null }>({
    phase: 'settle',
    goodMs: 0,
    riseDeg: null,
  });
  const [phoneProblem, setPhoneProblem] = useState<string | null>(null);

  const dose = doseForProfile(settings.ageYears === null ? {} : { ageYears: settings.ageYears });
  const holdMs = (guard?.holdSeconds ?? 30) * 1000;
  const perSide = (s: KneelingSide) => session?.holds.filter((h) => h.side === s).length ?? 0;
  const nextSide: KneelingSide = perSide('left') <= perSide('right') ? 'left' : 'right';
  const allDone = perSide('left') >= dose.setsPerSide && perSide('right') >= dose.setsPerSide;

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
          speak('Well done. Ease out of the stretch and relax.', muted.current);
          const record = stretchHoldRecord(hold);
          setStage({ kind: 'rate', hold: { ...record, goodFormMs: record.goodFormMs + Math.round(carried.current) } });
        }
      }
    },
    [holdMs],
  );

  const running = stage.kind === 'live' && !paused && camera.kind === 'on' && model.kind === 'ready';
  const checksPerSecond = useLivePose({
    active: running,
    source: model.kind === 'ready' ? model.source : null,
    videoRef,
    canvasRef,
    onFrame,
    onError: retry,
  });

  useEffect(() => {
    if (stage.kind === 'live' && !paused) {
      tracker.current = new StretchLive(guard?.depthCapDeg ?? null);
      setLive(null);
      setCaption(null);
    }
    return () => stopSpeaking();
  }, [stage.kind, paused, guard?.depthCapDeg]);

  // A new hold starts from zero; a pause keeps what the current hold has so far.
  useEffect(() => {
    if (stage.kind !== 'live' && stage.kind !== 'phone') {
      carried.current = 0;
      setPaused(false);
    }
  }, [stage.kind]);

  const togglePause = () => {
    if (!paused) {
      carried.current += mode === 'phone' ? phone.goodMs : live?.holding ? live.goodFormMs : 0;
      setLive(null);
      setPhone((p) => ({ ...p, goodMs: 0 }));
      stopSpeaking();
    }
    setPaused((x) => !x);
  };

  // Phone-only holds: the phone upright in the waistband is the witness of arching and rocking.
  usePhoneClock(stage.kind === 'phone' && !paused, () => {
    const run = new StretchPhoneRun();
    let lastPhase: 'settle' | 'hold' | null = null;
    setCaption(null);
    return (tMs, reading, stop) => {
      const out = run.tick(tMs, reading);
      if (out.phase !== lastPhase) {
        lastPhase = out.phase;
        const words =
          out.phase === 'settle'
            ? `Kneel on your ${nextSide} knee with the phone upright in your waistband at the back, and hold still.`
            : 'Now tighten your tummy, squeeze the buttock of the kneeling leg, and shift your hips forward a little.';
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
        speak('Well done. Ease out of the stretch and relax.', muted.current);
        setStage({
          kind: 'rate',
          hold: {
            side: nextSide,
            startMs: STRETCH_SETTLE_MS,
            endMs: Math.round(tMs),
            goodFormMs: done.goodFormMs + Math.round(carried.current),
            faults: done.faults.map((f) => ({ rule: f.rule, atMs: Math.round(f.atMs), source: f.source })),
            depthDeg: null,
            intensity: null,
            pain: null,
            feltAt: null,
            action: null,
          },
        });
      }
    };
  });

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

  const afterGate = async (restNrs: number) => {
    const opened = await openSession(settings.ageYears, restNrs);
    if ('reason' in opened) {
      setStage({ kind: 'failed', reason: opened.reason });
      return;
    }
    setGuard(opened.guard);
    setSession(opened.session);
    setStage({ kind: 'intro' });
  };

  const submitRating = async (hold: StretchHoldRecord) => {
    if (rating.intensity === null || rating.pain === null || rating.feltAt === null) {
      setRatingProblem('Please answer all three: how strong it felt, whether it hurt sharply, and where you felt it.');
      return;
    }
    if (!guard || !session) return;
    const faults = new Set(hold.faults.map((f) => `${f.rule}:${f.source}`));
    const r = recordHold(guard, {
      side: hold.side,
      intensity: rating.intensity,
      pain: rating.pain,
      feltAt: rating.feltAt,
      depthDeg: hold.depthDeg,
      cameraSignals: { C1: faults.has('C1:camera'), C5: faults.has('C5:camera') },
      sensorSignals: { C1s: faults.has('C1:sensor'), C5: faults.has('C5:sensor') },
    });
    if (!r.ok) {
      setRatingProblem(r.reason);
      return;
    }
    const saved: StretchHoldRecord = {
      ...hold,
      intensity: rating.intensity,
      pain: rating.pain,
      feltAt: rating.feltAt,
      action: r.decision.action,
    };
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
    await saveGuard(r.state);
    await db.stretchSessions.put(nextSession);
    setGuard(r.state);
    setSession(nextSession);
    setRating({ intensity: null, pain: null, feltAt: null });
    setRatingProblem(null);
    setStage({ kind: 'decided', decision: r.decision });
  };

  const finish = async () => {
    if (!guard || !session) return;
    const ended = endSession(guard, { peakPainNrs: peak ?? undefined });
    if (!ended.ok) {
      setStage({ kind: 'failed', reason: ended.reason });
      return;
    }
    await saveGuard(ended.state);
    await db.stretchSessions.put({ ...session, status: 'complete', depthCapDeg: ended.state.depthCapDeg });
    const day = await painDayFor(session.dateIso);
    if (day && peak !== null) await db.painDays.update(day.id, { peakNrs: peak });
    stopCamera();
    setGuard(ended.state);
    setStage({ kind: 'summary', note: ended.summary.capNote });
  };

  const goodSeconds = carried.current + (live?.holding ? live.goodFormMs : 0);

  return (
    <section className="screen" aria-labelledby="st-title">
      <h1 id="st-title" ref={heading} tabIndex={-1}>
        Hip flexor stretch
      </h1>
      {stage.kind === 'gate' && <PainNowGate onResult={(e) => void afterGate(e.nrs)} />}
      {stage.kind === 'intro' && (
        <>
          <CameraPlacementPicture />
          <ol className="steps">
            <li>
              Stand your phone or laptop 2 to 3 metres away, lens at the height of your hips, square to your side (not
              from a corner), so it sees you from head to knees and feet. Kneel so the knee on the floor is the one
              nearer the camera: the far knee is often misread.
            </li>
            <li>Kneel on one knee on a cushion, the other foot flat in front: both knees at a right angle.</li>
            <li>
              Tighten your tummy, squeeze the buttock of the kneeling leg, and shift your hips forward only a little.
              Keep your low back from arching.
            </li>
            <li>You should feel it at the front of the hip of the kneeling leg, mild to moderate, never sharp.</li>
          </ol>
          <p>
            Today: {dose.setsPerSide} holds of {guard?.holdSeconds ?? 30} seconds on each side. The timer only counts
            while your form is good.
          </p>
          <MuteToggle label="Mute voice cues (captions stay on)" />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                unlockAudio();
                void startCamera();
                setStage({ kind: 'live' });
              }}
            >
              Turn on the camera and start
            </button>
          </div>
          <h2>No camera? Use the phone in your waistband</h2>
          <PhoneInWaistbandPicture />
          <p>
            Tuck your phone upright in your waistband at the back, screen facing away from you. It feels your pelvis
            tipping forward (your low back arching) and any rocking. It cannot see your knees, so set them up at right
            angles yourself.
          </p>
          {phoneProblem && <Problem>{phoneProblem}</Problem>}
          <div className="actions">
            <button type="button" className="button" onClick={() => void startPhone()}>
              Use the phone in my waistband
            </button>
          </div>
        </>
      )}
      {stage.kind === 'phone' && (
        <>
          <p className="meta" data-testid="next-side">
            Kneel on your {nextSide} knee (hold {perSide(nextSide) + 1} of {dose.setsPerSide} on that side).
          </p>
          <HoldTimer goodMs={carried.current + phone.goodMs} targetMs={holdMs} side={nextSide} />
          <PauseControl paused={paused} onToggle={togglePause} />
          <p
            className="caption"
            role="status"
            aria-live="assertive"
            data-testid="caption"
            data-cue-frame-ms={caption?.frameMs ?? ''}
          >
            {caption?.text ?? 'Hold still.'}
          </p>
          <p className="meta" data-testid="pelvic-tilt">
            {phone.phase === 'settle'
              ? 'The phone is finding your starting position…'
              : phone.riseDeg === null
                ? 'Waiting for the phone…'
                : `Pelvis tipped ${Math.max(0, phone.riseDeg).toFixed(0)} degrees forward from your start.`}
          </p>
          <div className="actions">
            <MuteToggle />
            <EndSessionButton onEnd={() => setStage({ kind: 'finish' })} />
          </div>
        </>
      )}
      {stage.kind === 'live' && (
        <>
          <ModelStatus model={model} retry={retry} />
          {camera.kind === 'error' && (
            <div className="problem" role="alert">
              <h2>{camera.problem.title}</h2>
              <p>{camera.problem.detail}</p>
            </div>
          )}
          <p className="meta" data-testid="next-side">
            Next: kneel on your {nextSide} knee (hold {perSide(nextSide) + 1} of {dose.setsPerSide} on that side).
          </p>
          <HoldTimer goodMs={goodSeconds} targetMs={holdMs} side={live?.kneelingSide ?? ''}>
            {live?.holding && live.kneelingSide && <span> · kneeling on the {live.kneelingSide} knee</span>}
          </HoldTimer>
          <PauseControl paused={paused} onToggle={togglePause} />
          <p
            className="caption"
            role="status"
            aria-live="assertive"
            data-testid="caption"
            data-cue-frame-ms={caption?.frameMs ?? ''}
          >
            {caption?.text ?? live?.notice ?? 'Get into position.'}
          </p>
          {live?.deltaHipExtensionDeg !== null && live?.deltaHipExtensionDeg !== undefined && (
            <p className="meta" data-testid="depth">
              Hip opened {Math.max(0, live.deltaHipExtensionDeg).toFixed(0)} degrees from your set-up
              {guard?.depthCapDeg != null ? ` (your limit: ${guard.depthCapDeg.toFixed(0)})` : ''}.
            </p>
          )}
          <div className={`stage${mirrored ? ' mirrored' : ''}`}>
            <video ref={videoRef} className="preview" muted playsInline autoPlay aria-label="Camera preview" />
            <canvas ref={canvasRef} className="overlay" data-testid="skeleton" aria-hidden="true" />
          </div>
          {checksPerSecond !== null && (
            <p className="meta">Watching {checksPerSecond} times a second, on this device.</p>
          )}
          <div className="actions">
            {devices.length > 1 && (
              <label className="field">
                Camera
                <select onChange={(e) => void startCamera(e.target.value)} defaultValue="">
                  <option value="" disabled>
                    Choose a camera
                  </option>
                  {devices.map((d, i) => (
                    <option key={d.deviceId} value={d.deviceId}>
                      {d.label || `Camera ${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="toggle">
              <input type="checkbox" checked={mirrored} onChange={(e) => setMirrored(e.target.checked)} />
              Mirror the picture
            </label>
            <MuteToggle />
            <EndSessionButton onEnd={() => setStage({ kind: 'finish' })} />
          </div>
        </>
      )}
      {stage.kind === 'rate' && (
        <div data-testid="rate-hold">
          <h2>That hold is done: well done</h2>
          <p>
            {fmtSeconds(stage.hold.goodFormMs)} seconds of good form on the {stage.hold.side} side.
          </p>
          <NrsButtons
            name="intensity"
            label="How strong was the stretch?"
            low="nothing"
            high="unbearable"
            value={rating.intensity}
            onChoose={(n) => setRating((r) => ({ ...r, intensity: n }))}
          />
          <fieldset className="question">
            <legend>Was there any sharp, burning or electric pain?</legend>
            <label className="choice">
              <input
                type="radio"
                name="pain"
                checked={rating.pain === true}
                onChange={() => setRating((r) => ({ ...r, pain: true }))}
              />{' '}
              Yes
            </label>
            <label className="choice">
              <input
                type="radio"
                name="pain"
                checked={rating.pain === false}
                onChange={() => setRating((r) => ({ ...r, pain: false }))}
              />{' '}
              No
            </label>
          </fieldset>
          <fieldset className="question">
            <legend>Where did you feel it most?</legend>
            {GUARD_FELT_AT.map((f) => (
              <label key={f} className="choice">
                <input
                  type="radio"
                  name="felt"
                  checked={rating.feltAt === f}
                  onChange={() => setRating((r) => ({ ...r, feltAt: f }))}
                />{' '}
                {FELT_WORDS[f]}
              </label>
            ))}
          </fieldset>
          {ratingProblem && <Problem>{ratingProblem}</Problem>}
          <div className="actions">
            <button type="button" className="button primary" onClick={() => void submitRating(stage.hold)}>
              Save this hold
            </button>
          </div>
        </div>
      )}
      {stage.kind === 'decided' && (
        <div
          className={stage.decision.action === 'stop-for-today' ? 'problem' : 'promise'}
          role="status"
          data-testid="guard-decision"
          data-action={stage.decision.action}
        >
          <p>{stage.decision.message}</p>
          <div className="actions">
            {stage.decision.offerRedFlagScreen && (
              <button type="button" className="button primary" onClick={onEscalate}>
                Answer the safety questions again
              </button>
            )}
            {stage.decision.action !== 'stop-for-today' && !allDone && (
              <button
                type="button"
                className="button primary"
                onClick={() => setStage({ kind: mode === 'phone' ? 'phone' : 'live' })}
              >
                Next hold
              </button>
            )}
            <button type="button" className="button secondary" onClick={() => setStage({ kind: 'finish' })}>
              Finish for today
            </button>
          </div>
        </div>
      )}
      {stage.kind === 'finish' && (
        <>
          <NrsButtons
            name="peak-pain"
            label="What was the worst your back hurt during this session?"
            low="no pain"
            high="worst pain imaginable"
            value={peak}
            onChoose={setPeak}
          />
          <div className="actions">
            <button type="button" className="button primary" onClick={() => void finish()} disabled={peak === null}>
              Save the session
            </button>
          </div>
        </>
      )}
      {stage.kind === 'summary' && session && (
        <div data-testid="stretch-summary">
          <h2>Session saved</h2>
          <ul>
            {session.holds.map((h, i) => (
              <li key={i}>
                {h.side} side: {fmtSeconds(h.goodFormMs)} s of good form, felt {h.intensity}/10 at the{' '}
                {h.feltAt?.replace(/-/g, ' ')}
              </li>
            ))}
          </ul>
          {stage.note && <p>{stage.note}</p>}
          <p>
            Tomorrow morning, the app will ask how your back feels: that answer decides whether to progress, hold or
            ease off.
          </p>
        </div>
      )}
      {stage.kind === 'failed' && <Problem>{stage.reason}</Problem>}
      <BackToStart onBack={onBack} />
    </section>
  );
}
