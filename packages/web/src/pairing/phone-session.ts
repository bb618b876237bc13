// The phone's side of a pairing: pairs with the code, answers the laptop's clock round trips on
// the phone's own clock, and sends each orientation sample as it is taken. It keeps every sample
// until the laptop confirms it, and after a dropped link sends again whatever is unconfirmed, so
// none is lost.

import { PairLink, type LinkStatus, type SocketFactory } from './pair-link.ts';
import type { HubMessage, PeerMessage, PhoneSample } from './protocol.ts';
import { Outbox, type Reading } from './sample-queues.ts';

/** At most this many samples in one frame when catching up (10 s at 50 Hz). */
export const RESEND_BATCH = 500;

export type PhonePairState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'paired'; readonly laptopConnected: boolean; readonly measuring: boolean }
  | { readonly kind: 'reconnecting' }
  | { readonly kind: 'refused'; readonly reason: string };

export interface PhoneSessionOptions {
  readonly url: string;
  readonly code: string;
  readonly open: SocketFactory;
  readonly now: () => number;
  readonly onState: (state: PhonePairState) => void;
}

export class PhoneSession {
  readonly outbox = new Outbox();
  private readonly link: PairLink;
  private state: PhonePairState = { kind: 'connecting' };
  private measuring = false;

  constructor(private readonly o: PhoneSessionOptions) {
    this.link = new PairLink(o.url, 'phone', { type: 'hello-phone', code: o.code }, o.open, {
      onHub: (m) => this.onHub(m),
      onPeer: (m) => this.onPeer(m),
      onStatus: (s, reason) => this.onStatus(s, reason),
    });
  }

  start(): void {
    this.link.start();
  }

  stop(): void {
    this.link.stop();
  }

  get current(): PhonePairState {
    return this.state;
  }

  /** A reading taken now: numbered, kept and sent at once. */
  record(r: Reading): PhoneSample {
    const s = this.outbox.add(this.o.now(), r);
    this.link.send({ type: 'samples', samples: [s] });
    return s;
  }

  /** The link came back or the page woke: send everything not yet confirmed. */
  resend(): void {
    const all = this.outbox.unconfirmed();
    for (let i = 0; i < all.length; i += RESEND_BATCH) {
      if (!this.link.send({ type: 'samples', samples: all.slice(i, i + RESEND_BATCH) })) return;
    }
  }

  private set(state: PhonePairState): void {
    this.state = state;
    this.o.onState(state);
  }

  private onStatus(status: LinkStatus, reason?: string): void {
    if (status === 'refused') this.set({ kind: 'refused', reason: reason ?? 'The pairing was refused.' });
    else if (status === 'reconnecting') this.set({ kind: 'reconnecting' });
  }

  private onHub(m: HubMessage): void {
    if (m.type === 'paired') {
      this.set({ kind: 'paired', laptopConnected: true, measuring: this.measuring });
      this.resend();
    } else if (m.type === 'peer') {
      this.set({ kind: 'paired', laptopConnected: m.connected, measuring: this.measuring });
      if (m.connected) this.resend();
    }
  }

  private onPeer(m: PeerMessage): void {
    if (m.type === 'ping') this.link.send({ type: 'pong', id: m.id, t0: m.t0, tPhone: this.o.now() });
    else if (m.type === 'ack') this.outbox.ack(m.upTo);
    else if (m.type === 'state') {
      this.measuring = m.measuring;
      if (this.state.kind === 'paired') this.set({ ...this.state, measuring: m.measuring });
    }
  }
}
