/**
 * The engine's view of a failed request: whether sending it again later may succeed. Delegates to the domain's
 * error classification, so the engine's retries and the Details sentences agree on every error shape.
 */
import { classifyApiError } from '../../domain/apiErrors';
import type { ChatFailure } from '../../ports/chat';

export function classifyFailure(failure: ChatFailure): { retryable: boolean; retryAfterMs?: number } {
  const error = classifyApiError(failure);
  return { retryable: error.retryable, retryAfterMs: error.retryAfterMs };
}
