/**
 * Advanced services: installed under the manifest's userSymbol when the manifest enables the serviceId/version and
 * a binding exists; the AdvancedServiceRuntime routes requests to the API host as the executing user, counts them
 * by method id, advances the clock, enforces the deadline, and builds errors and values in the script's realm.
 */
import type { AdvancedServiceBinding, AdvancedServiceRuntime } from '../../../emulator/core/api';
import { FakeHost, makeRuntime, manifest } from './helpers';

/** A tiny facade: Demo.get(id) → GET https://api.example.com/items/{id}, throwing like Apps Script on errors. */
const demoBinding: AdvancedServiceBinding = {
  serviceId: 'demo',
  version: 'v1',
  create(rt: AdvancedServiceRuntime) {
    return {
      get(id: string) {
        const out = rt.send({ method: 'GET', url: `https://api.example.com/items/${id}`, headers: {} });
        const status = out.response?.status ?? 0;
        if (status >= 400) {
          throw rt.makeError('API call to demo.items.get failed with error: Not Found', {
            name: 'GoogleJsonResponseException',
            details: { code: status, message: 'Not Found' },
          });
        }
        return rt.toScript(JSON.parse(String(out.response?.body)));
      },
      upload(blob: unknown) {
        return rt.readBlob(blob)?.contentType;
      },
      caller: () => rt.toScript({ ...rt.caller }),
    };
  },
};

const enabled = manifest({
  dependencies: { enabledAdvancedServices: [{ serviceId: 'demo', userSymbol: 'Demo', version: 'v1' }] },
});
const code = `
  function get(id) { var r = Demo.get(id); return [r, r instanceof Object, Object.getPrototypeOf(r) === Object.prototype]; }
  function fail() { try { Demo.get('missing'); } catch (e) { return [e.name, e.message, e.details.code, e instanceof Error]; } }
  function present() { return typeof Demo; }
  function upload() { return Demo.upload(Utilities.newBlob('x', 'text/csv')); }
  function caller() { return Demo.caller(); }
  function slow() { Demo.get('1'); Demo.get('2'); }`;

function setup(options: { latency?: number } = {}) {
  const host = new FakeHost(['api.example.com'], (call) =>
    call.request.url.endsWith('/missing')
      ? { status: 404, body: '{}', methodId: 'demo.items.get' }
      : { body: '{"id":"1","tags":["a"]}', latencyMs: options.latency ?? 120, methodId: 'demo.items.get' },
  );
  const rt = makeRuntime(code, { manifest: enabled, advancedServices: [demoBinding] });
  rt.addApiHost(host);
  return { rt, host };
}

describe('advanced services', () => {
  test('installed under the userSymbol; values come back as script-realm objects; calls counted by method id', () => {
    const { rt, host } = setup();
    const r = rt.run('get', '1');
    expect(r.returned).toEqual([{ id: '1', tags: ['a'] }, true, true]);
    expect(r.apiCalls).toEqual({ 'demo.items.get': 1 });
    expect(r.virtualMs).toBe(120);
    expect(host.calls[0]).toMatchObject({ path: 'advanced-service', caller: { email: 'admin@example.com' } });
  });

  test('Q4: errors are built in the script realm with their name and properties', () => {
    const { rt } = setup();
    expect(rt.run('fail').returned).toEqual([
      'GoogleJsonResponseException',
      'API call to demo.items.get failed with error: Not Found',
      404,
      true,
    ]);
  });

  test('a service the manifest enables but no binding provides is absent; a binding the manifest does not enable too', () => {
    const noBinding = makeRuntime(code, { manifest: enabled });
    expect(noBinding.run('present').returned).toBe('undefined');
    const notEnabled = makeRuntime(code, { advancedServices: [demoBinding] });
    expect(notEnabled.run('present').returned).toBe('undefined');
  });

  test('readBlob reads Blobs passed by the script; the caller carries the manifest scopes', () => {
    const { rt } = setup();
    expect(rt.run('upload').returned).toBe('text/csv');
    expect(rt.run('caller').returned).toEqual({ email: 'admin@example.com', scopes: enabled.oauthScopes });
  });

  test('the deadline applies to advanced-service calls', () => {
    const { rt } = setup({ latency: 20_000 });
    const r = rt.execute('slow', { kind: 'card-callback' });
    expect(r.error?.message).toBe('Exceeded maximum execution time');
    expect(r.virtualMs).toBe(30_000);
  });
});
