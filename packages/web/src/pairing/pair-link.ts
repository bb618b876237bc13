// One device's link to the hub: says hello, keeps the token the hub gives, and after a dropped
// link (a phone locked, a Wi-Fi blip, the laptop's tab reloaded its socket) comes back by itself
// with that token, waiting a little longer after each failed try. The WebSocket class is passed
// in, so the same link runs in the browser and, in the tests, in Node against the real server.

import {
  PAIR_PATH,
  hubMessageSchema,
  parseFrame,
  peerMessageSchema,
  relaySchema,
  type Hello,
  type HubMessage,
  type PeerMessage,
} from './protocol.ts';

/** What the link needs of a WebSocket: the browser's and the `ws` package's both have it. */
export interface SocketLike {
  readonly readyState: number;
  // The handlers are only written here, never called: `never` lets both kinds of socket fit.
  onopen: ((ev: never) => void) | null;
  onclose: ((ev: never) => void) | null;
  onerror: ((ev: never) => void) | null;
  onmessage: ((ev: never) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;
export const RETRY_MS = [250, 500, 1000, 2000] as const;

export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';

export interface LinkEvents {
  readonly onHub: (msg: HubMessage) => void;
  readonly onPeer: (msg: PeerMessage) => void;
  readonly onStatus: (status: LinkStatus, reason?: string) => void;
}

/** ws://host/pair on an http page, wss:// on an https one. */
export function pairSocketUrl(pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.protocol === 'https:' ? 'wss' : 'ws'}://${u.host}${PAIR_PATH}`;
}

export class PairLink {
  private socket: SocketLike | null = null;
  private token: string | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;

  constructor(
    private readonly url: string,
    private readonly role: 'screen' | 'phone',
    private readonly first: Hello,
    private readonly open: SocketFactory,
    private readonly on: LinkEvents,
  ) {}

  start(): void {
    this.connect();
  }

  /** Sends to the other device; false while the link is down (the caller keeps what matters). */
  send(body: PeerMessage): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify({ type: 'relay', body }));
    return true;
  }

  /** Ends the link for good (no reconnect). */
  stop(): void {
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close(1000);
    this.socket = null;
    this.on.onStatus('closed');
  }

  /** Drops the socket as a network would, to come back by itself (used when the page wakes). */
  dropAndResume(): void {
    this.socket?.close(4000);
  }

  private connect(): void {
    if (this.ended) return;
    this.on.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket: SocketLike;
    try {
      socket = this.open(this.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const hello: Hello = this.token ? { type: 'resume', role: this.role, token: this.token } : this.first;
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (ev: { data: unknown }) => this.receive(ev.data);
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null;
      this.retry();
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    const relay = parseFrame(relaySchema, data);
    if (relay) {
      const body = peerMessageSchema.safeParse(relay.body);
      if (body.success) this.on.onPeer(body.data);
      return;
    }
    const msg = parseFrame(hubMessageSchema, data);
    if (!msg) return;
    if (msg.type === 'refused') {
      this.ended = true;
      this.on.onStatus('refused', msg.reason);
    } else if (msg.type === 'code' || msg.type === 'paired') {
      if (msg.token) this.token = msg.token;
      this.attempt = 0;
      this.on.onStatus('open');
    }
    this.on.onHub(msg);
  }

  private retry(): void {
    if (this.ended) return;
    const wait = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!;
    this.attempt++;
    this.on.onStatus('reconnecting');
    this.timer = setTimeout(() => this.connect(), wait);
  }
}
