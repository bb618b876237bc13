// The real-recordings manifest (../shared/real/manifest.json): which public recordings of real
// people make up the dev set, where to fetch each one, and our labels. Validated with zod at the
// boundary; the view descriptions are turned into a timeline of views here.

import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Rep = z.object({ side: z.string().min(1), startS: z.number(), endS: z.number() });

const Clip = z.object({
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  path: z.string().min(1),
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  exercise: z.string().min(1),
  view: z.string().min(1),
  durationS: z.number().positive(),
  reps: z.array(Rep).optional(),
  inPositionFromS: z.number().optional(),
  rockingForwardPeaksS: z.array(z.number()).optional(),
  rocking: z.boolean().optional(),
  sideSwitches: z.number().int().optional(),
  kneelingKnee: z.enum(['left', 'right']).optional(),
  expect: z.string().optional(),
  notes: z.string().optional(),
});

const Manifest = z.object({ clips: z.record(z.string(), Clip) });

export type RealClip = z.infer<typeof Clip> & { readonly name: string };
export type RealRep = z.infer<typeof Rep>;

/** What kind of clip it is: a bird-dog or a stretch to analyse, or another exercise that must not pass for one. */
export type ClipKind =
  | { readonly kind: 'bird-dog' }
  | { readonly kind: 'hip-flexor-stretch' }
  | { readonly kind: 'negative'; readonly what: string };

export function clipKind(c: Pick<RealClip, 'exercise'>): ClipKind {
  if (c.exercise === 'bird-dog' || c.exercise === 'hip-flexor-stretch') return { kind: c.exercise };
  const m = /^negative:(.+)$/.exec(c.exercise);
  if (!m)
    throw new Error(
      `Unknown exercise "${c.exercise}" in the real-recordings manifest: expected bird-dog, hip-flexor-stretch or negative:WHAT.`,
    );
  return { kind: 'negative', what: m[1]! };
}

export function loadManifest(file: string): RealClip[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`The real-recordings manifest ${file} could not be read (${(err as Error).message}).`);
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `The real-recordings manifest ${file} is not in the expected shape: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}.`,
    );
  return Object.entries(parsed.data.clips).map(([name, c]) => ({ ...c, name }));
}

export type LabelledView = 'side' | 'front' | 'front-oblique' | 'rear' | 'rear-oblique';

export interface ViewSpan {
  readonly view: LabelledView;
  readonly fromS: number;
  readonly toS: number;
}

const VIEW_WORDS: ReadonlyArray<[RegExp, LabelledView]> = [
  [/rear-oblique/, 'rear-oblique'],
  [/front-oblique/, 'front-oblique'],
  [/\bside\b/, 'side'],
  [/\bfront\b/, 'front'],
  [/\brear\b|\bbehind\b/, 'rear'],
];

/** An edit in the label's words: "then a hard cut at ~6.9 s", ", crossfade ~6.0-6.3 s", "cut ~7.0 s". */
const EDIT =
  /,?\s*(?:then\s+)?(?:a\s+hard\s+)?(?:cut|crossfade)(?:\s+at)?\s*~?(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?\s*s?/g;

/**
 * The views of a clip over time, from the label's words: one span for a single view, one per part
 * where the label names an edit. A part's view is the first view word in it ("side (slightly
 * front-oblique, ...)" is a side view).
 */
export function viewTimeline(view: string, durationS: number): ViewSpan[] {
  const parts: Array<{ text: string; fromS: number; toS: number }> = [];
  let last = 0,
    fromS = 0;
  for (const m of view.matchAll(EDIT)) {
    const startS = Number(m[1]),
      endS = m[2] !== undefined ? Number(m[2]) : startS;
    parts.push({ text: view.slice(last, m.index), fromS, toS: startS });
    last = m.index + m[0].length;
    fromS = endS;
  }
  parts.push({ text: view.slice(last), fromS, toS: durationS });
  return parts.map((p) => {
    let best: { at: number; view: LabelledView } | null = null;
    for (const [re, v] of VIEW_WORDS) {
      const at = p.text.search(re);
      if (at >= 0 && (best === null || at < best.at)) best = { at, view: v };
    }
    if (!best) throw new Error(`No camera view named in "${p.text.trim()}" of the label "${view}".`);
    return { view: best.view, fromS: p.fromS, toS: p.toS };
  });
}

/** The labelled view at a moment (the span it falls in, or the nearest one). */
export function viewAt(timeline: readonly ViewSpan[], tS: number): LabelledView {
  const inside = timeline.find((s) => tS >= s.fromS && tS <= s.toS);
  if (inside) return inside.view;
  return timeline.reduce((a, b) =>
    Math.min(Math.abs(tS - b.fromS), Math.abs(tS - b.toS)) < Math.min(Math.abs(tS - a.fromS), Math.abs(tS - a.toS))
      ? b
      : a,
  ).view;
}
