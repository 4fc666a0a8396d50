/**
 * The Chat API quota model (facts §3): the per-project buckets (per 60 s, shared by every user of the add-on's
 * Cloud project: 60 space writes, 300 membership writes, 3,000 message writes, 3,000 reads of each kind, 600
 * reaction and attachment writes, …) and the per-space buckets (1 write/s, 15 reads/s, 5 reaction creates/s), which
 * methods consume which buckets, an estimator that turns a planned workload into per-bucket minutes, the quota bound
 * (the busiest bucket's minutes), executions and wall time under each trigger policy, and `QuotaPacer`, which decides
 * when each call may be sent so that no bucket ever exceeds its limit in any window while calls on other buckets go
 * ahead (a membership write is not held up by space writes waiting for their quota). Buckets marked unconfirmed are
 * assumptions (e.g. members.patch counted as a membership write). Pure: the caller passes the time.
 */

/** Chat methods (discovery ids) the quota model knows, plus newer ones from the facts file. */
export type ChatMethodId =
  | 'chat.spaces.setup'
  | 'chat.spaces.create'
  | 'chat.spaces.patch'
  | 'chat.spaces.delete'
  | 'chat.spaces.get'
  | 'chat.spaces.list'
  | 'chat.spaces.search'
  | 'chat.spaces.findDirectMessage'
  | 'chat.spaces.findGroupChats'
  | 'chat.spaces.completeImport'
  | 'chat.spaces.members.create'
  | 'chat.spaces.members.delete'
  | 'chat.spaces.members.patch'
  | 'chat.spaces.members.get'
  | 'chat.spaces.members.list'
  | 'chat.spaces.messages.create'
  | 'chat.spaces.messages.patch'
  | 'chat.spaces.messages.update'
  | 'chat.spaces.messages.delete'
  | 'chat.spaces.messages.get'
  | 'chat.spaces.messages.list'
  | 'chat.spaces.messages.search'
  | 'chat.spaces.messages.attachments.get'
  | 'chat.spaces.messages.reactions.create'
  | 'chat.spaces.messages.reactions.delete'
  | 'chat.spaces.messages.reactions.list'
  | 'chat.spaces.spaceEvents.get'
  | 'chat.spaces.spaceEvents.list'
  | 'chat.media.upload'
  | 'chat.media.download'
  | 'chat.customEmojis.create'
  | 'chat.customEmojis.delete'
  | 'chat.customEmojis.get'
  | 'chat.customEmojis.list'
  | 'chat.users.spaces.getSpaceReadState'
  | 'chat.users.spaces.updateSpaceReadState'
  | 'chat.users.spaces.threads.getThreadReadState'
  | 'chat.users.spaces.spaceNotificationSetting.get'
  | 'chat.users.spaces.spaceNotificationSetting.patch'
  | 'cloudidentity.groups.lookup';

/** A quota bucket. */
export type BucketId =
  | 'space-writes'
  | 'space-reads'
  | 'space-search-reads'
  | 'membership-writes'
  | 'membership-reads'
  | 'message-writes'
  | 'message-reads'
  | 'message-searches'
  | 'reaction-writes'
  | 'reaction-reads'
  | 'attachment-writes'
  | 'attachment-reads'
  | 'custom-emoji-writes'
  | 'custom-emoji-reads'
  | 'user-state'
  | 'per-space-writes'
  | 'per-space-reads'
  | 'per-space-reaction-creates';

/** A bucket's limit: at most `limit` calls in any window of `windowMs`. */
export interface BucketSpec {
  readonly id: BucketId;
  readonly label: string;
  readonly limit: number;
  readonly windowMs: number;
  /** `project`: shared by all users of the Cloud project; `space`: per space. */
  readonly scope: 'project' | 'space';
  /** False when the bucket (or its limit) is an assumption not stated by Google. */
  readonly confirmed: boolean;
}

const MIN = 60_000;
const SEC = 1_000;

