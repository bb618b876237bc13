import { describe, expect, it } from 'vitest';
import { detectCameraView, detectPosture, RAISED_TRUNK_RISE, SIDE_VIEW_MAX_YAW_DEG } from './view.ts';
import { frameDistance } from '../pose/frame-geometry.ts';
import { landmarkIndex } from '../pose/landmarks.ts';
import { birdDogSequence, cameraForView, imageBody, type CameraView } from '@steadyback/synthetic';
import { seededGaussian } from '@steadyback/synthetic';

const settled = (view: CameraView, noisePx = 0) =>
  birdDogSequence({ view, reps: [], settleMs: 1000, imaging: { noisePx, gaussian: seededGaussian(3) } }).frames;

const SHOULDERS = [landmarkIndex('left_shoulder'), landmarkIndex('right_shoulder')];

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

  it('calls a side-like view whose shoulder-hip line tilts steeply a raised corner, not the side', () => {
    // BlazePose read a rendered high corner at the head end with side-view proportions, the
    // shoulders 0.82 thigh lengths below the hips in the picture; real side views read -0.28 to 0.39.
    const tilted = (rise: number) =>
      settled('side-left').map((f) => {
        const thigh = frameDistance(f, 'left_hip', 'left_knee')!;
        return {
          ...f,
          landmarks: f.landmarks!.map((lm, i) =>
            lm && SHOULDERS.includes(i) ? { ...lm, yNorm: lm.yNorm + rise * thigh } : lm,
          ),
        };
      });
    const steep = detectCameraView(tilted(RAISED_TRUNK_RISE + 0.3), 'quadruped');
    expect(steep.yawFromSideDeg!).toBeLessThan(SIDE_VIEW_MAX_YAW_DEG);
    expect(steep.kind).toBe('high-corner');
    expect(detectCameraView(tilted(RAISED_TRUNK_RISE - 0.3), 'quadruped').kind).toBe('side');
  });

  it('says unknown when the shoulders or hips are not seen', () => {
    const frames = settled('side-left').map((f) => ({
      ...f,
      landmarks: f.landmarks!.map((lm) => (lm ? { ...lm, visibility: 0.1 } : lm)),
    }));
    expect(detectCameraView(frames, 'quadruped').kind).toBe('unknown');
  });
});

describe('detectPosture', () => {
  it('recognises all fours from every view', () => {
    for (const view of ['side-left', 'rear', 'rear-oblique-45', 'front', 'high-corner'] as const) {
      expect(detectPosture(settled(view))).toBe('quadruped');
    }
  });
  it('recognises someone upright (hands near the hips, well above the knees)', () => {
    const camera = cameraForView('side-left', { centre: { x: 0, y: 0.9, z: 0 } });
    const p = (x: number, y: number, z: number) => ({ x, y, z });
    const standing = {
      nose: p(0.1, 1.6, 0),
      left_eye: p(0.08, 1.63, -0.03),
      right_eye: p(0.08, 1.63, 0.03),
      left_ear: p(0, 1.6, -0.07),
      right_ear: p(0, 1.6, 0.07),
      left_shoulder: p(0, 1.45, -0.18),
      right_shoulder: p(0, 1.45, 0.18),
      left_elbow: p(0, 1.15, -0.2),
      right_elbow: p(0, 1.15, 0.2),
      left_wrist: p(0.02, 0.88, -0.2),
      right_wrist: p(0.02, 0.88, 0.2),
      left_hip: p(0, 0.92, -0.1),
      right_hip: p(0, 0.92, 0.1),
      left_knee: p(0.02, 0.48, -0.1),
      right_knee: p(0.02, 0.48, 0.1),
      left_ankle: p(0, 0.06, -0.1),
      right_ankle: p(0, 0.06, 0.1),
      left_heel: p(-0.05, 0.03, -0.1),
      right_heel: p(-0.05, 0.03, 0.1),
      left_foot_index: p(0.15, 0.02, -0.1),
      right_foot_index: p(0.15, 0.02, 0.1),
    };
    const frames = [0, 33, 66].map((t) => imageBody(standing, camera, t));
    expect(detectPosture(frames)).toBe('upright');
  });
});
