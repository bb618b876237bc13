// Node entry of the pose package: pose sources with models and wasm read from disk, and the
// recorded-video source and pipeline.

export * from './node-pose-source.ts';
export * from './file-model-locator.ts';
export * from './video-source.ts';
export * from './ffmpeg.ts';
export * from './analyze-video.ts';
export * from './motion-frames.ts';
export * from './recorded-analysis.ts';
