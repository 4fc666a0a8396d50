/**
 * Drives the stand-alone server with Google's own Node client (`@googleapis/chat` v45) pointed at it with `rootUrl`
 * and `Authorization: Bearer user:<email>`: setup with members, list with pagination, post, react, patch with a mask,
 * upload and download an attachment, delete — and checks Google-shaped responses and GaxiosErrors. This is the
 * "run the suite over HTTP with the real client" anchor (emulator-anchors B4). Also covers the control endpoints.
 * API responses are untyped JSON, read here as `Record<string, any>`.
 */
import { chat, type chat_v1 } from '@googleapis/chat';
import { parseArgs, parseDuration, startServer, type RunningServer } from '../../../emulator/cli/server';

/**
 * Client options for running under Jest: gaxios loads node-fetch with a dynamic import(), which Jest's VM refuses
 * without --experimental-vm-modules, so hand it Node's built-in fetch; no retries, no proxy for localhost.
 */
const CLIENT_OPTIONS = { retry: false, fetchImplementation: fetch, noProxy: ['localhost', '127.0.0.1'] };

interface GaxiosLike {
  constructor: { name: string };
  status?: number;
  message: string;
  response?: { data?: { error?: { code: number; status: string; message: string } } };
}

async function expectGaxios(p: Promise<unknown>, status: number, rpc: string): Promise<GaxiosLike> {
  try {
    await p;
  } catch (e) {
    const err = e as GaxiosLike;
    expect(err.constructor.name).toBe('GaxiosError');
    expect(err.status).toBe(status);
    expect(err.response?.data?.error).toMatchObject({ code: status, status: rpc });
    return err;
  }
  throw new Error(`expected a GaxiosError ${status}`);
}

