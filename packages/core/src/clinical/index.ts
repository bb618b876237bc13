// The clinical side: the safety gate, pain traffic light and weekly plan (programme), the
// over-stretch guard, the stored records and their export, and the history's reports and FHIR.
export * from './guard/index.ts';
export * from './programme/index.ts';
export * from './records/index.ts';
export * from './history/index.ts';
