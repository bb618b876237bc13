// Named camera views and the scene's look (colours, light), relative to the figure. The names are
// the same as packages/core's CAMERA_VIEWS. Directions are in the figure frame (x = the person's
// left, y = up, z = forward/head end) and point from the body toward the camera.

export const VIEW_NAMES = [
  'side-left',
  'side-right',
  'rear',
  'rear-raised',
  'rear-oblique-45',
  'front',
  'front-raised',
  'high-corner',
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface ViewParams {
  readonly dir: readonly [number, number, number];
  /** Lens height above the floor, metres; absent = at hip height. */
  readonly heightM?: number;
  /** Aim at the body's centre (tilted camera) instead of looking horizontally. */
  readonly lookAtCenter: boolean;
  readonly fovYDeg: number;
  /** Largest |NDC| any corner of the body's box may reach (0.85 = a margin of 7.5% each side). */
  readonly fill: number;
}

const FOV_Y_DEG = 50;
const FILL = 0.85;

export const VIEWS: Record<ViewName, ViewParams> = {
  'side-left': { dir: [1, 0, 0], lookAtCenter: false, fovYDeg: FOV_Y_DEG, fill: FILL },
  'side-right': { dir: [-1, 0, 0], lookAtCenter: false, fovYDeg: FOV_Y_DEG, fill: FILL },
  rear: { dir: [0, 0, -1], lookAtCenter: false, fovYDeg: FOV_Y_DEG, fill: FILL },
  'rear-raised': { dir: [0, 0, -1], heightM: 1.3, lookAtCenter: true, fovYDeg: FOV_Y_DEG, fill: FILL },
  'rear-oblique-45': { dir: [1, 0, -1], lookAtCenter: false, fovYDeg: FOV_Y_DEG, fill: FILL },
  front: { dir: [0, 0, 1], lookAtCenter: false, fovYDeg: FOV_Y_DEG, fill: FILL },
  // The head end, raised: on all fours the camera looks down the back toward the pelvis.
  'front-raised': { dir: [0, 0, 1], heightM: 1.3, lookAtCenter: true, fovYDeg: FOV_Y_DEG, fill: FILL },
  'high-corner': { dir: [1, 0, 1], heightM: 2.0, lookAtCenter: true, fovYDeg: FOV_Y_DEG, fill: FILL },
};

export function isViewName(v: string): v is ViewName {
  return (VIEW_NAMES as readonly string[]).includes(v);
}

/** Colours and light of the room; every field has a plain default. */
export interface Look {
  readonly wallColor: string;
  readonly floorColor: string;
  /** Hemisphere (ambient) light intensity. */
  readonly ambient: number;
  readonly keyIntensity: number;
  /** Key light direction: azimuth from the person's forward toward their left, and elevation. */
  readonly keyAzimuthDeg: number;
  readonly keyElevationDeg: number;
}

export const DEFAULT_LOOK: Look = {
  wallColor: '#e4e0d8',
  floorColor: '#b9ab96',
  ambient: 1.6,
  keyIntensity: 1.6,
  keyAzimuthDeg: 35,
  keyElevationDeg: 60,
};

/** A deterministic variation of the look (seed 0 = the default). */
export function lookVariant(seed: number): Look {
  if (seed === 0) return DEFAULT_LOOK;
  // Small LCG: the same seed always gives the same room.
  let s = (seed * 2654435761) >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const grey = (lo: number, hi: number, tint: number): string => {
    const base = lo + (hi - lo) * rnd();
    const c = [base + tint * (rnd() - 0.5), base + tint * (rnd() - 0.5), base + tint * (rnd() - 0.5)].map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    );
    return `#${c.join('')}`;
  };
  return {
    wallColor: grey(170, 240, 40),
    floorColor: grey(90, 200, 60),
    ambient: 1.0 + rnd() * 1.2,
    keyIntensity: 0.8 + rnd() * 1.6,
    keyAzimuthDeg: -180 + rnd() * 360,
    keyElevationDeg: 35 + rnd() * 45,
  };
}
