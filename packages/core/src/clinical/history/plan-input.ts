// Turns the stored export into the inputs of the programme layer's own rules (the weekly plan and
// the escalation check), so the report shows exactly what the app would decide, never a re-made
// rule. Records dated after today must already be left out by the caller.

import type { PlanInput } from '../programme/plan.ts';
import type { EscalationInput, PainLogEntry, PainSession } from '../programme/traffic-light.ts';
import type { PainDay, SteadybackExport } from '../records/schema.ts';
import type { Outcome } from '../../outcome.ts';

const byDate = <T extends { dateIso: string }>(a: T, b: T): number =>
  a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0;

/** Pain days with a peak score are traffic-light sessions; a day without one cannot be rated. */
export function painSessionsFrom(days: readonly PainDay[]): PainSession[] {
  return days
    .filter((d): d is PainDay & { peakNrs: number } => d.peakNrs !== null)
    .map((d) => ({
      dateIso: d.dateIso,
      restNrs: d.restNrs,
      peakNrs: d.peakNrs,
      morningNrs: d.morningNrs,
      settledWithin24h: d.settledWithin24h,
    }))
    .sort(byDate);
}

/** The usual-pain check-ins (every 2 weeks) as the escalation rules' pain log. */
export function painLogFrom(data: SteadybackExport): PainLogEntry[] {
  return data.outcomeChecks.map((c) => ({ dateIso: c.dateIso, nrs: c.usualPainNrs })).sort(byDate);
}

/**
 * A new symptom below the knee counts until the safety questions have been asked again after it:
 * escalation re-runs the red-flag screen, and a later screening is the answer to it.
 */
export function newSymptomBelowKneeFrom(data: SteadybackExport): boolean {
  const lastScreen = [...data.screenings].sort(byDate).at(-1)?.dateIso ?? null;
  return data.painDays.some((d) => d.newSymptomBelowKnee && (lastScreen === null || d.dateIso >= lastScreen));
}

export function escalationInputFrom(data: SteadybackExport, todayIso: string): EscalationInput {
  return {
    todayIso,
    programmeStartIso: data.settings.programmeStartIso,
    sessions: painSessionsFrom(data.painDays),
    painLog: painLogFrom(data),
    newSymptomBelowKnee: newSymptomBelowKneeFrom(data),
  };
}

export type PlanInputResult = Outcome<{ input: PlanInput }>;

/**
 * The plan's input: the latest screening's red-flag tier, today's pain (the latest pain day's
 * score before exercise, else the latest usual-pain check-in), the finished bird-dog tests, the
 * guard's hold time, the pain history and the stretching answers from the settings.
 */
export function planInputFrom(data: SteadybackExport, todayIso: string): PlanInputResult {
  const screening = [...data.screenings].sort(byDate).at(-1);
  if (!screening)
    return {
      ok: false,
      reason: 'There is no plan yet because the safety questions have not been answered; answer them in the app first.',
    };
  const latestPain =
    [...data.painDays].sort(byDate).at(-1)?.restNrs ?? [...data.outcomeChecks].sort(byDate).at(-1)?.usualPainNrs;
  if (latestPain === undefined)
    return {
      ok: false,
      reason: 'There is no plan yet because no pain score has been recorded; add one in the app first.',
    };
  const lastSession = [...data.stretchSessions].sort(byDate).at(-1);
  const holdSeconds = data.guard?.holdSeconds ?? lastSession?.targetHoldSeconds ?? null;
  const escalation = escalationInputFrom(data, todayIso);
  return {
    ok: true,
    input: {
      todayIso,
      profile: { ageYears: data.settings.ageYears },
      safety: { redFlagTier: screening.outcome, painNowNrs: latestPain },
      birdDogTests: data.birdDogTests
        .filter((t) => t.status === 'complete' && t.overall !== null)
        .map((t) => ({
          dateIso: t.dateIso,
          verdict: t.overall!.verdict,
          symptomProvoking: t.overall!.symptomProvoking,
        })),
      stretch: holdSeconds === null ? null : { holdSeconds },
      painHistory: {
        sessions: escalation.sessions,
        painLog: escalation.painLog ?? [],
        newSymptomBelowKnee: escalation.newSymptomBelowKnee ?? false,
        programmeStartIso: data.settings.programmeStartIso,
      },
      symptoms: {
        hurtsMoreAfterStretching: data.settings.hurtsMoreAfterStretching ?? false,
        backStretches: [...data.settings.backStretches],
      },
    },
  };
}
