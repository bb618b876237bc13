// The bird-dog with the camera at the side (issue 18): on the laptop, the camera's live skeleton
// and placement words, the paced cues spoken here, and, when a phone is paired and lies on the
// lower back, its live level. Without a phone the camera gives its part (reps, sides, leg height,
// trunk sag) and says plainly that pelvic roll needs the phone. One result from core's analysis.

import { useCallback, useRef, useState } from 'react';
import type { FrameResult } from '@steadyback/core';
import { bodyStatus, bodyStatusKey, bodyStatusMessage, MESSAGES, StatusSteadier } from '../camera/body-status.ts';
import { modelProblem } from '../camera/camera-errors.ts';
import { useCamera, useLivePose, usePoseModel } from '../camera/use-live-pose.ts';
import { MuteToggle, Problem } from '../components/common.tsx';
import { PainNowGate } from '../components/pain-now.tsx';
import { CameraPlacementPicture } from '../components/pictures.tsx';
import { useScreenPairing } from '../pairing/use-screen-pairing.ts';
import { ModelStatus } from './camera-screen.tsx';
import { LevelGauge, PacingCaption } from './bird-dog-screen.tsx';
import { PairPanel } from './pair-panel.tsx';
import { useCameraBirdDogRun } from './use-camera-bird-dog-run.ts';
import { useFocusHeading } from './use-focus-heading.tsx';

function useCameraPart(active: boolean, onRunFrame: (f: FrameResult) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { model, retry } = usePoseModel();
  const [failed, setFailed] = useState(false);
  const cam = useCamera(videoRef);
  const [status, setStatus] = useState<{ key: string; message: string }>({
    key: 'no-person',
    message: MESSAGES.noPerson,
  });
  const steadier = useRef(new StatusSteadier(3));
  const onFrame = useCallback(
    (frame: FrameResult) => {
      onRunFrame(frame);
      const shown = steadier.current.push(bodyStatus(frame));
      const key = bodyStatusKey(shown);
      setStatus((s) => (s.key === key ? s : { key, message: bodyStatusMessage(shown) }));
    },
    [onRunFrame],
  );
  const running = active && cam.camera.kind === 'on' && model.kind === 'ready' && !failed;
  const rate = useLivePose({
    active: running,
    source: model.kind === 'ready' ? model.source : null,
    videoRef,
    canvasRef,
    onFrame,
    onError: () => setFailed(true),
  });
  const shownModel = failed ? ({ kind: 'error', problem: modelProblem() } as const) : model;
  return { videoRef, canvasRef, shownModel, retry, cam, status, running, rate };
}

type CameraPart = ReturnType<typeof useCameraPart>;

function CameraView({ c }: { readonly c: CameraPart }) {
  const { camera } = c.cam;
  return (
    <>
      <ModelStatus model={c.shownModel} retry={c.retry} />
      {camera.kind === 'error' && <Problem>{`${camera.problem.title} ${camera.problem.detail}`}</Problem>}
      {camera.kind === 'on' ? (
        <>
          <p
            className="live-status"
            role="status"
            aria-live="polite"
            data-testid="live-status"
            data-status={c.status.key}
          >
            {c.status.message}
          </p>
          <div className={`stage${c.cam.mirrored ? ' mirrored' : ''}`}>
            <video ref={c.videoRef} className="preview" muted playsInline autoPlay aria-label="Camera preview" />
            <canvas ref={c.canvasRef} className="overlay" data-testid="skeleton" aria-hidden="true" />
          </div>
          {c.running && c.rate !== null && <p className="meta">Checking your position {c.rate} times a second.</p>}
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button primary" onClick={() => void c.cam.start()}>
            {camera.kind === 'starting' ? 'Starting the camera…' : 'Turn on the camera'}
          </button>
        </div>
      )}
    </>
  );
}

function SetupWords({ phone }: { readonly phone: boolean }) {
  return (
    <ol className="steps">
      <li>Stand this laptop on the floor 2 to 3 metres away, side-on to your mat, so it sees you from head to feet.</li>
      <li>
        {phone
          ? 'Lay the phone flat on your lower back, just above your bottom, screen up, top toward your head.'
          : 'Without a phone the camera sees your reps, your leg height and whether your back sags, but not whether your pelvis rolls: pelvic roll needs the phone on your lower back.'}
      </li>
      <li>Kneel on all fours. This laptop speaks the pacing: reach, hold, back, alternating sides.</li>
    </ol>
  );
}

