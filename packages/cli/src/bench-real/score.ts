// Scores what the CLI's analysis said about a real recording against our labels: reps found one to
// one, merged, extra or missed, legs that follow the labelled sides, the view per rep; for the
// stretch the set-up's time, knee and angles, one side, rocking, and whether form was judged from
// the view; for other exercises, no rep and the sentence that says it is not a bird-dog (or no
// set-up). Pure: labels and outcomes in, checks out, so its tests need no media.

import { BIRD_DOG_PHASES, STRETCH_THRESHOLDS, type BirdDogResult, type StretchResult } from '@steadyback/core';
import { clipKind, viewAt, viewTimeline, type RealClip, type RealRep } from './manifest.ts';

export type Exercise = 'bird-dog' | 'hip-flexor-stretch';

/** What the CLI gave: a result, or one sentence refusing the input. */
export type Outcome =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'bird-dog'; readonly result: BirdDogResult }
  | { readonly kind: 'hip-flexor-stretch'; readonly result: StretchResult };

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface RepCounts {
  readonly labelled: number;
  readonly found: number;
  /** Labelled reps matched by exactly one found rep that overlaps no other labelled rep. */
  readonly oneToOne: number;
  /** Found reps that overlap two or more labelled reps. */
  readonly merged: number;
  /** Found reps that overlap no labelled rep, or a second found rep on one labelled rep. */
  readonly extra: number;
  readonly missed: number;
  /** Of the one-to-one reps: the leg follows the labelled side (same letter, same leg; different letters, different legs) and the arm is the opposite one. */
  readonly legsRight: number;
}

export interface ClipScore {
  readonly clip: string;
  readonly exercise: Exercise;
  /** 'bird-dog', 'hip-flexor-stretch', or the other exercise the clip shows. */
  readonly shows: string;
  readonly checks: Check[];
  readonly right: boolean;
  readonly reps?: RepCounts;
  /** One line of what the analysis said (view, reps or set-ups, or the refusal). */
  readonly said: string;
}

/** Which analyses each clip gets: its own exercise, and both for another exercise (neither may pass it off as theirs). */
export function exercisesFor(c: Pick<RealClip, 'exercise'>): Exercise[] {
  const k = clipKind(c);
  return k.kind === 'negative' ? ['bird-dog', 'hip-flexor-stretch'] : [k.kind];
}

/** Postures no bird-dog is done in: these are refused outright, not read as all fours without a reach. */
const NOT_ON_ALL_FOURS = /prone|supine|superman|plank|dead-?bug|lunge|kneel|stand/;
/** Other exercises done half-kneeling: a stretch set-up may be found in them, but only with both knees near 90 degrees. */
const HALF_KNEELING = /kneel/;

const overlapS = (a: { startS: number; endS: number }, b: { startS: number; endS: number }) =>
  Math.max(0, Math.min(a.endS, b.endS) - Math.max(a.startS, b.startS));

interface FoundRep {
  readonly startS: number;
  readonly endS: number;
  readonly leg: 'left' | 'right';
  readonly arm: 'left' | 'right';
}

/** One-to-one matching by time overlap, then whether the legs follow the labelled sides. */
export function countReps(
  labels: readonly RealRep[],
  found: readonly FoundRep[],
): RepCounts & { matches: Array<{ label: RealRep; rep: FoundRep }> } {
  const hits = found.map((f) => labels.filter((l) => overlapS(l, f) > 0));
  const merged = hits.filter((h) => h.length >= 2).length;
  const matches: Array<{ label: RealRep; rep: FoundRep }> = [];
  let extra = hits.filter((h) => h.length === 0).length;
  for (const l of labels) {
    const mine = found.filter((_, i) => hits[i]!.length === 1 && hits[i]![0] === l);
    if (mine.length >= 1)
      matches.push({ label: l, rep: mine.reduce((a, b) => (overlapS(l, b) > overlapS(l, a) ? b : a)) });
    extra += Math.max(0, mine.length - 1);
  }
  const missed = labels.filter(
    (l) => !matches.some((m) => m.label === l) && !found.some((f, i) => hits[i]!.length >= 2 && hits[i]!.includes(l)),
  ).length;
  // Sides: either letters (A/B: the same letter is the same leg) or the person's own left/right.
  const named = labels.every((l) => l.side === 'left' || l.side === 'right');
  const legFor = new Map<string, string>();
  if (!named) {
    // The mapping most matched reps agree with; the other letter gets the other leg.
    const letters = [...new Set(labels.map((l) => l.side))];
    const votes = (letter: string, leg: string) =>
      matches.filter((m) => (m.label.side === letter) === (m.rep.leg === leg)).length;
    const first = letters[0];
    if (first !== undefined) {
      const leg = votes(first, 'left') >= votes(first, 'right') ? 'left' : 'right';
      for (const x of letters) legFor.set(x, x === first ? leg : leg === 'left' ? 'right' : 'left');
    }
  }
  const legsRight = matches.filter(
    (m) => (named ? m.label.side : legFor.get(m.label.side)) === m.rep.leg && m.rep.arm !== m.rep.leg,
  ).length;
  return {
    labelled: labels.length,
    found: found.length,
    oneToOne: matches.length,
    merged,
    extra,
    missed,
    legsRight,
    matches,
  };
}

