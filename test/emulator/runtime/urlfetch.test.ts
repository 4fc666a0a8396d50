/**
 * UrlFetchApp routed to API hosts: request shape, responses, the platform's failure texts (OBSERVED), fetchAll
 * concurrency on the virtual clock (open-questions Q7: the clock advances by the slowest request, not the sum).
 */
import { FakeHost, makeRuntime } from './helpers';

const code = `
  function get(url, params) {
    var r = UrlFetchApp.fetch(url, params);
    return [r.getResponseCode(), r.getContentText(), r.getHeaders()['Content-Type'], r.getBlob().getContentType(), r.getContent().length];
  }
  function all(urls) { return UrlFetchApp.fetchAll(urls).map(function (r) { return r.getResponseCode(); }); }
  function req(url, params) { return UrlFetchApp.getRequest(url, params); }`;

function setup(respond?: ConstructorParameters<typeof FakeHost>[1]) {
  const host = new FakeHost(['api.example.com'], respond);
  const rt = makeRuntime(code);
  rt.addApiHost(host);
  return { rt, host };
}

describe('UrlFetchApp', () => {
  test('routes by host, returns the response, advances the clock by the latency, counts by method id', () => {
    const { rt, host } = setup(() => ({ body: '{"ok":true}', latencyMs: 250, methodId: 'example.items.get' }));
    const r = rt.run('get', 'https://api.example.com/v1/items?x=1');
    expect(r.returned).toEqual([200, '{"ok":true}', 'application/json; charset=UTF-8', 'application/json', 11]);
    expect(r.virtualMs).toBe(250);
    expect(r.apiCalls).toEqual({ 'example.items.get': 1 });
    expect(host.calls[0].request).toMatchObject({ method: 'GET', url: 'https://api.example.com/v1/items?x=1' });
    expect(host.calls[0].path).toBe('urlfetch');
  });

  test('DOC: method, headers, contentType and payload (string, object form-encoded, Blob bytes)', () => {
    const { rt, host } = setup();
    rt.run('get', 'https://api.example.com/a', {
      method: 'post',
      payload: '{"a":1}',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer t' },
    });
    rt.run('get', 'https://api.example.com/b', { method: 'put', payload: { q: 'a b', n: 1 } });
    const blobRun = makeRuntime(`function f() {
      UrlFetchApp.fetch('https://api.example.com/c', { method: 'post', payload: Utilities.newBlob([1, 2, -1], 'image/png', 'x.png') });
    }`);
    blobRun.addApiHost(host);
    blobRun.run('f');
    expect(host.calls[0].request).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: expect.objectContaining({ authorization: 'Bearer t', 'content-type': 'application/json' }),
    });
    expect(host.calls[1].request).toMatchObject({
      method: 'PUT',
      body: 'q=a%20b&n=1',
      headers: expect.objectContaining({ 'content-type': 'application/x-www-form-urlencoded' }),
    });
    expect(Array.from(host.calls[2].request.body as Uint8Array)).toEqual([1, 2, 255]);
    expect(host.calls[2].request.headers['content-type']).toBe('image/png');
  });

  test('OBSERVED: a non-2xx status throws "Request failed for <origin> returned code N. Truncated server response: …"', () => {
    const body = JSON.stringify(
      { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
      null,
      2,
    );
    const { rt } = setup(() => ({ status: 404, body }));
    const r = rt.run('get', 'https://api.example.com/v1/spaces/AAA');
    expect(r.error?.message).toBe(
      `Request failed for https://api.example.com returned code 404. Truncated server response: ${body} (use muteHttpExceptions option to examine full response)`,
    );
  });

  test('OBSERVED: long responses are cut after 147 characters with "..."', () => {
    const body = 'x'.repeat(300);
    const { rt } = setup(() => ({ status: 500, body }));
    expect(rt.run('get', 'https://api.example.com/z').error?.message).toBe(
      `Request failed for https://api.example.com returned code 500. Truncated server response: ${'x'.repeat(147)}... (use muteHttpExceptions option to examine full response)`,
    );
  });

  test('DOC: muteHttpExceptions returns the error response instead', () => {
    const { rt } = setup(() => ({ status: 429, body: '{"error":{}}' }));
    expect((rt.run('get', 'https://api.example.com/z', { muteHttpExceptions: true }).returned as unknown[])[0]).toBe(
      429,
    );
  });

  test('OBSERVED: unknown host → "DNS error: <url>"; transport errors → "Timeout: <url>" / "Address unavailable: <url>"', () => {
    const { rt } = setup((call) =>
      call.request.url.endsWith('/slow')
        ? { transportError: { kind: 'timeout', message: 'x' }, latencyMs: 60_000 }
        : { transportError: { kind: 'connection-reset', message: 'x' } },
    );
    expect(rt.run('get', 'https://nowhere.example.net/a').error?.message).toBe(
      'DNS error: https://nowhere.example.net/a',
    );
    const slow = rt.run('get', 'https://api.example.com/slow');
    expect(slow.error?.message).toBe('Timeout: https://api.example.com/slow');
    expect(slow.virtualMs).toBe(60_000);
    expect(rt.run('get', 'https://api.example.com/reset').error?.message).toBe(
      'Address unavailable: https://api.example.com/reset',
    );
  });

  test('Q7: fetchAll sends requests together; the clock advances by the slowest, results in request order', () => {
    const latencies: Record<string, number> = { '/a': 300, '/b': 1200, '/c': 500 };
    const { rt, host } = setup((call) => ({
      latencyMs: latencies[new URL(call.request.url).pathname],
      status: call.request.url.endsWith('/c') ? 201 : 200,
    }));
    const r = rt.run('all', [
      'https://api.example.com/a',
      { url: 'https://api.example.com/b', method: 'post', payload: 'x' },
      'https://api.example.com/c',
    ]);
    expect(r.returned).toEqual([200, 200, 201]);
    expect(r.virtualMs).toBe(1200);
    expect(new Set(host.calls.map((c) => c.now)).size).toBe(1);
    expect(r.serviceCalls['UrlFetchApp.fetchAll']).toBe(1);
  });

  test('UNCONFIRMED option fetchAllConcurrency caps requests in flight (batches add up)', () => {
    const host = new FakeHost(['api.example.com'], () => ({ latencyMs: 100 }));
    const rt = makeRuntime(code, { behaviour: { fetchAllConcurrency: 2 } });
    rt.addApiHost(host);
    expect(
      rt.run(
        'all',
        Array.from({ length: 5 }, (_, i) => `https://api.example.com/${i}`),
      ).virtualMs,
    ).toBe(300);
  });

  test('fetchAll throws the first failure (in order) after every request was sent', () => {
    const { rt, host } = setup((call) => ({ status: call.request.url.endsWith('/bad') ? 403 : 200, body: 'no' }));
    const r = rt.run('all', [
      'https://api.example.com/ok',
      'https://api.example.com/bad',
      'https://api.example.com/ok2',
    ]);
    expect(r.error?.message).toMatch(/^Request failed for https:\/\/api\.example\.com returned code 403\./);
    expect(host.calls).toHaveLength(3);
  });

  test('getRequest shows the request without sending it', () => {
    const { rt, host } = setup();
    const r = rt.run('req', 'https://api.example.com/x', { method: 'post', payload: 'a=1' });
    expect(r.returned).toMatchObject({
      url: 'https://api.example.com/x',
      method: 'post',
      payload: 'a=1',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(host.calls).toHaveLength(0);
  });

  test('OBSERVED (weak): URLs over 2 KB are refused', () => {
    const { rt } = setup();
    expect(rt.run('get', 'https://api.example.com/' + 'a'.repeat(2100)).error?.message).toBe(
      'Limit Exceeded: URLFetch URL Length.',
    );
  });
});
