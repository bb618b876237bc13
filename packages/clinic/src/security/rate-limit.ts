// A fixed-window counter per key (the client's IP for sign-in attempts). In memory on purpose:
// it slows guessing from one address; the account lock-out that must survive a restart lives in
// the database.

export interface RateLimiter {
  /** Counts one attempt; false when the key is over its limit in the current window. */
  allow(key: string, nowMs: number): boolean;
}

export function fixedWindowLimiter(limit: number, windowMs: number, maxKeys = 10_000): RateLimiter {
  const windows = new Map<string, { startMs: number; count: number }>();
  return {
    allow(key, nowMs) {
      const w = windows.get(key);
      if (!w || nowMs - w.startMs >= windowMs) {
        // Forget old windows rather than grow without bound.
        if (windows.size >= maxKeys) windows.clear();
        windows.set(key, { startMs: nowMs, count: 1 });
        return true;
      }
      w.count += 1;
      return w.count <= limit;
    },
  };
}
