// Calendar arithmetic for the guard: ISO dates ('YYYY-MM-DD') and ISO-8601 week keys
// ('YYYY-Www'), computed from the date string alone. The core never reads a clock, so days are
// inputs and weeks are derived from them with integer arithmetic (no Date, no time zones).

import type { Outcome } from '../../outcome.ts';

export type GuardDateResult = Outcome<{ dayNumber: number }>;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Parses 'YYYY-MM-DD' (a real calendar day) into a day number; otherwise a plain reason. */
export function parseIsoDate(dateIso: unknown): GuardDateResult {
  const match = typeof dateIso === 'string' ? DATE_RE.exec(dateIso) : null;
  if (!match)
    return {
      ok: false,
      reason: `The date should look like 2025-03-14 (year-month-day), but it was ${JSON.stringify(dateIso)}.`,
    };
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    return { ok: false, reason: `There is no such day as ${dateIso as string} on the calendar.` };
  return { ok: true, dayNumber: daysFromCivil(y, m, d) };
}

export function isIsoDate(dateIso: unknown): dateIso is string {
  return parseIsoDate(dateIso).ok;
}

function dayNumberOrThrow(dateIso: string): number {
  const parsed = parseIsoDate(dateIso);
  if (!parsed.ok) throw new Error(`${parsed.reason} Validate dates with parseIsoDate before calling date helpers.`);
  return parsed.dayNumber;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. 1970-01-01 (day 0) was a Thursday. */
function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The date `days` after `dateIso` (negative for before). Throws on a malformed date (programmer error). */
export function addDaysIso(dateIso: string, days: number): string {
  const { y, m, d } = civilFromDays(dayNumberOrThrow(dateIso) + days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** ISO-8601 week key 'YYYY-Www': weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekKey(dateIso: string): string {
  const day = dayNumberOrThrow(dateIso);
  const thursday = day - isoWeekday(day) + 4;
  const isoYear = civilFromDays(thursday).y;
  const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
}

/** True for a well-formed week key of a week that exists (W53 only in long ISO years). */
export function isIsoWeekKey(weekKey: unknown): weekKey is string {
  const match = typeof weekKey === 'string' ? WEEK_RE.exec(weekKey) : null;
  if (!match) return false;
  const y = Number(match[1]);
  const w = Number(match[2]);
  if (w < 1) return false;
  // 28 December is always in the last ISO week of its year.
  const lastWeek = Number(isoWeekKey(`${pad(y, 4)}-12-28`).slice(6));
  return w <= lastWeek;
}
