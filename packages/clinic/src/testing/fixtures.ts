// Test exports made by the app's own builders: simulated weeks (the real guard, analyser and
// export builder) and small exports from core's buildExport; no copied data.

import { DEFAULT_SETTINGS, buildExport, type ExportParts, type SteadybackExport } from '@steadyback/core';
import { simulateWeeks, type SimulatedScenario } from '@steadyback/synthetic';

const cache = new Map<SimulatedScenario, SteadybackExport>();

/** A whole simulated programme, phone only (quick), as the app would export it. */
export function simulatedExport(scenario: SimulatedScenario): SteadybackExport {
  let data = cache.get(scenario);
  if (!data) {
    const sim = simulateWeeks({ scenario, weeks: 4, camera: false });
    data = sim.data;
    cache.set(scenario, data);
  }
  return structuredClone(data);
}

/** A small export with one screening and one pain day; `override` replaces whole parts. */
export function smallExport(override: Partial<ExportParts> = {}, exportedOnIso = '2026-03-02'): SteadybackExport {
  const parts: ExportParts = {
    settings: { ...DEFAULT_SETTINGS, ageYears: 44, programmeStartIso: '2026-02-23' },
    screenings: [
      { id: 's1', dateIso: '2026-02-23', answers: { 'fever-or-chills': false }, outcome: 'clear', reason: 'first-run' },
    ],
    painDays: [
      {
        id: 'p1',
        dateIso: '2026-02-24',
        restNrs: 2,
        peakNrs: 3,
        morningNrs: 2,
        settledWithin24h: true,
        newSymptomBelowKnee: false,
      },
    ],
    outcomeChecks: [],
    birdDogTests: [],
    stretchSessions: [],
    guard: null,
    ...override,
  };
  return buildExport(parts, exportedOnIso);
}
