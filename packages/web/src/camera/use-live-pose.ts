// The live camera pieces every camera screen shares: turning the camera on (with a camera picker,
// front or back), attaching it to the preview, loading the pose model once, and running the pose
// loop (pose-loop.ts) while a screen is active. Frames are never stored or sent anywhere.

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FrameResult } from '@steadyback/core';
import type { PoseSource } from '@steadyback/pose';
import { cameraProblem, modelProblem, type UserFacingProblem } from './camera-errors.ts';
import { loadPoseEngine, type LoadStep } from './pose-engine.ts';
import { startPoseLoop } from './pose-loop.ts';
import { isWorkerPoseSource } from './worker-pose-source.ts';

export type ModelState =
  | { readonly kind: 'loading'; readonly step: LoadStep }
  | { readonly kind: 'ready'; readonly source: PoseSource }
  | { readonly kind: 'error'; readonly problem: UserFacingProblem };

export type CameraState =
  | { readonly kind: 'off' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'on'; readonly stream: MediaStream }
  | { readonly kind: 'error'; readonly problem: UserFacingProblem };

/** Front (user-facing) cameras are mirrored in the preview only; webcams that do not say face the user. */
function isFrontCamera(stream: MediaStream): boolean {
  return stream.getVideoTracks()[0]?.getSettings().facingMode !== 'environment';
}

export function usePoseModel(): { model: ModelState; retry: () => void } {
  const [model, setModel] = useState<ModelState>({ kind: 'loading', step: 'engine' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setModel({ kind: 'loading', step: 'engine' });
    loadPoseEngine((step) => {
      if (!cancelled) setModel({ kind: 'loading', step });
    }).then(
      (source) => !cancelled && setModel({ kind: 'ready', source }),
      () => !cancelled && setModel({ kind: 'error', problem: modelProblem() }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  return { model, retry: () => setAttempt((n) => n + 1) };
}

export function useCamera(videoRef: RefObject<HTMLVideoElement | null>) {
  const [camera, setCamera] = useState<CameraState>({ kind: 'off' });
  const [mirrored, setMirrored] = useState(true);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);

  const start = useCallback(async (deviceId?: string) => {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setCamera({ kind: 'error', problem: cameraProblem({ name: 'InsecureContext' }) });
      return;
    }
    setCamera({ kind: 'starting' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: deviceId
          ? { deviceId: { exact: deviceId }, width: { ideal: 640 }, height: { ideal: 480 } }
          : { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      });
      setMirrored(isFrontCamera(stream));
      setCamera((old) => {
        if (old.kind === 'on') for (const t of old.stream.getTracks()) t.stop();
        return { kind: 'on', stream };
      });
      // Labels are only given once a camera is allowed.
      setDevices((await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput'));
    } catch (err) {
      setCamera({ kind: 'error', problem: cameraProblem(err) });
    }
  }, []);

  const stop = useCallback(() => {
    setCamera((c) => {
      if (c.kind === 'on') for (const t of c.stream.getTracks()) t.stop();
      return { kind: 'off' };
    });
  }, []);

  useEffect(() => {
    if (camera.kind !== 'on') return;
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = camera.stream;
    video.play().catch(() => {
      /* autoplay of a muted camera preview is allowed; a failure shows as "Looking for you". */
    });
    return () => {
      video.srcObject = null;
      for (const t of camera.stream.getTracks()) t.stop();
    };
  }, [camera, videoRef]);

  return { camera, start, stop, mirrored, setMirrored, devices };
}

/**
 * One pose estimate per new video frame while `active`; `onFrame` gets each frame (also frames
 * with no person). Returns the measured checks per second.
 */
export function useLivePose(opts: {
  readonly active: boolean;
  readonly source: PoseSource | null;
  readonly videoRef: RefObject<HTMLVideoElement | null>;
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly onFrame: (frame: FrameResult) => void;
  readonly onError: () => void;
}): number | null {
  const [checksPerSecond, setChecksPerSecond] = useState<number | null>(null);
  const onFrame = useRef(opts.onFrame);
  onFrame.current = opts.onFrame;
  const onError = useRef(opts.onError);
  onError.current = opts.onError;
  const { active, source, videoRef, canvasRef } = opts;

  useEffect(() => {
    if (!active || !source) return;
    const video = videoRef.current;
    const canvas = canvasRef.current;
    if (!video || !canvas) return;
    const stop = startPoseLoop(
      video,
      canvas,
      source,
      {
        onFrame: (frame) => onFrame.current(frame),
        onError: () => onError.current(),
        onRate: setChecksPerSecond,
      },
      { catchUp: isWorkerPoseSource(source) },
    );
    return () => {
      stop();
      setChecksPerSecond(null);
    };
  }, [active, source, videoRef, canvasRef]);

  return checksPerSecond;
}
