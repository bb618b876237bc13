// The report model as a FHIR R4 Bundle (type "collection") a clinic's system can read: pain NRS
// (LOINC 72514-3) before, at the peak of and the morning after each session plus the usual-pain
// check-ins, the PEG-3 score, and each bird-dog test per side with its verdict, largest and mean
// pelvic roll (UCUM "deg") and the source that measured it. The Patient is anonymous: the app
// never asks for a name. Ids are derived from the records, so the same export gives the same
// bundle (no clock, no randomness).

import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  FhirResource,
  Observation,
  ObservationComponent,
  Patient,
  Quantity,
} from 'fhir/r4.js';
import { addDaysIso } from '../guard/dates.ts';
import type {
  BirdDogSideSummary,
  BirdDogTestSummary,
  PainDaySummary,
  Peg3Summary,
  ReportModel,
  ReportSide,
} from './model.ts';

export const FHIR_SYSTEMS = {
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  category: 'http://terminology.hl7.org/CodeSystem/observation-category',
  dataAbsent: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  /** Our own codes: there is no standard code for an app's bird-dog screen or for pain timing. */
  observation: 'urn:steadyback:observation',
  painTiming: 'urn:steadyback:pain-timing',
  verdict: 'urn:steadyback:bird-dog-verdict',
  source: 'urn:steadyback:measurement-source',
} as const;

export const LOINC_PAIN_NRS = {
  system: FHIR_SYSTEMS.loinc,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
} as const;

export type PainTiming = 'before-session' | 'peak-during-session' | 'next-morning' | 'usual-past-week';

const PAIN_TIMING_TEXT: Record<PainTiming, string> = {
  'before-session': 'Back pain at rest before the exercise session',
  'peak-during-session': 'Highest back pain during the exercise session',
  'next-morning': 'Back pain the morning after the exercise session',
  'usual-past-week': 'Usual back pain over the past week',
};

const VERDICT_TEXT: Record<string, string> = {
  positive: 'Positive: the low back moved more than it should while the leg was lifted',
  negative: 'Negative: the low back stayed steady',
  'positive-mild': 'Positive (mild): some movement of the low back',
  'not-measurable': 'Not measurable: not enough clear data to judge',
};

const SOURCE_TEXT: Record<'camera' | 'sensor', string> = {
  sensor: 'Phone lying on the pelvis (orientation sensor)',
  camera: 'Phone camera (pose landmarks)',
};

const SCREEN_NOTE = 'Measured at home by the steadyback app: a movement-control screen, not a diagnosis.';

// ---------------------------------------------------------------------------------------------
// Deterministic ids

