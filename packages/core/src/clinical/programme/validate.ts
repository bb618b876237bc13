// Small boundary checks shared by the programme modules: each returns a plain sentence the app
// can show when an answer is missing, out of range or of the wrong type.

import { parseIsoDate } from '../guard/dates.ts';
import { NRS } from './thresholds.ts';
import type { Outcome } from '../../outcome.ts';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkNrs(value: unknown, what: string): Outcome<{ value: number }> {
  if (value === undefined || value === null) return { ok: false, reason: `The ${what} is missing.` };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < NRS.MIN || value > NRS.MAX) {
    return {
      ok: false,
      reason: `The ${what} should be a whole number from ${NRS.MIN} to ${NRS.MAX}, but it was ${JSON.stringify(value)}.`,
    };
  }
  return { ok: true, value };
}

export function checkOptionalNrs(value: unknown, what: string): Outcome<{ value: number | null }> {
  if (value === undefined || value === null) return { ok: true, value: null };
  return checkNrs(value, what);
}

export function checkDate(value: unknown, what: string): Outcome<{ value: string; dayNumber: number }> {
  if (value === undefined || value === null) return { ok: false, reason: `The ${what} is missing.` };
  const parsed = parseIsoDate(value);
  if (!parsed.ok) return { ok: false, reason: `The ${what} is not a valid date: ${parsed.reason}` };
  return { ok: true, value: value as string, dayNumber: parsed.dayNumber };
}

export function checkBoolean(value: unknown, what: string): Outcome<{ value: boolean }> {
  if (typeof value !== 'boolean') {
    return {
      ok: false,
      reason:
        value === undefined || value === null
          ? `The answer to "${what}" is missing.`
          : `The answer to "${what}" should be yes or no, but it was ${JSON.stringify(value)}.`,
    };
  }
  return { ok: true, value };
}

export function checkArray(value: unknown, what: string): Outcome<{ value: unknown[] }> {
  if (!Array.isArray(value))
    return {
      ok: false,
      reason: `The ${what} should be a list, but it was ${value === undefined ? 'missing' : JSON.stringify(value)}.`,
    };
  return { ok: true, value };
}

/** Day number of an already-validated ISO date. */
export function dayOf(dateIso: string): number {
  const parsed = parseIsoDate(dateIso);
  if (!parsed.ok) throw new Error(`${parsed.reason} Validate dates with checkDate first.`);
  return parsed.dayNumber;
}
