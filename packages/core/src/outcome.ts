// The one result shape for "worked, or here is why not": every check and parser in core returns
// `{ ok: true, ...what it made }` or a Refusal with one plain sentence the app or CLI can show.

export interface Refusal {
  readonly ok: false;
  readonly reason: string;
}

/** Success carrying the fields of `T`, or a Refusal. */
export type Outcome<T extends object> = ({ readonly ok: true } & T) | Refusal;
