// The camera check: asks for the camera, shows the preview with the live skeleton over it, and says
// in one plain sentence whether the whole body is in view. Pose runs on this device (BlazePose lite
// on tfjs wasm); frames are never stored or sent anywhere.

import { useCallback, useRef, useState, type RefObject } from 'react';
import type { FrameResult } from '@steadyback/core';
import { bodyStatus, bodyStatusKey, bodyStatusMessage, MESSAGES, StatusSteadier } from '../camera/body-status.ts';
import { modelProblem } from '../camera/camera-errors.ts';
import { LOAD_STEPS } from '../camera/pose-engine.ts';
import { useCamera, useLivePose, usePoseModel, type CameraState, type ModelState } from '../camera/use-live-pose.ts';
import { BackToStart } from '../components/common.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';

export const STEP_TEXT = {
  engine: 'starting the tracking engine',
  model: 'loading the body model',
} as const;

interface LiveStatus {
  readonly key: string;
  readonly message: string;
}

/** The model's loading progress, or its error with a retry. */
export function ModelStatus({ model, retry }: { readonly model: ModelState; readonly retry: () => void }) {
  const stepIndex = model.kind === 'loading' ? LOAD_STEPS.indexOf(model.step) : LOAD_STEPS.length;
  if (model.kind === 'loading') {
    return (
      <div className="loading" role="status" aria-live="polite">
        <label htmlFor="model-progress">
          Getting ready, step {stepIndex + 1} of {LOAD_STEPS.length}: {STEP_TEXT[model.step]}…
        </label>
        <progress id="model-progress" max={LOAD_STEPS.length} value={stepIndex} />
      </div>
    );
  }
  if (model.kind === 'error') {
    return (
      <div className="problem" role="alert">
        <h2>{model.problem.title}</h2>
        <p>{model.problem.detail}</p>
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}

function useCameraCheck() {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { model, retry } = usePoseModel();
  const [modelFailed, setModelFailed] = useState(false);
  const cam = useCamera(videoRef);
  const [status, setStatus] = useState<LiveStatus>({ key: 'no-person', message: MESSAGES.noPerson });
  const steadier = useRef(new StatusSteadier(3));
  const onFrame = useCallback((frame: FrameResult) => {
    const shown = steadier.current.push(bodyStatus(frame));
    const key = bodyStatusKey(shown);
    setStatus((s) => (s.key === key ? s : { key, message: bodyStatusMessage(shown) }));
  }, []);
  const running = cam.camera.kind === 'on' && model.kind === 'ready' && !modelFailed;
  const checksPerSecond = useLivePose({
    active: running,
    source: model.kind === 'ready' ? model.source : null,
    videoRef,
    canvasRef,
    onFrame,
    onError: () => setModelFailed(true),
  });
  const shownModel: ModelState = modelFailed ? { kind: 'error', problem: modelProblem() } : model;
  const retryModel = () => {
    setModelFailed(false);
    retry();
  };
  return { videoRef, canvasRef, model, shownModel, retryModel, ...cam, status, running, checksPerSecond };
}

type CameraCheck = ReturnType<typeof useCameraCheck>;

function CameraOn({ c }: { readonly c: CameraCheck }) {
  const { status, mirrored } = c;
  return (
    <>
      <p
        className={`live-status status-${status.key.split(':')[0]}`}
        role="status"
        aria-live="polite"
        data-status={status.key}
        data-testid="live-status"
      >
        {c.model.kind === 'ready'
          ? status.message
          : 'The camera is on. Tracking starts as soon as the body model is ready.'}
      </p>
      <div className={`stage${mirrored ? ' mirrored' : ''}`}>
        <video ref={c.videoRef} className="preview" muted playsInline autoPlay aria-label="Camera preview" />
        <canvas ref={c.canvasRef} className="overlay" data-testid="skeleton" aria-hidden="true" />
      </div>
      {c.running && c.checksPerSecond !== null && (
        <p className="meta">Checking your position {c.checksPerSecond} times a second, on this device.</p>
      )}
      <div className="actions">
        <label className="toggle">
          <input type="checkbox" checked={mirrored} onChange={(e) => c.setMirrored(e.target.checked)} />
          Show the picture as a mirror
        </label>
        <button type="button" className="button" onClick={c.stop}>
          Stop camera
        </button>
      </div>
    </>
  );
}

function CameraStart({ camera, onStart }: { readonly camera: CameraState; readonly onStart: () => void }) {
  return (
    <div className="actions">
      <button type="button" className="button primary" onClick={onStart} disabled={camera.kind === 'starting'}>
        {camera.kind === 'error'
          ? 'Try again'
          : camera.kind === 'starting'
            ? 'Starting the camera…'
            : 'Turn on the camera'}
      </button>
    </div>
  );
}

export function CameraScreen({ onBack }: { readonly onBack: () => void }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const c = useCameraCheck();
  const { camera } = c;

  return (
    <section className="screen" aria-labelledby="camera-title">
      <h1 id="camera-title" ref={heading} tabIndex={-1}>
        Camera check
      </h1>
      <p className="lead">
        Stand your phone or laptop on the floor, 2 to 3 metres away and side-on to you, so that it sees you from head to
        feet. The picture stays on this device.
      </p>

      <ModelStatus model={c.shownModel} retry={c.retryModel} />
      {camera.kind === 'error' && (
        <div className="problem" role="alert">
          <h2>{camera.problem.title}</h2>
          <p>{camera.problem.detail}</p>
        </div>
      )}

      {camera.kind === 'on' ? <CameraOn c={c} /> : <CameraStart camera={camera} onStart={() => void c.start()} />}

      <BackToStart onBack={onBack} />
    </section>
  );
}
