// Turns what getUserMedia and the model loader throw into one kind sentence that says what to do.

export interface UserFacingProblem {
  readonly title: string;
  readonly detail: string;
}

export function cameraProblem(err: unknown): UserFacingProblem {
  const name =
    err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err)
      ? String((err as { name: unknown }).name)
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        title: 'The camera is turned off for this page',
        detail:
          'To do the camera check, allow the camera for this page in your browser settings, then press "Try again". The picture stays on this device.',
      };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        title: 'No camera found',
        detail: 'Connect a camera, or open this page on a phone or laptop that has one, then press "Try again".',
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        title: 'The camera is busy',
        detail: 'Another app or browser tab may be using it. Close that, then press "Try again".',
      };
    case 'InsecureContext':
      return {
        title: 'This page cannot use the camera',
        detail:
          'Browsers only share the camera with secure pages. Open the app from the address "npm start" printed (it starts with http://127.0.0.1).',
      };
    default:
      return {
        title: 'The camera did not start',
        detail:
          'Something went wrong while starting the camera. Press "Try again"; if it keeps happening, restart the browser.',
      };
  }
}

export function modelProblem(): UserFacingProblem {
  return {
    title: 'The body-tracking model did not load',
    detail:
      'The app could not load its pose model from this device. Press "Try again"; if it keeps happening, rebuild the app with "npm start".',
  };
}
