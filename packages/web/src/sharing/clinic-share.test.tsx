import { describe, expect, it } from 'vitest';
import { simulateWeeks } from '@steadyback/synthetic';
import { clinicOrigin, loadShare, normaliseCode, saveShare, whatWillBeSent } from './clinic-share.ts';

/** The Storage interface over a Map, as localStorage keeps strings. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('the clinic address', () => {
  it('takes https anywhere and plain http only on this machine', () => {
    expect(clinicOrigin('https://clinic.example/patients')).toEqual({ ok: true, origin: 'https://clinic.example' });
    expect(clinicOrigin('clinic.example:8443')).toEqual({ ok: true, origin: 'https://clinic.example:8443' });
    expect(clinicOrigin(' http://127.0.0.1:8787 ')).toEqual({ ok: true, origin: 'http://127.0.0.1:8787' });
    expect(clinicOrigin('http://localhost:8787')).toEqual({ ok: true, origin: 'http://localhost:8787' });
  });

  it('refuses plain http to another computer, other schemes and nonsense, in one sentence', () => {
    for (const typed of ['http://192.168.1.20:8787', 'ftp://clinic.example', 'file:///etc/passwd']) {
      const r = clinicOrigin(typed);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/^The clinic address must start with https:\/\/.*\.$/);
    }
    for (const typed of ['http://', 'javascript:alert(1)', '']) {
      const nonsense = clinicOrigin(typed);
      expect(nonsense.ok).toBe(false);
      if (!nonsense.ok) expect(nonsense.reason).toMatch(/^That is not a web address; .*\.$/);
    }
  });
});

describe('the invitation code', () => {
  it('is read without spaces or dashes, in capitals', () => {
    expect(normaliseCode(' abcd-ef 9h ')).toBe('ABCDEF9H');
  });
});

describe('the share kept on this device', () => {
  it('comes back as saved, and a damaged or missing one reads as no share', () => {
    const storage = memoryStorage();
    expect(loadShare(storage)).toBeNull();
    const share = { clinicOrigin: 'https://clinic.example', shareId: 's1', token: 't'.repeat(43), lastSentIso: null };
    saveShare(share, storage);
    expect(loadShare(storage)).toEqual(share);
    storage.setItem('steadyback.clinic-share', '{"clinicOrigin": 3');
    expect(loadShare(storage)).toBeNull();
    saveShare(share, storage);
    saveShare(null, storage);
    expect(loadShare(storage)).toBeNull();
  });
});

describe('what will be sent', () => {
  it('counts each kind of record and says numbers only, with the dates', () => {
    const sim = simulateWeeks({ scenario: 'red-three-times', weeks: 3, camera: false });
    const lines = whatWillBeSent(sim.data);
    expect(lines[0]).toBe(
      `${sim.data.birdDogTests.length} bird-dog tests (pelvic roll, leg height and the result, per side)`,
    );
    expect(lines[2]).toMatch(new RegExp(`^${sim.data.painDays.length} pain check-ins`));
    expect(lines.at(-1)).toMatch(/^Dates from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\. Numbers only: no video/);
  });
});
