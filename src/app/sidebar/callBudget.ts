/**
 * The 30-second guard of card callbacks. Apps Script stops a Workspace add-on callback after 30 seconds and the
 * card then does not update, so every sidebar use case is written to make a small, fixed number of Chat calls (one
 * page of members, one page of messages, at most MAX_ADDS_PER_SUBMIT additions), and this wrapper makes the bound
 * explicit: it refuses requests past a per-callback count and past a deadline measured from the start of the
 * callback, answering them with a failure the use cases turn into a sentence instead of letting the platform kill
 * the execution. Requests sent together (fetchAll) count one each. A request Chat answers with 429 (the 1 write
 * per second per space quota, or a per-minute quota) or a temporary 5xx is sent again after a short wait, at most
 * twice, and only while the wait still fits before the deadline: two edits of the same space in one click (details
 * then history) or two quick clicks then both succeed instead of the second failing.
 */
import type { ChatFailure, ChatGateway, ChatRequest, ChatResult } from '../../ports/chat';
import type { Clock } from '../../ports/runtime';

/** Limits of one card callback. */
export interface CallLimits {
  /** Requests one callback may send. */
  maxRequests: number;
  /** Milliseconds after the callback started past which no request is sent. */
  deadlineMs: number;
}

/**
 * Card callbacks have 30 s; Chat reads take well under a second each, fetchAll sends a batch at once, and the
 * spreadsheet and properties calls around them take a few seconds at most. 20 s leaves room for rendering.
 */
export const CARD_CALL_LIMITS: CallLimits = { maxRequests: 60, deadlineMs: 20_000 };

/** HTTP status used for a request the guard did not send (no API answered it). */
export const NOT_SENT_STATUS = 0;
/** Waits before the retries of a 429 or 5xx answer (Chat's per-space write quota refills each second). */
export const RETRY_WAITS_MS: readonly number[] = [1_100, 2_500];
export const NOT_SENT_MESSAGE =
  'Stopped before the 30-second limit of the sidebar; nothing more was sent. Try again, or use the sheet for large changes.';

export class CallBudget implements ChatGateway {
  private sent = 0;
  private readonly startedAt: number;

  constructor(
    private readonly inner: ChatGateway,
    private readonly clock: Clock,
    private readonly limits: CallLimits = CARD_CALL_LIMITS,
  ) {
    this.startedAt = clock.now();
  }

  /** Requests sent so far. */
  get requestsSent(): number {
    return this.sent;
  }

  /** Whether another round trip (e.g. re-reading the card after an action) still fits before the deadline. */
  hasTimeLeft(reserveMs = 2_000): boolean {
    return this.elapsed() + reserveMs < this.limits.deadlineMs && this.sent < this.limits.maxRequests;
  }

  call(request: ChatRequest): ChatResult {
    return this.callAll([request])[0];
  }

  callAll(requests: readonly ChatRequest[]): ChatResult[] {
    if (requests.length === 0) return [];
    const results = this.send(requests);
    for (const wait of RETRY_WAITS_MS) {
      const again = results.map((r, i) => (isWorthRetrying(r) ? i : -1)).filter((i) => i >= 0);
      if (!again.length || this.elapsed() + wait >= this.limits.deadlineMs) break;
      this.clock.sleep(wait);
      const retried = this.send(again.map((i) => requests[i]));
      again.forEach((i, k) => (results[i] = retried[k]));
    }
    return results;
  }

  private elapsed(): number {
    return this.clock.now() - this.startedAt;
  }

  private send(requests: readonly ChatRequest[]): ChatResult[] {
    const room = this.elapsed() >= this.limits.deadlineMs ? 0 : Math.max(0, this.limits.maxRequests - this.sent);
    const allowed = requests.slice(0, room);
    this.sent += allowed.length;
    const results =
      allowed.length === 0 ? [] : allowed.length === 1 ? [this.inner.call(allowed[0])] : this.inner.callAll(allowed);
    for (let i = allowed.length; i < requests.length; i++) {
      results.push({
        ok: false,
        failure: { httpStatus: NOT_SENT_STATUS, status: 'NOT_SENT', message: NOT_SENT_MESSAGE },
      });
    }
    return results;
  }
}

function isWorthRetrying(result: ChatResult): boolean {
  if (result.ok) return false;
  const code = result.failure.httpStatus;
  return code === 429 || code === 500 || code === 502 || code === 503 || code === 504;
}

/** True for a failure the guard produced (the request never left). */
export function wasNotSent(result: ChatResult): boolean {
  return !result.ok && result.failure.status === 'NOT_SENT';
}

/**
 * Wraps the domain's failure sentences so a request the guard held back says so ("Did not add ana@…: stopped
 * before the 30-second limit…") instead of blaming Chat.
 */
export function budgetAware(
  explain: (failure: ChatFailure, action: string) => string,
): (failure: ChatFailure, action: string) => string {
  return (failure, action) =>
    failure.status === 'NOT_SENT'
      ? `Did not ${action}: ${NOT_SENT_MESSAGE.charAt(0).toLowerCase()}${NOT_SENT_MESSAGE.slice(1)}`
      : explain(failure, action);
}
