// When the browser refuses to store more (its quota is used up, usually because the device is
// nearly full), the app keeps what it saved before and says so in plain words.

/** True for the browser's "quota exceeded" error, as IndexedDB or Dexie reports it. */
export function isStorageFull(err: unknown): boolean {
  for (let e = err as { name?: string; inner?: unknown } | null | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.name === 'QuotaExceededError') return true;
    e = e.inner as typeof e;
  }
  return false;
}

/** "1:05" for 65 000 ms. */
export function clockTime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const FREE_SPACE = 'free some space on this device (delete files or apps you no longer need)';

export function storageFullWhileRunning(savedUntilMs: number): string {
  return `Your browser's storage is full, so the readings from now on cannot be saved. Everything up to ${clockTime(savedUntilMs)} is kept; you can carry on, and we try again at the end.`;
}

export function storageFullAtEnd(savedUntilMs: number): string {
  return `Your browser's storage is full, so this test could not be saved. The readings up to ${clockTime(savedUntilMs)} are kept: ${FREE_SPACE}, then open steadyback again to see what they measured.`;
}

export function couldNotSave(): string {
  return 'This test could not be saved, and we do not know why: the readings saved every second are kept; open steadyback again to see what they measured.';
}

/** A rated hold the browser would not store: the answers stay on screen to save again. */
export function holdNotSaved(err: unknown): string {
  return isStorageFull(err)
    ? `Your browser's storage is full, so this hold could not be saved: ${FREE_SPACE}, then press Save again; your answers are still here.`
    : 'This hold could not be saved: press Save again; your answers are still here.';
}

/** The finished session the browser would not store; every rated hold before it is already saved. */
export function sessionNotSaved(err: unknown): string {
  return isStorageFull(err)
    ? `Your browser's storage is full, so the end of this session could not be saved. Every hold you rated is kept: ${FREE_SPACE}, then open steadyback again.`
    : 'The end of this session could not be saved. Every hold you rated is kept: open steadyback again.';
}
