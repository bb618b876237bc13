// The pose worker: loads the live model off the page's thread and answers one frame at a time, so
// the page keeps drawing, speaking and counting while the model works. Video never leaves the device:
// the frames come from the page as ImageBitmaps and are closed once read.

import type { PoseSource } from '@steadyback/pose';
import { loadInPagePoseSource } from './pose-model.ts';
import type { FromPoseWorker, ToPoseWorker } from './pose-worker-protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToPoseWorker>) => void) | null;
  postMessage(message: FromPoseWorker): void;
}
const scope = self as unknown as WorkerScope;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// The worker runs only on a device with cores to spare, so its model may use the threaded build.
const source: Promise<PoseSource | null> = loadInPagePoseSource(
  (step) => scope.postMessage({ kind: 'step', step }),
  true,
).then(
  (loaded) => {
    scope.postMessage({ kind: 'ready' });
    return loaded;
  },
  (err: unknown) => {
    scope.postMessage({ kind: 'load-failed', message: errorText(err) });
    return null;
  },
);

async function handle(pose: PoseSource | null, message: ToPoseWorker): Promise<void> {
  if (message.kind === 'reset') {
    pose?.reset();
    return;
  }
  try {
    if (!pose) throw new Error('The pose model did not load.');
    const frame = await pose.estimate(message.bitmap, message.tMs);
    scope.postMessage({ kind: 'frame', id: message.id, frame });
  } catch (err) {
    scope.postMessage({ kind: 'estimate-failed', id: message.id, message: errorText(err) });
  } finally {
    message.bitmap.close();
  }
}

// One message at a time, in order, so a reset never lands in the middle of a frame.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const message = event.data;
  queue = queue.then(async () => handle(await source, message));
};
