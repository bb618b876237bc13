// Renders a rigged CC0 human (three.js in headless Chromium, software WebGL) in exact poses and
// returns PNG frames with ground truth read back from the posed skeleton. One browser per
// renderer; create once, render many, close().

import { cc0FiguresAvailable, startBrowserHost, type BrowserHost } from './browser-host.ts';
import { boneTargets, interpolatePose, type BoneTargets, type PoseSpec, type RigInfo } from './pose-spec.ts';
import {
  computeAngles,
  LANDMARK_NAMES,
  toTruthFrame,
  type FrameTruth,
  type LandmarkName,
  type Point2,
  type Point3,
} from './truth.ts';
import { DEFAULT_LOOK, VIEWS, type Look, type ViewName } from './views.ts';

export const FIGURES = ['women_Casual', 'men_Casual', 'men_Suit', 'women_Worker'] as const;
export type FigureName = (typeof FIGURES)[number];
/** A CC0 figure, or 'mannequin': the dev-only mannequin-js fallback (plumbing checks only). */
export type FigureChoice = FigureName | 'mannequin';

/** The figure used when none is named: women_Casual, or the mannequin when the CC0 figures are missing. */
export function defaultFigure(): FigureChoice {
  return cc0FiguresAvailable() ? 'women_Casual' : 'mannequin';
}

export interface FigureRendererOptions {
  /** Default: defaultFigure(). */
  readonly figure?: FigureChoice;
  readonly widthPx?: number;
  readonly heightPx?: number;
}

export interface RenderOptions {
  readonly look?: Partial<Look>;
  /** Points (figure frame, metres) the camera must fit instead of this pose's own silhouette. */
  readonly framePoints?: FramePoints;
  /** Draw the true 2D joints on the picture (left blue, right red, face green): for people, never for models. */
  readonly overlay?: boolean;
  /** 'color' (default) = the picture; 'mask' = the figure's silhouette, white on black; 'background' = the room without the figure. */
  readonly layer?: 'color' | 'mask' | 'background';
}

export interface ClipRenderOptions extends RenderOptions {
  /**
   * Which moments the fixed camera is placed to fit (default all): as a person props the phone for
   * the body on all fours, so that standing up goes out of the picture.
   */
  readonly fitAt?: (tMs: number) => boolean;
}

/** Points in the figure frame (x = the person's left, y = up, z = forward), metres. */
export type FramePoints = ReadonlyArray<readonly [number, number, number]>;

export interface RenderResult {
  readonly png: Buffer;
  readonly truth: FrameTruth;
}

export interface Keyframe {
  readonly tMs: number;
  readonly pose: PoseSpec;
  /**
   * Where the figure is on the floor, [x, z] metres in the figure frame (x = the person's left,
   * z = forward); default the origin. Eased between keyframes like the pose: someone who creeps
   * forward between reps.
   */
  readonly placeM?: FloorPlace;
}

export type FloorPlace = readonly [number, number];

export interface ClipFrame extends RenderResult {
  readonly index: number;
  readonly tMs: number;
}

export interface FigureRenderer {
  readonly figure: FigureChoice;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly rig: RigInfo;
  render(pose: PoseSpec, view: ViewName, opts?: RenderOptions): Promise<RenderResult>;
  /** Frames at `fps` from t = 0 for `durationS` (default: the last keyframe), eased between keyframes. */
  renderClip(
    keyframes: readonly Keyframe[],
    view: ViewName,
    fps: number,
    durationS?: number,
    opts?: ClipRenderOptions,
  ): Promise<ClipFrame[]>;
  /** The pose a keyframe list describes at time tMs. */
  poseAt(keyframes: readonly Keyframe[], tMs: number): PoseSpec;
  /** Where on the floor a keyframe list puts the figure at time tMs. */
  placeAt(keyframes: readonly Keyframe[], tMs: number): FloorPlace;
  close(): Promise<void>;
}

