/**
 * Chat API usage limits on the virtual clock (facts §3, https://developers.google.com/workspace/chat/limits):
 * per-project per-minute buckets shared by every user of the Cloud project, per-space per-second buckets, and
 * per-user buckets for custom emojis. A call over any of its buckets is refused with HTTP 429 RESOURCE_EXHAUSTED and
 * charged nothing. Window semantics are an option (`quotaWindow`, C7): a trailing window (default) or windows aligned
 * to the clock.
 */
import { ApiError, errorInfo, type ErrorDetail } from './errors';

/** A quota bucket. */
export interface BucketSpec {
  /** Stable key, e.g. `space-writes`. */
  key: string;
  /** Display name used in the 429 message. */
  metric: string;
  limit: number;
  windowMs: number;
  scope: 'project' | 'space' | 'user';
}

const MIN = 60_000;
const SEC = 1_000;

/** Every bucket of the limits page the emulator enforces (facts §3.1–3.3). */
export const BUCKETS: Readonly<Record<string, BucketSpec>> = {
  'message-writes': {
    key: 'message-writes',
    metric: 'Message write requests',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
  },
  'message-reads': {
    key: 'message-reads',
    metric: 'Message read requests',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
  },
  'membership-writes': {
    key: 'membership-writes',
    metric: 'Membership write requests',
    limit: 300,
    windowMs: MIN,
    scope: 'project',
  },
  'membership-reads': {
    key: 'membership-reads',
    metric: 'Membership read requests',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
  },
  'space-writes': { key: 'space-writes', metric: 'Space write requests', limit: 60, windowMs: MIN, scope: 'project' },
  'space-reads': { key: 'space-reads', metric: 'Space read requests', limit: 3000, windowMs: MIN, scope: 'project' },
  'attachment-writes': {
    key: 'attachment-writes',
    metric: 'Attachment write requests',
    limit: 600,
    windowMs: MIN,
    scope: 'project',
  },
  'attachment-reads': {
    key: 'attachment-reads',
    metric: 'Attachment read requests',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
  },
  'reaction-writes': {
    key: 'reaction-writes',
    metric: 'Reaction write requests',
    limit: 600,
    windowMs: MIN,
    scope: 'project',
  },
  'reaction-reads': {
    key: 'reaction-reads',
    metric: 'Reaction read requests',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
  },
  'custom-emoji-writes': {
    key: 'custom-emoji-writes',
    metric: 'CustomEmoji write requests',
    limit: 600,
    windowMs: MIN,
    scope: 'project',
  },
  'custom-emoji-reads': {
    key: 'custom-emoji-reads',
    metric: 'CustomEmoji read requests',
    limit: 3000,
    windowMs: MIN,
    scope: 'project',
  },
  'space-reads-per-space': {
    key: 'space-reads-per-space',
    metric: 'Per-space read requests',
    limit: 15,
    windowMs: SEC,
    scope: 'space',
  },
  'space-writes-per-space': {
    key: 'space-writes-per-space',
    metric: 'Per-space write requests',
    limit: 1,
    windowMs: SEC,
    scope: 'space',
  },
  'reaction-creates-per-space': {
    key: 'reaction-creates-per-space',
    metric: 'Per-space create reaction requests',
    limit: 5,
    windowMs: SEC,
    scope: 'space',
  },
  'custom-emoji-writes-per-user': {
    key: 'custom-emoji-writes-per-user',
    metric: 'Per-user CustomEmoji write requests',
    limit: 1,
    windowMs: SEC,
    scope: 'user',
  },
  'custom-emoji-reads-per-user': {
    key: 'custom-emoji-reads-per-user',
    metric: 'Per-user CustomEmoji read requests',
    limit: 15,
    windowMs: SEC,
    scope: 'user',
  },
};

/**
 * Buckets per method id (facts §3.1 per-project table, §3.2 per-space table, §3.3 per-user table). Methods the limits
 * page does not list (spaceEvents, users.spaces.*, completeImport) have no bucket (C8).
 */
export const METHOD_BUCKETS: Readonly<Record<string, readonly string[]>> = {
  'chat.spaces.setup': ['space-writes'],
  'chat.spaces.create': ['space-writes'],
  'chat.spaces.patch': ['space-writes', 'space-writes-per-space'],
  'chat.spaces.delete': ['space-writes', 'space-writes-per-space'],
  'chat.spaces.get': ['space-reads', 'space-reads-per-space'],
  'chat.spaces.list': ['space-reads'],
  'chat.spaces.search': ['space-reads'],
  'chat.spaces.findDirectMessage': ['space-reads'],
  'chat.spaces.members.create': ['membership-writes'],
  'chat.spaces.members.delete': ['membership-writes'],
  'chat.spaces.members.patch': ['membership-writes'],
  'chat.spaces.members.get': ['membership-reads', 'space-reads-per-space'],
  'chat.spaces.members.list': ['membership-reads', 'space-reads-per-space'],
  'chat.spaces.messages.create': ['message-writes', 'space-writes-per-space'],
  'chat.spaces.messages.patch': ['message-writes', 'space-writes-per-space'],
  'chat.spaces.messages.update': ['message-writes', 'space-writes-per-space'],
  'chat.spaces.messages.delete': ['message-writes', 'space-writes-per-space'],
  'chat.spaces.messages.get': ['message-reads', 'space-reads-per-space'],
  'chat.spaces.messages.list': ['message-reads', 'space-reads-per-space'],
  'chat.spaces.messages.attachments.get': ['attachment-reads', 'space-reads-per-space'],
  'chat.media.upload': ['attachment-writes', 'space-writes-per-space'],
  'chat.media.download': ['attachment-reads', 'space-reads-per-space'],
  'chat.spaces.messages.reactions.create': ['reaction-writes', 'reaction-creates-per-space'],
  'chat.spaces.messages.reactions.delete': ['reaction-writes', 'space-writes-per-space'],
  'chat.spaces.messages.reactions.list': ['reaction-reads', 'space-reads-per-space'],
  'chat.customEmojis.create': ['custom-emoji-writes', 'custom-emoji-writes-per-user'],
  'chat.customEmojis.delete': ['custom-emoji-writes', 'custom-emoji-writes-per-user'],
  'chat.customEmojis.get': ['custom-emoji-reads', 'custom-emoji-reads-per-user'],
  'chat.customEmojis.list': ['custom-emoji-reads', 'custom-emoji-reads-per-user'],
};

