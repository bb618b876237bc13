// What the clinician's list shows for a patient, derived once per upload from core's own report
// model (traffic light, escalation) and core's red-flag items; no rule of the clinic's own.

import {
  RED_FLAG_ITEMS,
  reportModel,
  type PainLight,
  type RedFlagOutcome,
  type ReportModel,
  type SteadybackExport,
} from '@steadyback/core';

export interface PatientSummary {
  /** The report is as of the day the patient exported. */
  asOfIso: string;
  latestPainDateIso: string | null;
  latestLight: PainLight | null;
  /** "See a physical therapist" reached, with the app's own message. */
  escalate: boolean;
  escalationMessage: string | null;
  screeningOutcome: RedFlagOutcome | null;
  screeningDateIso: string | null;
  /** The red-flag questions answered yes at the latest screening, in core's words. */
  redFlagsYes: string[];
  birdDogTests: number;
  stretchSessions: number;
  painDays: number;
}

function latestScreeningAnswers(data: SteadybackExport): Record<string, boolean> {
  const sorted = [...data.screenings].sort((a, b) => (a.dateIso < b.dateIso ? -1 : a.dateIso > b.dateIso ? 1 : 0));
  return sorted.at(-1)?.answers ?? {};
}

export function summariseExport(data: SteadybackExport): { model: ReportModel; summary: PatientSummary } {
  const model = reportModel(data, data.exportedOnIso);
  const answers = latestScreeningAnswers(data);
  const summary: PatientSummary = {
    asOfIso: model.todayIso,
    latestPainDateIso: model.pain.latest?.dateIso ?? null,
    latestLight: model.pain.latest?.light ?? null,
    escalate: model.escalation?.escalate ?? false,
    escalationMessage: model.escalation?.message ?? null,
    screeningOutcome: model.latestScreening?.outcome ?? null,
    screeningDateIso: model.latestScreening?.dateIso ?? null,
    redFlagsYes: RED_FLAG_ITEMS.filter((item) => answers[item.id] === true).map((item) => item.summary),
    birdDogTests: model.birdDog.tests.length,
    stretchSessions: model.stretch.sessions.length,
    painDays: model.pain.days.length,
  };
  return { model, summary };
}
