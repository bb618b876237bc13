// A PoseSource whose model runs in the pose worker (pose-worker.ts): each frame is copied once into
// an ImageBitmap, handed over without a further copy, and answered with the frame's landmarks.

import type { FrameResult } from '@steadyback/core';
import { isRgbFrame, type PoseInput, type PoseSource } from '@steadyback/pose';
import { LIVE_POSE_MODEL } from './pose-model.ts';
import type { FromPoseWorker, LoadStep, ToPoseWorker } from './pose-worker-protocol.ts';

interface Pending {
  readonly resolve: (frame: FrameResult) => void;
  readonly reject: (err: Error) => void;
}

const workerSources = new WeakSet<PoseSource>();

/** Whether this source's model runs in the pose worker. */
export function isWorkerPoseSource(source: PoseSource): boolean {
  return workerSources.has(source);
}

function workerSource(worker: Worker, pending: Map<number, Pending>): PoseSource {
  let nextId = 1;
  const post = (message: ToPoseWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const source: PoseSource = {
    model: LIVE_POSE_MODEL,
    async estimate(frame: PoseInput, tMs: number) {
      if (isRgbFrame(frame)) throw new Error('The pose worker reads browser frames (a video, canvas or bitmap).');
      const bitmap = await createImageBitmap(frame as unknown as ImageBitmapSource);
      const id = nextId++;
      return new Promise<FrameResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ kind: 'estimate', id, bitmap, tMs }, [bitmap]);
      });
    },
    reset: () => post({ kind: 'reset' }),
    dispose() {
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('The pose model was stopped.'));
      pending.clear();
    },
  };
  workerSources.add(source);
  return source;
}

/** Starts the pose worker; resolves once its model is loaded, rejects if it cannot start. */
export function startWorkerPoseSource(onStep: (step: LoadStep) => void): Promise<PoseSource> {
  const worker = new Worker(new URL('./pose-worker.ts', import.meta.url), { type: 'module', name: 'pose' });
  const pending = new Map<number, Pending>();
  const source = workerSource(worker, pending);
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      reject(new Error(message));
      source.dispose();
    };
    worker.onerror = (event) => fail(event.message || 'The pose worker stopped.');
    worker.onmessage = (event: MessageEvent<FromPoseWorker>) => {
      const m = event.data;
      if (m.kind === 'step') onStep(m.step);
      else if (m.kind === 'ready') resolve(source);
      else if (m.kind === 'load-failed') fail(m.message);
      else {
        const waiting = pending.get(m.id);
        pending.delete(m.id);
        if (m.kind === 'frame') waiting?.resolve(m.frame);
        else waiting?.reject(new Error(m.message));
      }
    };
  });
}
