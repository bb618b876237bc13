import { describe, expect, it } from 'vitest';
import { ClockSync, KEPT_ROUND_TRIPS } from './clock-sync.ts';

describe('the shared clock', () => {
  it('knows nothing before the first round trip', () => {
    const c = new ClockSync();
    expect(c.offsetMs).toBeNull();
    expect(c.toScreenMs(100)).toBeNull();
  });

  it('finds a phone clock 3700 ms ahead from one symmetric round trip', () => {
    const c = new ClockSync();
    // Ping leaves at screen 1000, takes 10 ms each way; the phone answers at its 1010 + 3700.
    c.add({ t0: 1000, tPhone: 4710, t2: 1020 });
    expect(c.offsetMs).toBe(3700);
    expect(c.uncertaintyMs).toBe(10);
    expect(c.toScreenMs(5000)).toBe(1300);
  });

  it('trusts the quickest round trip over slow, lopsided ones', () => {
    const c = new ClockSync();
    // Slow trips delayed on the way back only read the offset 100 ms low.
    c.add({ t0: 0, tPhone: 3705, t2: 210 });
    c.add({ t0: 1000, tPhone: 4705, t2: 1210 });
    c.add({ t0: 2000, tPhone: 5702, t2: 2004 });
    expect(c.offsetMs).toBe(3700);
  });

  it('forgets round trips older than the last KEPT_ROUND_TRIPS', () => {
    const c = new ClockSync();
    c.add({ t0: 0, tPhone: 1, t2: 2 }); // offset 0, the quickest of all
    for (let i = 1; i <= KEPT_ROUND_TRIPS; i++) c.add({ t0: i * 1000, tPhone: i * 1000 + 505, t2: i * 1000 + 10 });
    expect(c.count).toBe(KEPT_ROUND_TRIPS);
    expect(c.offsetMs).toBe(500);
  });

  it('ignores an answer that came back before it was asked', () => {
    const c = new ClockSync();
    c.add({ t0: 100, tPhone: 50, t2: 90 });
    c.add({ t0: 100, tPhone: Number.NaN, t2: 120 });
    expect(c.count).toBe(0);
  });
});
