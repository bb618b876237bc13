// The words and number formats the history report uses, shared by the PDF and the plain-text
// summary so both say the same thing: degrees with one decimal, verdicts in plain language, the
// pain response and the plan's reasons. Kind, plain, never a diagnosis.

import type { BirdDogSideSummary, BirdDogTestSummary, PainDaySummary, ReportModel } from '@steadyback/core';

export const fmtDeg = (v: number | null): string => (v === null ? 'not measured' : `${v.toFixed(1)}°`);
export const fmtNum = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export const SIDE_VERDICT: Record<BirdDogSideSummary['verdict'], string> = {
  positive: 'positive (the low back moved more than it should)',
  negative: 'negative (the low back stayed steady)',
  'not-measurable': 'not measurable (not enough clear data)',
};

export const OVERALL_VERDICT: Record<NonNullable<BirdDogTestSummary['verdict']>, string> = {
  positive: 'positive',
  'positive-mild': 'positive, mild',
  negative: 'negative',
  'not-measurable': 'not measurable',
};

export const SOURCE_WORDS: Record<'camera' | 'sensor', string> = { sensor: 'phone on the pelvis', camera: 'camera' };

export function sideLine(side: 'left' | 'right', s: BirdDogSideSummary): string {
  const by =
    s.rollSource === null ? 'no source could measure the roll' : `measured by the ${SOURCE_WORDS[s.rollSource]}`;
  return `${side === 'left' ? 'Left' : 'Right'} leg lifted: ${s.verdict}, largest pelvic roll ${fmtDeg(s.maxRollDeg)}, mean ${fmtDeg(s.meanRollDeg)}, ${s.unstableReps} of ${s.reps} reps unstable (${by}).`;
}

export function painDayLine(d: PainDaySummary): string {
  const peak = d.peakNrs === null ? 'no peak score' : `${d.peakNrs} at the peak`;
  const morning = d.morningNrs === null ? 'no next-morning score yet' : `${d.morningNrs} the next morning`;
  return `${d.dateIso}: ${d.restNrs} before, ${peak}, ${morning} (out of 10) - ${d.light}.`;
}

export function periodLine(m: ReportModel): string {
  if (m.period === null) return 'No records yet.';
  return `Records from ${m.period.firstIso} to ${m.period.lastIso}, as of ${m.todayIso}.`;
}

export function painCountsLine(m: ReportModel): string {
  const c = m.pain.counts;
  const n = m.pain.days.length;
  if (n === 0) return 'No exercise-day pain scores yet.';
  const parts = [`${c.green} green`, `${c.amber} amber`, `${c.red} red`];
  if (c.incomplete > 0) parts.push(`${c.incomplete} waiting for the next-morning score`);
  if (c['not-rated'] > 0) parts.push(`${c['not-rated']} without a peak score`);
  return `Pain response on ${n} exercise day${n === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

export function usualPainLine(m: ReportModel): string | null {
  if (m.nprs === null)
    return m.usualPain.length === 1
      ? `Usual pain ${m.usualPain[0]!.nrs} out of 10 on ${m.usualPain[0]!.dateIso} (one check-in so far).`
      : null;
  const n = m.nprs;
  const verdict = n.meaningfulImprovement
    ? 'a meaningful improvement'
    : n.meaningfulWorsening
      ? 'a meaningful worsening'
      : 'not yet a meaningful change';
  return `Usual pain ${n.startNrs} on ${n.firstIso}, ${n.currentNrs} on ${n.latestIso} (${n.changePoints > 0 ? '+' : ''}${n.changePoints} points): ${verdict}; ${n.micPoints} points or ${Math.round(n.micFraction * 100)}% counts as meaningful.`;
}

export function peg3Line(m: ReportModel): string | null {
  const p = m.peg3.latest;
  return p === null
    ? null
    : `PEG-3 on ${p.dateIso}: ${fmtNum(p.score)} out of 10 (pain ${p.items.pain}, enjoyment of life ${p.items.enjoyment}, general activity ${p.items.activity}).`;
}

export function escalationLine(m: ReportModel): string {
  if (m.escalation === null)
    return `The escalation rules could not be checked: ${m.escalationProblem ?? 'the pain history is incomplete.'}`;
  if (m.escalation.message !== null) return m.escalation.message;
  return m.escalation.note ?? 'Nothing in the pain record asks for a visit to a professional right now.';
}
