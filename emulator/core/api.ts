/**
 * The boundary between the offline Apps Script runtime and the API emulators it hosts (the Chat API, Cloud
 * Identity groups lookup). Every call crosses it in HTTP shape, whichever path the script used: an advanced service
 * facade builds the same request UrlFetchApp would send, so both paths share one validator, one quota model and one
 * state. The API host never touches the clock; it reports the latency the call costs and the runtime advances the
 * virtual clock (by the maximum, not the sum, for requests sent together with UrlFetchApp.fetchAll).
 */

/** An HTTP request as it reaches an API host. `url` is absolute (https://chat.googleapis.com/v1/...). */
export interface HttpRequest {
  method: string;
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Raw body: text (JSON) or bytes (uploads). */
  body?: string | Uint8Array;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Who is calling, as established by the platform (advanced service) rather than by a bearer token. */
export interface Caller {
  /** The executing user's email. */
  email: string;
  /** OAuth scopes the user granted: the manifest's `oauthScopes`. */
  scopes: readonly string[];
}

/** How a request reached the host; recorded in the request log. */
export type CallPath = 'advanced-service' | 'urlfetch' | 'http-server';

export interface ApiCall {
  request: HttpRequest;
  path: CallPath;
  /**
   * Set by the advanced-service path, where Apps Script authenticates the call itself. Absent on the UrlFetchApp
   * and HTTP-server paths: the host authenticates from the `authorization` header (see ./auth.ts).
   */
  caller?: Caller;
  /** Virtual epoch ms at which the request is sent. */
  now: number;
}

export interface ApiOutcome {
  /** The response, absent when the transport failed. */
  response?: HttpResponse;
  /** A transport failure (the caller sees an exception, not a status): timeout or reset connection. */
  transportError?: { kind: 'timeout' | 'connection-reset'; message: string };
  /** Virtual milliseconds the call takes, including queueing the host models. */
  latencyMs: number;
  /** Discovery method id the request matched (e.g. `chat.spaces.setup`), for counting; absent if none matched. */
  methodId?: string;
}

/** An emulated Google API reachable at one or more hosts. */
export interface ApiHost {
  /** Host names served, e.g. `chat.googleapis.com`. */
  readonly hosts: readonly string[];
  handle(call: ApiCall): ApiOutcome;
}

/** What an advanced-service facade gets from the runtime to do its work. */
export interface AdvancedServiceRuntime {
  readonly caller: Caller;
  /**
   * Sends one request through the runtime: counts it, advances the virtual clock by its latency, and enforces the
   * execution deadline (throwing the platform's time-limit error when it passes).
   */
  send(request: HttpRequest): ApiOutcome;
  /** Builds an error in the script's realm, as Apps Script's exceptions are (so `e instanceof Error` holds). */
  makeError(message: string, props?: Record<string, unknown>): Error;
  /** Reads an Apps Script Blob (or BlobSource) given to the facade, e.g. media.upload's mediaData. */
  readBlob(value: unknown): { bytes: Uint8Array; contentType: string; name: string } | undefined;
  /** Converts a host object to a plain object of the script's realm (what the facade returns to the script). */
  toScript<T>(value: T): T;
}

/** An advanced service as enabled in appsscript.json `dependencies.enabledAdvancedServices`. */
export interface AdvancedServiceBinding {
  readonly serviceId: string;
  readonly version: string;
  /** Builds the global object the script sees under the manifest's `userSymbol`. */
  create(runtime: AdvancedServiceRuntime): unknown;
}
