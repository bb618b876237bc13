// The landmark model: 33 named points per frame, angles and distances on them, visibility gating
// and a summary of a whole recording. Everything else in core builds on these.
export * from './landmarks.ts';
export * from './pose-frame.ts';
export * from './geometry.ts';
export * from './frame-geometry.ts';
export * from './visibility.ts';
export * from './pose-summary.ts';