interface PageRender {
  pngBase64: string;
  joints3d: Record<string, [number, number, number]>;
  joints2d: Record<string, [number, number] | null>;
  depthM: Record<string, number>;
  camera: { position: [number, number, number]; target: [number, number, number]; fovYDeg: number };
  widthPx: number;
  heightPx: number;
  spineAxes: { hips: [number, number, number]; chest: [number, number, number] };
}

interface LabPage {
  init(o: {
    figureUrl: string;
    width: number;
    height: number;
  }): Promise<Omit<RigInfo, 'trunkLineOffsetDeg' | 'pelvisTiltLeanGain'>>;
  joints(targets: BoneTargets): Record<string, [number, number, number]>;
  measure(o: { targets: BoneTargets; place: FloorPlace }): FramePoints;
  render(o: {
    targets: BoneTargets;
    place: FloorPlace;
    view: unknown;
    look: Look;
    framePoints?: FramePoints;
    overlay?: boolean;
    layer?: string;
    fixedCamera?: PageRender['camera'];
  }): Promise<PageRender>;
}
/** The page module publishes itself as globalThis.lab (see browser-host's module tag). */
interface PageGlobal {
  lab: LabPage;
}

const smoothstep = (t: number): number => t * t * (3 - 2 * t);

export function poseAt(keyframes: readonly Keyframe[], tMs: number): PoseSpec {
  const first = keyframes[0];
  if (!first) throw new Error('poseAt: give at least one keyframe');
  if (tMs <= first.tMs) return first.pose;
  for (let i = 1; i < keyframes.length; i += 1) {
    const a = keyframes[i - 1]!;
    const b = keyframes[i]!;
    if (tMs <= b.tMs) {
      const span = b.tMs - a.tMs;
      return span <= 0 ? b.pose : interpolatePose(a.pose, b.pose, smoothstep((tMs - a.tMs) / span));
    }
  }
  return keyframes[keyframes.length - 1]!.pose;
}

export function placeAt(keyframes: readonly Keyframe[], tMs: number): FloorPlace {
  const at = (k: Keyframe | undefined): FloorPlace => k?.placeM ?? [0, 0];
  if (keyframes.length === 0 || tMs <= keyframes[0]!.tMs) return at(keyframes[0]);
  for (let i = 1; i < keyframes.length; i += 1) {
    const a = keyframes[i - 1]!;
    const b = keyframes[i]!;
    if (tMs <= b.tMs) {
      const span = b.tMs - a.tMs;
      const t = span <= 0 ? 1 : smoothstep((tMs - a.tMs) / span);
      const [ax, az] = at(a);
      const [bx, bz] = at(b);
      return [ax + (bx - ax) * t, az + (bz - az) * t];
    }
  }
  return at(keyframes[keyframes.length - 1]);
}

function sagittalBendDeg(hips: readonly number[], chest: readonly number[]): number {
  // figure frame: phi from +z toward +y
  const phi = (v: readonly number[]) => (Math.atan2(v[1]!, v[2]!) * 180) / Math.PI;
  let d = phi(chest) - phi(hips);
  while (d > 180) d -= 360;
  while (d < -180) d += 360;
  return d;
}

function toTruth(r: PageRender): FrameTruth {
  const joints3dM = {} as Record<LandmarkName, Point3>;
  const joints2dPx = {} as Record<LandmarkName, Point2 | null>;
  const depthM = {} as Record<LandmarkName, number>;
  for (const name of LANDMARK_NAMES) {
    const p3 = r.joints3d[name];
    if (!p3) throw new Error(`renderer page returned no joint ${name}`);
    joints3dM[name] = toTruthFrame(p3);
    const p2 = r.joints2d[name];
    const inside = p2 && p2[0] >= 0 && p2[0] < r.widthPx && p2[1] >= 0 && p2[1] < r.heightPx;
    joints2dPx[name] = inside ? { x: p2[0], y: p2[1] } : null;
    depthM[name] = r.depthM[name] ?? NaN;
  }
  return {
    joints2dPx,
    joints3dM,
    depthM,
    angles: computeAngles(joints3dM, sagittalBendDeg(r.spineAxes.hips, r.spineAxes.chest)),
    camera: {
      position: toTruthFrame(r.camera.position),
      target: toTruthFrame(r.camera.target),
      fovYDeg: r.camera.fovYDeg,
      widthPx: r.widthPx,
      heightPx: r.heightPx,
    },
  };
}

