// The laptop's side of a pairing: shows the code, learns the phone's clock by round trips, takes
// the phone's samples each once and confirms them, and gives them on its own clock. The laptop's
// clock is the time base of the test (the camera's frames are timed by it too).

import { ClockSync } from './clock-sync.ts';
import { PairLink, type LinkStatus, type SocketFactory } from './pair-link.ts';
import type { HubMessage, PeerMessage, PhoneSample } from './protocol.ts';
import { Inbox } from './sample-queues.ts';

/** Round trips: quickly at first, to have a good offset within a second, then once a second. */
export const FAST_PINGS = 10;
export const FAST_PING_MS = 100;
export const SLOW_PING_MS = 1000;
/** Confirm received samples this often (the phone forgets them then). */
export const ACK_MS = 200;

export type ScreenPairState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'code'; readonly code: string; readonly phoneUrl: string | null; readonly expiresAtMs: number }
  | { readonly kind: 'paired'; readonly phoneConnected: boolean }
  | { readonly kind: 'refused'; readonly reason: string };

export interface ScreenSessionOptions {
  readonly url: string;
  readonly open: SocketFactory;
  readonly now: () => number;
  readonly onState: (state: ScreenPairState) => void;
  /** Each sample the first time it arrives. */
  readonly onSamples?: (fresh: readonly PhoneSample[]) => void;
}

export class ScreenSession {
  readonly clock = new ClockSync();
  readonly inbox = new Inbox();
  private readonly link: PairLink;
  private state: ScreenPairState = { kind: 'connecting' };
  private pingId = 0;
  private pingTimer: ReturnType<typeof setTimeout> | null = null;
  private ackTimer: ReturnType<typeof setInterval> | null = null;
  private lastAck = -1;
  private everPaired = false;

  constructor(private readonly o: ScreenSessionOptions) {
    this.link = new PairLink(o.url, 'screen', { type: 'hello-screen' }, o.open, {
      onHub: (m) => this.onHub(m),
      onPeer: (m) => this.onPeer(m),
      onStatus: (s, reason) => this.onStatus(s, reason),
    });
  }

  start(): void {
    this.link.start();
    this.ackTimer = setInterval(() => this.ack(), ACK_MS);
  }

  stop(): void {
    if (this.pingTimer) clearTimeout(this.pingTimer);
    if (this.ackTimer) clearInterval(this.ackTimer);
    this.link.stop();
  }

  get current(): ScreenPairState {
    return this.state;
  }

  /** Tells the phone whether the test is running (it says so on its screen). */
  setMeasuring(measuring: boolean): void {
    this.link.send({ type: 'state', measuring });
  }

  /** Every sample so far on the screen's clock (with the best offset known now), oldest first. */
  samplesOnScreenClock(): Array<PhoneSample & { readonly screenMs: number }> {
    const offset = this.clock.offsetMs ?? 0;
    return this.inbox.all().map((s) => ({ ...s, screenMs: s.tMs - offset }));
  }

  private set(state: ScreenPairState): void {
    this.state = state;
    this.o.onState(state);
  }

  private onStatus(status: LinkStatus, reason?: string): void {
    if (status === 'refused') this.set({ kind: 'refused', reason: reason ?? 'The pairing was refused.' });
    else if (status === 'reconnecting' && this.state.kind === 'paired')
      this.set({ kind: 'paired', phoneConnected: false });
  }

  private onHub(m: HubMessage): void {
    if (m.type === 'code') {
      this.set({ kind: 'code', code: m.code, phoneUrl: m.phoneUrl, expiresAtMs: this.o.now() + m.expiresInMs });
    } else if (m.type === 'paired') {
      // A resumed screen hears "paired" too, followed at once by whether the phone is there.
      if (!this.everPaired || this.state.kind === 'code') this.set({ kind: 'paired', phoneConnected: true });
      this.everPaired = true;
      this.startPings();
    } else if (m.type === 'peer') {
      if (this.everPaired) this.set({ kind: 'paired', phoneConnected: m.connected });
      if (m.connected) this.startPings();
    }
  }

  private onPeer(m: PeerMessage): void {
    if (m.type === 'pong') this.clock.add({ t0: m.t0, tPhone: m.tPhone, t2: this.o.now() });
    else if (m.type === 'samples') {
      const fresh = this.inbox.receive(m.samples);
      if (fresh.length > 0) this.o.onSamples?.(fresh);
    }
  }

  private startPings(): void {
    if (this.pingTimer) clearTimeout(this.pingTimer);
    let sent = 0;
    const next = () => {
      this.link.send({ type: 'ping', id: this.pingId++, t0: this.o.now() });
      sent++;
      this.pingTimer = setTimeout(next, sent < FAST_PINGS ? FAST_PING_MS : SLOW_PING_MS);
    };
    next();
  }

  private ack(): void {
    const upTo = this.inbox.confirmedUpTo;
    if (upTo === this.lastAck) return;
    if (this.link.send({ type: 'ack', upTo })) this.lastAck = upTo;
  }
}
