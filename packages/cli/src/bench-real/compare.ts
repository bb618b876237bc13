// Two readings of the same clip side by side (every frame, and the pose model at a lower rate):
// whether they found the same things (what was refused, the view, the reps or set-ups and holds,
// the verdicts) and how far apart the angles they report are. Per-frame series are left out: at a
// lower rate they have fewer points by design; what a person is told comes from the rest.

import type { Outcome } from './score.ts';

export interface OutcomeComparison {
  /** Same kind, view, counts and verdicts. */
  readonly same: boolean;
  /** Reps (bird-dog) or set-ups/holds (stretch), as "a vs b". */
  readonly counts: string;
  /** How many reported angles were compared, and the largest difference between the two readings. */
  readonly angles: number;
  readonly maxAngleDiffDeg: number | null;
  /** Where the largest angle difference is, as a path into the result. */
  readonly worstAngle: string | null;
  readonly differences: readonly string[];
}

/** Every reported angle in a result: numbers under keys ending in "Deg", and metric values in degrees. */
export function reportedAngles(value: unknown, at = ''): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) {
        if (k === 'series') continue;
        const q = p ? `${p}.${k}` : k;
        if (typeof x === 'number' && (k.endsWith('Deg') || (k === 'value' && o.unit === 'deg'))) out.set(q, x);
        else walk(x, q);
      }
    }
  };
  walk(value, at);
  return out;
}

function facts(o: Outcome): { counts: string; facts: Record<string, string> } {
  if (o.kind === 'refused') return { counts: 'refused', facts: { kind: 'refused' } };
  if (o.kind === 'bird-dog') {
    const r = o.result;
    const f: Record<string, string> = {
      kind: o.kind,
      view: r.view,
      reps: String(r.reps.length),
      legs: r.reps.map((x) => x.leg[0]).join(''),
      verdict: r.overall.verdict,
      left: r.sides.left.verdict,
      right: r.sides.right.verdict,
    };
    r.reps.forEach((x, i) => (f[`reps[${i}].classification`] = x.classification));
    return { counts: `${r.reps.length} reps`, facts: f };
  }
  const r = o.result;
  return {
    counts: `${r.setups.length} set-ups, ${r.holds.length} holds`,
    facts: {
      kind: o.kind,
      view: r.view,
      setups: r.setups.map((s) => s.kneelingSide[0]).join(''),
      holds: r.holds.map((h) => h.kneelingSide[0]).join(''),
      faults: r.holds.map((h) => h.faults.map((x) => x.rule).join('+')).join(' '),
    },
  };
}

export function compareOutcomes(a: Outcome, b: Outcome): OutcomeComparison {
  const fa = facts(a);
  const fb = facts(b);
  const differences: string[] = [];
  for (const k of new Set([...Object.keys(fa.facts), ...Object.keys(fb.facts)]))
    if (fa.facts[k] !== fb.facts[k]) differences.push(`${k}: ${fa.facts[k] ?? '-'} vs ${fb.facts[k] ?? '-'}`);
  const angA = a.kind === 'refused' ? new Map<string, number>() : reportedAngles(a.result);
  const angB = b.kind === 'refused' ? new Map<string, number>() : reportedAngles(b.result);
  let angles = 0;
  let maxAngleDiffDeg: number | null = null;
  let worstAngle: string | null = null;
  for (const [p, x] of angA) {
    const y = angB.get(p);
    if (y === undefined) continue;
    angles++;
    const d = Math.abs(x - y);
    if (maxAngleDiffDeg === null || d > maxAngleDiffDeg) {
      maxAngleDiffDeg = d;
      worstAngle = p;
    }
  }
  // An angle one reading reports and the other does not (measured against not measured) is a difference too.
  const onlyOne = [...angA.keys()].filter((p) => !angB.has(p)).concat([...angB.keys()].filter((p) => !angA.has(p)));
  if (differences.length === 0 && onlyOne.length > 0)
    differences.push(`measured by one reading only: ${onlyOne.slice(0, 3).join(', ')}`);
  return {
    same: differences.length === 0,
    counts: fa.counts === fb.counts ? fa.counts : `${fa.counts} vs ${fb.counts}`,
    angles,
    maxAngleDiffDeg,
    worstAngle,
    differences,
  };
}
