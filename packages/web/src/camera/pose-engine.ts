// Loads the live pose model once per page, in the pose worker so the page's thread stays free for
// drawing and speaking on a device with cores to spare, or in the page itself on 2 cores or when a
// worker cannot start. Reports each step so the screen can show progress; later camera sessions
// reuse the loaded model after a reset().

import type { PoseSource } from '@steadyback/pose';
import { loadInPagePoseSource } from './pose-model.ts';
import type { LoadStep } from './pose-worker-protocol.ts';
import { startWorkerPoseSource } from './worker-pose-source.ts';

export { LIVE_POSE_MODEL, MODELS_URL_BASE, WASM_URL_PREFIX } from './pose-model.ts';
export type { LoadStep } from './pose-worker-protocol.ts';
export const LOAD_STEPS: readonly LoadStep[] = ['engine', 'model'];

let engine: Promise<PoseSource> | null = null;

/** The model goes to a worker when there is a core to spare for it (and the browser can start one). */
export const WORKER_MIN_CORES = 4;

/**
 * On 2 cores a worker has no core of its own: in headless Chromium (bench:web) it gave 17-18 checks
 * a second against 21-23 in the page, as the copy into an ImageBitmap and the worker's own canvas
 * read cost more than a free page thread gains. The threaded wasm build likewise only from 4 cores:
 * on 2 it was no faster alone, and its threads take the cores the camera and the page need.
 */
export function modelRunsInWorker(cores: number | undefined, canStartWorkers: boolean): boolean {
  return canStartWorkers && (cores ?? 1) >= WORKER_MIN_CORES;
}

export function loadPoseEngine(onStep: (step: LoadStep) => void): Promise<PoseSource> {
  if (engine) return engine;
  const spare = (navigator.hardwareConcurrency ?? 1) >= WORKER_MIN_CORES;
  engine = modelRunsInWorker(navigator.hardwareConcurrency, typeof Worker === 'function')
    ? startWorkerPoseSource(onStep).catch(() => loadInPagePoseSource(onStep, spare))
    : loadInPagePoseSource(onStep, spare);
  // A failed load can be retried (for example after a flaky connection to this same machine).
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
