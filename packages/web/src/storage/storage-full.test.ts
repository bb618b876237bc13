import { describe, expect, it } from 'vitest';
import { clockTime, holdNotSaved, isStorageFull, sessionNotSaved, storageFullAtEnd } from './storage-full.ts';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
/** Dexie rejects with its own error, the browser's as its `inner` (dexie.org/docs/DexieErrors/DexieError). */
const dexieError = (name: string, inner: unknown) => Object.assign(new Error('Transaction aborted'), { name, inner });

describe('isStorageFull', () => {
  it("knows the browser's quota error, bare or wrapped by Dexie", () => {
    expect(isStorageFull(quotaError())).toBe(true);
    expect(isStorageFull(dexieError('AbortError', quotaError()))).toBe(true);
    expect(isStorageFull(dexieError('QuotaExceededError', undefined))).toBe(true);
  });

  it('does not take other failures for a full store', () => {
    expect(isStorageFull(dexieError('AbortError', new Error('disk I/O')))).toBe(false);
    expect(isStorageFull(new DOMException('no', 'NotFoundError'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
  });
});

describe('the storage-full sentences', () => {
  it('name the time up to which readings are kept, as minutes and seconds', () => {
    expect(clockTime(65_400)).toBe('1:05');
    expect(clockTime(9_999)).toBe('0:09');
    expect(storageFullAtEnd(21_000)).toMatch(
      /^Your browser's storage is full, so this test could not be saved\. The readings up to 0:21 are kept: /,
    );
  });

  it('say the answers or the rated holds are kept, and tell a full store from another failure', () => {
    expect(holdNotSaved(quotaError())).toMatch(/storage is full.*your answers are still here\.$/);
    expect(holdNotSaved(new Error('x'))).toBe(
      'This hold could not be saved: press Save again; your answers are still here.',
    );
    expect(sessionNotSaved(quotaError())).toMatch(/storage is full.*Every hold you rated is kept/);
    expect(sessionNotSaved(new Error('x'))).not.toMatch(/storage is full/);
  });
});
