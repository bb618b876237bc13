// Loads the live pose model once per page, in the pose worker so the page's thread stays free for
// drawing and speaking, or in the page itself when the worker cannot start. Reports each step so the
// screen can show progress; later camera sessions reuse the loaded model after a reset().

import type { PoseSource } from '@steadyback/pose';
import { loadInPagePoseSource } from './pose-model.ts';
import type { LoadStep } from './pose-worker-protocol.ts';
import { startWorkerPoseSource } from './worker-pose-source.ts';

export { LIVE_POSE_MODEL, MODELS_URL_BASE, WASM_URL_PREFIX } from './pose-model.ts';
export type { LoadStep } from './pose-worker-protocol.ts';
export const LOAD_STEPS: readonly LoadStep[] = ['engine', 'model'];

let engine: Promise<PoseSource> | null = null;

export function loadPoseEngine(onStep: (step: LoadStep) => void): Promise<PoseSource> {
  if (engine) return engine;
  engine =
    typeof Worker === 'function'
      ? startWorkerPoseSource(onStep).catch(() => loadInPagePoseSource(onStep))
      : loadInPagePoseSource(onStep);
  // A failed load can be retried (for example after a flaky connection to this same machine).
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
