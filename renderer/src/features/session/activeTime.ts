/**
 * Counts active time only: while the window is visible and the rater did
 * something (key, pointer, scroll) within the idle cut-off. A rater who walks
 * away, or switches to another window, is not "working" — raters asked for
 * exactly this, because time-based quality checks punish them otherwise.
 */
export class ActiveTime {
  private active = 0;
  private lastActivity: number;
  private visible = true;

  constructor(
    private readonly idleCutoffMs: number,
    start: number,
  ) {
    this.lastActivity = start;
  }

  activity(at: number): void {
    this.active += this.creditSince(at);
    this.lastActivity = at;
  }

  setVisible(visible: boolean, at: number): void {
    this.active += this.creditSince(at);
    this.lastActivity = at;
    this.visible = visible;
  }

  /** Active milliseconds up to `at`. */
  elapsed(at: number): number {
    return this.active + this.creditSince(at);
  }

  isIdle(at: number): boolean {
    return !this.visible || at - this.lastActivity > this.idleCutoffMs;
  }

  reset(at: number): void {
    this.active = 0;
    this.lastActivity = at;
  }

  /** Time since the last activity counts while within the cut-off; a longer gap counts only up to the cut-off. */
  private creditSince(at: number): number {
    if (!this.visible) return 0;
    const gap = Math.max(0, at - this.lastActivity);
    return Math.min(gap, this.idleCutoffMs);
  }
}
