import { describe, expect, it } from 'vitest';
import { modelRunsInWorker, WORKER_MIN_CORES } from './pose-engine.ts';

describe('where the live pose model runs', () => {
  it('runs in the worker from 4 cores, in the page below or when a worker cannot start', () => {
    expect(WORKER_MIN_CORES).toBe(4);
    expect(modelRunsInWorker(4, true)).toBe(true);
    expect(modelRunsInWorker(8, true)).toBe(true);
    expect(modelRunsInWorker(3, true)).toBe(false);
    expect(modelRunsInWorker(2, true)).toBe(false);
    expect(modelRunsInWorker(undefined, true)).toBe(false);
    expect(modelRunsInWorker(8, false)).toBe(false);
  });
});
