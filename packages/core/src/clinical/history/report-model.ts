// reportModel: the one model of a person's history that every report and history screen draws
// from. It reuses the programme layer's rules (classifySession, assessEscalation, nprsChange,
// scorePeg3, buildWeeklyPlan) on the stored export as of a given day; it adds no rule of its own.

import { addDaysIso, isoWeekKey, parseIsoDate } from '../guard/dates.ts';
import { PLAN_DISCLAIMER, buildWeeklyPlan } from '../programme/plan.ts';
import { OUTCOMES } from '../programme/thresholds.ts';
import { assessEscalation, nprsChange, scorePeg3 } from '../programme/traffic-light.ts';
import type { SteadybackExport } from '../records/schema.ts';
import { buildCharts } from './charts.ts';
import {
  REPORT_MODEL_VERSION,
  type DepthTrend,
  type NprsTrend,
  type PainDaySummary,
  type PainLight,
  type Peg3Summary,
  type ReportModel,
  type StretchSessionSummary,
  type WeekSummary,
} from './model.ts';
import { escalationInputFrom, planInputFrom } from './plan-input.ts';
import { birdDogSummary, painDaySummary, stretchSummary } from './summaries.ts';

/** Only changes in depth above this are shown as a trend. (C "Measurement floor"; Thomas test SEM 7-11 deg.) */
export const DEPTH_TREND_MIN_CHANGE_DEG = 10;

const byDate = <T extends { dateIso: string }>(a: T, b: T): number =>
  a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0;
const zeroLights = (): Record<PainLight, number> => ({ green: 0, amber: 0, red: 0, incomplete: 0, 'not-rated': 0 });

/** The export as it stood on todayIso: later records are left out and counted. */
function asOf(data: SteadybackExport, todayIso: string): { data: SteadybackExport; leftOut: number } {
  let leftOut = 0;
  const keep = <T extends { dateIso: string }>(xs: readonly T[]): T[] =>
    [...xs].sort(byDate).filter((x) => {
      const ok = x.dateIso <= todayIso;
      if (!ok) leftOut += 1;
      return ok;
    });
  const start = data.settings.programmeStartIso;
  const kept: SteadybackExport = {
    ...data,
    settings: { ...data.settings, programmeStartIso: start !== null && start > todayIso ? null : start },
    screenings: keep(data.screenings),
    painDays: keep(data.painDays),
    outcomeChecks: keep(data.outcomeChecks),
    birdDogTests: keep(data.birdDogTests),
    stretchSessions: keep(data.stretchSessions),
  };
  return { data: kept, leftOut };
}

function weeksOf(
  d: SteadybackExport,
  painLights: ReadonlyMap<string, PainLight[]>,
  firstIso: string,
  lastIso: string,
): WeekSummary[] {
  const weeks: WeekSummary[] = [];
  // Walk Monday to Monday so empty weeks show as zeros rather than vanish from the chart.
  const firstDay = (parseIsoDate(firstIso) as { dayNumber: number }).dayNumber;
  const weekday = ((((firstDay + 3) % 7) + 7) % 7) + 1;
  for (let monday = addDaysIso(firstIso, 1 - weekday); monday <= lastIso; monday = addDaysIso(monday, 7)) {
    const key = isoWeekKey(monday);
    const inWeek = <T extends { dateIso: string }>(xs: readonly T[]): T[] =>
      xs.filter((x) => isoWeekKey(x.dateIso) === key);
    const tests = inWeek(d.birdDogTests);
    const sessions = inWeek(d.stretchSessions);
    const pains = inWeek(d.painDays);
    const light = zeroLights();
    for (const l of painLights.get(key) ?? []) light[l] += 1;
    weeks.push({
      weekKey: key,
      mondayIso: monday,
      birdDogTests: tests.length,
      stretchSessions: sessions.length,
      painDays: pains.length,
      activeDays: new Set([...tests, ...sessions, ...pains].map((x) => x.dateIso)).size,
      light,
    });
  }
  return weeks;
}

function nprsTrendOf(d: SteadybackExport): NprsTrend | null {
  const checks = d.outcomeChecks;
  const first = checks[0];
  const latest = checks.at(-1);
  if (!first || !latest || checks.length < 2) return null;
  const change = nprsChange(first.usualPainNrs, latest.usualPainNrs);
  if (!change.ok) return null; // the schema already bounds the scores; kept for the types
  const { ok: _ok, ...rest } = change;
  return {
    ...rest,
    firstIso: first.dateIso,
    latestIso: latest.dateIso,
    micPoints: OUTCOMES.NPRS_MIC_POINTS,
    micFraction: OUTCOMES.NPRS_MIC_FRACTION,
    points: checks.map((c) => ({ dateIso: c.dateIso, nrs: c.usualPainNrs })),
  };
}

function peg3Of(d: SteadybackExport): Peg3Summary[] {
  return d.outcomeChecks.flatMap((c) => {
    if (c.peg3 === null) return [];
    const s = scorePeg3(c.peg3);
    return s.ok ? [{ dateIso: c.dateIso, score: Math.round(s.score * 10) / 10, items: s.items, source: s.source }] : [];
  });
}

