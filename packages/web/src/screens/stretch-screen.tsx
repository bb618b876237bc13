// The coached half-kneeling hip flexor stretch with the camera as the mirror: pain-now gate, where
// to put the camera, then live: the skeleton, the hip-extension change, one cue at a time (voice and
// caption), and a hold timer that counts only good form. After each hold: the intensity (0-10) and
// where it was felt, judged by core's over-stretch guard; both sides; the peak pain at the end.
// Each rated hold is saved at once, so a reload keeps the session so far.

import { GUARD_FELT_AT, type GuardFeltAt, type GuardHoldDecision, type StretchHoldRecord } from '@steadyback/core';
import { NrsButtons } from '../components/nrs-buttons.tsx';
import { PainNowGate } from '../components/pain-now.tsx';
import { CameraPlacementPicture, PhoneInWaistbandPicture } from '../components/pictures.tsx';
import { ModelStatus } from './camera-screen.tsx';
import { BackToStart, HoldTimer, MuteToggle, Problem } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';
import { useStretchSession, type Caption, type StretchSession } from './use-stretch-session.ts';

const FELT_WORDS: Record<GuardFeltAt, string> = {
  'front-of-hip': 'Front of the hip',
  'front-of-thigh': 'Front of the thigh',
  'low-back': 'Low back',
  buttock: 'Buttock',
  'down-the-leg': 'Down the leg (tingling or pain)',
};

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

function CaptionLine({ caption, fallback }: { readonly caption: Caption; readonly fallback: string }) {
  return (
    <p
      className="caption"
      role="status"
      aria-live="assertive"
      data-testid="caption"
      data-cue-frame-ms={caption?.frameMs ?? ''}
    >
      {caption?.text ?? fallback}
    </p>
  );
}

function IntroSteps() {
  return (
    <ol className="steps">
      <li>
        Stand your phone or laptop 2 to 3 metres away, lens at the height of your hips, square to your side (not from a
        corner), so it sees you from head to knees and feet. Kneel so the knee on the floor is the one nearer the
        camera: the far knee is often misread.
      </li>
      <li>Kneel on one knee on a cushion, the other foot flat in front: both knees at a right angle.</li>
      <li>
        Tighten your tummy, squeeze the buttock of the kneeling leg, and shift your hips forward only a little. Keep
        your low back from arching.
      </li>
      <li>You should feel it at the front of the hip of the kneeling leg, mild to moderate, never sharp.</li>
    </ol>
  );
}

function IntroStage({ s }: { readonly s: StretchSession }) {
  return (
    <>
      <CameraPlacementPicture />
      <IntroSteps />
      <p>
        Today: {s.dose.setsPerSide} holds of {s.guard?.holdSeconds ?? 30} seconds on each side. The timer only counts
        while your form is good.
      </p>
      <MuteToggle label="Mute voice cues (captions stay on)" />
      <div className="actions">
        <button type="button" className="button primary" onClick={s.startCamera}>
          Turn on the camera and start
        </button>
      </div>
      <h2>No camera? Use the phone in your waistband</h2>
      <PhoneInWaistbandPicture />
      <p>
        Tuck your phone upright in your waistband at the back, screen facing away from you. It feels your pelvis tipping
        forward (your low back arching) and any rocking. It cannot see your knees, so set them up at right angles
        yourself.
      </p>
      {s.phoneProblem && <Problem>{s.phoneProblem}</Problem>}
      <div className="actions">
        <button type="button" className="button" onClick={() => void s.startPhone()}>
          Use the phone in my waistband
        </button>
      </div>
    </>
  );
}

function PhoneStage({ s }: { readonly s: StretchSession }) {
  const { phone, nextSide } = s;
  return (
    <>
      <p className="meta" data-testid="next-side">
        Kneel on your {nextSide} knee (hold {s.perSide(nextSide) + 1} of {s.dose.setsPerSide} on that side).
      </p>
      <HoldTimer goodMs={s.carriedMs + phone.goodMs} targetMs={s.holdMs} side={nextSide} />
      <PauseControl paused={s.paused} onToggle={s.togglePause} />
      <CaptionLine caption={s.caption} fallback="Hold still." />
      <p className="meta" data-testid="pelvic-tilt">
        {phone.phase === 'settle'
          ? 'The phone is finding your starting position…'
          : phone.riseDeg === null
            ? 'Waiting for the phone…'
            : `Pelvis tipped ${Math.max(0, phone.riseDeg).toFixed(0)} degrees forward from your start.`}
      </p>
      <div className="actions">
        <MuteToggle />
        <EndSessionButton onEnd={() => s.setStage({ kind: 'finish' })} />
      </div>
    </>
  );
}

