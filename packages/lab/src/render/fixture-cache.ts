// Rendered fixtures on disk, keyed by a hash of the request, the renderer's version and its source:
// renders are deterministic, so a test on a fresh machine renders once and later runs reuse the
// files. Lives under <repo>/.cache/lab/<hash>/ (git-ignored); STEADYBACK_LAB_CACHE overrides.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './browser-host.ts';
import {
  birdDogClip,
  halfKneelClip,
  writeClip,
  type BirdDogClipOptions,
  type HalfKneelClipOptions,
  type RenderedClip,
} from './clips.ts';
import { createFigureRenderer, defaultFigure, type FigureChoice, type FigureRenderer } from './figure-renderer.ts';
import { mannequinDirs } from './browser-host.ts';
import type { PoseSpec } from './pose-spec.ts';
import type { FrameTruth } from './truth.ts';
import type { Look, ViewName } from './views.ts';

/** Bump when the output changes in a way the source hash below would not notice. */
export const LAB_RENDER_VERSION = 1;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCES = [
  'page/lab-page.js',
  'pose-spec.ts',
  'truth.ts',
  'views.ts',
  'figure-renderer.ts',
  'clips.ts',
  'browser-host.ts',
];

export interface ImageFixtureSpec {
  readonly kind: 'image';
  readonly pose: PoseSpec;
  readonly view: ViewName;
  readonly figure?: FigureChoice;
  readonly widthPx?: number;
  readonly heightPx?: number;
  readonly look?: Partial<Look>;
  /** 'mask' = the figure's exact silhouette (segmentation truth); default the colour picture. */
  readonly layer?: 'color' | 'mask';
}

type ClipOpts<T> = Omit<T, 'renderer'>;
export type ClipFixtureSpec =
  | ({ readonly kind: 'clip'; readonly recipe: 'bird-dog' } & ClipOpts<BirdDogClipOptions>)
  | ({ readonly kind: 'clip'; readonly recipe: 'half-kneel' } & ClipOpts<HalfKneelClipOptions>);

export type FixtureSpec = ImageFixtureSpec | ClipFixtureSpec;

export interface ImageFixture {
  readonly kind: 'image';
  readonly dir: string;
  readonly png: string;
  /** JSON: FrameTruth. */
  readonly truth: string;
  readonly fromCache: boolean;
}

export interface ClipFixture {
  readonly kind: 'clip';
  readonly dir: string;
  readonly mp4: string;
  readonly y4m: string;
  /** JSON: ClipTruthFile. */
  readonly truth: string;
  readonly fromCache: boolean;
}

/** What a clip's truth file holds: per frame, the time, phase labels and the frame truth. */
export interface ClipTruthFile {
  readonly fps: number;
  readonly view: ViewName;
  readonly durationMs: number;
  readonly segments: RenderedClip['plan']['segments'];
  readonly frames: Array<{
    index: number;
    tMs: number;
    phase: string;
    rep: number | null;
    side: string | null;
    truth: FrameTruth;
  }>;
}

function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, stable(x)]),
    );
  }
  return v;
}

let sourceHash: string | undefined;
function rendererSourceHash(): string {
  if (!sourceHash) {
    const h = createHash('sha256');
    for (const f of SOURCES) h.update(readFileSync(path.join(HERE, f)));
    sourceHash = h.digest('hex');
  }
  return sourceHash;
}

/** The figure a spec renders with: without the CC0 figures an unnamed figure is the mannequin. */
function effectiveFigure(spec: FixtureSpec): FigureChoice {
  return spec.figure ?? defaultFigure();
}

let mannequinHash: string | undefined;
function mannequinSourceHash(): string {
  mannequinHash ??= createHash('sha256')
    .update(readFileSync(path.join(mannequinDirs().page, 'mannequin-figure.js')))
    .digest('hex');
  return mannequinHash;
}

export function fixtureHash(spec: FixtureSpec): string {
  // Mannequin renders never share a cache entry with a CC0 render of the same spec.
  const fig = effectiveFigure(spec) === 'mannequin' ? { figure: 'mannequin', mannequinSrc: mannequinSourceHash() } : {};
  return createHash('sha256')
    .update(JSON.stringify({ v: LAB_RENDER_VERSION, src: rendererSourceHash(), spec: stable({ ...spec, ...fig }) }))
    .digest('hex')
    .slice(0, 20);
}

export function labCacheDir(): string {
  return process.env.STEADYBACK_LAB_CACHE ?? path.join(REPO_ROOT, '.cache', 'lab');
}

/** True when the fixture is already rendered (so no browser needs to start for it). */
export function isFixtureCached(name: string, spec: FixtureSpec): boolean {
  return existsSync(path.join(labCacheDir(), fixtureHash(spec), `${safeName(name)}.done`));
}

