/**
 * The request log and counters: one entry per request the API host handled (virtual time, method id, path it came
 * by, caller, status, latency, quota buckets charged or refused, scope evaluation, injected fault), and aggregated
 * stats per method id. The playground's Requests panel and `GET /__emulator/requests` read these.
 */
import type { CallPath } from '../core/api';

/** How the caller's scopes were evaluated against the method's. */
export interface ScopeCheck {
  /** Scopes the discovery document lists for the method (short names). */
  required: string[];
  /** Scopes the caller's token carries that the method accepts for this auth mode. */
  matched: string[];
  /** Whether useAdminAccess was requested. */
  adminAccess: boolean;
}

/** One logged request. */
export interface RequestLogEntry {
  seq: number;
  /** Virtual epoch ms the request was sent. */
  time: number;
  host: string;
  httpMethod: string;
  /** URL path and query. */
  path: string;
  methodId?: string;
  callPath: CallPath;
  caller?: string;
  status?: number;
  /** Canonical error status, when the call failed with an API error. */
  error?: string;
  transportError?: 'timeout' | 'connection-reset';
  latencyMs: number;
  /** Buckets charged (or, on 429, the one that refused). */
  quota: string[];
  quotaRefused?: string;
  scopes?: ScopeCheck;
  fault?: string;
}

/** Counters per method id. */
export interface MethodStats {
  count: number;
  byStatus: Record<string, number>;
}

/** Aggregated stats. */
export interface ChatStats {
  total: number;
  byMethod: Record<string, MethodStats>;
  /** 429 responses (quota or storms). */
  status429: number;
  quota429: number;
  status501: number;
  faultsInjected: { transient: number; storm: number; timeout: number; lost: number };
}

/** Computes stats from a log. */
export function computeStats(log: readonly RequestLogEntry[], faults: ChatStats['faultsInjected']): ChatStats {
  const stats: ChatStats = {
    total: 0,
    byMethod: {},
    status429: 0,
    quota429: 0,
    status501: 0,
    faultsInjected: { ...faults },
  };
  for (const e of log) {
    stats.total++;
    const key = e.methodId ?? '(unmatched)';
    const m = (stats.byMethod[key] ??= { count: 0, byStatus: {} });
    m.count++;
    const status = e.transportError ? e.transportError : String(e.status ?? '');
    m.byStatus[status] = (m.byStatus[status] ?? 0) + 1;
    if (e.status === 429) stats.status429++;
    if (e.status === 429 && e.quotaRefused) stats.quota429++;
    if (e.status === 501) stats.status501++;
  }
  return stats;
}