function LiveStatus({ s }: { readonly s: StretchSession }) {
  const { live, camera, nextSide } = s;
  return (
    <>
      <ModelStatus model={s.model} retry={s.retry} />
      {camera.kind === 'error' && (
        <div className="problem" role="alert">
          <h2>{camera.problem.title}</h2>
          <p>{camera.problem.detail}</p>
        </div>
      )}
      <p className="meta" data-testid="next-side">
        Next: kneel on your {nextSide} knee (hold {s.perSide(nextSide) + 1} of {s.dose.setsPerSide} on that side).
      </p>
      <HoldTimer
        goodMs={s.carriedMs + (live?.holding ? live.goodFormMs : 0)}
        targetMs={s.holdMs}
        side={live?.kneelingSide ?? ''}
      >
        {live?.holding && live.kneelingSide && <span> · kneeling on the {live.kneelingSide} knee</span>}
      </HoldTimer>
      <PauseControl paused={s.paused} onToggle={s.togglePause} />
      <CaptionLine caption={s.caption} fallback={live?.notice ?? 'Get into position.'} />
      {live?.deltaHipExtensionDeg !== null && live?.deltaHipExtensionDeg !== undefined && (
        <p className="meta" data-testid="depth">
          Hip opened {Math.max(0, live.deltaHipExtensionDeg).toFixed(0)} degrees from your set-up
          {s.guard?.depthCapDeg != null ? ` (your limit: ${s.guard.depthCapDeg.toFixed(0)})` : ''}.
        </p>
      )}
    </>
  );
}

