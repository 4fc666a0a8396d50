/**
 * DriveFiles over the Drive REST API v3 through UrlFetchApp and the user's OAuth token: `files.create` of a folder
 * (metadata only) and `files.create` with `uploadType=multipart` (JSON metadata part, then the bytes), as described
 * in https://developers.google.com/drive/api/reference/rest/v3/files/create. The `drive.file` scope allows both:
 * the add-on only ever touches files it created. DriveApp would need the full `drive` scope.
 *
 * Scopes: drive.file, script.external_request.
 */
import type { DriveFiles, DriveItem } from '../../ports/drive';

const FILES = 'https://www.googleapis.com/drive/v3/files';
const UPLOAD = 'https://www.googleapis.com/upload/drive/v3/files';
const FOLDER_MIME = 'application/vnd.google-apps.folder';

export class GasDriveFiles implements DriveFiles {
  /** Creates a folder in My Drive. Scope: drive.file. */
  createFolder(name: string): DriveItem {
    const response = UrlFetchApp.fetch(`${FILES}?fields=id,webViewLink`, {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
      payload: JSON.stringify({ name, mimeType: FOLDER_MIME }),
      muteHttpExceptions: true,
    });
    return parse(response, `create the Drive folder "${name}"`);
  }

  /** Uploads a file into a folder the add-on created (multipart upload). Scope: drive.file. */
  upload(folderId: string, file: { name: string; contentType: string; bytes: number[] }): DriveItem {
    const boundary = `chat-spaces-${Date.now().toString(36)}`;
    const meta = JSON.stringify({ name: file.name, parents: [folderId] });
    const head =
      `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${meta}\r\n` +
      `--${boundary}\r\nContent-Type: ${file.contentType || 'application/octet-stream'}\r\n\r\n`;
    const tail = `\r\n--${boundary}--`;
    // concat, not spread: a spread of a large file's bytes would overflow the call stack.
    const payload = Utilities.newBlob(head).getBytes().concat(file.bytes, Utilities.newBlob(tail).getBytes());
    const response = UrlFetchApp.fetch(`${UPLOAD}?uploadType=multipart&fields=id,webViewLink`, {
      method: 'post',
      contentType: `multipart/related; boundary=${boundary}`,
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` },
      payload,
      muteHttpExceptions: true,
    });
    return parse(response, `save ${file.name} to Drive`);
  }
}

function parse(response: GoogleAppsScript.URL_Fetch.HTTPResponse, action: string): DriveItem {
  const code = response.getResponseCode();
  let body: { id?: string; webViewLink?: string; error?: { message?: string } } = {};
  try {
    body = JSON.parse(response.getContentText()) as typeof body;
  } catch {
    // Not JSON: reported below with the status code.
  }
  if (code >= 200 && code < 300 && body.id) return { id: body.id, url: body.webViewLink ?? '' };
  const why = body.error?.message ?? `HTTP ${code}`;
  throw new Error(`Could not ${action}: ${why}`);
}
