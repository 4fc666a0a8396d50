/**
 * Files fetched from the web for the Messages tab's Attachment column: one GET of an https link, answered with the
 * bytes and what the server said about them, or with why it failed. The adapter is UrlFetchApp; tests use the
 * emulator's file host.
 */

/** A downloaded file. */
export interface FetchedFile {
  /** HTTP status (200 when the file came back). */
  status: number;
  /** The Content-Type the server sent, without parameters (lower-cased); '' when absent. */
  contentType: string;
  /** File name from Content-Disposition, else the last segment of the link's path; '' when neither has one. */
  fileName: string;
  /** The body (signed bytes, as Apps Script returns them). */
  bytes: number[];
}

/** Fetch result: the response (any status), or a transport failure (DNS, timeout, response too large). */
export type FetchOutcome = { ok: true; file: FetchedFile } | { ok: false; message: string };

export interface FileFetcher {
  /** GETs `url`, following redirects; never throws. Scope: script.external_request. */
  fetch(url: string): FetchOutcome;
}