/** FNV-1a, 32 bits, with a seed so four runs give 128 bits. */
function fnv(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A UUID-shaped id from a name (RFC 9562 version 8, "custom"), stable across runs. */
export function stableUuid(name: string): string {
  const hex = [1, 2, 3, 4]
    .map((s) =>
      fnv(name, s * 0x9e3779b1)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const concept = (system: string, code: string, display: string, text?: string): CodeableConcept => ({
  coding: [{ system, code, display }],
  ...(text ? { text } : {}),
});
const degrees = (value: number): Quantity => ({ value, unit: 'deg', system: FHIR_SYSTEMS.ucum, code: 'deg' });
const absent = (text: string): CodeableConcept => ({
  coding: [{ system: FHIR_SYSTEMS.dataAbsent, code: 'not-performed', display: 'Not Performed' }],
  text,
});
const category = (code: 'survey' | 'activity', display: string): CodeableConcept[] => [
  { coding: [{ system: FHIR_SYSTEMS.category, code, display }] },
];

interface Ctx {
  patientRef: string;
  entries: BundleEntry<FhirResource>[];
}

function add(ctx: Ctx, name: string, resource: Observation | Patient): string {
  const id = stableUuid(name);
  const fullUrl = `urn:uuid:${id}`;
  ctx.entries.push({ fullUrl, resource: { ...resource, id } });
  return fullUrl;
}

function painObservation(ctx: Ctx, key: string, dateIso: string, nrs: number, timing: PainTiming, note: string): void {
  add(ctx, `pain|${key}|${timing}`, {
    resourceType: 'Observation',
    status: 'final',
    category: category('survey', 'Survey'),
    code: { coding: [{ ...LOINC_PAIN_NRS }], text: 'Back pain, 0-10' },
    subject: { reference: ctx.patientRef },
    effectiveDateTime: dateIso,
    valueInteger: nrs,
    component: [
      {
        code: concept(FHIR_SYSTEMS.observation, 'pain-timing', 'When the pain was rated'),
        valueCodeableConcept: concept(FHIR_SYSTEMS.painTiming, timing, PAIN_TIMING_TEXT[timing]),
      },
    ],
    note: [{ text: note }],
  });
}

function sideObservation(
  ctx: Ctx,
  key: string,
  test: BirdDogTestSummary,
  side: ReportSide,
  s: BirdDogSideSummary,
): void {
  const components: ObservationComponent[] = [
    s.maxRollDeg === null
      ? {
          code: concept(FHIR_SYSTEMS.observation, 'max-pelvic-roll', 'Largest pelvic roll during the holds'),
          dataAbsentReason: absent('No source could measure the pelvic roll on this side.'),
        }
      : {
          code: concept(FHIR_SYSTEMS.observation, 'max-pelvic-roll', 'Largest pelvic roll during the holds'),
          valueQuantity: degrees(s.maxRollDeg),
        },
    s.meanRollDeg === null
      ? {
          code: concept(FHIR_SYSTEMS.observation, 'mean-pelvic-roll', 'Mean pelvic roll over the valid reps'),
          dataAbsentReason: absent('No source could measure the pelvic roll on this side.'),
        }
      : {
          code: concept(FHIR_SYSTEMS.observation, 'mean-pelvic-roll', 'Mean pelvic roll over the valid reps'),
          valueQuantity: degrees(s.meanRollDeg),
        },
    s.rollSource === null
      ? {
          code: concept(FHIR_SYSTEMS.observation, 'measured-by', 'Source that measured the pelvic roll'),
          dataAbsentReason: absent('Pelvic roll needs the phone lying on the pelvis; the camera cannot measure it.'),
        }
      : {
          code: concept(FHIR_SYSTEMS.observation, 'measured-by', 'Source that measured the pelvic roll'),
          valueCodeableConcept: concept(FHIR_SYSTEMS.source, s.rollSource, SOURCE_TEXT[s.rollSource]),
        },
    { code: concept(FHIR_SYSTEMS.observation, 'unstable-reps', 'Reps judged unstable'), valueInteger: s.unstableReps },
    { code: concept(FHIR_SYSTEMS.observation, 'reps', 'Reps on this side'), valueInteger: s.reps },
  ];
  const notMeasurable = test.notMeasurable.map((n) => `${n.rule}: ${n.reason}`).join(' ');
  add(ctx, `bird-dog|${key}|${side}`, {
    resourceType: 'Observation',
    status: 'final',
    category: category('activity', 'Activity'),
    code: concept(
      FHIR_SYSTEMS.observation,
      `bird-dog-${side}-side`,
      `Bird-dog movement-control screen, ${side} leg lifted`,
    ),
    subject: { reference: ctx.patientRef },
    effectiveDateTime: test.dateIso,
    valueCodeableConcept: concept(
      FHIR_SYSTEMS.verdict,
      s.verdict,
      VERDICT_TEXT[s.verdict] ?? s.verdict,
      `${VERDICT_TEXT[s.verdict] ?? s.verdict}. ${s.reason}`,
    ),
    component: components,
    note: [{ text: `${SCREEN_NOTE}${notMeasurable ? ` Not measurable in this test: ${notMeasurable}` : ''}` }],
  });
}

function overallObservation(ctx: Ctx, key: string, test: BirdDogTestSummary): void {
  if (test.verdict === null) return;
  add(ctx, `bird-dog|${key}|overall`, {
    resourceType: 'Observation',
    status: 'final',
    category: category('activity', 'Activity'),
    code: concept(FHIR_SYSTEMS.observation, 'bird-dog-overall', 'Bird-dog movement-control screen, both sides'),
    subject: { reference: ctx.patientRef },
    effectiveDateTime: test.dateIso,
    valueCodeableConcept: concept(
      FHIR_SYSTEMS.verdict,
      test.verdict,
      VERDICT_TEXT[test.verdict] ?? test.verdict,
      test.summary ?? undefined,
    ),
    component: [
      {
        code: concept(FHIR_SYSTEMS.observation, 'asymmetry', 'One side differs from the other'),
        valueBoolean: test.asymmetry ?? false,
      },
      {
        code: concept(FHIR_SYSTEMS.observation, 'symptom-provoking', 'The test brought on back pain'),
        valueBoolean: test.symptomProvoking ?? false,
      },
    ],
    note: [{ text: SCREEN_NOTE }],
  });
}

/** Pain before, at the peak of and the morning after each session, in that order per session. */
function sessionPainObservations(ctx: Ctx, days: readonly PainDaySummary[]): void {
  for (const [i, d] of days.entries()) {
    const key = `${i}|${d.id}`;
    painObservation(
      ctx,
      key,
      d.dateIso,
      d.restNrs,
      'before-session',
      `${PAIN_TIMING_TEXT['before-session']} on ${d.dateIso}.`,
    );
    if (d.peakNrs !== null)
      painObservation(
        ctx,
        key,
        d.dateIso,
        d.peakNrs,
        'peak-during-session',
        `${PAIN_TIMING_TEXT['peak-during-session']} on ${d.dateIso}. Pain response: ${d.light}.`,
      );
    // Dated the morning it describes, with the session it follows named in the note.
    if (d.morningNrs !== null)
      painObservation(
        ctx,
        key,
        addDaysIso(d.dateIso, 1),
        d.morningNrs,
        'next-morning',
        `${PAIN_TIMING_TEXT['next-morning']} on ${d.dateIso}.`,
      );
  }
}

/** The usual-pain check-ins, one pain observation each. */
function usualPainObservations(ctx: Ctx, usualPain: ReportModel['usualPain']): void {
  for (const [i, p] of usualPain.entries())
    painObservation(
      ctx,
      `usual|${i}|${p.id}`,
      p.dateIso,
      p.nrs,
      'usual-past-week',
      `${PAIN_TIMING_TEXT['usual-past-week']}, reported on ${p.dateIso}.`,
    );
}

/** Each PEG-3 score with its three items as components. */
function peg3Observations(ctx: Ctx, peg3: readonly Peg3Summary[]): void {
  for (const [i, g] of peg3.entries()) {
    add(ctx, `peg3|${i}|${g.dateIso}`, {
      resourceType: 'Observation',
      status: 'final',
      category: category('survey', 'Survey'),
      code: concept(
        FHIR_SYSTEMS.observation,
        'peg-3-score',
        'PEG-3 pain, enjoyment and general activity score (mean of three 0-10 items)',
      ),
      subject: { reference: ctx.patientRef },
      effectiveDateTime: g.dateIso,
      valueQuantity: { value: g.score, unit: 'score', system: FHIR_SYSTEMS.ucum, code: '{score}' },
      component: (['pain', 'enjoyment', 'activity'] as const).map((item) => ({
        code: concept(FHIR_SYSTEMS.observation, `peg-3-${item}`, `PEG-3 ${item} item`),
        valueInteger: g.items[item],
      })),
      note: [{ text: `${g.source}.` }],
    });
  }
}

/** Each complete bird-dog test: its overall verdict, then the left and the right side. */
function birdDogObservations(ctx: Ctx, tests: readonly BirdDogTestSummary[]): void {
  for (const [i, t] of tests.entries()) {
    if (t.status !== 'complete') continue;
    const key = `${i}|${t.id}`;
    overallObservation(ctx, key, t);
    if (t.sides) for (const side of ['left', 'right'] as const) sideObservation(ctx, key, t, side, t.sides[side]);
  }
}

/** The model's records as a FHIR R4 collection Bundle with an anonymous Patient. */
export function fhirBundle(model: ReportModel): Bundle {
  const ctx: Ctx = { patientRef: '', entries: [] };
  ctx.patientRef = add(ctx, 'patient', { resourceType: 'Patient', active: true });
  sessionPainObservations(ctx, model.pain.days);
  usualPainObservations(ctx, model.usualPain);
  peg3Observations(ctx, model.peg3.all);
  birdDogObservations(ctx, model.birdDog.tests);
  return {
    resourceType: 'Bundle',
    id: stableUuid(
      `bundle|${model.todayIso}|${model.period?.firstIso ?? ''}|${model.period?.lastIso ?? ''}|${ctx.entries.length}`,
    ),
    type: 'collection',
    entry: ctx.entries,
  };
}
