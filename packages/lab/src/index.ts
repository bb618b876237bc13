// @steadyback/lab: the accuracy lab's tools. Node-only (launches Chromium and ffmpeg).
export * from './render/index.ts';
