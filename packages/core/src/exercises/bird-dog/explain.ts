// Plain-language explanations of a bird-dog result. Kind, specific, never a diagnosis; says what
// was not measured and how to measure it, and when to see a physical therapist.

import type { BirdDogOverall, BirdDogRep, BirdDogResult, BirdDogSide, BodySide } from './result.ts';
import { BIRD_DOG_THRESHOLDS as T } from './thresholds.ts';

type Partial = Omit<BirdDogResult, 'explanation'>;

const fmt = (v: number) => (Math.abs(v) >= 10 ? Math.round(v).toString() : v.toFixed(1).replace(/\.0$/, ''));

/**
 * A rep's hold, as people read it: the picture's change times a hold only roughly (docs/accuracy.md:
 * half within 0.6 s, and a 5 s hold from behind can read as 1 s), so such a hold is given as "about".
 */
export function holdLabel(rep: Pick<BirdDogRep, 'holdMs' | 'foundBy'>): string {
  const s = `${(rep.holdMs / 1000).toFixed(1)} s`;
  return rep.foundBy === 'camera-motion' ? `about ${s} (timed from the picture)` : s;
}

export function overallSummary(
  o: Omit<BirdDogOverall, 'summary'>,
  sides: Readonly<Record<BodySide, BirdDogSide>>,
  hasSensor: boolean,
): string {
  const parts: string[] = [];
  switch (o.verdict) {
    case 'negative':
      parts.push('Your lower back stayed steady on both sides: good control.');
      break;
    case 'positive-mild':
      parts.push(
        'Your lower back moved a little too easily on some reps. Practise the bird-dog slowly, keeping both hip points level.',
      );
      break;
    case 'positive':
      parts.push(
        'Your lower back moved too easily when your arm and leg reached out. Start with easier versions (arm only, then leg only) and build up.',
      );
      break;
    case 'not-measurable':
      parts.push(
        hasSensor
          ? 'We could not measure enough reps on both sides to give a result.'
          : 'We could not give a result: the pelvis, which this test is about, needs the phone lying flat on your lower back.',
      );
  }
  if (o.asymmetry && o.asymmetryReason) parts.push(`Your two sides differed. ${o.asymmetryReason}`);
  if (o.symptomProvoking)
    parts.push(
      'The test raised your back pain: please have a physical therapist look at this movement before you train it.',
    );
  const oneSide = (['left', 'right'] as const).find(
    (s) => sides[s].verdict === 'not-measurable' && sides[s === 'left' ? 'right' : 'left'].verdict !== 'not-measurable',
  );
  if (oneSide) parts.push(`The ${oneSide} side could not be measured: ${sides[oneSide].reason}`);
  parts.push('This is a movement-control screen, not a diagnosis.');
  return parts.join(' ');
}

export function explainBirdDog(r: Partial): string[] {
  const lines: string[] = [r.overall.summary];
  for (const side of ['left', 'right'] as const) {
    const reps = r.reps.filter((x) => x.leg === side && x.pattern === 'opposite-arm-and-leg');
    lines.push(...sideLines(side, reps));
  }
  const odd = r.reps.filter((x) => x.pattern !== 'opposite-arm-and-leg');
  for (const x of odd) lines.push(patternSentence(x));
  const unmeasured = (['R1', 'R4', 'R5'] as const)
    .filter((id) => r.measurable[id].source === null)
    .map((id) => r.measurable[id].reason!);
  lines.push(...unmeasured);
  for (const q of r.quality) lines.push(q.message);
  lines.push(
    'This app does not diagnose. A physical therapist can assess you if pain persists beyond 4-6 weeks, worsens, or spreads to the leg.',
  );
  return lines;
}

/** What the reps with one leg lifted (and the opposite arm) showed, rule by rule. */
function sideLines(side: BodySide, reps: readonly BirdDogRep[]): string[] {
  const lines: string[] = [];
  const roll = rollSentence(side, reps);
  if (roll) lines.push(roll);
  const pitch = reps.map((x) => x.metrics.R4s).filter((m) => m.value !== null && m.band !== 'green');
  if (pitch.length > 0) {
    const v = Math.max(...pitch.map((m) => m.value!));
    lines.push(
      `When your ${side} leg went up, your pelvis tipped forward by up to ${fmt(v)} degrees, which arches the lower back: reach the leg long, not high.`,
    );
  }
  const legs = reps.map((x) => x.metrics.R4).filter((m) => m.value !== null);
  if (legs.length > 0) {
    const v = Math.max(...legs.map((m) => m.value!));
    lines.push(
      v > T.R4_AMBER_DEG
        ? `Your ${side} leg rose to about ${fmt(v)} degrees above horizontal: keep it at or just below hip height.`
        : `Your ${side} leg stayed at a good height (about ${fmt(v)} degrees from horizontal).`,
    );
  }
  const sag = reps.map((x) => x.metrics.R5).filter((m) => m.band === 'amber' || m.band === 'red');
  if (sag.length > 0)
    lines.push(
      `With your ${side} leg up, your middle sagged toward the floor: brace your tummy gently to keep your back flat.`,
    );
  const early = reps.filter((x) => x.metrics.R3.band === 'red').length;
  if (early > 0)
    lines.push(
      `On ${early} ${side}-leg ${early === 1 ? 'rep' : 'reps'}, your pelvis moved before the leg was halfway up: set your brace first, then move the leg.`,
    );
  return lines;
}

/** The largest pelvic roll on this side's reps, its direction and how it compares with R1's bands. */
function rollSentence(side: BodySide, reps: readonly BirdDogRep[]): string | null {
  const rolls = reps.filter((x) => x.metrics.R1.value !== null);
  if (rolls.length === 0) return null;
  const worst = rolls.reduce((a, b) => (b.metrics.R1.value! > a.metrics.R1.value! ? b : a));
  const v = worst.metrics.R1.value!;
  const dir = worst.metrics.R1.direction;
  const toward =
    dir === 'left-hip-lower'
      ? ' toward the left (your left hip dipped)'
      : dir === 'right-hip-lower'
        ? ' toward the right (your right hip dipped)'
        : '';
  const judgement =
    worst.metrics.R1.band === 'red'
      ? `more than the ${T.R1_ROLL_RED_DEG} degrees we treat as clearly too much`
      : worst.metrics.R1.band === 'amber'
        ? `a little more than the ${T.R1_ROLL_AMBER_DEG} degrees we aim for`
        : `within the ${T.R1_ROLL_AMBER_DEG} degrees we aim for`;
  return `On the reps where you lifted your ${side} leg, your pelvis rolled up to about ${fmt(v)} degrees${toward}: ${judgement}.`;
}

function patternSentence(x: BirdDogRep): string {
  const at = `Rep ${x.index + 1}`;
  switch (x.pattern) {
    case 'arm-only':
      return `${at}: only the ${x.arm} arm reached out. In the bird-dog, reach the opposite leg back at the same time.`;
    case 'leg-only':
      return `${at}: only the ${x.leg} leg reached back. In the bird-dog, reach the opposite arm forward at the same time.`;
    case 'same-side-arm-and-leg':
      return `${at}: the ${x.leg} arm and ${x.leg} leg moved together. Use opposite limbs: left arm with right leg, right arm with left leg.`;
    default:
      return '';
  }
}
