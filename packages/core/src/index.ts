// Public surface of @steadyback/core: the landmark model, frames, geometry, visibility gating
// and filters. Other packages import from here, never from files inside core.

export * from './landmarks.ts';
export * from './pose-frame.ts';
export * from './geometry.ts';
export * from './frame-geometry.ts';
export * from './visibility.ts';
export * from './filters/moving-median.ts';
export * from './filters/one-euro.ts';
export * from './filters/butterworth.ts';
export * from './pose-summary.ts';
export * from './camera-view.ts';
export * from './camera-motion.ts';
export * from './body-place.ts';
export * from './body-posture.ts';
export * from './video-cuts.ts';
export * from './exercises/bird-dog/index.ts';
export * from './sensor/index.ts';
export * from './cue-scheduler.ts';
export * from './exercises/hip-flexor-stretch/index.ts';
export * from './guard/index.ts';
export * from './programme/index.ts';
export * from './records/index.ts';
export * from './history/index.ts';
