// Stands in for @mediapipe/pose in the browser bundle. pose-detection imports it for its
// 'mediapipe' runtime, which would load its solution files from a CDN; steadyback only uses the
// 'tfjs' runtime with models from its own origin, so this class must never be constructed.

export class Pose {
  constructor() {
    throw new Error('The MediaPipe runtime is not part of steadyback; create pose sources with the tfjs runtime.');
  }
}
