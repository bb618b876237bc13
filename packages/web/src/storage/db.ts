// Everything the app keeps, in this browser's IndexedDB (Dexie), with a versioned schema. Records
// are core's export records (core/records), so what is stored, exported and imported is one shape.
// Only numbers and short words are stored; never video or pictures.

import Dexie, { type EntityTable } from 'dexie';
import {
  DEFAULT_SETTINGS,
  buildExport,
  type BirdDogTestRecord,
  type GuardState,
  type OutcomeCheck,
  type PainDay,
  type Screening,
  type Settings,
  type SteadybackExport,
  type StretchSessionRecord,
} from '@steadyback/core';

/** Raw phone samples of a test in progress, so a reload or crash loses nothing already measured. */
export interface SensorDraft {
  id: string;
  testId: string;
  /** tMs, alpha, beta, gamma, cue index (-1 = none); flat for cheap appends. */
  samples: number[];
}

interface KeyValue<T> {
  key: string;
  value: T;
}

export class SteadybackDb extends Dexie {
  settings!: EntityTable<KeyValue<Settings>, 'key'>;
  guard!: EntityTable<KeyValue<GuardState>, 'key'>;
  screenings!: EntityTable<Screening, 'id'>;
  painDays!: EntityTable<PainDay, 'id'>;
  outcomeChecks!: EntityTable<OutcomeCheck, 'id'>;
  birdDogTests!: EntityTable<BirdDogTestRecord, 'id'>;
  stretchSessions!: EntityTable<StretchSessionRecord, 'id'>;
  sensorDrafts!: EntityTable<SensorDraft, 'id'>;

  constructor(name = 'steadyback') {
    super(name);
    // Version 1 of the stored schema. A later version adds `this.version(2).stores({...}).upgrade(tx => ...)`
    // below this line; Dexie runs the upgrades in order, so old data is carried forward.
    this.version(1).stores({
      settings: 'key',
      guard: 'key',
      screenings: 'id, dateIso',
      painDays: 'id, dateIso',
      outcomeChecks: 'id, dateIso',
      birdDogTests: 'id, dateIso, status',
      stretchSessions: 'id, dateIso, status',
      sensorDrafts: 'id, testId',
    });
  }
}

export const db = new SteadybackDb();

export async function loadSettings(): Promise<Settings> {
  return (await db.settings.get('settings'))?.value ?? DEFAULT_SETTINGS;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await db.settings.put({ key: 'settings', value: next });
  return next;
}

export async function loadGuard(): Promise<GuardState | null> {
  return (await db.guard.get('guard'))?.value ?? null;
}

export async function saveGuard(state: GuardState): Promise<void> {
  await db.guard.put({ key: 'guard', value: state });
}

export async function latestScreening(): Promise<Screening | null> {
  return (await db.screenings.orderBy('dateIso').last()) ?? null;
}

export async function painDayFor(dateIso: string): Promise<PainDay | null> {
  return (await db.painDays.where('dateIso').equals(dateIso).last()) ?? null;
}

/** The whole store as one export document (core/records), validated on the way out. */
export async function exportAll(todayIso: string): Promise<SteadybackExport> {
  return db.transaction(
    'r',
    [db.settings, db.guard, db.screenings, db.painDays, db.outcomeChecks, db.birdDogTests, db.stretchSessions],
    async () =>
      buildExport(
        {
          settings: await loadSettings(),
          guard: await loadGuard(),
          screenings: await db.screenings.orderBy('dateIso').toArray(),
          painDays: await db.painDays.orderBy('dateIso').toArray(),
          outcomeChecks: await db.outcomeChecks.orderBy('dateIso').toArray(),
          birdDogTests: await db.birdDogTests.orderBy('dateIso').toArray(),
          stretchSessions: await db.stretchSessions.orderBy('dateIso').toArray(),
        },
        todayIso,
      ),
  );
}

/** Replaces everything with an already-validated export, all or nothing. */
export async function importAll(data: SteadybackExport): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.settings,
      db.guard,
      db.screenings,
      db.painDays,
      db.outcomeChecks,
      db.birdDogTests,
      db.stretchSessions,
      db.sensorDrafts,
    ],
    async () => {
      await Promise.all([
        db.settings.clear(),
        db.guard.clear(),
        db.screenings.clear(),
        db.painDays.clear(),
        db.outcomeChecks.clear(),
        db.birdDogTests.clear(),
        db.stretchSessions.clear(),
        db.sensorDrafts.clear(),
      ]);
      await db.settings.put({ key: 'settings', value: data.settings });
      if (data.guard) await db.guard.put({ key: 'guard', value: data.guard });
      await db.screenings.bulkAdd(data.screenings);
      await db.painDays.bulkAdd(data.painDays);
      await db.outcomeChecks.bulkAdd(data.outcomeChecks);
      await db.birdDogTests.bulkAdd(data.birdDogTests);
      await db.stretchSessions.bulkAdd(data.stretchSessions);
    },
  );
}

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Today's calendar date in the person's own time zone (the app reads the clock; core never does). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
