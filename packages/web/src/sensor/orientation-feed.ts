// The phone's orientation from the browser's `deviceorientation` events (W3C alpha/beta/gamma),
// with the permission step iOS needs (it must be called from a tap). The app samples the latest
// reading on its own 50 Hz clock, so sparse or bursty events still give an even series.

export interface OrientationReading {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly receivedAtMs: number;
}

export type PermissionOutcome = 'granted' | 'denied' | 'unsupported';

type OrientationEventCtor = typeof DeviceOrientationEvent & { requestPermission?: () => Promise<'granted' | 'denied'> };

export async function requestOrientationPermission(): Promise<PermissionOutcome> {
  if (typeof window === 'undefined' || !('DeviceOrientationEvent' in window)) return 'unsupported';
  const ctor = window.DeviceOrientationEvent as OrientationEventCtor;
  if (typeof ctor.requestPermission === 'function') {
    try {
      return (await ctor.requestPermission()) === 'granted' ? 'granted' : 'denied';
    } catch {
      return 'denied';
    }
  }
  return 'granted';
}

export class OrientationFeed {
  private latest: OrientationReading | null = null;
  private readonly onEvent = (e: DeviceOrientationEvent) => {
    if (e.beta === null || e.gamma === null) return;
    this.latest = { alpha: e.alpha ?? 0, beta: e.beta, gamma: e.gamma, receivedAtMs: performance.now() };
  };

  start(): void {
    window.addEventListener('deviceorientation', this.onEvent);
  }

  stop(): void {
    window.removeEventListener('deviceorientation', this.onEvent);
  }

  /** The newest reading, or null when none came, or none within maxAgeMs (the sensor stopped). */
  read(nowMs: number, maxAgeMs = 1000): OrientationReading | null {
    if (!this.latest || nowMs - this.latest.receivedAtMs > maxAgeMs) return null;
    return this.latest;
  }
}

/** What to tell the person when the phone's tilt cannot be read. */
export function motionProblem(permission: Exclude<PermissionOutcome, 'granted'>, without: string): string {
  return permission === 'denied'
    ? `Motion access was not allowed, so the phone cannot feel your ${without}. Allow "Motion and orientation" for this site in your browser settings, then try again.`
    : "This browser does not report the phone's tilt. Open steadyback on a phone, or use the camera instead.";
}