/** One charge: a bucket and how many units. */
export interface QuotaCharge {
  bucket: string;
  units: number;
}

/** The outcome of a quota check. */
export type QuotaResult = { ok: true; charged: string[] } | { ok: false; bucket: string; error: ApiError };

/** Quota accounting over virtual time. */
export class QuotaTracker {
  /** Charged timestamps per `bucket|scopeKey`. */
  private windows = new Map<string, number[]>();

  constructor(
    private readonly window: () => 'sliding' | 'fixed',
    private readonly projectNumber: string,
  ) {}

  /** The buckets a method charges (plus membership writes for setup when the option is on). */
  chargesFor(methodId: string, options: { setupMemberships?: number; membersPatchIsWrite: boolean }): QuotaCharge[] {
    const buckets = (METHOD_BUCKETS[methodId] ?? []).filter(
      (b) => !(methodId === 'chat.spaces.members.patch' && b === 'membership-writes' && !options.membersPatchIsWrite),
    );
    const charges = buckets.map((bucket) => ({ bucket, units: 1 }));
    if (methodId === 'chat.spaces.setup' && options.setupMemberships) {
      charges.push({ bucket: 'membership-writes', units: options.setupMemberships });
    }
    return charges;
  }

  /**
   * Checks every charge and, when all fit, records them. `space` and `user` key the per-space and per-user buckets.
   */
  check(charges: QuotaCharge[], now: number, space: string | undefined, user: string): QuotaResult {
    const keyed = charges.flatMap((charge) => {
      const spec = BUCKETS[charge.bucket];
      if (!spec) return [];
      if (spec.scope === 'space' && !space) return [];
      const scopeKey = spec.scope === 'project' ? 'project' : spec.scope === 'space' ? (space as string) : user;
      return [{ spec, units: charge.units, key: `${spec.key}|${scopeKey}` }];
    });
    for (const { spec, units, key } of keyed) {
      const used = this.used(key, spec, now);
      if (used + units > spec.limit) return { ok: false, bucket: spec.key, error: this.exhausted(spec) };
    }
    for (const { units, key } of keyed) {
      const list = this.windows.get(key) ?? [];
      for (let i = 0; i < units; i++) list.push(now);
      this.windows.set(key, list);
    }
    return { ok: true, charged: keyed.map((k) => k.spec.key) };
  }

  /** Units used in the window ending at `now` (also prunes old entries). */
  private used(key: string, spec: BucketSpec, now: number): number {
    const list = this.windows.get(key);
    if (!list) return 0;
    const start = this.window() === 'fixed' ? Math.floor(now / spec.windowMs) * spec.windowMs : now - spec.windowMs;
    // Sliding: entries strictly inside (now - window, now]; fixed: entries in [windowStart, now].
    const keep = list.filter((t) => (this.window() === 'fixed' ? t >= start : t > start));
    this.windows.set(key, keep);
    return keep.length;
  }

  /** Google's 429 for an exhausted bucket (message pattern as other Google APIs; C17: exact Chat text unconfirmed). */
  private exhausted(spec: BucketSpec): ApiError {
    const limitName = `${spec.metric} per ${spec.windowMs === MIN ? 'minute' : 'second'} per ${spec.scope}`;
    const details: ErrorDetail[] = [
      errorInfo('RATE_LIMIT_EXCEEDED', {
        quota_metric: `chat.googleapis.com/${spec.key.replace(/-/g, '_')}`,
        quota_limit: limitName.replace(/[^A-Za-z]+/g, ''),
        quota_limit_value: String(spec.limit),
        quota_location: 'global',
        consumer: `projects/${this.projectNumber}`,
        service: 'chat.googleapis.com',
      }),
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [
          {
            description: 'Request a higher quota limit.',
            url: 'https://cloud.google.com/docs/quotas/help/request_increase',
          },
        ],
      },
    ];
    const message =
      `Quota exceeded for quota metric '${spec.metric}' and limit '${limitName}' of service ` +
      `'chat.googleapis.com' for consumer 'project_number:${this.projectNumber}'.`;
    return new ApiError('RESOURCE_EXHAUSTED', message, details);
  }

  /** Serialisable windows. */
  toJSON(): Record<string, number[]> {
    return Object.fromEntries([...this.windows.entries()].map(([k, v]) => [k, [...v]]));
  }

  /** Restores windows. */
  load(data: Record<string, number[]> | undefined): void {
    this.windows = new Map(Object.entries(data ?? {}).map(([k, v]) => [k, [...v]]));
  }

  /** Forgets every charge. */
  reset(): void {
    this.windows.clear();
  }
}
