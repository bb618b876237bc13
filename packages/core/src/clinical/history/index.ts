// Public surface of the history layer: the report model every report and history screen draws
// from, its inputs to the programme rules, and its FHIR R4 and CSV forms.

export * from './model.ts';
export * from './report-model.ts';
export * from './plan-input.ts';
export * from './summaries.ts';
export * from './charts.ts';
export * from './fhir.ts';
export * from './csv.ts';
