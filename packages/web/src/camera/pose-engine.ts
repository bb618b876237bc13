// Loads the live pose model once per page: the tfjs wasm backend and BlazePose lite, both from the
// app's own origin (copied into the build by vite.config.ts). Reports each step so the screen can
// show progress; later camera sessions reuse the loaded model after a reset().

import {
  createTfjsPoseSource,
  initWasmBackend,
  sameOriginModelLocator,
  type PoseModelName,
  type PoseSource,
} from '@steadyback/pose';

/** BlazePose lite: 20 ms per tracked frame on wasm, fast enough to feel live on a phone (DESIGN.md 3). */
export const LIVE_POSE_MODEL: PoseModelName = 'blazepose-lite';
/** Same paths as scripts/app-assets.ts, where the files are put into the build. */
export const WASM_URL_PREFIX = '/tfjs/';
export const MODELS_URL_BASE = '/models';

export type LoadStep = 'engine' | 'model';
export const LOAD_STEPS: readonly LoadStep[] = ['engine', 'model'];

let engine: Promise<PoseSource> | null = null;

export function loadPoseEngine(onStep: (step: LoadStep) => void): Promise<PoseSource> {
  if (engine) return engine;
  engine = (async () => {
    onStep('engine');
    await initWasmBackend({ wasmPathPrefix: WASM_URL_PREFIX });
    onStep('model');
    return createTfjsPoseSource(LIVE_POSE_MODEL, { locator: sameOriginModelLocator(MODELS_URL_BASE) });
  })();
  // A failed load can be retried (for example after a flaky connection to this same machine).
  engine.catch(() => {
    engine = null;
  });
  return engine;
}
