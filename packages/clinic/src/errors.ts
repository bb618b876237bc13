// The clinic's one error class: a refusal with an HTTP status and one plain sentence for the
// person on the other end. Anything else that is thrown is a bug and becomes a 500 with a generic
// sentence (the details go to the server's log, never to the client).

export type ClinicErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 423 | 429;

export class ClinicError extends Error {
  readonly status: ClinicErrorStatus;

  constructor(status: ClinicErrorStatus, sentence: string) {
    super(sentence);
    this.name = 'ClinicError';
    this.status = status;
  }
}

export const notFound = (): ClinicError => new ClinicError(404, 'There is no such page or patient here.');