const s1 = (ms: number) => Math.round(ms / 100) / 10;

function negativeChecks(what: string, exercise: Exercise, outcome: Outcome): Check[] {
  const checks: Check[] = [];
  if (exercise === 'bird-dog') {
    if (NOT_ON_ALL_FOURS.test(what)) {
      checks.push({
        name: 'refused',
        ok: outcome.kind === 'refused',
        detail: outcome.kind === 'refused' ? 'refused with a sentence' : 'analysed as a bird-dog',
      });
    } else {
      const r = outcome.kind === 'bird-dog' ? outcome.result : null;
      checks.push({
        name: 'no rep',
        ok: outcome.kind === 'refused' || (r !== null && r.reps.length === 0),
        detail: r ? `${r.reps.length} reps` : 'refused',
      });
      const named = outcome.kind === 'refused' || (r !== null && r.quality.some((q) => q.code === 'not-bird-dog'));
      checks.push({ name: 'says it is not a bird-dog', ok: named, detail: named ? 'said' : 'no sentence' });
    }
  } else {
    const r = outcome.kind === 'hip-flexor-stretch' ? outcome.result : null;
    if (HALF_KNEELING.test(what)) checks.push(...setupKneeChecks(r));
    else
      checks.push({
        name: 'no set-up',
        ok: outcome.kind === 'refused' || (r !== null && r.setups.length === 0),
        detail: r ? `${r.setups.length} set-ups` : 'refused',
      });
  }
  return checks;
}

type FoundBirdDogRep = FoundRep & { rep: Extract<Outcome, { kind: 'bird-dog' }>['result']['reps'][number] };

function viewPerRepCheck(clip: RealClip, c: ReturnType<typeof countReps>, found: FoundBirdDogRep[]): Check {
  // The view per rep: from the side, leg height is measured by the camera; from elsewhere it is not.
  const timeline = viewTimeline(clip.view, clip.durationS);
  const wrongView = c.matches.filter((m) => {
    const side = viewAt(timeline, (m.label.startS + m.label.endS) / 2) === 'side';
    const rep = found.find((f) => f === m.rep)!.rep;
    return (rep.metrics.R4.source === 'camera') !== side;
  });
  return {
    name: 'view per rep',
    ok: c.matches.length > 0 && wrongView.length === 0,
    detail: wrongView.length === 0 ? `${c.matches.length} right` : `${wrongView.length} of ${c.matches.length} wrong`,
  };
}

function birdDogChecks(clip: RealClip, outcome: Outcome): { checks: Check[]; reps: RepCounts } {
  const checks: Check[] = [];
  checks.push({
    name: 'analysed',
    ok: outcome.kind === 'bird-dog',
    detail: outcome.kind === 'refused' ? outcome.message : 'yes',
  });
  const r = outcome.kind === 'bird-dog' ? outcome.result : null;
  const labels = clip.reps ?? [];
  const found = (r?.reps ?? []).map((x) => ({
    startS: x.startMs / 1000,
    endS: x.endMs / 1000,
    leg: x.leg,
    arm: x.arm,
    rep: x,
  }));
  const c = countReps(labels, found);
  const reps: RepCounts = {
    labelled: c.labelled,
    found: c.found,
    oneToOne: c.oneToOne,
    merged: c.merged,
    extra: c.extra,
    missed: c.missed,
    legsRight: c.legsRight,
  };
  checks.push({
    name: 'reps one to one',
    ok: c.oneToOne === c.labelled && c.merged === 0 && c.extra === 0,
    detail: `${c.oneToOne}/${c.labelled} one to one, ${c.merged} merged, ${c.extra} extra, ${c.missed} missed`,
  });
  checks.push({
    name: 'legs follow sides',
    ok: c.oneToOne > 0 && c.legsRight === c.oneToOne,
    detail: `${c.legsRight}/${c.oneToOne}`,
  });
  const longest = Math.max(0, ...(r?.reps ?? []).map((x) => x.holdMs));
  checks.push({
    name: 'holds of seconds',
    ok: longest <= BIRD_DOG_PHASES.MAX_HOLD_MS,
    detail: `longest ${s1(longest)} s`,
  });
  checks.push(viewPerRepCheck(clip, c, found));
  return { checks, reps };
}

function stretchLabelChecks(
  clip: RealClip,
  r: Extract<Outcome, { kind: 'hip-flexor-stretch' }>['result'] | null,
): Check[] {
  const checks: Check[] = [];
  if (clip.kneelingKnee) {
    const wrong = (r?.setups ?? []).filter((x) => x.kneelingSide !== clip.kneelingKnee);
    checks.push({
      name: 'kneeling knee',
      ok: r !== null && r.setups.length > 0 && wrong.length === 0,
      detail: r?.setups.map((x) => x.kneelingSide).join(',') || 'none',
    });
  }
  if (clip.sideSwitches !== undefined) {
    const switches = r?.events.filter((e) => e.type === 'side-switch').length ?? 0;
    checks.push({
      name: 'side switches',
      ok: switches === clip.sideSwitches,
      detail: `${switches} (labelled ${clip.sideSwitches})`,
    });
  }
  if (clip.rocking !== undefined) {
    const c5 = (r?.holds ?? []).some((h) => h.faults.some((f) => f.rule === 'C5'));
    checks.push({
      name: clip.rocking ? 'rocking flagged' : 'no rocking flagged',
      ok: c5 === clip.rocking,
      detail: c5 ? 'C5 flagged' : 'no C5',
    });
  }
  return checks;
}

