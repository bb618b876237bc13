// Where model files come from. In Node they are read from disk (see node/file-model-locator.ts);
// in the browser they are fetched from the app's own origin. Never from a CDN or hub.

import type { io } from '@tensorflow/tfjs-core';

export interface ModelLocator {
  /** A URL on the app's own origin, or an IOHandler that reads the files locally. */
  locate(modelFile: string): string | io.IOHandler;
}

/** Browser: model files served by the app itself, e.g. `/models/blazepose-full.json`. */
export function sameOriginModelLocator(baseUrl: string): ModelLocator {
  const base = baseUrl.replace(/\/+$/, '');
  return { locate: (modelFile) => `${base}/${modelFile}.json` };
}