describe('stand-alone server with @googleapis/chat', () => {
  let server: RunningServer;
  let client: chat_v1.Chat;
  const call = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<Record<string, any>> => {
    const res = await fetch(server.url + path.replace(/^\//, ''), {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return (await res.json()) as Record<string, any>;
  };
  const advance = (advanceBy: string) => call('/__emulator/clock', { method: 'POST', body: { advanceBy } });

  beforeAll(async () => {
    server = await startServer({
      quiet: true,
      directory: { users: [{ email: 'shy@example.com', autoAccept: false }] },
    });
    client = chat({
      version: 'v1',
      rootUrl: server.url,
      headers: { Authorization: 'Bearer user:admin@example.com' },
      ...CLIENT_OPTIONS,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('[documented: discovery + @googleapis/chat] a full flow gets Google-shaped responses', async () => {
    const members = ['bob', 'carol', 'dave', 'shy'].map((n) => ({
      member: { name: `users/${n}@example.com`, type: 'HUMAN' },
    }));
    const setup = await client.spaces.setup({
      requestBody: {
        space: { spaceType: 'SPACE', displayName: 'Node client' },
        memberships: members,
        requestId: 'node-1',
      },
    });
    expect(setup.status).toBe(200);
    const space = setup.data.name as string;
    expect(space).toMatch(/^spaces\/AAAA/);
    expect((setup.headers as unknown as Record<string, string>)['content-type']).toMatch(/application\/json/);

    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await client.spaces.members.list({ parent: space, pageSize: 2, pageToken, showInvited: true });
      seen.push(...(page.data.memberships ?? []).map((m) => m.name as string));
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(new Set(seen).size).toBe(5);

    await advance('PT1S');
    const msg = await client.spaces.messages.create({
      parent: space,
      messageId: 'client-node-1',
      requestBody: { text: 'Hello from Node' },
    });
    expect(msg.data.clientAssignedMessageId).toBe('client-node-1');
    const reaction = await client.spaces.messages.reactions.create({
      parent: msg.data.name as string,
      requestBody: { emoji: { unicode: '🚀' } },
    });
    expect(reaction.data.emoji?.unicode).toBe('🚀');
    await advance('PT1S');
    const patched = await client.spaces.messages.patch({
      name: `${space}/messages/client-node-1`,
      updateMask: 'text',
      requestBody: { text: 'Edited' },
    });
    expect(patched.data.text).toBe('Edited');

    await advance('PT1S');
    const up = await client.media.upload(
      { parent: space, requestBody: { filename: 'hello.txt' }, media: { mimeType: 'text/plain', body: 'file body' } },
      { rootUrl: server.url }, // the client builds mediaUrl from the method options' rootUrl only
    );
    const token = up.data.attachmentDataRef?.attachmentUploadToken as string;
    await advance('PT1S');
    const withFile = await client.spaces.messages.create({
      parent: space,
      requestBody: { text: 'file', attachment: [{ attachmentDataRef: { attachmentUploadToken: token } }] },
    });
    const resourceName = withFile.data.attachment?.[0]?.attachmentDataRef?.resourceName as string;
    const dl = await client.media.download({ resourceName, alt: 'media' }, { responseType: 'text' });
    expect(dl.data).toBe('file body');

    const list = await client.spaces.messages.list({ parent: space, orderBy: 'create_time DESC', pageSize: 1 });
    expect(list.data.messages?.[0]?.text).toBe('file');
    expect(list.data.nextPageToken).toBeDefined();

    await advance('PT1S');
    const deleted = await client.spaces.delete({ name: space });
    expect(deleted.status).toBe(200);
    expect(deleted.data).toEqual({});
  });

  it('[documented: facts §3.4] errors arrive as GaxiosError with Google’s error body', async () => {
    await expectGaxios(client.spaces.get({ name: 'spaces/AAAAmissing' }), 404, 'NOT_FOUND');
    await client.spaces.setup({ requestBody: { space: { spaceType: 'SPACE', displayName: 'Taken' } } });
    const taken = await expectGaxios(
      client.spaces.create({ requestBody: { spaceType: 'SPACE', displayName: 'Taken' } }),
      409,
      'ALREADY_EXISTS',
    );
    expect(taken.message).toMatch(/display name/);
    await expectGaxios(client.spaces.list({ pageSize: -5 }), 400, 'INVALID_ARGUMENT');
    const anon = chat({ version: 'v1', rootUrl: server.url, ...CLIENT_OPTIONS });
    await expectGaxios(anon.spaces.list({}), 401, 'UNAUTHENTICATED');
  });

  it('[emulator-only] control endpoints: state, requests, stats, clock, seed, load, reset, discovery', async () => {
    const state = await call('/__emulator/state');
    expect(state.format).toBe('chat-emulator-state');
    const requests = await call('/__emulator/requests');
    expect(requests.requests.length).toBeGreaterThan(5);
    expect(requests.requests[0]).toMatchObject({ callPath: 'http-server' });
    const stats = await call('/__emulator/stats');
    expect(stats.byMethod['chat.spaces.setup'].count).toBeGreaterThan(0);
    const before = (await call('/__emulator/clock')).epochMs as number;
    const after = (await advance('PT5M')).epochMs as number;
    expect(after - before).toBeGreaterThanOrEqual(300_000);
    await call('/__emulator/seed', {
      method: 'POST',
      body: { spaces: [{ displayName: 'Seeded via HTTP', members: [{ email: 'admin@example.com' }] }] },
    });
    const spaces = await client.spaces.list({});
    expect(spaces.data.spaces?.map((s) => s.displayName)).toEqual(['Seeded via HTTP']);
    await call('/__emulator/load', { method: 'POST', body: state });
    expect((await call('/__emulator/state')).spaces.length).toBe(state.spaces.length);
    await call('/__emulator/reset', { method: 'POST' }); // back to the seeded directory
    expect((await client.spaces.list({})).data.spaces?.map((s) => s.displayName)).toEqual(['Seeded via HTTP']);
    await call('/__emulator/seed', { method: 'POST', body: {} });
    expect((await client.spaces.list({})).data).toEqual({});
    expect(
      (await call('/__emulator/faults', { method: 'POST', body: { spec: 'transient=0.5' } })).faults.transient,
    ).toBe(0.5);
    await call('/__emulator/faults', { method: 'POST', body: { spec: 'none' } });
    const discovery = await call('/$discovery/rest?version=v1');
    expect(discovery.revision).toBe('20250417');
    expect((await call('/__emulator/nope')).error.code).toBe(404);
    expect((await call('/__emulator/clock', { method: 'POST', body: { advanceBy: 'soon' } })).error.code).toBe(400);
  });

  it('[emulator-only] CLI arguments and durations', () => {
    expect(parseArgs(['--port', '9000', '--seed', '3', '--faults', 'transient=0.1', '--sleep'])).toEqual({
      port: 9000,
      seed: 3,
      faults: 'transient=0.1',
      sleep: true,
    });
    expect(() => parseArgs(['--faults', 'x=1'])).toThrow(/Unknown fault spec key/);
    expect(() => parseArgs(['--what'])).toThrow(/Unknown argument/);
    expect(parseDuration('PT5M')).toBe(300_000);
    expect(parseDuration('P1DT1H')).toBe(90_000_000);
    expect(parseDuration('PT0.5S')).toBe(500);
    expect(parseDuration(1234)).toBe(1234);
    expect(() => parseDuration('P')).toThrow();
  });
});