/** Loads the page's module and the figure, then calibrates the rig (trunk line, pelvis tilt lean). */
async function loadRig(host: BrowserHost, figure: FigureChoice, widthPx: number, heightPx: number): Promise<RigInfo> {
  await host.page.addScriptTag({
    type: 'module',
    content: "import * as lab from '/lab/lab-page.js'; window.lab = lab;",
  });
  await host.page.waitForFunction(() => typeof (globalThis as unknown as Partial<PageGlobal>).lab?.init === 'function');
  const measured = await host.page.evaluate((o) => (globalThis as unknown as PageGlobal).lab.init(o), {
    figureUrl: figure === 'mannequin' ? 'mannequin' : `/figures/${figure}.glb`,
    width: widthPx,
    height: heightPx,
  });
  return calibrateRig(host, { ...measured, trunkLineOffsetDeg: 0, pelvisTiltLeanGain: 0 });
}

/**
 * Calibrates the trunk line once: pose with parallel spine bones, read the joints back; then how
 * much a pelvis tilt moves that line (half-kneeling compensates).
 */
async function calibrateRig(host: BrowserHost, raw: RigInfo): Promise<RigInfo> {
  const lean = async (r: RigInfo, pose: PoseSpec): Promise<number> => {
    const j = await host.page.evaluate(
      (t) => (globalThis as unknown as PageGlobal).lab.joints(t),
      boneTargets(pose, r),
    );
    const m = (a: string, b: string, i: number) => ((j[a]?.[i] ?? NaN) + (j[b]?.[i] ?? NaN)) / 2;
    const dy = m('left_shoulder', 'right_shoulder', 1) - m('left_hip', 'right_hip', 1);
    const dz = m('left_shoulder', 'right_shoulder', 2) - m('left_hip', 'right_hip', 2);
    return (Math.atan2(-dz, dy) * 180) / Math.PI; // positive = leaning back
  };
  const offset = await lean(raw, { kind: 'standing' });
  const level: RigInfo = { ...raw, trunkLineOffsetDeg: offset };
  const kneel = { kind: 'half-kneeling', kneelingSide: 'left', trunkLeanDeg: 0 } as const;
  const gain = ((await lean(level, { ...kneel, pelvisTiltDeg: 10 })) - (await lean(level, kneel))) / 10;
  return { ...level, pelvisTiltLeanGain: gain };
}

type RenderTargets = (
  targets: BoneTargets,
  place: FloorPlace,
  view: ViewName,
  o?: RenderOptions,
  fixedCamera?: PageRender['camera'],
) => Promise<RenderResult & { rawCamera: PageRender['camera'] }>;

function targetsRenderer(host: BrowserHost): RenderTargets {
  return async (targets, place, view, o = {}, fixedCamera) => {
    const viewParams = VIEWS[view];
    if (!viewParams) throw new Error(`unknown view "${view}"; use one of ${Object.keys(VIEWS).join(', ')}`);
    const look: Look = { ...DEFAULT_LOOK, ...o.look };
    const r = await host.page.evaluate((a) => (globalThis as unknown as PageGlobal).lab.render(a), {
      targets,
      place,
      view: viewParams,
      look,
      framePoints: fixedCamera ? undefined : o.framePoints,
      overlay: o.overlay ?? false,
      layer: o.layer ?? 'color',
      fixedCamera,
    });
    return { png: Buffer.from(r.pngBase64, 'base64'), truth: toTruth(r), rawCamera: r.camera };
  };
}

