// Public API of the pose package that works in any JavaScript runtime (Node and the browser).
export * from './models.ts';
export * from './errors.ts';
export * from './model-locator.ts';
export * from './pose-source.ts';
export * from './backend.ts';
export * from './people-counter.ts';
export {
  createTfjsPoseSource,
  createPoseDetector,
  toFrameResult,
  type TfjsPoseSourceOptions,
} from './tfjs-pose-source.ts';
