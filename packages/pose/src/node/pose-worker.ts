// One pose-analysis worker: runs a segment of a video and reports progress and results.
import { parentPort, workerData } from 'node:worker_threads';
import { PoseError } from '../errors.ts';
import { runSegment, type SegmentJob, type WorkerMessage } from './analyze-video.ts';

const port = parentPort;
if (!port) throw new Error('pose-worker.ts must run as a worker thread.');
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  const result = await runSegment(workerData as SegmentJob, (frames) => post({ type: 'progress', frames }));
  post({ type: 'done', result });
} catch (err) {
  post(
    err instanceof PoseError
      ? { type: 'error', code: err.code, message: err.message }
      : { type: 'error', message: (err as Error).message },
  );
}
