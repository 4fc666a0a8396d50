/**
 * The virtual clock shared by the offline Apps Script runtime and the API emulators. Nothing in the emulator reads
 * the wall clock: time moves only when something a real execution pays for happens (API latency, Utilities.sleep,
 * spreadsheet I/O, script CPU time) or when a test or the runner advances it to fire triggers.
 */
export class VirtualClock {
  private ms: number;

  /** @param startMs epoch milliseconds the clock starts at (default 2026-01-05T09:00:00Z, a Monday morning). */
  constructor(startMs: number = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.ms = startMs;
  }

  now(): number {
    return this.ms;
  }

  /** Moves time forward; negative or non-finite amounts are a programming error. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`VirtualClock.advance: invalid amount ${ms}`);
    this.ms += ms;
  }

  /** Moves time forward to `epochMs` if it lies in the future; never moves backwards. */
  advanceTo(epochMs: number): void {
    if (epochMs > this.ms) this.ms = epochMs;
  }
}
