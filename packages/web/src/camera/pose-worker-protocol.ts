// Messages between the page and the pose worker (pose-worker.ts). Frames go in as ImageBitmaps,
// handed over without a copy; landmarks come back as plain core frames.

import type { FrameResult } from '@steadyback/core';

export type LoadStep = 'engine' | 'model';

export type ToPoseWorker =
  | { readonly kind: 'estimate'; readonly id: number; readonly bitmap: ImageBitmap; readonly tMs: number }
  | { readonly kind: 'reset' };

export type FromPoseWorker =
  | { readonly kind: 'step'; readonly step: LoadStep }
  | { readonly kind: 'ready' }
  | { readonly kind: 'load-failed'; readonly message: string }
  | { readonly kind: 'frame'; readonly id: number; readonly frame: FrameResult }
  | { readonly kind: 'estimate-failed'; readonly id: number; readonly message: string };