/** Every bucket with Google's published limit (facts §3.1, §3.2). */
export const QUOTA_BUCKETS: Readonly<Record<BucketId, BucketSpec>> = {
  'space-writes': {
    id: 'space-writes',
    label: 'space writes',
    limit: 60,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'space-reads': {
    id: 'space-reads',
    label: 'space reads',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'space-search-reads': {
    id: 'space-search-reads',
    label: 'space searches',
    limit: 300,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'membership-writes': {
    id: 'membership-writes',
    label: 'membership writes',
    limit: 300,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'membership-reads': {
    id: 'membership-reads',
    label: 'membership reads',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'message-writes': {
    id: 'message-writes',
    label: 'message writes',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'message-reads': {
    id: 'message-reads',
    label: 'message reads',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'message-searches': {
    id: 'message-searches',
    label: 'message searches',
    limit: 300,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'reaction-writes': {
    id: 'reaction-writes',
    label: 'reaction writes',
    limit: 600,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'reaction-reads': {
    id: 'reaction-reads',
    label: 'reaction reads',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'attachment-writes': {
    id: 'attachment-writes',
    label: 'attachment writes',
    limit: 600,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'attachment-reads': {
    id: 'attachment-reads',
    label: 'attachment reads',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'custom-emoji-writes': {
    id: 'custom-emoji-writes',
    label: 'custom emoji writes',
    limit: 600,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'custom-emoji-reads': {
    id: 'custom-emoji-reads',
    label: 'custom emoji reads',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: true,
  },
  'user-state': {
    id: 'user-state',
    label: 'read-state and settings calls',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
    confirmed: false,
  },
  'per-space-writes': {
    id: 'per-space-writes',
    label: 'writes to one space',
    limit: 1,
    windowMs: SEC,
    scope: 'space',
    confirmed: true,
  },
  'per-space-reads': {
    id: 'per-space-reads',
    label: 'reads of one space',
    limit: 15,
    windowMs: SEC,
    scope: 'space',
    confirmed: true,
  },
  'per-space-reaction-creates': {
    id: 'per-space-reaction-creates',
    label: 'reactions in one space',
    limit: 5,
    windowMs: SEC,
    scope: 'space',
    confirmed: true,
  },
};

/**
 * The buckets each method consumes. Per-space buckets apply only when the caller names the space. spaces.setup
 * and spaces.create have no per-space bucket (the space does not exist yet); members.create/delete are not in
 * Google's per-space write list. Unconfirmed: members.patch (assumed a membership write), spaceEvents and
 * findGroupChats (assumed space/membership reads), read-state and notification settings (own assumed bucket).
 * cloudidentity.groups.lookup is not a Chat API call and consumes no Chat bucket.
 */
export const METHOD_BUCKETS: Readonly<Record<ChatMethodId, readonly BucketId[]>> = {
  'chat.spaces.setup': ['space-writes'],
  'chat.spaces.create': ['space-writes'],
  'chat.spaces.patch': ['space-writes', 'per-space-writes'],
  'chat.spaces.delete': ['space-writes', 'per-space-writes'],
  'chat.spaces.get': ['space-reads', 'per-space-reads'],
  'chat.spaces.list': ['space-reads'],
  'chat.spaces.search': ['space-reads', 'space-search-reads'],
  'chat.spaces.findDirectMessage': ['space-reads'],
  'chat.spaces.findGroupChats': ['membership-reads'],
  'chat.spaces.completeImport': ['space-writes'],
  'chat.spaces.members.create': ['membership-writes'],
  'chat.spaces.members.delete': ['membership-writes'],
  'chat.spaces.members.patch': ['membership-writes'],
  'chat.spaces.members.get': ['membership-reads', 'per-space-reads'],
  'chat.spaces.members.list': ['membership-reads', 'per-space-reads'],
  'chat.spaces.messages.create': ['message-writes', 'per-space-writes'],
  'chat.spaces.messages.patch': ['message-writes', 'per-space-writes'],
  'chat.spaces.messages.update': ['message-writes', 'per-space-writes'],
  'chat.spaces.messages.delete': ['message-writes', 'per-space-writes'],
  'chat.spaces.messages.get': ['message-reads', 'per-space-reads'],
  'chat.spaces.messages.list': ['message-reads', 'per-space-reads'],
  'chat.spaces.messages.search': ['message-searches'],
  'chat.spaces.messages.attachments.get': ['attachment-reads', 'per-space-reads'],
  'chat.spaces.messages.reactions.create': ['reaction-writes', 'per-space-reaction-creates'],
  'chat.spaces.messages.reactions.delete': ['reaction-writes', 'per-space-writes'],
  'chat.spaces.messages.reactions.list': ['reaction-reads', 'per-space-reads'],
  'chat.spaces.spaceEvents.get': ['space-reads'],
  'chat.spaces.spaceEvents.list': ['space-reads'],
  'chat.media.upload': ['attachment-writes', 'per-space-writes'],
  'chat.media.download': ['attachment-reads', 'per-space-reads'],
  'chat.customEmojis.create': ['custom-emoji-writes'],
  'chat.customEmojis.delete': ['custom-emoji-writes'],
  'chat.customEmojis.get': ['custom-emoji-reads'],
  'chat.customEmojis.list': ['custom-emoji-reads'],
  'chat.users.spaces.getSpaceReadState': ['user-state'],
  'chat.users.spaces.updateSpaceReadState': ['user-state'],
  'chat.users.spaces.threads.getThreadReadState': ['user-state'],
  'chat.users.spaces.spaceNotificationSetting.get': ['user-state'],
  'chat.users.spaces.spaceNotificationSetting.patch': ['user-state'],
  'cloudidentity.groups.lookup': [],
};

/** The buckets a method consumes (none for a method the model does not know). */
export function bucketsFor(methodId: string): readonly BucketId[] {
  return (METHOD_BUCKETS as Readonly<Record<string, readonly BucketId[]>>)[methodId] ?? [];
}

// ---------------------------------------------------------------------------------------------------------------
// Estimator

/** Calls planned for a workload: `count` calls of `method` (default 1), on `space` for per-space buckets. */
export interface PlannedCall {
  readonly method: string;
  readonly count?: number;
  readonly space?: string;
}

/** Options of `estimateWorkload`. */
export interface EstimateOptions {
  /** Fraction of each limit the runner uses (the pacer's margin). Default 1. */
  readonly margin?: number;
  /** Minutes of work one execution does before it checkpoints (6-minute limit minus safety). Default 5. */
  readonly workMinutesPerExecution?: number;
  /** Gap before a bound script's continuation trigger fires. Default 1 minute. */
  readonly boundScriptDelayMinutes?: number;
  /** Gap before an add-on's one-shot continuation fires, if it fires as scheduled (unconfirmed). Default 1. */
  readonly addOnDelayMinutes?: number;
  /** Interval of the add-on fallback (time-driven triggers at most hourly). Default 60. */
  readonly hourlyIntervalMinutes?: number;
  /** Round-trip time per call by method (ms), for the latency bound. Default: not counted. */
  readonly latencyMs?: Readonly<Record<string, number>>;
  /** Calls in flight at once (UrlFetchApp.fetchAll). Default 1. */
  readonly parallelism?: number;
}

/** One bucket's share of a workload. */
export interface BucketEstimate {
  readonly bucket: BucketId;
  readonly label: string;
  readonly calls: number;
  /** The limit used (after the margin) per window. */
  readonly limit: number;
  /** Minutes the bucket needs at its limit. */
  readonly minutes: number;
}

/** Executions and wall time under one trigger policy. */
export interface ExecutionEstimate {
  readonly executions: number;
  /** From the first execution's start to the last one's end, continuation gaps included. */
  readonly wallMinutes: number;
}

/** What a workload costs. */
export interface WorkloadEstimate {
  /** Total API calls. */
  readonly apiCalls: number;
  /** Project buckets with calls, busiest first. */
  readonly buckets: readonly BucketEstimate[];
  /** The busiest project bucket. */
  readonly busiest?: BucketEstimate;
  /** The busiest space's per-space minutes (its writes at 1/s), with the space and bucket. */
  readonly busiestSpace?: {
    readonly space: string;
    readonly bucket: BucketId;
    readonly calls: number;
    readonly minutes: number;
  };
  /** The quota bound: the most minutes any bucket (project or per-space) needs. */
  readonly quotaBoundMinutes: number;
  /** Minutes of round trips at the given latency and parallelism (0 when no latency is given). */
  readonly latencyMinutes: number;
  /** Minutes of active work: the larger of the quota bound and the latency bound. */
  readonly workMinutes: number;
  readonly boundScript: ExecutionEstimate;
  readonly addOnAsScheduled: ExecutionEstimate;
  readonly addOnHourly: ExecutionEstimate;
}

/** The limit actually used for a bucket at a margin (at least 1 call per window). */
export function effectiveLimit(spec: BucketSpec, margin = 1): number {
  return Math.max(1, Math.floor(spec.limit * margin + 1e-9));
}

/**
 * Estimates a workload: per-bucket minutes at the limits, the quota bound, API calls, executions and wall minutes
 * for a bound script (continuation ~1 min after each 5-minute execution), an add-on whose one-shot continuation fires
 * as scheduled (unconfirmed) and the hourly fallback. E.g. 1,000 spaces.setup calls are bound by space writes:
 * 1000 / 60 ≈ 16.7 minutes.
 */
export function estimateWorkload(calls: readonly PlannedCall[], options: EstimateOptions = {}): WorkloadEstimate {
  const margin = options.margin ?? 1;
  const perBucket = new Map<BucketId, number>();
  const perSpace = new Map<string, number>();
  let apiCalls = 0;
  let latencyMs = 0;
  for (const c of calls) {
    const n = c.count ?? 1;
    if (n <= 0) continue;
    apiCalls += n;
    latencyMs += (options.latencyMs?.[c.method] ?? 0) * n;
    for (const b of bucketsFor(c.method)) {
      const spec = QUOTA_BUCKETS[b];
      if (spec.scope === 'project') perBucket.set(b, (perBucket.get(b) ?? 0) + n);
      else if (c.space !== undefined) {
        const key = `${b}\u0000${c.space}`;
        perSpace.set(key, (perSpace.get(key) ?? 0) + n);
      }
    }
  }
  const buckets: BucketEstimate[] = Array.from(perBucket, ([bucket, n]) => {
    const spec = QUOTA_BUCKETS[bucket];
    const limit = effectiveLimit(spec, margin);
    return { bucket, label: spec.label, calls: n, limit, minutes: (n / limit) * (spec.windowMs / MIN) };
  }).sort((a, b) => b.minutes - a.minutes || a.bucket.localeCompare(b.bucket));

  let busiestSpace: WorkloadEstimate['busiestSpace'];
  for (const [key, n] of perSpace) {
    const [bucket, space] = key.split('\u0000') as [BucketId, string];
    const spec = QUOTA_BUCKETS[bucket];
    const minutes = (n / effectiveLimit(spec, margin)) * (spec.windowMs / MIN);
    if (!busiestSpace || minutes > busiestSpace.minutes) busiestSpace = { space, bucket, calls: n, minutes };
  }
  const busiest = buckets[0];
  const quotaBoundMinutes = Math.max(busiest?.minutes ?? 0, busiestSpace?.minutes ?? 0);
  const latencyMinutes = latencyMs / Math.max(1, options.parallelism ?? 1) / MIN;
  const workMinutes = Math.max(quotaBoundMinutes, latencyMinutes);

  const perExec = options.workMinutesPerExecution ?? 5;
  const executions = apiCalls === 0 ? 0 : Math.max(1, Math.ceil(workMinutes / perExec - 1e-9));
  const lastWork = executions === 0 ? 0 : workMinutes - (executions - 1) * perExec;
  const gapped = (gap: number): ExecutionEstimate => ({
    executions,
    wallMinutes: executions === 0 ? 0 : workMinutes + (executions - 1) * gap,
  });
  const hourly = options.hourlyIntervalMinutes ?? 60;
  return {
    apiCalls,
    buckets,
    busiest,
    busiestSpace,
    quotaBoundMinutes,
    latencyMinutes,
    workMinutes,
    boundScript: gapped(options.boundScriptDelayMinutes ?? 1),
    addOnAsScheduled: gapped(options.addOnDelayMinutes ?? 1),
    addOnHourly: {
      executions,
      wallMinutes: executions === 0 ? 0 : (executions - 1) * Math.max(hourly, perExec) + lastWork,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Pacer

/** Options of `QuotaPacer`. */
export interface PacerOptions {
  /** Fraction of each limit to use, e.g. 0.95 to leave room for other users of the project. Default 1. */
  readonly margin?: number;
  /** Send times are multiples of this (ms); state is kept in these ticks. Default 100. */
  readonly resolutionMs?: number;
  /** Limit overrides per bucket (e.g. for a project with a raised quota, or for tests). */
  readonly limits?: Partial<Record<BucketId, number>>;
}

/** A reservation: when the call may be sent and what held it back. */
export interface Reservation {
  /** Epoch ms at which the call may be sent (≥ the `nowMs` given). */
  readonly at: number;
  /** `at - nowMs`. */
  readonly waitMs: number;
  /** The bucket that imposed the longest wait, when there was a wait. */
  readonly limitedBy?: BucketId;
}

/** Serialisable pacer state (for checkpoints): per bucket, reserved ticks as [first, count, delta, count, …]. */
export interface PacerState {
  readonly v: 1;
  readonly resolutionMs: number;
  readonly project: Partial<Record<BucketId, number[]>>;
  readonly spaces: Record<string, Partial<Record<BucketId, number[]>>>;
  readonly pausedUntil: Partial<Record<BucketId, number>>;
}

/** Reserved send ticks of one bucket, sorted, duplicates allowed. */
class WindowLog {
  ticks: number[] = [];

  constructor(
    readonly limit: number,
    readonly window: number,
  ) {}

  /**
   * The earliest tick ≥ t at which one more call keeps every window of `window` ticks at ≤ `limit` calls. Any `limit`
   * consecutive reserved ticks x[i] … x[i+limit-1] spanning less than a window forbid exactly the ticks
   * [x[i+limit-1] - window + 1, x[i] + window - 1]; jump past the forbidding run until none forbids.
   */
  earliest(t: number): number {
    const L = this.limit;
    const W = this.window;
    const x = this.ticks;
    for (let guard = 0; guard <= x.length + 1; guard++) {
      const lo = lowerBound(x, t - W + 1);
      const hi = upperBound(x, t + W - 1) - 1;
      let next = -1;
      for (let i = hi - L + 1; i >= lo; i--) {
        if (x[i + L - 1] - x[i] < W && x[i + L - 1] - W + 1 <= t && x[i] + W - 1 >= t) {
          next = x[i] + W;
          break;
        }
      }
      if (next === -1) return t;
      t = next;
    }
    return t;
  }

  add(t: number): void {
    this.ticks.splice(upperBound(this.ticks, t), 0, t);
  }

  /** Drops ticks that can no longer constrain a reservation at or after `t`. */
  prune(t: number): void {
    const cut = lowerBound(this.ticks, t - this.window + 1);
    if (cut > 0) this.ticks.splice(0, cut);
  }

  encode(): number[] {
    const out: number[] = [];
    let prev = 0;
    for (let i = 0; i < this.ticks.length;) {
      let j = i;
      while (j < this.ticks.length && this.ticks[j] === this.ticks[i]) j++;
      out.push(out.length === 0 ? this.ticks[i] : this.ticks[i] - prev, j - i);
      prev = this.ticks[i];
      i = j;
    }
    return out;
  }

  decode(data: readonly number[]): void {
    this.ticks = [];
    let t = 0;
    for (let i = 0; i + 1 < data.length; i += 2) {
      t = i === 0 ? data[0] : t + data[i];
      for (let k = 0; k < data[i + 1]; k++) this.ticks.push(t);
    }
  }
}

function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Decides when each Chat call may be sent. Each bucket keeps the send times it has granted; a call is granted the
 * earliest time (≥ now, a multiple of `resolutionMs`) at which every bucket it consumes still has at most its limit
 * (times `margin`) calls in every window — an exact sliding-window guarantee that also holds for fixed per-minute
 * windows. Buckets are independent, so calls on idle buckets are not delayed by busy ones, and reservations may be
 * made ahead of time in any order. `pause` holds a method's buckets after a 429. The state serialises to compact
 * JSON for checkpoints (`toJSON` / `QuotaPacer.fromJSON`). The guarantee assumes calls are sent at (not after)
 * their reserved times; a margin below 1 absorbs sending delays and other users of the project.
 */
/**
 * A pacer continuing from a saved `snapshot()` (the previous execution's reservations still inside their quota
 * windows), or a fresh one when there is nothing usable to continue from.
 */
export function restorePacer(saved: unknown, options: PacerOptions = {}): QuotaPacer {
  const state = saved as Partial<PacerState> | undefined;
  if (!state || state.v !== 1 || typeof state.resolutionMs !== 'number' || typeof state.project !== 'object')
    return new QuotaPacer(options);
  try {
    return QuotaPacer.fromJSON(state as PacerState, options);
  } catch {
    return new QuotaPacer(options);
  }
}

export class QuotaPacer {
  private readonly margin: number;
  private readonly res: number;
  private readonly limits: Partial<Record<BucketId, number>>;
  private readonly project = new Map<BucketId, WindowLog>();
  private readonly spaces = new Map<string, Map<BucketId, WindowLog>>();
  private readonly paused = new Map<BucketId, number>();
  private reservations = 0;

  constructor(options: PacerOptions = {}) {
    this.margin = options.margin ?? 1;
    this.res = Math.max(1, Math.floor(options.resolutionMs ?? 100));
    this.limits = { ...(options.limits ?? {}) };
  }

  /** Restores a pacer from `toJSON()` output (with the same options it was created with). */
  static fromJSON(state: PacerState, options: PacerOptions = {}): QuotaPacer {
    const pacer = new QuotaPacer({ ...options, resolutionMs: state.resolutionMs });
    for (const [bucket, data] of Object.entries(state.project) as [BucketId, number[]][]) {
      pacer.log(bucket).decode(data);
    }
    for (const [space, buckets] of Object.entries(state.spaces)) {
      for (const [bucket, data] of Object.entries(buckets) as [BucketId, number[]][]) {
        pacer.log(bucket, space).decode(data);
      }
    }
    for (const [bucket, until] of Object.entries(state.pausedUntil) as [BucketId, number][]) {
      pacer.paused.set(bucket, until);
    }
    return pacer;
  }

  /** The limit this pacer enforces for a bucket (override or Google's, times the margin). */
  limitOf(bucket: BucketId): number {
    const spec = QUOTA_BUCKETS[bucket];
    return effectiveLimit({ ...spec, limit: this.limits[bucket] ?? spec.limit }, this.margin);
  }

  /**
   * Reserves quota for one call of `methodId` (on `spaceName` for per-space buckets) and returns the earliest epoch
   * ms at which it may be sent (≥ nowMs). Methods the model does not know are never delayed.
   */
  reserve(methodId: string, spaceName: string | undefined, nowMs: number): number {
    return this.reserveDetailed(methodId, spaceName, nowMs).at;
  }

  /** Like `reserve`, also telling how long the call waits and which bucket held it. */
  reserveDetailed(methodId: string, spaceName: string | undefined, nowMs: number): Reservation {
    const found = this.find(methodId, spaceName, nowMs);
    if (found.logs.length === 0) return { at: nowMs, waitMs: 0 };
    for (const { log } of found.logs) log.add(found.tick);
    if (++this.reservations % 500 === 0) this.prune(nowMs);
    const at = Math.max(nowMs, found.tick * this.res);
    return { at, waitMs: at - nowMs, limitedBy: found.limitedBy };
  }

  /** When a call could be sent, without reserving it. */
  peek(methodId: string, spaceName: string | undefined, nowMs: number): number {
    const found = this.find(methodId, spaceName, nowMs);
    return found.logs.length === 0 ? nowMs : Math.max(nowMs, found.tick * this.res);
  }

  /**
   * Holds the project buckets of `methodId` until `untilMs` (after a 429 for it, with the backoff delay): later
   * reservations on those buckets start no earlier. Calls on other buckets are not affected.
   */
  pause(methodId: string, untilMs: number): void {
    for (const b of bucketsFor(methodId)) {
      if (QUOTA_BUCKETS[b].scope !== 'project') continue;
      this.paused.set(b, Math.max(this.paused.get(b) ?? 0, Math.ceil(untilMs / this.res)));
    }
  }

  /** Forgets reservations that can no longer affect calls at or after `nowMs`. */
  prune(nowMs: number): void {
    const t = Math.floor(nowMs / this.res);
    for (const log of this.project.values()) log.prune(t);
    for (const [space, logs] of this.spaces) {
      for (const [bucket, log] of logs) {
        log.prune(t);
        if (log.ticks.length === 0) logs.delete(bucket);
      }
      if (logs.size === 0) this.spaces.delete(space);
    }
    for (const [bucket, until] of this.paused) if (until <= t) this.paused.delete(bucket);
  }

  /** The reservations that still count at `nowMs`, as compact JSON (see `fromJSON`). */
  snapshot(nowMs: number): PacerState {
    this.prune(nowMs);
    return this.toJSON();
  }

  /** Compact JSON state for a checkpoint. Prune first (with the current time) to keep it small. */
  toJSON(): PacerState {
    const project: Partial<Record<BucketId, number[]>> = {};
    for (const [bucket, log] of this.project) if (log.ticks.length) project[bucket] = log.encode();
    const spaces: Record<string, Partial<Record<BucketId, number[]>>> = {};
    for (const [space, logs] of this.spaces) {
      const entry: Partial<Record<BucketId, number[]>> = {};
      for (const [bucket, log] of logs) if (log.ticks.length) entry[bucket] = log.encode();
      if (Object.keys(entry).length) spaces[space] = entry;
    }
    const pausedUntil: Partial<Record<BucketId, number>> = {};
    for (const [bucket, until] of this.paused) pausedUntil[bucket] = until;
    return { v: 1, resolutionMs: this.res, project, spaces, pausedUntil };
  }

  private log(bucket: BucketId, space?: string): WindowLog {
    const spec = QUOTA_BUCKETS[bucket];
    const window = Math.max(1, Math.ceil(spec.windowMs / this.res));
    if (spec.scope === 'project') {
      let log = this.project.get(bucket);
      if (!log) this.project.set(bucket, (log = new WindowLog(this.limitOf(bucket), window)));
      return log;
    }
    const key = space ?? '';
    let logs = this.spaces.get(key);
    if (!logs) this.spaces.set(key, (logs = new Map()));
    let log = logs.get(bucket);
    if (!log) logs.set(bucket, (log = new WindowLog(this.limitOf(bucket), window)));
    return log;
  }

  private find(
    methodId: string,
    spaceName: string | undefined,
    nowMs: number,
  ): { tick: number; logs: { bucket: BucketId; log: WindowLog }[]; limitedBy?: BucketId } {
    const logs: { bucket: BucketId; log: WindowLog }[] = [];
    for (const b of bucketsFor(methodId)) {
      if (QUOTA_BUCKETS[b].scope === 'space' && spaceName === undefined) continue;
      logs.push({ bucket: b, log: this.log(b, spaceName) });
    }
    const start = Math.ceil(nowMs / this.res);
    let tick = start;
    let limitedBy: BucketId | undefined;
    let worst = 0;
    for (const { bucket } of logs) {
      const until = this.paused.get(bucket);
      if (until !== undefined && until > tick) {
        if (until - start > worst) {
          worst = until - start;
          limitedBy = bucket;
        }
        tick = until;
      }
    }
    for (let guard = 0; guard < 100_000; guard++) {
      let moved = false;
      for (const { bucket, log } of logs) {
        const t = log.earliest(tick);
        if (t > tick) {
          if (t - start > worst) {
            worst = t - start;
            limitedBy = bucket;
          }
          tick = t;
          moved = true;
        }
      }
      if (!moved) break;
    }
    return { tick, logs, limitedBy };
  }
}

/** A run's estimate in the units the job report shows. */
export interface RunEstimate {
  /** API calls. */
  readonly calls: number;
  /** The quota bound in ms. */
  readonly boundMs: number;
  /** Label of the bucket that sets the bound (`space writes`), or `none`. */
  readonly busiest: string;
  /** Executions for this context. */
  readonly executions: number;
  /** Wall time for this context, continuations firing as scheduled. */
  readonly wallMs: number;
  /** Wall time if add-on continuations only run hourly (same as `wallMs` for a bound script). */
  readonly hourlyWallMs: number;
}

/**
 * `estimateWorkload` for a method → count map (the planner's tally) in a run context: `bound` (a script bound to
 * the spreadsheet: continuations every minute) or an add-on context (`editor-addon`, `workspace-addon`: one-shot
 * continuations, with the hourly fallback).
 */
export function estimateRun(
  planned: Readonly<Record<string, number>>,
  options: EstimateOptions & { readonly context?: string } = {},
): RunEstimate {
  const e = estimateWorkload(
    Object.entries(planned).map(([method, count]) => ({ method, count })),
    options,
  );
  const bound = options.context === undefined || options.context === 'bound';
  const chosen = bound ? e.boundScript : e.addOnAsScheduled;
  const busiest =
    e.busiestSpace && e.busiestSpace.minutes > (e.busiest?.minutes ?? 0)
      ? QUOTA_BUCKETS[e.busiestSpace.bucket].label
      : (e.busiest?.label ?? 'none');
  return {
    calls: e.apiCalls,
    boundMs: Math.round(e.quotaBoundMinutes * MIN),
    busiest,
    executions: chosen.executions,
    wallMs: Math.round(chosen.wallMinutes * MIN),
    hourlyWallMs: Math.round((bound ? e.boundScript : e.addOnHourly).wallMinutes * MIN),
  };
}
