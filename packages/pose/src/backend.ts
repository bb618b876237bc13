// Selects and initialises the tfjs backend once per thread. wasm (SIMD) is the default everywhere:
// in headless Chromium WebGL is SwiftShader and about 10x slower (DESIGN.md section 3).

import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { PoseError } from './errors.ts';

export interface BackendOptions {
  /**
   * Where the tfjs wasm binaries live: a directory path ending in '/' (Node) or a URL prefix on
   * the app's own origin (browser).
   */
  readonly wasmPathPrefix: string;
  /**
   * false: use the single-threaded build even where threads are allowed (a page on 2 cores, where the
   * model's threads only contend with the page). Default: the threaded build wherever the browser allows.
   */
  readonly threads?: boolean;
}

let ready: Promise<void> | null = null;
let readyPrefix: string | null = null;

export function initWasmBackend(options: BackendOptions): Promise<void> {
  if (ready) {
    if (readyPrefix !== options.wasmPathPrefix) {
      return Promise.reject(
        new PoseError(
          'bad-config',
          'The wasm backend is already initialised from another path; create all pose sources with the same wasm path.',
        ),
      );
    }
    return ready;
  }
  readyPrefix = options.wasmPathPrefix;
  ready = (async () => {
    setWasmPaths(options.wasmPathPrefix);
    if (options.threads === false) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const ok = await tf.setBackend('wasm');
    if (!ok) {
      throw new PoseError(
        'backend-unavailable',
        'The WebAssembly backend could not start; check that the tfjs wasm files are installed (npm ci).',
      );
    }
    await tf.ready();
  })();
  ready.catch(() => {
    ready = null;
    readyPrefix = null;
  });
  return ready;
}

export function backendName(): string {
  return tf.getBackend();
}
