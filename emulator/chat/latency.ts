/**
 * The latency model: how many virtual milliseconds each call costs, so that the runtime's pacing and
 * UrlFetchApp.fetchAll concurrency show up in virtual time. Defaults are round numbers in the range public reports
 * give for Google APIs (not measured against Chat; [emulator-only]); every number is configurable, per category and
 * per method id, and a seeded ±jitter keeps runs reproducible.
 */
import { SeededRandom } from '../core/rng';

/** Latency parameters (ms). */
export interface LatencyModel {
  /** Reads (get, list page base). */
  readMs: number;
  /** Writes (create, patch, delete). */
  writeMs: number;
  /** spaces.create. */
  spaceCreateMs: number;
  /** spaces.setup base cost ... */
  setupBaseMs: number;
  /** ... plus this per requested membership. */
  setupPerMemberMs: number;
  /** Extra cost per item returned by a list page. */
  listPerItemMs: number;
  /** Extra cost per MiB uploaded or downloaded. */
  mediaPerMiBMs: number;
  /** Requests refused before reaching the backend (auth, validation, quota, routing). */
  rejectMs: number;
  /** How long a timed-out call takes before the transport gives up. */
  timeoutMs: number;
  /** Relative jitter, e.g. 0.2 = ±20 %, drawn from the seeded generator. */
  jitter: number;
  /** Fixed overrides per method id (replace the computed base, before jitter). */
  perMethod: Record<string, number>;
}

/** Default latencies. */
export const DEFAULT_LATENCY: Readonly<LatencyModel> = Object.freeze({
  readMs: 150,
  writeMs: 300,
  spaceCreateMs: 800,
  setupBaseMs: 1500,
  setupPerMemberMs: 30,
  listPerItemMs: 2,
  mediaPerMiBMs: 80,
  rejectMs: 60,
  timeoutMs: 60_000,
  jitter: 0.2,
  perMethod: {},
});

/** What a call did, as far as latency is concerned. */
export interface LatencyInput {
  methodId?: string;
  httpMethod: string;
  /** Refused before the backend (auth, routing, validation, quota). */
  rejected: boolean;
  /** Items in a list response. */
  items?: number;
  /** Memberships requested in a setup call. */
  memberships?: number;
  /** Media bytes moved. */
  bytes?: number;
}

/** Computes latencies with seeded jitter. */
export class LatencyCalculator {
  private readonly model: LatencyModel;
  private readonly rng: SeededRandom;

  constructor(partial: Partial<LatencyModel> | undefined, seed: number) {
    this.model = { ...DEFAULT_LATENCY, ...(partial ?? {}), perMethod: { ...(partial?.perMethod ?? {}) } };
    this.rng = new SeededRandom((seed ^ 0x5bd1e995) >>> 0);
  }

  /** The model in effect. */
  get settings(): Readonly<LatencyModel> {
    return this.model;
  }

  /** Latency of one call in whole virtual ms. */
  compute(input: LatencyInput): number {
    const m = this.model;
    let base: number;
    if (input.rejected) base = m.rejectMs;
    else if (input.methodId && m.perMethod[input.methodId] !== undefined) base = m.perMethod[input.methodId];
    else if (input.methodId === 'chat.spaces.setup')
      base = m.setupBaseMs + m.setupPerMemberMs * (input.memberships ?? 0);
    else if (input.methodId === 'chat.spaces.create') base = m.spaceCreateMs;
    else base = input.httpMethod === 'GET' ? m.readMs : m.writeMs;
    if (!input.rejected) {
      base += m.listPerItemMs * (input.items ?? 0);
      base += m.mediaPerMiBMs * ((input.bytes ?? 0) / (1024 * 1024));
    }
    const factor = 1 + (this.rng.next() * 2 - 1) * m.jitter;
    return Math.max(1, Math.round(base * factor));
  }

  /** The latency a timed-out call costs. */
  timeout(): number {
    return this.model.timeoutMs;
  }
}
