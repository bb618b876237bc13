// The FHIR bundle leaves out bird-dog tests that were not finished (in progress or abandoned), even
// when they carry a verdict, and keeps every finished one: overall, left side and right side.
// Tested through fhirBundle only, on a report model built from simulated weeks.
import type { Bundle, Observation } from 'fhir/r4.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulateWeeks } from '@steadyback/synthetic';
import type { BirdDogTestRecord } from '../records/schema.ts';
import { fhirBundle } from './fhir.ts';
import type { ReportModel } from './model.ts';
import { reportModel } from './report-model.ts';

const BIRD_DOG_CODES = ['bird-dog-overall', 'bird-dog-left-side', 'bird-dog-right-side'];

const birdDogObservations = (b: Bundle): Observation[] =>
  (b.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is Observation => r?.resourceType === 'Observation')
    .filter((o) => BIRD_DOG_CODES.includes(o.code.coding?.[0]?.code ?? ''));
const codesOn = (b: Bundle, dateIso: string): string[] =>
  birdDogObservations(b)
    .filter((o) => o.effectiveDateTime === dateIso)
    .map((o) => o.code.coding![0]!.code!)
    .sort();

let finished: BirdDogTestRecord[];
let unfinished: BirdDogTestRecord[];
let model: ReportModel;
let bundle: Bundle;

beforeAll(() => {
  const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 2, camera: false });
  finished = sim.data.birdDogTests;
  // Unfinished tests on days with no finished test: two that already hold a verdict and both
  // sides (stopped after the analysis), and one as the app stores it when a test starts.
  unfinished = [
    { ...finished[0]!, id: 'stopped-in-progress', dateIso: '2026-01-06', status: 'in-progress' },
    { ...finished[1]!, id: 'stopped-abandoned', dateIso: '2026-01-13', status: 'abandoned' },
    {
      id: 'just-started',
      dateIso: '2026-01-07',
      status: 'in-progress',
      sources: { camera: false, sensor: true },
      view: 'none',
      overall: null,
      sides: null,
      reps: [],
      explanation: [],
      notMeasurable: [],
    },
  ];
  model = reportModel({ ...sim.data, birdDogTests: [...finished, ...unfinished] }, sim.todayIso);
  bundle = fhirBundle(model);
});

describe('FHIR bundle and unfinished bird-dog tests', () => {
  it('is given the unfinished tests by the report model, with their verdicts', () => {
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.every((t) => t.status === 'complete')).toBe(true);
    const inModel = model.birdDog.tests.filter((t) => t.status !== 'complete');
    expect(inModel.map((t) => t.id).sort()).toEqual(['just-started', 'stopped-abandoned', 'stopped-in-progress']);
    expect(inModel.filter((t) => t.verdict !== null && t.sides !== null)).toHaveLength(2);
  });

  it('has no observation for an in-progress or abandoned test', () => {
    for (const t of unfinished) expect(codesOn(bundle, t.dateIso)).toEqual([]);
  });

  it('has the overall, left and right observations of every finished test', () => {
    for (const t of finished) {
      expect(codesOn(bundle, t.dateIso)).toEqual([...BIRD_DOG_CODES].sort());
      const overall = birdDogObservations(bundle).find(
        (o) => o.effectiveDateTime === t.dateIso && o.code.coding?.[0]?.code === 'bird-dog-overall',
      );
      expect(overall?.valueCodeableConcept?.coding?.[0]?.code).toBe(t.overall!.verdict);
    }
    expect(birdDogObservations(bundle)).toHaveLength(3 * finished.length);
  });

  it('turns the same test from absent to present when it is finished', () => {
    const test = model.birdDog.tests.find((t) => t.id === 'stopped-abandoned')!;
    const only = (status: BirdDogTestRecord['status']): ReportModel => ({
      ...model,
      birdDog: { tests: [{ ...test, status }], latest: null },
    });
    expect(birdDogObservations(fhirBundle(only('abandoned')))).toEqual([]);
    expect(birdDogObservations(fhirBundle(only('in-progress')))).toEqual([]);
    expect(codesOn(fhirBundle(only('complete')), test.dateIso)).toEqual([...BIRD_DOG_CODES].sort());
  });
});
