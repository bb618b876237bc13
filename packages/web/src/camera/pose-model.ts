// The live pose model itself: the tfjs wasm backend and BlazePose lite, both from the app's own
// origin (copied into the build by vite.config.ts). Loaded in the pose worker, or in the page when
// a browser cannot start the worker.

import {
  createTfjsPoseSource,
  initWasmBackend,
  sameOriginModelLocator,
  type PoseModelName,
  type PoseSource,
} from '@steadyback/pose';
import type { LoadStep } from './pose-worker-protocol.ts';

/** BlazePose lite: 20 ms per tracked frame on wasm, fast enough to feel live on a phone (DESIGN.md 3). */
export const LIVE_POSE_MODEL: PoseModelName = 'blazepose-lite';
/** Same paths as scripts/app-assets.ts, where the files are put into the build. */
export const WASM_URL_PREFIX = '/tfjs/';
export const MODELS_URL_BASE = '/models';

/** `threads`: whether the model may use the threaded wasm build (only with cores to spare). */
export async function loadInPagePoseSource(onStep: (step: LoadStep) => void, threads: boolean): Promise<PoseSource> {
  onStep('engine');
  await initWasmBackend({ wasmPathPrefix: WASM_URL_PREFIX, threads });
  onStep('model');
  return createTfjsPoseSource(LIVE_POSE_MODEL, { locator: sameOriginModelLocator(MODELS_URL_BASE) });
}
