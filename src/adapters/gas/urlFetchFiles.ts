/**
 * FileFetcher over UrlFetchApp: one GET per link with muteHttpExceptions (a 404 is an answer, not an exception),
 * the Content-Type and Content-Disposition headers read case-insensitively, and transport failures (DNS, timeout,
 * a response over Apps Script's 50 MB limit) turned into the platform's message. Scope: script.external_request.
 */
import type { FetchOutcome, FileFetcher } from '../../ports/files';

export class UrlFetchFiles implements FileFetcher {
  fetch(url: string): FetchOutcome {
    let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
    try {
      response = UrlFetchApp.fetch(url, { method: 'get', muteHttpExceptions: true, followRedirects: true });
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    const headers = response.getHeaders() as Record<string, string>;
    const header = (name: string): string => {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
      return key ? String(headers[key]) : '';
    };
    const contentType = header('content-type').split(';')[0].trim().toLowerCase();
    const disposition = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header('content-disposition'))?.[1];
    const fromPath = safeDecode(/^https?:\/\/[^/?#]+\/(?:[^?#]*\/)?([^/?#]*)/i.exec(url)?.[1] ?? '');
    return {
      ok: true,
      file: {
        status: response.getResponseCode(),
        contentType,
        fileName: (disposition ?? fromPath).trim(),
        bytes: Array.from(response.getContent()),
      },
    };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
