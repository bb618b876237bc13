// Export and import of everything the app stores, as one JSON file. Import validates the
// whole document before anything is written, migrates older versions forward, and explains in
// one sentence what is wrong with a file it refuses.

import { z } from 'zod';
import { EXPORT_FORMAT, RECORDS_VERSION, exportSchema, type SteadybackExport } from './schema.ts';
import type { Outcome } from '../../outcome.ts';

export type ExportParts = Omit<SteadybackExport, 'format' | 'version' | 'exportedOnIso'>;

export function buildExport(parts: ExportParts, exportedOnIso: string): SteadybackExport {
  const doc = { format: EXPORT_FORMAT, version: RECORDS_VERSION, exportedOnIso, ...parts } as const;
  const checked = exportSchema.safeParse(doc);
  if (!checked.success)
    throw new Error(`buildExport got records that do not match the schema: ${firstIssue(checked.error)}`);
  return checked.data;
}

/** Older versions are lifted one step at a time; none exist yet, the table is where they go. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export type ParseExportResult = Outcome<{ data: SteadybackExport }>;

export function parseExport(input: unknown): ParseExportResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      return {
        ok: false,
        reason: 'This file is not a steadyback export (it is not valid JSON); choose the .json file the app exported.',
      };
    }
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    Array.isArray(doc) ||
    (doc as { format?: unknown }).format !== EXPORT_FORMAT
  ) {
    return { ok: false, reason: 'This file is not a steadyback export; choose the .json file the app exported.' };
  }
  let version = (doc as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'This export has no valid version number; export your data again from the app.' };
  }
  if (version > RECORDS_VERSION) {
    return {
      ok: false,
      reason: `This export was made by a newer steadyback (data version ${version}); update the app, then import it again.`,
    };
  }
  let current = doc as Record<string, unknown>;
  while (version < RECORDS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step)
      return {
        ok: false,
        reason: `Exports of data version ${version} cannot be read any more; export your data again from the app.`,
      };
    current = step(current);
    version += 1;
  }
  const checked = exportSchema.safeParse(current);
  if (!checked.success)
    return { ok: false, reason: `This export is damaged (${firstIssue(checked.error)}); nothing was imported.` };
  return { ok: true, data: checked.data };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
  return `${where}: ${issue.message}`;
}
