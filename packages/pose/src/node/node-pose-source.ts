// Pose sources for Node: the models and the wasm read from disk, on the wasm backend.

import { initWasmBackend } from '../backend.ts';
import { createTfjsPoseSource } from '../tfjs-pose-source.ts';
import { createPeopleCounter, type PeopleCounter } from '../people-counter.ts';
import type { PoseModelName } from '../models.ts';
import type { PoseSource } from '../pose-source.ts';
import { defaultWasmDir, fileModelLocator } from './file-model-locator.ts';

export interface NodePoseSourceOptions {
  readonly modelDir?: string;
  readonly enableSmoothing?: boolean;
}

/** Factory: a pose source for `model`, reading its files from disk, on the wasm backend. */
export async function createNodePoseSource(
  model: PoseModelName,
  options: NodePoseSourceOptions = {},
): Promise<PoseSource> {
  await initWasmBackend({ wasmPathPrefix: defaultWasmDir() });
  return createTfjsPoseSource(model, {
    locator: fileModelLocator(options.modelDir),
    ...(options.enableSmoothing !== undefined ? { enableSmoothing: options.enableSmoothing } : {}),
  });
}

export async function createNodePeopleCounter(modelDir?: string): Promise<PeopleCounter> {
  await initWasmBackend({ wasmPathPrefix: defaultWasmDir() });
  return createPeopleCounter(fileModelLocator(modelDir));
}
