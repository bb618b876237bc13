// The stage table `steadyback bench` prints: each stage with its share of the whole analyze run,
// the thread-time rows inside the pose loop marked as such, and the real-time factor against its target.
import { describe, expect, it } from 'vitest';
import { formatStages, type StageBench } from './bench-stages.ts';

const bench = (totalMs: number): StageBench => ({
  video: '/x/minute.mp4',
  maxModelFps: null,
  durationS: 60,
  frames: 1800,
  workers: 2,
  rows: [
    { stage: 'probe, workers and model loading', ms: totalMs / 4, kind: 'wall' },
    { stage: '- pose model (detector, landmarks, tracking)', ms: 1234, kind: 'thread' },
    { stage: "core's analysis", ms: totalMs / 2, kind: 'wall' },
  ],
  totalMs,
  analyzeRealtimeFactor: 60 / (totalMs / 1000),
});

describe('the stage table', () => {
  it('gives each wall-clock stage its share and marks thread time', () => {
    const text = formatStages(bench(40_000));
    expect(text).toContain('| probe, workers and model loading | 10000 | 25% |');
    expect(text).toContain('| - pose model (detector, landmarks, tracking) | 1234 (thread) |  |');
    expect(text).toContain("| core's analysis | 20000 | 50% |");
    expect(text).toContain('1.50x real time (target >= 2)');
  });

  it('says 2x when a minute takes 30 s', () => {
    expect(formatStages(bench(30_000))).toContain('2.00x real time');
  });

  it('says at which rate the pose model read the video', () => {
    expect(formatStages(bench(30_000))).toContain('the pose model on every frame (1800 frames)');
    expect(formatStages({ ...bench(30_000), maxModelFps: 15, frames: 900 })).toContain(
      'the pose model on at most 15 frames a second (900 frames)',
    );
  });
});
