/**
 * The Drive API v3 files.create fake behind UrlFetchApp (https://developers.google.com/drive/api/reference/rest/v3/files/create):
 * a folder from metadata, a multipart upload into it, Drive's default response fields and `fields`, and the
 * scope rules — drive.file is enough for files the app creates, a parent the app did not create is not found,
 * no Drive scope is 403, no token is 401 — while DriveApp itself still needs the full drive scope.
 */
import { makeRuntime, manifest, SCOPES } from './helpers';

const code = `
  function call(url, payload, contentType, token) {
    var r = UrlFetchApp.fetch(url, {
      method: 'post', contentType: contentType, payload: payload, muteHttpExceptions: true,
      headers: token === false ? {} : { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() },
    });
    return [r.getResponseCode(), JSON.parse(r.getContentText())];
  }
  function folder(name) {
    return call('https://www.googleapis.com/drive/v3/files?fields=id,name,mimeType,webViewLink',
      JSON.stringify({ name: name, mimeType: 'application/vnd.google-apps.folder' }), 'application/json');
  }
  function upload(parent, name, text) {
    var head = '--xx\\r\\nContent-Type: application/json\\r\\n\\r\\n' + JSON.stringify({ name: name, parents: [parent] }) +
      '\\r\\n--xx\\r\\nContent-Type: text/plain\\r\\n\\r\\n';
    var bytes = Utilities.newBlob(head).getBytes().concat(Utilities.newBlob(text).getBytes(), Utilities.newBlob('\\r\\n--xx--').getBytes());
    return call('https://www.googleapis.com/upload/drive/v3/files?uploadType=multipart', bytes, 'multipart/related; boundary=xx');
  }
  function anonymous() { return call('https://www.googleapis.com/drive/v3/files', '{}', 'application/json', false); }
  function driveApp() { return DriveApp.createFolder('x').getId(); }`;

const withScopes = (extra: string[]) =>
  makeRuntime(code, {
    manifest: manifest({
      oauthScopes: [SCOPES.currentOnly, SCOPES.ui, SCOPES.external, SCOPES.scriptapp, ...extra],
      urlFetchWhitelist: undefined,
    }),
  });

describe('Drive v3 files.create through UrlFetchApp', () => {
  test('drive.file: a folder, then a multipart upload into it, both in the emulated Drive', () => {
    const rt = withScopes([SCOPES.driveFile]);
    const f = rt.run('folder', 'Exports');
    expect(f.error).toBeUndefined();
    const [status, body] = f.returned as [number, Record<string, string>];
    expect(status).toBe(200);
    expect(body).toEqual({
      id: expect.any(String),
      name: 'Exports',
      mimeType: 'application/vnd.google-apps.folder',
      webViewLink: `https://drive.google.com/drive/folders/${body.id}`,
    });
    expect(f.apiCalls).toEqual({ 'drive.files.create': 1 });
    const u = rt.run('upload', body.id, 'notes.txt', 'hello');
    const [uStatus, file] = u.returned as [number, Record<string, string>];
    expect(uStatus).toBe(200);
    // Default fields of files.create: kind, id, name, mimeType.
    expect(file).toEqual({ kind: 'drive#file', id: expect.any(String), name: 'notes.txt', mimeType: 'text/plain' });
    const stored = rt.drive.files.get(file.id);
    expect(stored?.parentId).toBe(body.id);
    expect(Buffer.from(stored?.bytes ?? []).toString('utf8')).toBe('hello');
  });

  test('drive.file cannot see a folder the app did not create; no Drive scope is 403; no token is 401', () => {
    const rt = withScopes([SCOPES.driveFile]);
    rt.drive.folders.set('someone-elses', {
      id: 'someone-elses',
      name: 'Theirs',
      parentId: 'root',
      trashed: false,
      owner: 'admin@example.com',
    });
    const [status, body] = rt.run('upload', 'someone-elses', 'a.txt', 'x').returned as [
      number,
      { error: { message: string; errors: { reason: string }[] } },
    ];
    expect(status).toBe(404);
    expect(body.error.message).toBe('File not found: someone-elses.');
    expect(body.error.errors[0].reason).toBe('notFound');

    const noDrive = withScopes([]);
    expect((noDrive.run('folder', 'x').returned as [number])[0]).toBe(403);
    expect((rt.run('anonymous').returned as [number])[0]).toBe(401);
  });

  test('DriveApp still needs the full drive scope under drive.file', () => {
    const rt = withScopes([SCOPES.driveFile]);
    expect(rt.run('driveApp').error?.message).toContain(
      'Specified permissions are not sufficient to call DriveApp.createFolder',
    );
  });
});