function depthTrendOf(sessions: readonly StretchSessionSummary[]): DepthTrend | null {
  const measured = sessions.filter((s): s is StretchSessionSummary & { depthMaxDeg: number } => s.depthMaxDeg !== null);
  const first = measured[0];
  const latest = measured.at(-1);
  if (!first || !latest || measured.length < 2) return null;
  const changeDeg = Math.round((latest.depthMaxDeg - first.depthMaxDeg) * 10) / 10;
  return {
    firstIso: first.dateIso,
    latestIso: latest.dateIso,
    firstDeg: first.depthMaxDeg,
    latestDeg: latest.depthMaxDeg,
    changeDeg,
    shown: Math.abs(changeDeg) > DEPTH_TREND_MIN_CHANGE_DEG,
  };
}

/** How many pain days had each light, and each ISO week's lights in date order. */
function painLightsOf(painDays: readonly PainDaySummary[]): {
  counts: Record<PainLight, number>;
  lightsByWeek: Map<string, PainLight[]>;
} {
  const counts = zeroLights();
  const lightsByWeek = new Map<string, PainLight[]>();
  for (const p of painDays) {
    counts[p.light] += 1;
    lightsByWeek.set(p.weekKey, [...(lightsByWeek.get(p.weekKey) ?? []), p.light]);
  }
  return { counts, lightsByWeek };
}

/** The first and last date of any record, or null when there are none. */
function periodOf(data: SteadybackExport): ReportModel['period'] {
  const dates = [data.screenings, data.painDays, data.outcomeChecks, data.birdDogTests, data.stretchSessions]
    .flatMap((xs) => xs.map((x) => x.dateIso))
    .sort();
  return dates.length > 0 ? { firstIso: dates[0]!, lastIso: dates.at(-1)! } : null;
}

function latestScreeningOf(data: SteadybackExport): ReportModel['latestScreening'] {
  const s = data.screenings.at(-1);
  return s ? { dateIso: s.dateIso, outcome: s.outcome, reason: s.reason } : null;
}

/** The programme layer's escalation assessment and weekly plan, each with the reason when there is none. */
function guidanceOf(
  data: SteadybackExport,
  todayIso: string,
): Pick<ReportModel, 'escalation' | 'escalationProblem' | 'plan' | 'planProblem'> {
  const esc = assessEscalation(escalationInputFrom(data, todayIso));
  const planInput = planInputFrom(data, todayIso);
  const plan = planInput.ok ? buildWeeklyPlan(planInput.input) : planInput;
  return {
    escalation: esc.ok ? (({ ok: _ok, ...rest }) => rest)(esc) : null,
    escalationProblem: esc.ok ? null : esc.reason,
    plan: plan.ok ? plan.plan : null,
    planProblem: plan.ok ? null : plan.reason,
  };
}

/**
 * The report model of an export as of todayIso ('YYYY-MM-DD', the caller's local date). Records
 * dated after today are left out (and counted in leftOutAfterToday). Throws only on a malformed
 * todayIso, which callers validate at their boundary.
 */
export function reportModel(input: SteadybackExport, todayIso: string): ReportModel {
  const today = parseIsoDate(todayIso);
  if (!today.ok) throw new Error(`reportModel needs today's date: ${today.reason}`);
  const { data, leftOut } = asOf(input, todayIso);

  const tests = data.birdDogTests.map(birdDogSummary);
  const sessions = data.stretchSessions.map(stretchSummary);
  const painDays = data.painDays.map(painDaySummary);
  const { counts, lightsByWeek } = painLightsOf(painDays);

  const period = periodOf(data);
  const weeks = period ? weeksOf(data, lightsByWeek, period.firstIso, period.lastIso) : [];
  const nprs = nprsTrendOf(data);
  const peg3 = peg3Of(data);
  const guidance = guidanceOf(data, todayIso);

  const measuredTests = tests.filter((t) => t.status === 'complete' && t.sides !== null);
  const usualPain = data.outcomeChecks.map((c) => ({ id: c.id, dateIso: c.dateIso, nrs: c.usualPainNrs }));
  return {
    version: REPORT_MODEL_VERSION,
    todayIso,
    exportedOnIso: input.exportedOnIso,
    period,
    leftOutAfterToday: leftOut,
    programmeStartIso: data.settings.programmeStartIso,
    latestScreening: latestScreeningOf(data),
    birdDog: { tests, latest: measuredTests.at(-1) ?? tests.at(-1) ?? null },
    stretch: {
      sessions,
      currentCapDeg: input.guard?.depthCapDeg ?? null,
      holdSeconds: input.guard?.holdSeconds ?? null,
      depthTrend: depthTrendOf(sessions),
    },
    pain: { days: painDays, latest: painDays.at(-1) ?? null, counts },
    weeks,
    usualPain,
    nprs,
    peg3: { latest: peg3.at(-1) ?? null, all: peg3 },
    escalation: guidance.escalation,
    escalationProblem: guidance.escalationProblem,
    plan: guidance.plan,
    planProblem: guidance.planProblem,
    charts: period
      ? buildCharts({
          startIso: period.firstIso,
          endIso: todayIso,
          tests: measuredTests,
          painDays,
          sessions,
          weeks,
          usualPain,
          nprs,
        })
      : [],
    disclaimer: PLAN_DISCLAIMER,
  };
}
