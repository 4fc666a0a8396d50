/**
 * The playground's request log: every Chat API request (from the Chat emulator's own log, enriched with the request
 * and response bodies and the run that made it, captured by wrapping the emulator's ApiHost) and every Apps Script
 * service call the executions made (from the runtime's per-execution counts, one row per method and execution,
 * with the OAuth scopes the runtime checks for it). Rows are filtered by text, service, method and result for the
 * Requests panel, like the Firebase Emulator UI's request monitor.
 */
import type { ApiCall, ApiHost, ApiOutcome } from '../core/api';
import type { RequestLogEntry } from '../chat/log';
import { baseCost } from '../runtime/cost';
import type { CostModel } from '../runtime/options';
import { requiredScopes } from '../runtime/permissions';
import type { RequestView, RequestsResponse } from './types';

const AUTH = 'https://www.googleapis.com/auth/';
const BODY_LIMIT = 20_000;

/** Bodies and context captured for one Chat log entry, by its `seq`. */
interface Capture {
  requestBody?: string;
  responseBody?: string;
  origin?: string;
}

/** Classes counted as spreadsheet calls (the rest are "script" services). */
const SHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'DataValidation',
  'DataValidationBuilder',
  'Selection',
  'Ui',
  'Menu',
]);

/** One execution's service-call counts, as the session hands them over. */
export interface ExecutionCalls {
  executionId: string;
  origin: string;
  at: number;
  serviceCalls: Record<string, number>;
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.length > BODY_LIMIT
    ? `${text.slice(0, BODY_LIMIT)}\n… (${text.length - BODY_LIMIT} more characters)`
    : text;
}

function bodyText(body: string | Uint8Array | undefined): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  return `(${body.length} bytes of binary data)`;
}

/** Collects the request log; wrap the Chat emulator's host with `wrap` before handing it to the runtime. */
export class RequestLog {
  private readonly captures = new Map<number, Capture>();
  private readonly executions: ExecutionCalls[] = [];
  /** The label of what is running now (menu item, card action, trigger), stamped on captured requests. */
  origin = '';

  /**
   * @param chatLog the Chat emulator's request log (read live).
   * @param costs the runtime's cost model, to show the virtual time service calls were charged (per-cell costs aside).
   */
  constructor(
    private readonly chatLog: () => readonly RequestLogEntry[],
    private readonly costs?: CostModel,
  ) {}

  /** An ApiHost that forwards to `inner` and captures bodies for the entries it logs. */
  wrap(inner: ApiHost): ApiHost {
    const hosts = inner.hosts;
    return {
      hosts,
      handle: (call: ApiCall): ApiOutcome => {
        const before = this.chatLog().length;
        const outcome = inner.handle(call);
        const log = this.chatLog();
        for (let i = before; i < log.length; i++) {
          this.captures.set(log[i].seq, {
            requestBody: clip(bodyText(call.request.body)),
            responseBody: clip(bodyText(outcome.response?.body)),
            origin: this.origin,
          });
        }
        return outcome;
      },
    };
  }

  /** Records the service calls of one finished execution. */
  addExecution(calls: ExecutionCalls): void {
    this.executions.push(calls);
  }

  /** Forgets everything (after a reset). */
  clear(): void {
    this.captures.clear();
    this.executions.length = 0;
  }

  /** All rows, oldest first. */
  rows(): RequestView[] {
    const rows: RequestView[] = [];
    for (const e of this.chatLog()) rows.push(this.chatRow(e));
    let seq = 1_000_000;
    for (const x of this.executions) {
      for (const [key, count] of Object.entries(x.serviceCalls).sort()) {
        const dot = key.indexOf('.');
        const cls = key.slice(0, dot);
        const method = key.slice(dot + 1);
        const scopes = requiredScopes(cls, method);
        rows.push({
          seq: seq++,
          at: x.at,
          service: SHEET_CLASSES.has(cls) ? 'sheets' : 'script',
          method: key,
          count,
          latencyMs: this.costs ? baseCost(this.costs, cls, method) * count : undefined,
          result: 'ok',
          scopes: scopes ? [...scopes] : [],
          executionId: x.executionId,
          origin: x.origin,
          path: 'apps-script-service',
        });
      }
    }
    return rows.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  private chatRow(e: RequestLogEntry): RequestView {
    const capture = this.captures.get(e.seq) ?? {};
    const result =
      e.status === 429 ? 'quota' : e.transportError || (e.status !== undefined && e.status >= 400) ? 'error' : 'ok';
    const scopes = e.scopes
      ? [...new Set([...e.scopes.matched, ...(e.scopes.matched.length ? [] : e.scopes.required)])].map((s) =>
          s.startsWith('https://') ? s : AUTH + s,
        )
      : undefined;
    return {
      seq: e.seq,
      at: e.time,
      service: 'chat',
      method: e.methodId ?? `${e.httpMethod} ${e.host}`,
      httpMethod: e.httpMethod,
      url: `https://${e.host}${e.path}`,
      status: e.status,
      result,
      latencyMs: e.latencyMs,
      scopes,
      quotaBucket: e.quotaRefused ? `${e.quotaRefused} (refused)` : e.quota.join(', ') || undefined,
      origin: capture.origin,
      path: e.callPath,
      errorMessage: e.transportError ? `transport: ${e.transportError}` : e.error,
      fault: e.fault,
      requestBody: capture.requestBody,
      responseBody: capture.responseBody,
    };
  }

  /** Rows matching the filters of the Requests panel, newest first. */
  query(filter: Record<string, string | undefined>): RequestsResponse {
    const all = this.rows();
    const text = (filter.text ?? '').trim().toLowerCase();
    const limit = Math.max(1, Math.min(5000, Number(filter.limit) || 1000));
    const matches = all.filter((r) => {
      if (filter.service && r.service !== filter.service) return false;
      if (filter.method && r.method !== filter.method) return false;
      if (filter.status && r.result !== filter.status) return false;
      if (text) {
        const hay = [
          r.method,
          r.url,
          r.origin,
          r.errorMessage,
          r.requestBody,
          r.responseBody,
          r.quotaBucket,
          String(r.status ?? ''),
        ]
          .filter((x): x is string => typeof x === 'string')
          .join('\n')
          .toLowerCase();
        if (!hay.includes(text)) return false;
      }
      return true;
    });
    const methods = [...new Set(all.map((r) => r.method))].sort();
    return { total: all.length, requests: matches.reverse().slice(0, limit), methods };
  }
}
