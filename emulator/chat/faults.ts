/**
 * Seeded fault injection for the add-on's API calls (never for /__emulator control endpoints): transient 500/503,
 * 429 storms (every call answers 429 for a while), transport timeouts after a long latency (the write may or may not
 * have happened), and lost responses (the write happened, the caller sees a 503 or a timeout). The spec grammar:
 *
 *   spec   := "" | "none" | item ("," item)*
 *   item   := key "=" value
 *   key    := "transient" | "storm" | "timeout" | "lost"   value: probability per call in [0, 1]
 *           | "stormMs"                                   value: storm duration in virtual ms (default 10000)
 *           | "scope"                                     value: "all" (default) | "writes" | "reads"
 *           | "methods"                                   value: method ids separated by "|" (default: all)
 *
 * e.g. `transient=0.1,storm=0.02,timeout=0.01,lost=0.02`. Draws come from their own seeded generator, so turning
 * faults on does not change the ids the emulator generates.
 */
import { SeededRandom } from '../core/rng';

/** A parsed fault specification. */
export interface FaultSpec {
  transient: number;
  storm: number;
  stormMs: number;
  timeout: number;
  lost: number;
  scope: 'all' | 'writes' | 'reads';
  /** Only these method ids get faults; empty = all. */
  methods: string[];
}

/** No faults. */
export const NO_FAULTS: Readonly<FaultSpec> = Object.freeze({
  transient: 0,
  storm: 0,
  stormMs: 10_000,
  timeout: 0,
  lost: 0,
  scope: 'all',
  methods: [],
} satisfies FaultSpec);

/** Parses a fault spec string; throws Error with a clear message on bad input. */
export function parseFaultSpec(spec: string): FaultSpec {
  const out: FaultSpec = { ...NO_FAULTS, methods: [] };
  const text = spec.trim();
  if (text === '' || text === 'none') return out;
  for (const item of text.split(',')) {
    const [rawKey, rawValue, extra] = item.split('=');
    const key = rawKey?.trim();
    const value = rawValue?.trim();
    if (!key || value === undefined || value === '' || extra !== undefined) {
      throw new Error(`Invalid fault spec item "${item}": expected key=value`);
    }
    switch (key) {
      case 'transient':
      case 'storm':
      case 'timeout':
      case 'lost': {
        const p = Number(value);
        if (!Number.isFinite(p) || p < 0 || p > 1)
          throw new Error(`Invalid fault probability ${key}=${value}: expected 0..1`);
        out[key] = p;
        break;
      }
      case 'stormMs': {
        const ms = Number(value);
        if (!Number.isInteger(ms) || ms < 0)
          throw new Error(`Invalid stormMs=${value}: expected a non-negative integer`);
        out.stormMs = ms;
        break;
      }
      case 'scope':
        if (value !== 'all' && value !== 'writes' && value !== 'reads') {
          throw new Error(`Invalid scope=${value}: expected all, writes or reads`);
        }
        out.scope = value;
        break;
      case 'methods':
        out.methods = value
          .split('|')
          .map((m) => m.trim())
          .filter(Boolean);
        break;
      default:
        throw new Error(`Unknown fault spec key "${key}"`);
    }
  }
  return out;
}

/** What happens to one call. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'transient'; status: 500 | 503 }
  | { kind: 'storm' }
  | { kind: 'timeout'; applied: boolean }
  | { kind: 'lost'; as: 'unavailable' | 'timeout' };

/** Counts of injected faults. */
export interface FaultCounts {
  transient: number;
  storm: number;
  timeout: number;
  lost: number;
}

/** Draws fault decisions from a seeded generator. */
export class FaultInjector {
  private rng: SeededRandom;
  private stormUntil = -1;
  readonly counts: FaultCounts = { transient: 0, storm: 0, timeout: 0, lost: 0 };

  constructor(
    public spec: FaultSpec,
    private readonly seed: number,
  ) {
    this.rng = new SeededRandom((seed ^ 0x27d4eb2f) >>> 0);
  }

  /** Replaces the spec (and restarts the generator, so a spec change is reproducible). */
  configure(spec: FaultSpec): void {
    this.spec = spec;
    this.rng = new SeededRandom((this.seed ^ 0x27d4eb2f) >>> 0);
    this.stormUntil = -1;
  }

  /** Resets counters and storms. */
  reset(): void {
    this.configure(this.spec);
    this.counts.transient = this.counts.storm = this.counts.timeout = this.counts.lost = 0;
  }

  /**
   * Decides the fault for one call. `timeoutApplied` resolves whether a timed-out write happened.
   */
  decide(methodId: string, write: boolean, now: number, timeoutApplied: 'never' | 'always' | 'random'): FaultDecision {
    const s = this.spec;
    if (s.transient + s.storm + s.timeout + s.lost === 0) return { kind: 'none' };
    if (s.methods.length > 0 && !s.methods.includes(methodId)) return { kind: 'none' };
    if ((s.scope === 'writes' && !write) || (s.scope === 'reads' && write)) return { kind: 'none' };
    if (now < this.stormUntil) {
      this.counts.storm++;
      return { kind: 'storm' };
    }
    if (this.rng.chance(s.storm)) {
      this.stormUntil = now + s.stormMs;
      this.counts.storm++;
      return { kind: 'storm' };
    }
    if (this.rng.chance(s.transient)) {
      this.counts.transient++;
      return { kind: 'transient', status: this.rng.chance(0.5) ? 500 : 503 };
    }
    if (this.rng.chance(s.timeout)) {
      this.counts.timeout++;
      const applied = write && (timeoutApplied === 'always' || (timeoutApplied === 'random' && this.rng.chance(0.5)));
      return { kind: 'timeout', applied };
    }
    if (this.rng.chance(s.lost)) {
      if (!write) {
        this.counts.transient++;
        return { kind: 'transient', status: 503 };
      }
      this.counts.lost++;
      return { kind: 'lost', as: this.rng.chance(0.5) ? 'unavailable' : 'timeout' };
    }
    return { kind: 'none' };
  }
}