const safeName = (name: string): string => {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name))
    throw new Error(`fixture name "${name}": use letters, digits, '.', '_' or '-'`);
  return name;
};

type FixtureFiles = { png?: string; mp4?: string; y4m?: string; truth: string };

/** Renders the spec and writes its files, named as in `files`, into the folder `tmp`. */
async function renderFiles(
  spec: FixtureSpec,
  files: FixtureFiles,
  tmp: string,
  renderer: FigureRenderer,
): Promise<void> {
  const tmpFile = (f: string) => path.join(tmp, path.basename(f));
  if (spec.kind === 'image') {
    const { png, truth } = await renderer.render(spec.pose, spec.view, { look: spec.look, layer: spec.layer });
    writeFileSync(tmpFile(files.png!), png);
    writeFileSync(tmpFile(files.truth), JSON.stringify(truth));
  } else {
    const clip =
      spec.recipe === 'bird-dog'
        ? await birdDogClip({ ...spec, renderer })
        : await halfKneelClip({ ...spec, renderer });
    await writeClip(clip.frames, tmpFile(files.mp4!), spec.fps);
    await writeClip(clip.frames, tmpFile(files.y4m!), spec.fps);
    const truthFile: ClipTruthFile = {
      fps: clip.fps,
      view: clip.view,
      durationMs: clip.plan.durationMs,
      segments: clip.plan.segments,
      frames: clip.frames.map((f) => ({
        index: f.index,
        tMs: f.tMs,
        phase: f.phase,
        rep: f.rep,
        side: f.side,
        truth: f.truth,
      })),
    };
    writeFileSync(tmpFile(files.truth), JSON.stringify(truthFile));
  }
}

/**
 * Returns the files of a rendered fixture, rendering them first when the cache does not hold them.
 * Pass `renderer` to reuse an open browser (its figure and size must match the spec's).
 */
export async function ensureFixture(
  name: string,
  spec: ImageFixtureSpec,
  opts?: { renderer?: FigureRenderer },
): Promise<ImageFixture>;
export async function ensureFixture(
  name: string,
  spec: ClipFixtureSpec,
  opts?: { renderer?: FigureRenderer },
): Promise<ClipFixture>;
export async function ensureFixture(
  name: string,
  spec: FixtureSpec,
  opts: { renderer?: FigureRenderer } = {},
): Promise<ImageFixture | ClipFixture> {
  safeName(name);
  const dir = path.join(labCacheDir(), fixtureHash(spec));
  const files =
    spec.kind === 'image'
      ? { png: path.join(dir, `${name}.png`), truth: path.join(dir, `${name}.truth.json`) }
      : {
          mp4: path.join(dir, `${name}.mp4`),
          y4m: path.join(dir, `${name}.y4m`),
          truth: path.join(dir, `${name}.truth.json`),
        };
  const done = path.join(dir, `${name}.done`);
  const result = (fromCache: boolean) =>
    spec.kind === 'image'
      ? ({ kind: 'image', dir, png: files.png!, truth: files.truth, fromCache } as ImageFixture)
      : ({ kind: 'clip', dir, mp4: files.mp4!, y4m: files.y4m!, truth: files.truth, fromCache } as ClipFixture);
  if (existsSync(done)) return result(true);

  // Render into a private temporary folder, then move the files in: parallel test workers never
  // see half-written fixtures.
  const tmp = path.join(labCacheDir(), `.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(tmp, { recursive: true });
  const own = opts.renderer === undefined;
  const figure = effectiveFigure(spec);
  if (opts.renderer && opts.renderer.figure !== figure)
    throw new Error(`ensureFixture ${name}: the renderer draws ${opts.renderer.figure}, the spec asks for ${figure}`);
  const renderer =
    opts.renderer ?? (await createFigureRenderer({ figure, widthPx: spec.widthPx, heightPx: spec.heightPx }));
  try {
    const tmpFile = (f: string) => path.join(tmp, path.basename(f));
    await renderFiles(spec, files, tmp, renderer);
    mkdirSync(dir, { recursive: true });
    for (const f of Object.values(files)) renameSync(tmpFile(f), f);
    writeFileSync(done, JSON.stringify({ name, spec: stable(spec), version: LAB_RENDER_VERSION }, null, 1));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (own) await renderer.close();
  }
  return result(false);
}

export function readImageTruth(f: ImageFixture): FrameTruth {
  return JSON.parse(readFileSync(f.truth, 'utf8')) as FrameTruth;
}

export function readClipTruth(f: ClipFixture): ClipTruthFile {
  return JSON.parse(readFileSync(f.truth, 'utf8')) as ClipTruthFile;
}
