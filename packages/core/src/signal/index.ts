// Filters over time series: One Euro for live landmarks, zero-phase Butterworth with gap filling
// and outlier removal for recorded video, and a moving median.
export * from './moving-median.ts';
export * from './stats.ts';
export * from './one-euro.ts';
export * from './butterworth.ts';
