// The short plain-text summary `steadyback report` prints when no output file is asked for: the
// same facts as the PDF, from the same report model and the same wording helpers.

import type { ReportModel } from '@steadyback/core';
import {
  OVERALL_VERDICT,
  escalationLine,
  fmtDeg,
  fmtNum,
  painCountsLine,
  painDayLine,
  peg3Line,
  periodLine,
  sideLine,
  usualPainLine,
} from './history-words.ts';

export function historySummary(m: ReportModel): string {
  const out: string[] = [`steadyback report: ${periodLine(m)}`];
  if (m.leftOutAfterToday > 0) out.push(`${m.leftOutAfterToday} record(s) dated after ${m.todayIso} were left out.`);
  const t = m.birdDog.latest;
  if (t === null) out.push('Bird-dog: no test recorded yet.');
  else if (t.sides === null) out.push(`Bird-dog: the test on ${t.dateIso} was not finished.`);
  else {
    out.push(
      `Bird-dog, latest test ${t.dateIso}: overall ${OVERALL_VERDICT[t.verdict ?? 'not-measurable']} (${m.birdDog.tests.length} test${m.birdDog.tests.length === 1 ? '' : 's'} in all).`,
    );
    out.push(`  ${sideLine('left', t.sides.left)}`, `  ${sideLine('right', t.sides.right)}`);
  }
  out.push(painCountsLine(m));
  if (m.pain.latest) out.push(`  Latest: ${painDayLine(m.pain.latest)}`);
  for (const l of [usualPainLine(m), peg3Line(m)]) if (l) out.push(l);
  const s = m.stretch.sessions.at(-1);
  if (s)
    out.push(
      `Hip flexor stretch: ${m.stretch.sessions.length} session(s); latest ${s.dateIso}: ${fmtNum(s.goodFormSeconds.total)} s with good form, deepest hold ${fmtDeg(s.depthMaxDeg)}, personal limit ${fmtDeg(s.depthCapDeg)}.`,
    );
  out.push(escalationLine(m));
  const p = m.plan;
  if (p === null) out.push(`Plan: ${m.planProblem ?? 'none yet.'}`);
  else {
    out.push(`Plan for week ${p.weekKey}: ${p.headline.title}.`);
    if (p.stability)
      out.push(
        `  ${p.stability.name}: ${p.stability.repsPerSide} reps per side x ${p.stability.rounds} round(s), ${p.stability.holdSeconds} s holds. Why: ${p.stability.reason}`,
      );
    if (p.hipStretch)
      out.push(`  ${p.hipStretch.name}: ${p.hipStretch.setsPerSide} x ${p.hipStretch.holdSeconds} s per side.`);
  }
  out.push(
    '',
    m.disclaimer,
    'Write a one-page PDF for a physical therapist with --pdf FILE.pdf, a spreadsheet with --csv FILE.csv, or FHIR R4 with --fhir FILE.json.',
  );
  return out.join('\n');
}
