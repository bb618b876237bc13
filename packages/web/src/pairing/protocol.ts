// The pairing protocol: what the laptop's screen and the phone on the back say to the app's own
// server (the hub, scripts/pairing-hub.ts) and, through it, to each other. The hub only pairs and
// forwards: it keeps no sample and writes nothing to disk. Every message is one JSON text frame,
// checked against these schemas on arrival on both ends.

import { z } from 'zod';

/** The WebSocket path on the app's own server (http://127.0.0.1 for the screen, https on the local network for the phone). */
export const PAIR_PATH = '/pair';
/** A pairing code: six digits, said or typed on the phone. */
export const CODE_LENGTH = 6;
/** A code lives this long, and pairs one phone once. */
export const CODE_TTL_MS = 10 * 60_000;
/** A pair whose two devices have both been away this long is forgotten. */
export const PAIR_IDLE_TTL_MS = 30 * 60_000;
/** Larger frames are refused by the hub (a sample is about 120 bytes). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const token = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);
const code = z.string().regex(new RegExp(`^[0-9]{${CODE_LENGTH}}$`));

/** Browser to hub. A device says who it is first: a new screen, a phone with a code, or either coming back with its token. */
export const helloSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello-screen') }),
  z.object({ type: z.literal('hello-phone'), code }),
  z.object({ type: z.literal('resume'), role: z.enum(['screen', 'phone']), token }),
]);
export type Hello = z.infer<typeof helloSchema>;

/** Hub to browser. */
export const hubMessageSchema = z.discriminatedUnion('type', [
  /** To a new screen: its code, how long it lasts, the phone's address (null: no local network found) and the screen's token to come back with. */
  z.object({
    type: z.literal('code'),
    code,
    expiresInMs: z.number().int().positive(),
    phoneUrl: z.string().nullable(),
    token,
  }),
  /** To both when the phone used the code; the phone gets its own token. */
  z.object({ type: z.literal('paired'), token: token.optional() }),
  /** The other device's link went down or came back. */
  z.object({ type: z.literal('peer'), connected: z.boolean() }),
  /** The hub will not pair or resume this device: one sentence for the person; the hub then closes the link. */
  z.object({ type: z.literal('refused'), reason: z.string() }),
]);
export type HubMessage = z.infer<typeof hubMessageSchema>;

const finite = z.number().finite();

/** One orientation reading on the phone's own clock (performance.now on the phone), numbered from 0. */
export const phoneSampleSchema = z.object({
  seq: z.number().int().nonnegative(),
  tMs: finite,
  alpha: finite,
  beta: finite,
  gamma: finite,
});
export type PhoneSample = z.infer<typeof phoneSampleSchema>;

/**
 * Screen and phone to each other, forwarded unchanged by the hub inside { type: 'relay', body }.
 * - samples: the phone's readings not yet confirmed (sent as they are taken, and again after a reconnect);
 * - ack: the screen has every sample up to and including `upTo`, so the phone may forget them;
 * - ping / pong: the clock round trip (screen time t0; the phone's time when it answered);
 * - state: what the screen wants of the phone (measure or stand by), so the phone can say so.
 */
export const peerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('samples'), samples: z.array(phoneSampleSchema).max(500) }),
  z.object({ type: z.literal('ack'), upTo: z.number().int().min(-1) }),
  z.object({ type: z.literal('ping'), id: z.number().int().nonnegative(), t0: finite }),
  z.object({ type: z.literal('pong'), id: z.number().int().nonnegative(), t0: finite, tPhone: finite }),
  z.object({ type: z.literal('state'), measuring: z.boolean() }),
]);
export type PeerMessage = z.infer<typeof peerMessageSchema>;

export const relaySchema = z.object({ type: z.literal('relay'), body: peerMessageSchema });

/** Parses one text frame with a schema; null for anything that is not valid JSON of that shape. */
export function parseFrame<T>(schema: z.ZodType<T>, data: string): T | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const r = schema.safeParse(json);
  return r.success ? r.data : null;
}
