// The clinician's audit lines as CSV (RFC 4180 quoting; a leading =, +, - or @ is prefixed with
// an apostrophe so a spreadsheet never runs a cell as a formula).

import type { AuditRow } from '../store/audit.ts';

export const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'share_id', 'detail'] as const;

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = rows.map((r) =>
    [r.id, r.at.toISOString(), r.actor, r.action, r.share_id ?? '', r.detail].map(csvCell).join(','),
  );
  return [AUDIT_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
