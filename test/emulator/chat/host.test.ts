/**
 * The host pipeline: discovery-driven routing (unknown URL → Google's HTML 404; implemented-or-501), authentication
 * (401 shapes), scope evaluation (403 ACCESS_TOKEN_SCOPE_INSUFFICIENT), query and body validation against the
 * discovery document, standard parameters (`fields`, `prettyPrint`, `access_token`), the Chat-app-configured check,
 * Cloud Identity groups:lookup, the request log, and the advanced-service facade's shape and errors.
 * API responses are untyped JSON, read here as `Record<string, any>`.
 */
import { VirtualClock } from '../../../emulator/core/clock';
import { ChatEmulator } from '../../../emulator/chat/index';
import { harness, ok, TestRuntime, USER_SCOPES } from './harness';

describe('host pipeline', () => {
  it('[documented: emulator-anchors A2] every discovery method routes to a handler', () => {
    const h = harness();
    expect(h.emu.methods).toHaveLength(37);
    const res = h.rest('GET', '/v1/spaces/AAAAunknown1');
    expect(res.outcome.methodId).toBe('chat.spaces.get');
    expect(h.rest('GET', '/v1/spaces:findDirectMessage?name=users/x@example.com').outcome.methodId).toBe(
      'chat.spaces.findDirectMessage',
    );
    expect(h.rest('POST', '/v1/spaces:setup', { body: {} }).outcome.methodId).toBe('chat.spaces.setup');
    expect(h.rest('GET', '/v1/users/me/spaces/AAA/spaceReadState').outcome.methodId).toBe(
      'chat.users.spaces.getSpaceReadState',
    );
  });

  it('[observed: Google front end] an unknown path answers Google’s HTML 404, not JSON', () => {
    const h = harness();
    for (const [verb, path] of [
      ['GET', '/v1/nonsense'],
      ['GET', '/v2/spaces'],
      ['POST', '/v1/spaces/AAA/members/x'],
      ['GET', '/v1/spaces:findGroupChats'],
    ] as const) {
      const res = h.rest(verb, path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('was not found on this server');
    }
  });

  it('[documented: emulator-anchors A3] a matched method the emulator does not implement answers 501 UNIMPLEMENTED', () => {
    const h = harness({ behaviour: { unimplemented: ['chat.spaces.list'] } });
    const res = h.rest('GET', '/v1/spaces');
    expect(res.status).toBe(501);
    expect(res.json.error).toMatchObject({ code: 501, status: 'UNIMPLEMENTED' });
    expect(res.json.error.message).toContain('chat.spaces.list');
    expect(h.emu.stats().status501).toBe(1);
  });

  it('[observed: Google APIs] missing or invalid credentials answer 401 UNAUTHENTICATED with ErrorInfo', () => {
    const h = harness();
    const missing = h.rest('GET', '/v1/spaces', { auth: false });
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    expect(missing.json.error.details[0]).toMatchObject({ reason: 'CREDENTIALS_MISSING' });
    expect(missing.headers['www-authenticate']).toBeDefined();
    const invalid = h.rest('GET', '/v1/spaces', { auth: false, headers: { authorization: 'Bearer not-a-token' } });
    expect(invalid.status).toBe(401);
    expect(invalid.json.error.message).toMatch(/^Request had invalid authentication credentials/);
    const userToken = h.rest('GET', '/v1/spaces', {
      auth: false,
      headers: { authorization: 'Bearer user:bob@example.com' },
    });
    expect(userToken.status).toBe(200);
  });

  it('[observed: analogdotnow/Analog#296] a token without any accepted scope is 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT', () => {
    const h = harness();
    const res = h.rest('GET', '/v1/spaces', { scopes: ['https://www.googleapis.com/auth/chat.messages'] });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      code: 403,
      status: 'PERMISSION_DENIED',
      message: 'Request had insufficient authentication scopes.',
    });
    expect(res.json.error.details[0]).toMatchObject({
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      metadata: { service: 'chat.googleapis.com', method: 'google.chat.v1.ChatService.ListSpaces' },
    });
    expect(h.emu.requestLog.at(-1)?.scopes).toMatchObject({ matched: [] });
  });

  it('[documented: facts §1.5] app scopes never authorise a user; admin scopes only with useAdminAccess', () => {
    const h = harness();
    const bot = h.rest('GET', '/v1/spaces', { scopes: ['https://www.googleapis.com/auth/chat.bot'] });
    expect(bot.status).toBe(403);
    const admin = h.rest('GET', '/v1/spaces/AAA', { scopes: ['https://www.googleapis.com/auth/chat.admin.spaces'] });
    expect(admin.status).toBe(403);
    const withAdmin = h.rest('GET', '/v1/spaces/AAAAnothing?useAdminAccess=true', {
      scopes: ['https://www.googleapis.com/auth/chat.admin.spaces'],
    });
    expect(withAdmin.status).toBe(404); // authorised, then the space is missing
  });

  it('[observed: ESF] unknown and badly typed query parameters are INVALID_ARGUMENT', () => {
    const h = harness();
    const unknown = h.rest('GET', '/v1/spaces?foo=1');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toBe(
      'Invalid JSON payload received. Unknown name "foo": Cannot bind query parameter. Field \'foo\' could not be found in request message.',
    );
    const typed = h.rest('GET', '/v1/spaces?pageSize=ten');
    expect(typed.status).toBe(400);
    expect(typed.json.error.message).toBe('Invalid value at \'page_size\' (TYPE_INT32), "ten"');
    expect(h.rest('GET', '/v1/spaces?useAdminAccess=maybe').status).toBe(400);
    // Standard parameters are accepted everywhere.
    expect(h.rest('GET', '/v1/spaces?alt=json&prettyPrint=false&quotaUser=x&%24.xgafv=2').status).toBe(200);
  });

  it('[observed: ESF] bodies: proto names accepted, unknown fields, wrong types, enums and malformed JSON rejected', () => {
    const h = harness();
    const snakeCase = h.rest('POST', '/v1/spaces:setup', {
      body: { space: { space_type: 'SPACE', display_name: 'Snake' } },
    });
    expect(snakeCase.status).toBe(200);
    expect(snakeCase.json.displayName).toBe('Snake');
    const top = h.rest('POST', '/v1/spaces:setup', {
      body: { space: { spaceType: 'SPACE', displayName: 'X' }, bogus: true },
    });
    expect(top.json.error.message).toBe('Invalid JSON payload received. Unknown name "bogus": Cannot find field.');
    const nested = h.rest('POST', '/v1/spaces:setup', {
      body: { space: { spaceType: 'SPACE', displayName: 'X', spaceDetails: { rules: 'x' } } },
    });
    expect(nested.json.error.message).toBe(
      'Invalid JSON payload received. Unknown name "rules" at \'space.space_details\': Cannot find field.',
    );
    const wrongType = h.rest('POST', '/v1/spaces', {
      body: { spaceType: 'SPACE', displayName: 'X', externalUserAllowed: 'yes' },
    });
    expect(wrongType.json.error.message).toBe('Invalid value at \'space.external_user_allowed\' (TYPE_BOOL), "yes"');
    const badEnum = h.rest('POST', '/v1/spaces', { body: { spaceType: 'ROOM', displayName: 'X' } });
    expect(badEnum.json.error.message).toMatch(
      /^Invalid value at 'space.space_type' \(type\.googleapis\.com\/google\.chat\.v1\.Space\.SpaceType\), "ROOM"$/,
    );
    const arrayIndex = h.rest('POST', '/v1/spaces:setup', {
      body: {
        space: { spaceType: 'SPACE', displayName: 'Y' },
        memberships: [{ member: { name: 'users/a@example.com', type: 'ALIEN' } }],
      },
    });
    expect(arrayIndex.json.error.message).toMatch(/'memberships\[0\]\.member\.type'/);
    const malformed = h.rest('POST', '/v1/spaces', { body: '{"spaceType": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.message).toMatch(/^Invalid JSON payload received/);
  });

  it('[documented: discovery parameters] fields selects a partial response; prettyPrint=false compacts it', () => {
    const h = harness();
    h.rest('POST', '/v1/spaces:setup', { body: { space: { spaceType: 'SPACE', displayName: 'Fields' } } });
    const res = h.rest('GET', '/v1/spaces?fields=spaces(name,displayName),nextPageToken&prettyPrint=false');
    expect(res.json.spaces[0]).toEqual({ name: expect.any(String), displayName: 'Fields' });
    expect(res.text).not.toContain('\n');
    expect(h.rest('GET', '/v1/spaces?fields=spaces(').status).toBe(400);
  });

  it('[documented: facts §0 row 7] without a configured Chat app every write is 404; reads still work', () => {
    const h = harness({ directory: { chatAppConfigured: false } });
    const res = h.rest('POST', '/v1/spaces:setup', { body: { space: { spaceType: 'SPACE', displayName: 'Nope' } } });
    expect(res.status).toBe(404);
    expect(res.json.error).toEqual({
      code: 404,
      status: 'NOT_FOUND',
      message:
        'Google Chat app not found. To create a Chat app, you must turn on the Chat API and configure the app in the Google Cloud console.',
    });
    expect(h.rest('GET', '/v1/spaces').status).toBe(200);
    h.emu.directory.chatAppConfigured = true;
    expect(
      h.rest('POST', '/v1/spaces:setup', { body: { space: { spaceType: 'SPACE', displayName: 'Now' } } }).status,
    ).toBe(200);
  });

  it('[documented: Cloud Identity groups.lookup] resolves a group email to groups/{id} with the groups scope', () => {
    const h = harness({ directory: { groups: [{ email: 'team@example.com', id: '03x8tuzt3c7hgjv' }] } });
    const url = 'https://cloudidentity.googleapis.com/v1/groups:lookup?groupKey.id=team%40example.com';
    const res = h.rest('GET', url);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ name: 'groups/03x8tuzt3c7hgjv' });
    expect(h.rest('GET', url, { scopes: ['https://www.googleapis.com/auth/chat.spaces'] }).status).toBe(403);
    expect(
      h.rest('GET', 'https://cloudidentity.googleapis.com/v1/groups:lookup?groupKey.id=nobody%40example.com').status,
    ).toBe(404);
    expect(h.rest('GET', 'https://cloudidentity.googleapis.com/v1/groups:lookup').status).toBe(400);
    expect(h.rest('GET', 'https://cloudidentity.googleapis.com/v1/groups').status).toBe(404);
  });

  it('[emulator-only] the request log records method, path, caller, status, latency, quota and scopes', () => {
    const h = harness();
    h.chat().Spaces.setup({ space: { spaceType: 'SPACE', displayName: 'Logged' } });
    h.rest('GET', '/v1/spaces');
    const [a, b] = h.emu.requestLog;
    expect(a).toMatchObject({
      methodId: 'chat.spaces.setup',
      callPath: 'advanced-service',
      caller: h.caller,
      status: 200,
      quota: ['space-writes'],
    });
    expect(a.latencyMs).toBeGreaterThan(1000);
    expect(b).toMatchObject({ methodId: 'chat.spaces.list', callPath: 'urlfetch', status: 200 });
    expect(b.scopes?.matched).toEqual(expect.arrayContaining(['chat.spaces']));
    expect(h.emu.stats().byMethod['chat.spaces.setup']).toEqual({ count: 1, byStatus: { '200': 1 } });
    expect(h.emu.dump().requests).toBe(2);
  });

  it('[observed: open-questions Q4] facade errors are GoogleJsonResponseException with details {code, message, errors}', () => {
    const h = harness();
    const chat = h.chat();
    chat.Spaces.setup({ space: { spaceType: 'SPACE', displayName: 'Dup' } });
    let error: (Error & { details?: Record<string, unknown> }) | undefined;
    try {
      chat.Spaces.create({ spaceType: 'SPACE', displayName: 'Dup' });
    } catch (e) {
      error = e as Error & { details?: Record<string, unknown> };
    }
    expect(error?.name).toBe('GoogleJsonResponseException');
    expect(error?.message).toMatch(/^API call to chat\.spaces\.create failed with error: /);
    expect(error?.details).toEqual({
      code: 409,
      message: expect.any(String),
      errors: [{ domain: 'global', reason: 'alreadyExists', message: expect.any(String) }],
    });
  });

  it('[documented: types/chat.d.ts, facts §4.2] the facade is generated from discovery with Apps Script argument order', () => {
    const clock = new VirtualClock();
    const emu = new ChatEmulator({ clock });
    const chat = emu.advancedService.create(
      new TestRuntime(emu, clock, { email: 'admin@example.com', scopes: USER_SCOPES }),
    ) as Record<string, any>;
    expect(emu.advancedService).toMatchObject({ serviceId: 'chat', version: 'v1' });
    expect(Object.keys(chat).sort()).toEqual(['CustomEmojis', 'Media', 'Spaces', 'Users']);
    expect(Object.keys(chat.Spaces).sort()).toEqual(
      [
        'Members',
        'Messages',
        'SpaceEvents',
        'completeImport',
        'create',
        'findDirectMessage',
        'get',
        'list',
        'patch',
        'remove',
        'search',
        'setup',
      ].sort(),
    );
    expect(Object.keys(chat.Spaces.Messages).sort()).toEqual(
      ['Attachments', 'Reactions', 'create', 'get', 'list', 'patch', 'remove', 'update'].sort(),
    );
    expect(Object.keys(chat.Users.Spaces).sort()).toEqual(
      ['SpaceNotificationSetting', 'Threads', 'getSpaceReadState', 'updateSpaceReadState'].sort(),
    );
    expect(Object.keys(chat.Media)).toEqual(['upload']);
    const space = chat.Spaces.setup({ space: { spaceType: 'SPACE', displayName: 'Order' } });
    clock.advance(1000);
    const msg = chat.Spaces.Messages.create({ text: 'hi' }, space.name, { messageId: 'client-x' });
    clock.advance(1000);
    expect(chat.Spaces.Messages.patch({ text: 'edited' }, msg.name, { updateMask: 'text' }).text).toBe('edited');
    expect(() => chat.Spaces.get()).toThrow(/Invalid number of arguments provided. Expected 1-3 only/);
    expect(() => chat.Spaces.Messages.create({ text: 'x' })).toThrow(/Invalid number of arguments/);
    const list = chat.Spaces.Members.list(space.name, { pageSize: 1 });
    expect(list.memberships).toHaveLength(1);
    // A 4th headers argument with a bearer token authenticates the call from the header.
    expect(() => chat.Spaces.list({}, { Authorization: 'Bearer garbage' })).toThrow(
      /Request had invalid authentication credentials/,
    );
  });

  it('[emulator-only] advanced-service requests are the same HTTP the REST path sends', () => {
    const clock = new VirtualClock();
    const emu = new ChatEmulator({ clock });
    const sent: string[] = [];
    const rt = new TestRuntime(emu, clock, { email: 'admin@example.com', scopes: USER_SCOPES });
    const send = rt.send.bind(rt);
    rt.send = (req) => {
      sent.push(`${req.method} ${req.url}`);
      return send(req);
    };
    const chat = emu.advancedService.create(rt) as Record<string, any>;
    const space = chat.Spaces.setup({ space: { spaceType: 'SPACE', displayName: 'Wire' } });
    chat.Spaces.Members.list(space.name, { filter: 'role = "ROLE_MANAGER"', showInvited: true });
    chat.Users.Spaces.getSpaceReadState(`users/me/${space.name}/spaceReadState`);
    expect(sent[0]).toBe('POST https://chat.googleapis.com/v1/spaces:setup');
    expect(sent[1]).toBe(
      `GET https://chat.googleapis.com/v1/${space.name}/members?filter=role+%3D+%22ROLE_MANAGER%22&showInvited=true`,
    );
    expect(sent[2]).toBe(`GET https://chat.googleapis.com/v1/users/me/${space.name}/spaceReadState`);
    expect(ok({ ok: true, data: {} })).toEqual({});
  });
});
