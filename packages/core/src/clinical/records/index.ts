// Public surface of the records layer: the stored/exported schema, export and import, and the
// conversion from analyser results to records.

export * from './schema.ts';
export * from './export.ts';
export * from './from-results.ts';
