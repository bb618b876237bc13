// The laptop's pairing while a camera bird-dog screen is open: one ScreenSession on the app's own
// server, its state for the screen, and how many readings came in. The session (and so the
// phone's samples) lives as long as the screen; leaving the screen ends the pairing.

import { useEffect, useRef, useState } from 'react';
import { pairSocketUrl } from './pair-link.ts';
import type { PhoneSample } from './protocol.ts';
import { ScreenSession, type ScreenPairState } from './screen-session.ts';

export interface ScreenPairing {
  readonly state: ScreenPairState;
  /** Readings received so far (each counted once). */
  readonly received: number;
  /** The newest reading and when (laptop clock) it was taken, for the live level. */
  readonly latest: { readonly sample: PhoneSample; readonly screenMs: number } | null;
  /** How far apart the two clocks may still be, in ms (half the quickest round trip). */
  readonly clockWithinMs: number | null;
  /** The phone's clock minus this one's, as estimated (null before the first round trip). */
  readonly clockOffsetMs: number | null;
  /** The session (null before it started): the run reads the phone's samples from it. */
  readonly getSession: () => ScreenSession | null;
}

/** How often the clock's accuracy is shown. */
const CLOCK_SHOW_MS = 500;

export function useScreenPairing(active: boolean): ScreenPairing {
  const [state, setState] = useState<ScreenPairState>({ kind: 'connecting' });
  const [received, setReceived] = useState(0);
  const [latest, setLatest] = useState<ScreenPairing['latest']>(null);
  const [clock, setClock] = useState<{ within: number | null; offset: number | null }>({ within: null, offset: null });
  const sessionRef = useRef<ScreenSession | null>(null);

  useEffect(() => {
    if (!active) return;
    const session = new ScreenSession({
      url: pairSocketUrl(window.location.href),
      open: (url) => new WebSocket(url),
      now: () => performance.now(),
      onState: setState,
      // Shown as soon as it arrives: the time from the phone to this screen is what the level's lag is.
      onSamples: () => {
        const newest = session.inbox.latest!;
        setReceived(session.inbox.size);
        setLatest({ sample: newest, screenMs: session.clock.toScreenMs(newest.tMs) ?? performance.now() });
      },
    });
    sessionRef.current = session;
    session.start();
    const timer = window.setInterval(
      () => setClock({ within: session.clock.uncertaintyMs, offset: session.clock.offsetMs }),
      CLOCK_SHOW_MS,
    );
    return () => {
      window.clearInterval(timer);
      session.stop();
      sessionRef.current = null;
    };
  }, [active]);

  return {
    state,
    received,
    latest,
    clockWithinMs: clock.within,
    clockOffsetMs: clock.offset,
    getSession: () => sessionRef.current,
  };
}