function CameraControls({ s }: { readonly s: StretchSession }) {
  return (
    <div className="actions">
      {s.devices.length > 1 && (
        <label className="field">
          Camera
          <select onChange={(e) => void s.start(e.target.value)} defaultValue="">
            <option value="" disabled>
              Choose a camera
            </option>
            {s.devices.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label || `Camera ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="toggle">
        <input type="checkbox" checked={s.mirrored} onChange={(e) => s.setMirrored(e.target.checked)} />
        Mirror the picture
      </label>
      <MuteToggle />
      <EndSessionButton onEnd={() => s.setStage({ kind: 'finish' })} />
    </div>
  );
}

function LiveStage({ s }: { readonly s: StretchSession }) {
  return (
    <>
      <LiveStatus s={s} />
      <div className={`stage${s.mirrored ? ' mirrored' : ''}`}>
        <video ref={s.videoRef} className="preview" muted playsInline autoPlay aria-label="Camera preview" />
        <canvas ref={s.canvasRef} className="overlay" data-testid="skeleton" aria-hidden="true" />
      </div>
      {s.checksPerSecond !== null && (
        <p className="meta">Watching {s.checksPerSecond} times a second, on this device.</p>
      )}
      <CameraControls s={s} />
    </>
  );
}

function PainQuestion({ s }: { readonly s: StretchSession }) {
  return (
    <fieldset className="question">
      <legend>Was there any sharp, burning or electric pain?</legend>
      <label className="choice">
        <input
          type="radio"
          name="pain"
          checked={s.rating.pain === true}
          onChange={() => s.setRating((r) => ({ ...r, pain: true }))}
        />{' '}
        Yes
      </label>
      <label className="choice">
        <input
          type="radio"
          name="pain"
          checked={s.rating.pain === false}
          onChange={() => s.setRating((r) => ({ ...r, pain: false }))}
        />{' '}
        No
      </label>
    </fieldset>
  );
}

function FeltQuestion({ s }: { readonly s: StretchSession }) {
  return (
    <fieldset className="question">
      <legend>Where did you feel it most?</legend>
      {GUARD_FELT_AT.map((f) => (
        <label key={f} className="choice">
          <input
            type="radio"
            name="felt"
            checked={s.rating.feltAt === f}
            onChange={() => s.setRating((r) => ({ ...r, feltAt: f }))}
          />{' '}
          {FELT_WORDS[f]}
        </label>
      ))}
    </fieldset>
  );
}

function RateStage({ s, hold }: { readonly s: StretchSession; readonly hold: StretchHoldRecord }) {
  return (
    <div data-testid="rate-hold">
      <h2>That hold is done: well done</h2>
      <p>
        {fmtSeconds(hold.goodFormMs)} seconds of good form on the {hold.side} side.
      </p>
      <NrsButtons
        name="intensity"
        label="How strong was the stretch?"
        low="nothing"
        high="unbearable"
        value={s.rating.intensity}
        onChoose={(n) => s.setRating((r) => ({ ...r, intensity: n }))}
      />
      <PainQuestion s={s} />
      <FeltQuestion s={s} />
      {s.ratingProblem && <Problem>{s.ratingProblem}</Problem>}
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void s.submitRating(hold)}>
          Save this hold
        </button>
      </div>
    </div>
  );
}

function DecidedStage({
  s,
  decision,
  onEscalate,
}: {
  readonly s: StretchSession;
  readonly decision: GuardHoldDecision;
  readonly onEscalate: () => void;
}) {
  return (
    <div
      className={decision.action === 'stop-for-today' ? 'problem' : 'promise'}
      role="status"
      data-testid="guard-decision"
      data-action={decision.action}
    >
      <p>{decision.message}</p>
      <div className="actions">
        {decision.offerRedFlagScreen && (
          <button type="button" className="button primary" onClick={onEscalate}>
            Answer the safety questions again
          </button>
        )}
        {decision.action !== 'stop-for-today' && !s.allDone && (
          <button
            type="button"
            className="button primary"
            onClick={() => s.setStage({ kind: s.mode === 'phone' ? 'phone' : 'live' })}
          >
            Next hold
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => s.setStage({ kind: 'finish' })}>
          Finish for today
        </button>
      </div>
    </div>
  );
}

function FinishStage({ s }: { readonly s: StretchSession }) {
  return (
    <>
      <NrsButtons
        name="peak-pain"
        label="What was the worst your back hurt during this session?"
        low="no pain"
        high="worst pain imaginable"
        value={s.peak}
        onChoose={s.setPeak}
      />
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void s.finish()} disabled={s.peak === null}>
          Save the session
        </button>
      </div>
    </>
  );
}

function SummaryStage({ holds, note }: { readonly holds: readonly StretchHoldRecord[]; readonly note: string | null }) {
  return (
    <div data-testid="stretch-summary">
      <h2>Session saved</h2>
      <ul>
        {holds.map((h, i) => (
          <li key={i}>
            {h.side} side: {fmtSeconds(h.goodFormMs)} s of good form, felt {h.intensity}/10 at the{' '}
            {h.feltAt?.replace(/-/g, ' ')}
          </li>
        ))}
      </ul>
      {note && <p>{note}</p>}
      <p>
        Tomorrow morning, the app will ask how your back feels: that answer decides whether to progress, hold or ease
        off.
      </p>
    </div>
  );
}

export function StretchScreen({
  onBack,
  onEscalate,
}: {
  readonly onBack: () => void;
  readonly onEscalate: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const s = useStretchSession();
  const { stage, session } = s;
  return (
    <section className="screen" aria-labelledby="st-title">
      <h1 id="st-title" ref={heading} tabIndex={-1}>
        Hip flexor stretch
      </h1>
      {stage.kind === 'gate' && <PainNowGate onResult={(e) => void s.afterGate(e.nrs)} />}
      {stage.kind === 'intro' && <IntroStage s={s} />}
      {stage.kind === 'phone' && <PhoneStage s={s} />}
      {stage.kind === 'live' && <LiveStage s={s} />}
      {stage.kind === 'rate' && <RateStage s={s} hold={stage.hold} />}
      {stage.kind === 'decided' && <DecidedStage s={s} decision={stage.decision} onEscalate={onEscalate} />}
      {stage.kind === 'finish' && <FinishStage s={s} />}
      {stage.kind === 'summary' && session && <SummaryStage holds={session.holds} note={stage.note} />}
      {stage.kind === 'failed' && <Problem>{stage.reason}</Problem>}
      <BackToStart onBack={onBack} />
    </section>
  );
}
