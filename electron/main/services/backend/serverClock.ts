/**
 * An estimate of (server time − local time), from the serverTime the backend
 * puts in its answers, taken at the midpoint of each request. A rater whose
 * clock is a day off still gets correct token-expiry decisions, and every
 * vote carries the offset so the server can place it in time.
 */
export class ServerClock {
  private offsetMs = 0;
  private samples = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Record one round trip: local send and receive times, and the server's stated time. */
  observe(sentAt: number, receivedAt: number, serverTime: string): void {
    const server = Date.parse(serverTime);
    if (!Number.isFinite(server)) return;
    // An HTTP Date header has whole seconds; it still corrects a skew of hours or days.
    const sample = server - (sentAt + receivedAt) / 2;
    // Exponential smoothing: one slow response must not swing the estimate.
    this.offsetMs = this.samples === 0 ? sample : this.offsetMs * 0.7 + sample * 0.3;
    this.samples += 1;
  }

  /** The local clock this estimate is relative to (injected, so tests can skew it). */
  localNow(): number {
    return this.now();
  }

  offset(): number {
    return Math.round(this.offsetMs);
  }

  /** Our best guess of the server's clock now. */
  serverNow(): number {
    return this.now() + this.offsetMs;
  }
}
