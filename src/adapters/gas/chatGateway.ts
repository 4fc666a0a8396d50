/**
 * ChatGateway over Apps Script: a lone request goes through the Chat advanced service (or UrlFetchApp for methods
 * the service lacks), a batch goes through UrlFetchApp.fetchAll over REST with the user's OAuth token, so
 * independent calls run concurrently. Failures of either transport are normalised to ChatFailure: HTTP status
 * from `e.details.code` or the response code (never from the localised exception prefix), Google's status and the
 * API's message.
 *
 * Scopes: chat.spaces, chat.memberships, chat.messages, chat.messages.reactions, chat.delete, chat.users.readstate
 * (per method), cloud-identity.groups.readonly (group lookup), script.external_request (UrlFetchApp).
 */
import type { ChatFailure, ChatGateway, ChatRequest, ChatResult } from '../../ports/chat';
import { definedQuery, restUrl, ROUTES } from './chatRoutes';

interface AdvancedServiceError {
  message?: string;
  details?: { code?: number; message?: string; status?: string; errors?: { reason?: string; message?: string }[] };
}

export class GasChatGateway implements ChatGateway {
  /** @param chat the `Chat` advanced-service global. */
  constructor(private readonly chat: GoogleAppsScript.Chat.ChatService) {}

  call(request: ChatRequest): ChatResult {
    const route = ROUTES[request.method];
    if (!route.facade) return this.callAll([request])[0];
    try {
      return { ok: true, value: route.facade(this.chat, request, definedQuery(request)) ?? {} };
    } catch (e) {
      return { ok: false, failure: fromThrown(e) };
    }
  }

  callAll(requests: readonly ChatRequest[]): ChatResult[] {
    if (requests.length === 0) return [];
    const token = ScriptApp.getOAuthToken();
    const fetches = requests.map((r) => toFetch(r, token));
    let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
    try {
      responses = UrlFetchApp.fetchAll(fetches);
    } catch (e) {
      // fetchAll throws for a transport failure of any request (timeout, unreachable), and which requests went
      // through is unknown. Hand the failure to every request: the engine re-sends them with backoff, within the
      // execution's time budget (re-sending them one by one here could run past the 6-minute limit).
      const failure = fromThrown(e);
      return requests.map(() => ({ ok: false, failure }));
    }
    return responses.map(fromResponse);
  }
}

function toFetch(request: ChatRequest, token: string): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const route = ROUTES[request.method];
  const fetch: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: restUrl(request),
    method: route.verb,
    headers: { Authorization: `Bearer ${token}` },
    muteHttpExceptions: true,
  };
  if (request.media) {
    const boundary = `chat-spaces-${Date.now().toString(36)}`;
    const meta = JSON.stringify(request.body ?? { filename: request.media.fileName });
    const head = `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${meta}\r\n--${boundary}\r\nContent-Type: ${request.media.contentType}\r\n\r\n`;
    const tail = `\r\n--${boundary}--`;
    fetch.contentType = `multipart/related; boundary=${boundary}`;
    fetch.payload = [...utf8(head), ...request.media.bytes, ...utf8(tail)];
  } else if (request.body !== undefined) {
    fetch.contentType = 'application/json';
    fetch.payload = JSON.stringify(request.body);
  }
  return fetch;
}

function utf8(text: string): number[] {
  return Utilities.newBlob(text).getBytes();
}

function fromResponse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): ChatResult {
  const status = response.getResponseCode();
  const text = response.getContentText();
  if (status >= 200 && status < 300) {
    const type = String((response.getHeaders() as Record<string, string>)['Content-Type'] ?? '');
    if (text === '' || !/json/i.test(type))
      return { ok: true, value: text === '' ? {} : { bytes: response.getContent() } };
    return { ok: true, value: JSON.parse(text) };
  }
  let failure: ChatFailure = { httpStatus: status, message: text.slice(0, 500) };
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string; status?: string } };
    if (parsed.error)
      failure = { httpStatus: status, status: parsed.error.status, message: parsed.error.message ?? '' };
  } catch {
    // Not JSON (an HTML error page from a proxy): keep the raw text.
  }
  return { ok: false, failure };
}

/** Normalises an exception thrown by the advanced service or UrlFetchApp. */
export function fromThrown(e: unknown): ChatFailure {
  const err = (e ?? {}) as AdvancedServiceError;
  const details = err.details;
  if (details && typeof details.code === 'number') {
    return {
      httpStatus: details.code,
      status: details.status,
      message: details.message ?? details.errors?.[0]?.message ?? String(err.message ?? ''),
    };
  }
  // UrlFetchApp transport failures (timeout, DNS, reset) carry no status.
  return { httpStatus: 0, message: String(err.message ?? e) };
}
