// Per-record summaries for the report model: a bird-dog test per side, a stretch session per side
// against its depth cap, and a pain day with its traffic light from the programme layer's own
// classifySession. Pure functions of one record each.

import { STRETCH_THRESHOLDS } from '../../exercises/hip-flexor-stretch/thresholds.ts';
import { isoWeekKey } from '../guard/dates.ts';
import { classifySession } from '../programme/traffic-light.ts';
import type { BirdDogTestRecord, PainDay, StretchSessionRecord } from '../records/schema.ts';
import type {
  BirdDogSideSummary,
  BirdDogTestSummary,
  MeasuredBy,
  PainDaySummary,
  ReportSide,
  StretchSessionSummary,
} from './model.ts';

const round1 = (v: number): number => Math.round(v * 10) / 10;

function sideSummary(test: BirdDogTestRecord, side: ReportSide): BirdDogSideSummary | null {
  const s = test.sides?.[side];
  if (!s) return null;
  const reps = test.reps.filter((r) => r.leg === side);
  // The source of the worst measured roll on this side; every rep of a test uses the same source in practice.
  const measured = reps
    .filter((r) => r.rollSource !== null && r.rollDeg !== null)
    .sort((a, b) => Math.abs(b.rollDeg!) - Math.abs(a.rollDeg!));
  const rollSource: MeasuredBy | null = measured[0]?.rollSource ?? null;
  return {
    verdict: s.verdict,
    reason: s.reason,
    reps: s.reps,
    unstableReps: s.unstableReps,
    maxRollDeg: s.maxRollDeg,
    meanRollDeg: s.meanRollDeg,
    rollSource,
    worstFrame: s.worstFrame,
  };
}

export function birdDogSummary(test: BirdDogTestRecord): BirdDogTestSummary {
  const left = sideSummary(test, 'left');
  const right = sideSummary(test, 'right');
  return {
    id: test.id,
    dateIso: test.dateIso,
    status: test.status,
    sources: { ...test.sources },
    view: test.view,
    verdict: test.overall?.verdict ?? null,
    asymmetry: test.overall?.asymmetry ?? null,
    symptomProvoking: test.overall?.symptomProvoking ?? null,
    summary: test.overall?.summary ?? null,
    sides: left && right ? { left, right } : null,
    notMeasurable: test.notMeasurable.map((n) => ({ ...n })),
    explanation: [...test.explanation],
  };
}

export function stretchSummary(session: StretchSessionRecord): StretchSessionSummary {
  const per = (side: ReportSide) => session.holds.filter((h) => h.side === side);
  const goodForm = (side: ReportSide): number => round1(per(side).reduce((sum, h) => sum + h.goodFormMs, 0) / 1000);
  const depths = session.holds.map((h) => h.depthDeg).filter((d): d is number => d !== null);
  const depthMaxDeg = depths.length > 0 ? round1(Math.max(...depths)) : null;
  const faultCounts = new Map<string, StretchSessionSummary['faults'][number]>();
  for (const f of session.holds.flatMap((h) => h.faults)) {
    const key = `${f.rule}:${f.source}`;
    const seen = faultCounts.get(key);
    if (seen) seen.count += 1;
    else faultCounts.set(key, { rule: f.rule, source: f.source, count: 1 });
  }
  const intensities = session.holds.map((h) => h.intensity).filter((i): i is number => i !== null);
  const left = goodForm('left');
  const right = goodForm('right');
  return {
    id: session.id,
    dateIso: session.dateIso,
    status: session.status,
    targetHoldSeconds: session.targetHoldSeconds,
    holds: { left: per('left').length, right: per('right').length },
    goodFormSeconds: { left, right, total: round1(left + right) },
    depthMaxDeg,
    depthCapDeg: session.depthCapDeg,
    depthOverCap: depthMaxDeg === null || session.depthCapDeg === null ? null : depthMaxDeg > session.depthCapDeg,
    depthBelowFloor: depthMaxDeg !== null && depthMaxDeg < STRETCH_THRESHOLDS.MEASUREMENT_FLOOR_DEG,
    faults: [...faultCounts.values()].sort((a, b) => (a.rule + a.source < b.rule + b.source ? -1 : 1)),
    intensityMax: intensities.length > 0 ? Math.max(...intensities) : null,
    stoppedForToday: session.stoppedForToday,
  };
}

export function painDaySummary(day: PainDay): PainDaySummary {
  const base = {
    id: day.id,
    dateIso: day.dateIso,
    weekKey: isoWeekKey(day.dateIso),
    restNrs: day.restNrs,
    peakNrs: day.peakNrs,
    morningNrs: day.morningNrs,
    settledWithin24h: day.settledWithin24h,
    newSymptomBelowKnee: day.newSymptomBelowKnee,
  };
  const c = classifySession({
    dateIso: day.dateIso,
    restNrs: day.restNrs,
    peakNrs: day.peakNrs,
    morningNrs: day.morningNrs,
    settledWithin24h: day.settledWithin24h,
  });
  if (!c.ok) {
    return {
      ...base,
      light: 'not-rated',
      decision: null,
      reasons: [c.reason],
      message: 'This day cannot be rated until the highest pain during the session is recorded.',
      source: 'Rule set E',
    };
  }
  return { ...base, light: c.light, decision: c.decision, reasons: c.reasons, message: c.message, source: c.source };
}