/** Points the one fixed camera of a clip must fit: every fitted frame's body, sampled 5 times a second. */
async function clipFramePoints(
  host: BrowserHost,
  frames: { readonly times: number[]; readonly targets: BoneTargets[]; readonly places: FloorPlace[] },
  fps: number,
  fitAt: ClipRenderOptions['fitAt'],
): Promise<FramePoints> {
  const pts: Array<readonly [number, number, number]> = [];
  for (let i = 0; i < frames.times.length; i += Math.max(1, Math.round(fps / 5))) {
    if (fitAt && !fitAt(frames.times[i]!)) continue;
    pts.push(
      ...(await host.page.evaluate((a) => (globalThis as unknown as PageGlobal).lab.measure(a), {
        targets: frames.targets[i]!,
        place: frames.places[i]!,
      })),
    );
  }
  return pts;
}

async function renderClipWith(
  host: BrowserHost,
  rig: RigInfo,
  clip: { keyframes: readonly Keyframe[]; view: ViewName; fps: number; durationS: number | undefined },
  o: ClipRenderOptions,
): Promise<ClipFrame[]> {
  const { keyframes, view, fps, durationS } = clip;
  if (!(fps > 0)) throw new Error('renderClip: fps must be > 0');
  const endMs = durationS !== undefined ? durationS * 1000 : (keyframes[keyframes.length - 1]?.tMs ?? 0);
  const n = Math.max(1, Math.round((endMs / 1000) * fps));
  const times = Array.from({ length: n }, (_, i) => (i * 1000) / fps);
  const targets = times.map((t) => boneTargets(poseAt(keyframes, t), rig));
  const places = times.map((t) => placeAt(keyframes, t));
  // One fixed camera for the whole clip, placed so that every fitted frame's body fits.
  const framePoints = o.framePoints ?? (await clipFramePoints(host, { times, targets, places }, fps, o.fitAt));
  if (framePoints.length === 0) throw new Error('renderClip: fitAt leaves no moment to fit the camera to');
  const renderTargets = targetsRenderer(host);
  const frames: ClipFrame[] = [];
  let camera: PageRender['camera'] | undefined;
  for (let i = 0; i < n; i += 1) {
    const { png, truth, rawCamera } = await renderTargets(targets[i]!, places[i]!, view, { ...o, framePoints }, camera);
    camera ??= rawCamera;
    frames.push({ png, truth, index: i, tMs: times[i]! });
  }
  return frames;
}

export async function createFigureRenderer(opts: FigureRendererOptions = {}): Promise<FigureRenderer> {
  const figure = opts.figure ?? defaultFigure();
  if (figure !== 'mannequin' && !(FIGURES as readonly string[]).includes(figure))
    throw new Error(`unknown figure "${figure}"; use one of ${FIGURES.join(', ')} or mannequin`);
  const widthPx = opts.widthPx ?? 640;
  const heightPx = opts.heightPx ?? 480;
  const host: BrowserHost = await startBrowserHost(widthPx, heightPx, figure === 'mannequin' ? 'mannequin' : 'gltf');
  let rig: RigInfo;
  try {
    rig = await loadRig(host, figure, widthPx, heightPx);
  } catch (e) {
    await host.close();
    throw e;
  }
  const renderTargets = targetsRenderer(host);
  return {
    figure,
    widthPx,
    heightPx,
    rig,
    poseAt,
    placeAt,
    async render(pose, view, o) {
      const { png, truth } = await renderTargets(boneTargets(pose, rig), [0, 0], view, o);
      return { png, truth };
    },
    renderClip: (keyframes, view, fps, durationS, o = {}) =>
      renderClipWith(host, rig, { keyframes, view, fps, durationS }, o),
    close: () => host.close(),
  };
}
