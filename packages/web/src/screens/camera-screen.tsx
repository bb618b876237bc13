// The camera check: asks for the camera, shows the preview with the live skeleton over it, and says
// in one plain sentence whether the whole body is in view. Pose runs on this device (BlazePose lite
// on tfjs wasm); frames are never stored or sent anywhere.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { PoseSource } from '@steadyback/pose';
import { bodyStatus, bodyStatusKey, bodyStatusMessage, MESSAGES, StatusSteadier } from '../camera/body-status.ts';
import { cameraProblem, modelProblem, type UserFacingProblem } from '../camera/camera-errors.ts';
import { LOAD_STEPS, loadPoseEngine, type LoadStep } from '../camera/pose-engine.ts';
import { drawSkeleton } from '../camera/skeleton-canvas.tsx';
import { useFocusHeading } from './use-focus-heading.tsx';

type ModelState =
  | { readonly kind: 'loading'; readonly step: LoadStep }
  | { readonly kind: 'ready'; readonly source: PoseSource }
  | { readonly kind: 'error'; readonly problem: UserFacingProblem };

type CameraState =
  | { readonly kind: 'off' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'on'; readonly stream: MediaStream }
  | { readonly kind: 'error'; readonly problem: UserFacingProblem };

const STEP_TEXT: Readonly<Record<LoadStep, string>> = {
  engine: 'starting the tracking engine',
  model: 'loading the body model',
};

interface LiveStatus {
  readonly key: string;
  readonly message: string;
}

/** Whether to mirror the preview: front (user-facing) cameras yes, rear cameras no; webcams that do not say face the user. */
function isFrontCamera(stream: MediaStream): boolean {
  const facing = stream.getVideoTracks()[0]?.getSettings().facingMode;
  return facing !== 'environment';
}

