import { describe, expect, it } from 'vitest';
import { detectCameraView } from './camera-view.ts';
import { birdDogSequence, type CameraView } from './synthetic/index.ts';
import { seededGaussian } from './test-frames.ts';

const settled = (view: CameraView, noisePx = 0) =>
  birdDogSequence({ view, reps: [], settleMs: 1000, imaging: { noisePx, gaussian: seededGaussian(3) } }).frames;

describe('detectCameraView on all fours', () => {
  const cases: Array<[CameraView, string]> = [
    ['side-left', 'side'],
    ['side-right', 'side'],
    ['rear', 'rear'],
    ['rear-raised', 'rear-raised'],
    ['rear-oblique-45', 'rear-oblique'],
    ['front', 'front'],
    ['high-corner', 'high-corner'],
  ];
  for (const [view, kind] of cases) {
    it(`recognises the ${view} camera as ${kind}`, () => {
      expect(detectCameraView(settled(view, 1.5), 'quadruped').kind).toBe(kind);
    });
  }

  it('tells which side of the person faces a side camera', () => {
    expect(detectCameraView(settled('side-left'), 'quadruped').sideTowardCamera).toBe('left');
    expect(detectCameraView(settled('side-right'), 'quadruped').sideTowardCamera).toBe('right');
  });

  it('estimates the camera yaw: near 0 from the side, near 90 from behind, near 45 in between', () => {
    expect(detectCameraView(settled('side-left'), 'quadruped').yawFromSideDeg!).toBeLessThan(15);
    expect(detectCameraView(settled('rear'), 'quadruped').yawFromSideDeg!).toBeGreaterThan(80);
    const oblique = detectCameraView(settled('rear-oblique-45'), 'quadruped').yawFromSideDeg!;
    expect(oblique).toBeGreaterThan(35);
    expect(oblique).toBeLessThan(60);
  });

  it('says unknown when the shoulders or hips are not seen', () => {
    const frames = settled('side-left').map((f) => ({ ...f, landmarks: f.landmarks!.map((lm) => (lm ? { ...lm, visibility: 0.1 } : lm)) }));
    expect(detectCameraView(frames, 'quadruped').kind).toBe('unknown');
  });
});
