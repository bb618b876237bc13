// Renders the benchmark's fixtures one at a time in the background (one browser per figure) while
// the models work on what is already there: Chromium's software renderer and the tfjs wasm
// thread then use the machine's two cores at once. Renders are cached by ensureFixture.

import {
  ensureFixture,
  isFixtureCached,
  type ClipFixture,
  type ClipFixtureSpec,
  type ImageFixture,
  type ImageFixtureSpec,
} from '../render/fixture-cache.ts';
import { createFigureRenderer, type FigureChoice, type FigureRenderer } from '../render/figure-renderer.ts';
import { lookVariant } from '../render/views.ts';
import type { ClipCase, StillCase } from './cases.ts';

export interface StillFiles {
  readonly color: ImageFixture;
  readonly mask: ImageFixture | null;
}

export interface RenderQueue {
  still(c: StillCase): Promise<StillFiles>;
  clip(c: ClipCase): Promise<ClipFixture>;
  close(): Promise<void>;
}

export function imageSpec(c: StillCase, layer?: 'mask'): ImageFixtureSpec {
  return {
    kind: 'image',
    pose: c.pose,
    view: c.view,
    // Defaults stay unset so these stills share the cache with the tests' fixtures.
    ...(c.figure !== 'women_Casual' ? { figure: c.figure } : {}),
    ...(c.lookSeed !== 0 ? { look: lookVariant(c.lookSeed) } : {}),
    ...(layer ? { layer } : {}),
  };
}

interface FixtureSource {
  readonly renderers: Map<FigureChoice, Promise<FigureRenderer>>;
  imageFixture(name: string, spec: ImageFixtureSpec, figure: FigureChoice): Promise<ImageFixture>;
  clipFixture(name: string, spec: ClipFixtureSpec, figure: FigureChoice): Promise<ClipFixture>;
}

function fixtureSource(): FixtureSource {
  const renderers = new Map<FigureChoice, Promise<FigureRenderer>>();
  const rendererFor = (figure: FigureChoice) => {
    let r = renderers.get(figure);
    if (!r) {
      r = createFigureRenderer({ figure });
      r.catch(() => undefined); // reported through the job that asked for it
      renderers.set(figure, r);
    }
    return r;
  };
  // A browser starts only for what the cache lacks: a warm run renders nothing.
  const imageFixture = async (name: string, spec: ImageFixtureSpec, figure: FigureChoice): Promise<ImageFixture> =>
    isFixtureCached(name, spec)
      ? ensureFixture(name, spec)
      : ensureFixture(name, spec, { renderer: await rendererFor(figure) });
  const clipFixture = async (name: string, spec: ClipFixtureSpec, figure: FigureChoice): Promise<ClipFixture> =>
    isFixtureCached(name, spec)
      ? ensureFixture(name, spec)
      : ensureFixture(name, spec, { renderer: await rendererFor(figure) });
  return { renderers, imageFixture, clipFixture };
}

interface Chain {
  enqueue<T>(job: () => Promise<T>): Promise<T>;
  /** Settles when every job queued so far has. */
  idle(): Promise<unknown>;
}

function serialChain(): Chain {
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const p = chain.then(job);
    chain = p.catch(() => undefined);
    return p;
  };
  return { enqueue, idle: () => chain };
}

export function createRenderQueue(
  stills: readonly StillCase[],
  clips: readonly ClipCase[],
  onRendered: (done: number, total: number) => void,
): RenderQueue {
  const { renderers, imageFixture, clipFixture } = fixtureSource();
  const total = stills.length + stills.filter((c) => c.trueMask).length + clips.length;
  let done = 0;
  const tick = () => onRendered(++done, total);
  // One chain: at most one render in flight, in the order the models will ask for them.
  const { enqueue, idle } = serialChain();
  const stillJobs = new Map<string, Promise<StillFiles>>();
  const clipJobs = new Map<string, Promise<ClipFixture>>();
  const queueClip = (c: ClipCase) => {
    const job = enqueue(async () => {
      const f = await clipFixture(c.id, c.spec, c.spec.figure ?? 'women_Casual');
      tick();
      return f;
    });
    job.catch(() => undefined);
    clipJobs.set(c.id, job);
  };
  // Clips are spread among the stills: the models work through the stills meanwhile, so a cold
  // cache costs little more than a warm one, instead of leaving the clips to render at the end.
  const every = clips.length ? Math.max(1, Math.floor(stills.length / (clips.length + 1))) : Infinity;
  let nextClip = 0;
  for (const [i, c] of stills.entries()) {
    if (i > 0 && i % every === 0 && nextClip < clips.length) queueClip(clips[nextClip++]!);
    const job = enqueue(async () => {
      const color = await imageFixture(c.id, imageSpec(c), c.figure);
      tick();
      let mask: ImageFixture | null = null;
      if (c.trueMask) {
        mask = await imageFixture(`${c.id}.mask`, imageSpec(c, 'mask'), c.figure);
        tick();
      }
      return { color, mask };
    });
    job.catch(() => undefined); // reported when the case is asked for
    stillJobs.set(c.id, job);
  }
  while (nextClip < clips.length) queueClip(clips[nextClip++]!);
  return {
    still: (c) => stillJobs.get(c.id) ?? Promise.reject(new Error(`still ${c.id} was not planned`)),
    clip: (c) => clipJobs.get(c.id) ?? Promise.reject(new Error(`clip ${c.id} was not planned`)),
    async close() {
      await idle();
      for (const r of renderers.values()) await (await r.catch(() => null))?.close();
    },
  };
}
