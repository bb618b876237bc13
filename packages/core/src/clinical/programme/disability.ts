// Disability questionnaires (rule set E "Outcome tracking": ODI or RMDQ every 4 weeks). Both are
// copyrighted instruments, so steadyback ships no item wording (spec, Part 1 note on questionnaire
// wording): this is the scoring model only, for a total that a clinic holding the licence gives the
// person. Off by default; NPRS and PEG-3 are the measures the app asks itself.

import { addDaysIso, parseIsoDate } from '../guard/dates.ts';
import type { Outcome } from '../../outcome.ts';

export type DisabilityInstrument = 'odi' | 'rmdq';

export const DISABILITY = {
  /** ODI total 0-100 (percent). Meaningful change: down 10 points. (Part 2 section 4; Ostelo 2008.) */
  ODI_MAX: 100,
  ODI_MIC_POINTS: 10,
  /** RMDQ total 0-24. Meaningful change: down 5 points or 30%. (Part 2 section 4; Stratford 1998; Ostelo 2008.) */
  RMDQ_MAX: 24,
  RMDQ_MIC_POINTS: 5,
  RMDQ_MIC_FRACTION: 0.3,
  /** How often: every 4 weeks. */
  EVERY_DAYS: 28,
} as const;

export const DISABILITY_SOURCE =
  'Rule set E "Outcome tracking"; Part 2 section 4 (ODI: Ostelo 2008; RMDQ: Roland & Morris 1983, Stratford 1998)';

export interface DisabilityChange {
  instrument: DisabilityInstrument;
  start: number;
  current: number;
  changePoints: number;
  meaningfulImprovement: boolean;
  meaningfulWorsening: boolean;
  message: string;
  source: string;
}

const NAMES: Record<DisabilityInstrument, string> = { odi: 'Oswestry (ODI)', rmdq: 'Roland-Morris (RMDQ)' };

function checkTotal(instrument: DisabilityInstrument, value: unknown, what: string): Outcome<{ value: number }> {
  const max = instrument === 'odi' ? DISABILITY.ODI_MAX : DISABILITY.RMDQ_MAX;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    return {
      ok: false,
      reason: `The ${what} ${NAMES[instrument]} score should be a whole number from 0 to ${max}, but it was ${JSON.stringify(value)}.`,
    };
  }
  return { ok: true, value };
}

export function disabilityChange(instrument: unknown, start: unknown, current: unknown): Outcome<DisabilityChange> {
  if (instrument !== 'odi' && instrument !== 'rmdq')
    return { ok: false, reason: 'The questionnaire should be "odi" (Oswestry) or "rmdq" (Roland-Morris).' };
  const s = checkTotal(instrument, start, 'starting');
  if (!s.ok) return s;
  const c = checkTotal(instrument, current, 'current');
  if (!c.ok) return c;
  const changePoints = c.value - s.value;
  const drop = -changePoints;
  const improvement =
    instrument === 'odi'
      ? drop >= DISABILITY.ODI_MIC_POINTS
      : drop >= DISABILITY.RMDQ_MIC_POINTS ||
        (s.value > 0 && drop / s.value >= DISABILITY.RMDQ_MIC_FRACTION && drop > 0);
  const worsening =
    instrument === 'odi' ? changePoints >= DISABILITY.ODI_MIC_POINTS : changePoints >= DISABILITY.RMDQ_MIC_POINTS;
  const name = NAMES[instrument];
  const message = improvement
    ? `Your ${name} score has come down from ${s.value} to ${c.value}: a change that matters in daily life.`
    : worsening
      ? `Your ${name} score has gone up from ${s.value} to ${c.value}. Please talk it over with your physical therapist or doctor.`
      : `Your ${name} score is ${c.value}, compared with ${s.value} at the start: not a meaningful change yet.`;
  return {
    ok: true,
    instrument,
    start: s.value,
    current: c.value,
    changePoints,
    meaningfulImprovement: improvement,
    meaningfulWorsening: worsening,
    message,
    source: DISABILITY_SOURCE,
  };
}

/** Is a disability questionnaire due (every 4 weeks since the last one)? */
export function disabilityDue(lastIso: string | null, todayIso: string): Outcome<{ due: boolean }> {
  const today = parseIsoDate(todayIso);
  if (!today.ok) return today;
  if (lastIso === null) return { ok: true, due: true };
  const last = parseIsoDate(lastIso);
  if (!last.ok) return last;
  return { ok: true, due: todayIso >= addDaysIso(lastIso, DISABILITY.EVERY_DAYS) };
}