type Pairing = ReturnType<typeof useScreenPairing>;
type Run = ReturnType<typeof useCameraBirdDogRun>;

function SetupView({
  withPhone,
  setWithPhone,
  pairing,
}: {
  readonly withPhone: boolean;
  readonly setWithPhone: (v: boolean) => void;
  readonly pairing: Pairing;
}) {
  return (
    <>
      <CameraPlacementPicture />
      <SetupWords phone={withPhone} />
      {withPhone && <PairPanel pairing={pairing} />}
      <label className="toggle">
        <input type="checkbox" checked={!withPhone} onChange={(e) => setWithPhone(!e.target.checked)} />
        No phone: use the camera alone
      </label>
    </>
  );
}

function StartButton({
  canStart,
  cameraOn,
  begin,
}: {
  readonly canStart: boolean;
  readonly cameraOn: boolean;
  readonly begin: () => void;
}) {
  return (
    <>
      <MuteToggle label="Mute voice and beeps (captions stay on)" />
      <div className="actions">
        <button type="button" className="button primary" disabled={!canStart} onClick={begin}>
          Start the test
        </button>
      </div>
      {!canStart && (
        <p className="meta">
          {!cameraOn ? 'Turn on the camera to start.' : 'Pair the phone to start, or choose the camera alone.'}
        </p>
      )}
    </>
  );
}

function RunningView({
  live,
  withPhone,
  pairing,
}: {
  readonly live: Run['live'];
  readonly withPhone: boolean;
  readonly pairing: Pairing;
}) {
  return (
    <>
      <PacingCaption caption={live.caption} rep={live.rep.n} of={live.rep.of} />
      {withPhone ? (
        <LevelGauge level={live.level} beeps={live.beeps} />
      ) : (
        <p className="meta">Pelvic roll needs the phone on your lower back: the camera alone does not judge it.</p>
      )}
      {withPhone && <PairPanel pairing={pairing} />}
      {live.phoneSilent && (
        <Problem>
          The phone is not sending its tilt just now. It keeps its readings and sends them when it is back.
        </Problem>
      )}
      {live.lastRep && <p data-testid="last-rep">{live.lastRep}</p>}
    </>
  );
}

export function BirdDogCameraScreen({
  onResults,
  onBack,
}: {
  readonly onResults: (id: string) => void;
  readonly onBack: () => void;
}) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [withPhone, setWithPhone] = useState(true);
  const pairing = useScreenPairing(withPhone);
  const { stage, setStage, live, onFrame, begin } = useCameraBirdDogRun(pairing, onResults);
  const showCamera = stage.kind === 'setup' || stage.kind === 'running';
  const c = useCameraPart(showCamera, onFrame);
  const canStart = c.running && (!withPhone || pairing.state.kind === 'paired');

  return (
    <section className="screen" aria-labelledby="bdc-title">
      <h1 id="bdc-title" ref={heading} tabIndex={-1}>
        Bird-dog test with the camera
      </h1>
      {stage.kind === 'gate' && <PainNowGate forTest onResult={() => setStage({ kind: 'setup' })} />}
      {stage.kind === 'setup' && <SetupView withPhone={withPhone} setWithPhone={setWithPhone} pairing={pairing} />}
      {stage.kind === 'running' && <RunningView live={live} withPhone={withPhone} pairing={pairing} />}
      {showCamera && <CameraView c={c} />}
      {stage.kind === 'setup' && <StartButton canStart={canStart} cameraOn={c.running} begin={begin} />}
      {stage.kind === 'saving' && <p role="status">Working out your results…</p>}
      {stage.kind === 'failed' && <Problem testId="bird-dog-failed">{stage.reason}</Problem>}
      <div className="actions">
        <button type="button" className="button secondary" onClick={onBack}>
          {stage.kind === 'running' ? 'Stop and go back' : 'Back to start'}
        </button>
      </div>
    </section>
  );
}
