// What the camera sees besides the landmarks: which way it looks, the body's posture and place,
// where the small grey pictures change, how a moving camera is lined up, and edits in a video.
export * from './view.ts';
export * from './motion.ts';
export * from './body-place.ts';
export * from './body-posture.ts';
export * from './video-cuts.ts';