function formViewCheck(clip: RealClip, r: Extract<Outcome, { kind: 'hip-flexor-stretch' }>['result'] | null): Check {
  // Form (knee angles, trunk lean) is judged only from the side; a hold seen from elsewhere says so.
  const timeline = viewTimeline(clip.view, clip.durationS);
  const holds = r?.holds ?? [];
  const wrongView = holds.filter((h) => h.formMeasured !== (viewAt(timeline, (h.startMs + h.endMs) / 2000) === 'side'));
  return {
    name: 'form judged only from the side',
    ok: holds.length > 0 && wrongView.length === 0,
    detail:
      holds.map((h) => `${s1(h.startMs)}-${s1(h.endMs)} s ${h.formMeasured ? 'judged' : 'not judged'}`).join('; ') ||
      'no hold',
  };
}

function stretchChecks(clip: RealClip, outcome: Outcome): Check[] {
  const checks: Check[] = [];
  checks.push({
    name: 'analysed',
    ok: outcome.kind === 'hip-flexor-stretch',
    detail: outcome.kind === 'refused' ? outcome.message : 'yes',
  });
  const r = outcome.kind === 'hip-flexor-stretch' ? outcome.result : null;
  const first = r?.setups[0];
  const inPos = clip.inPositionFromS ?? 0;
  // The timer starts after a second of good set-up: the first set-up may come up to 2.5 s after the person is in position.
  checks.push({
    name: 'set-up time',
    ok: first !== undefined && first.atMs / 1000 >= inPos - 0.5 && first.atMs / 1000 <= inPos + 2.5,
    detail: first ? `${s1(first.atMs)} s (in position ${inPos} s)` : 'none',
  });
  checks.push(...setupKneeChecks(r).filter((x) => x.name !== 'no set-up'));
  checks.push(...stretchLabelChecks(clip, r));
  checks.push(formViewCheck(clip, r));
  return checks;
}

export function scoreClip(clip: RealClip, exercise: Exercise, outcome: Outcome): ClipScore {
  const kind = clipKind(clip);
  const shows = kind.kind === 'negative' ? kind.what : kind.kind;
  const checks: Check[] = [];
  let reps: RepCounts | undefined;
  const said = describe(outcome);
  if (kind.kind === 'negative') {
    checks.push(...negativeChecks(kind.what, exercise, outcome));
  } else if (exercise === 'bird-dog') {
    const b = birdDogChecks(clip, outcome);
    checks.push(...b.checks);
    reps = b.reps;
  } else {
    checks.push(...stretchChecks(clip, outcome));
  }
  return {
    clip: clip.name,
    exercise,
    shows,
    checks,
    right: checks.every((c) => c.ok),
    ...(reps ? { reps } : {}),
    said,
  };
}

const deg = (v: number | null) => (v === null ? '-' : String(Math.round(v)));

/** A set-up's knees must be near 90 degrees, within the spec's F1 and F2 tolerances, wherever the view measured them (null: not side-on). */
function setupKneeChecks(r: StretchResult | null): Check[] {
  const T = STRETCH_THRESHOLDS;
  const off = (v: number | null, tol: number) => v !== null && Math.abs(v - 90) > tol;
  const far = (r?.setups ?? []).filter(
    (x) => off(x.frontKneeDeg, T.F1_TOLERANCE_DEG) || off(x.backKneeDeg, T.F2_TOLERANCE_DEG),
  );
  return [
    {
      name: 'set-up knees near 90',
      ok: far.length === 0,
      detail: r
        ? r.setups.map((x) => `${deg(x.frontKneeDeg)}/${deg(x.backKneeDeg)}`).join(', ') || 'no set-up'
        : 'refused',
    },
  ];
}

function describe(o: Outcome): string {
  if (o.kind === 'refused') return `refused: ${o.message}`;
  if (o.kind === 'bird-dog') {
    const r = o.result;
    return `${r.view}; ${r.reps.map((x) => `${s1(x.startMs)}-${s1(x.endMs)} ${x.leg[0]!.toUpperCase()}${x.arm[0]!.toUpperCase()}${x.metrics.R4.source === 'camera' ? ' side' : ''}`).join(', ') || 'no rep'}`;
  }
  const r = o.result;
  return `${r.view}; ${r.setups.map((x) => `set-up ${s1(x.atMs)} s ${x.kneelingSide} ${deg(x.frontKneeDeg)}/${deg(x.backKneeDeg)}`).join(', ') || 'no set-up'}; ${r.holds.map((h) => h.faults.map((f) => f.rule).join('+') || 'no fault').join(', ')}`;
}
