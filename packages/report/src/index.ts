// Public surface of @steadyback/report: the history model (core/history) rendered as a one-page
// PDF for a physical therapist and as a short plain-text summary. Pure: bytes and strings out, no
// file system, so the CLI and the browser app produce the very same report.

export { historyPdf, type HistoryPdfOptions } from './pdf/history-pdf.ts';
export { historySummary } from './history-summary.ts';
export * from './history-words.ts';
