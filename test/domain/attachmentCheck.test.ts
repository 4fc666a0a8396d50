/** The sentences for attachment links that cannot be attached, and the file name and type of those that can. */
import { checkAttachment, MAX_ATTACHMENT_BYTES, unreachableAttachment } from '../../src/domain/attachmentCheck';

const url = 'https://files.example.com/a/agenda.pdf';
const ok = { status: 200, contentType: 'application/pdf', fileName: 'agenda.pdf', size: 10 };

describe('checkAttachment', () => {
  it('accepts a file, completing a missing name and type', () => {
    expect(checkAttachment(url, ok)).toEqual({ fileName: 'agenda.pdf', contentType: 'application/pdf' });
    expect(checkAttachment(url, { ...ok, fileName: '', contentType: '' })).toEqual({
      fileName: 'attachment',
      contentType: 'application/octet-stream',
    });
  });

  it.each([
    [{ status: 404 }, 'was not found (HTTP 404); check the link points to the file.'],
    [{ status: 403 }, 'needs a sign-in (HTTP 403)'],
    [{ status: 503 }, 'answered HTTP 503 instead of the file'],
    [{ contentType: 'text/html' }, 'returned a web page, not a file'],
    [{ size: 0 }, 'returned an empty file'],
    [{ size: MAX_ATTACHMENT_BYTES + 1 }, 'is 51 MB; the add-on can attach files up to 50 MB'],
    [{ fileName: 'setup.exe' }, 'is a .exe file, a type Google Chat blocks'],
  ])('%j → a sentence naming the column and the link', (change, text) => {
    const r = checkAttachment(url, { ...ok, ...change });
    expect(r.problem).toContain(`Attachment "${url}" `);
    expect(r.problem).toContain(text);
  });

  it('explains links that cannot be fetched', () => {
    expect(unreachableAttachment(url, 'DNS error: https://files.example.com/a/agenda.pdf')).toContain(
      'could not be downloaded (DNS error',
    );
    expect(unreachableAttachment(url, 'Exception: Response size exceeded the 50 MB limit')).toContain(
      'larger than the 50 MB Apps Script can download',
    );
    expect(unreachableAttachment(url, 'Request failed because the URL is not in the urlFetchWhitelist')).toContain(
      'on a site the add-on may not download from',
    );
  });
});
