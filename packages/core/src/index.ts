// Public surface of @steadyback/core. Other packages import from here, never from files inside
// core; each folder's index.ts is that folder's surface.
export * from './pose/index.ts';
export * from './signal/index.ts';
export * from './camera/index.ts';
export * from './sensor/index.ts';
export * from './exercises/index.ts';
export * from './clinical/index.ts';
export * from './outcome.ts';