type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export function CameraScreen({ onBack }: { readonly onBack: () => void }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [model, setModel] = useState<ModelState>({ kind: 'loading', step: 'engine' });
  const [camera, setCamera] = useState<CameraState>({ kind: 'off' });
  const [mirrored, setMirrored] = useState(true);
  const [status, setStatus] = useState<LiveStatus>({ key: 'no-person', message: MESSAGES.noPerson });
  const [checksPerSecond, setChecksPerSecond] = useState<number | null>(null);
  const [modelAttempt, setModelAttempt] = useState(0);

  // Load the model as soon as the screen opens, while the person sets up the camera.
  useEffect(() => {
    let cancelled = false;
    setModel({ kind: 'loading', step: 'engine' });
    loadPoseEngine((step) => {
      if (!cancelled) setModel({ kind: 'loading', step });
    }).then(
      (source) => {
        if (!cancelled) setModel({ kind: 'ready', source });
      },
      () => {
        if (!cancelled) setModel({ kind: 'error', problem: modelProblem() });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [modelAttempt]);

  const startCamera = useCallback(async () => {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setCamera({ kind: 'error', problem: cameraProblem({ name: 'InsecureContext' }) });
      return;
    }
    setCamera({ kind: 'starting' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      });
      setMirrored(isFrontCamera(stream));
      setCamera({ kind: 'on', stream });
    } catch (err) {
      setCamera({ kind: 'error', problem: cameraProblem(err) });
    }
  }, []);

  const stopCamera = useCallback(() => {
    setCamera((c) => {
      if (c.kind === 'on') for (const t of c.stream.getTracks()) t.stop();
      return { kind: 'off' };
    });
  }, []);

  // Attach the stream to the video; stop the camera when the screen closes.
  useEffect(() => {
    if (camera.kind !== 'on') return;
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = camera.stream;
    video.play().catch(() => {
      /* autoplay of a muted camera preview is allowed; a failure here shows as "Looking for you". */
    });
    return () => {
      video.srcObject = null;
      for (const t of camera.stream.getTracks()) t.stop();
    };
  }, [camera]);

  // The live loop: one pose estimate per new video frame, skipping frames while the model is busy.
  useEffect(() => {
    if (camera.kind !== 'on' || model.kind !== 'ready') return;
    const video = videoRef.current as VideoWithFrameCallback | null;
    const canvas = canvasRef.current;
    if (!video || !canvas) return;
    const source = model.source;
    source.reset();
    const steadier = new StatusSteadier(3);
    let stopped = false;
    let handle = 0;
    let usesVideoCallback = false;
    let lastTMs = -Infinity;
    let windowStart = performance.now();
    let windowCount = 0;

    const schedule = () => {
      if (stopped) return;
      if (typeof video.requestVideoFrameCallback === 'function') {
        usesVideoCallback = true;
        handle = video.requestVideoFrameCallback(onFrame);
      } else {
        handle = requestAnimationFrame(onFrame);
      }
    };

    const onFrame = async (now: number) => {
      if (stopped) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        // The pose source reads width/height for normalised coordinates: keep them at the camera's size.
        if (video.width !== video.videoWidth || video.height !== video.videoHeight) {
          video.width = video.videoWidth;
          video.height = video.videoHeight;
        }
        if (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
        }
        const tMs = Math.max(now, lastTMs + 1);
        lastTMs = tMs;
        try {
          const frame = await source.estimate(video, tMs);
          if (stopped) return;
          drawSkeleton(canvas, frame);
          const shown = steadier.push(bodyStatus(frame));
          const key = bodyStatusKey(shown);
          setStatus((s) => (s.key === key ? s : { key, message: bodyStatusMessage(shown) }));
          windowCount++;
          const elapsed = performance.now() - windowStart;
          if (elapsed >= 1000) {
            setChecksPerSecond(Math.round((windowCount * 1000) / elapsed));
            windowStart = performance.now();
            windowCount = 0;
          }
        } catch {
          if (stopped) return;
          setModel({ kind: 'error', problem: modelProblem() });
          return;
        }
      }
      schedule();
    };

    schedule();
    return () => {
      stopped = true;
      if (usesVideoCallback) video.cancelVideoFrameCallback?.(handle);
      else cancelAnimationFrame(handle);
      drawSkeleton(canvas, null);
      setStatus({ key: 'no-person', message: MESSAGES.noPerson });
      setChecksPerSecond(null);
    };
  }, [camera, model]);

  const stepIndex = model.kind === 'loading' ? LOAD_STEPS.indexOf(model.step) : LOAD_STEPS.length;
  const running = camera.kind === 'on' && model.kind === 'ready';

  return (
    <section className="screen" aria-labelledby="camera-title">
      <h1 id="camera-title" ref={heading} tabIndex={-1}>
        Camera check
      </h1>
      <p className="lead">
        Stand your phone or laptop on the floor, 2 to 3 metres away and side-on to you, so that it sees you from head to
        feet. The picture stays on this device.
      </p>

      {model.kind === 'loading' && (
        <div className="loading" role="status" aria-live="polite">
          <label htmlFor="model-progress">
            Getting ready, step {stepIndex + 1} of {LOAD_STEPS.length}: {STEP_TEXT[model.step]}…
          </label>
          <progress id="model-progress" max={LOAD_STEPS.length} value={stepIndex} />
        </div>
      )}
      {model.kind === 'error' && (
        <div className="problem" role="alert">
          <h2>{model.problem.title}</h2>
          <p>{model.problem.detail}</p>
          <button type="button" className="button" onClick={() => setModelAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {camera.kind === 'error' && (
        <div className="problem" role="alert">
          <h2>{camera.problem.title}</h2>
          <p>{camera.problem.detail}</p>
        </div>
      )}

      {camera.kind === 'on' ? (
        <>
          <p className={`live-status status-${status.key.split(':')[0]}`} role="status" aria-live="polite" data-status={status.key} data-testid="live-status">
            {model.kind === 'ready' ? status.message : 'The camera is on. Tracking starts as soon as the body model is ready.'}
          </p>
          <div className={`stage${mirrored ? ' mirrored' : ''}`}>
            <video ref={videoRef} className="preview" muted playsInline autoPlay aria-label="Camera preview" />
            <canvas ref={canvasRef} className="overlay" data-testid="skeleton" aria-hidden="true" />
          </div>
          {running && checksPerSecond !== null && (
            <p className="meta">Checking your position {checksPerSecond} times a second, on this device.</p>
          )}
          <div className="actions">
            <label className="toggle">
              <input type="checkbox" checked={mirrored} onChange={(e) => setMirrored(e.target.checked)} />
              Show the picture as a mirror
            </label>
            <button type="button" className="button" onClick={stopCamera}>
              Stop camera
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button primary" onClick={() => void startCamera()} disabled={camera.kind === 'starting'}>
            {camera.kind === 'error' ? 'Try again' : camera.kind === 'starting' ? 'Starting the camera…' : 'Turn on the camera'}
          </button>
        </div>
      )}

      <div className="actions">
        <button type="button" className="button secondary" onClick={onBack}>
          Back to start
        </button>
      </div>
    </section>
  );
}
