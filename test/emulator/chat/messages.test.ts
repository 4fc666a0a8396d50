/**
 * Conformance: spaces.messages.* (create, get, list, patch, update, delete), attachments.get, media.upload and
 * media.download, through both the facade and REST (media.download is REST only, as in Apps Script).
 * API responses are untyped JSON, read here as `Record<string, any>`.
 */
import { fails, harness, ok, TestBlob, type Harness } from './harness';

const member = (email: string): Record<string, unknown> => ({ member: { name: `users/${email}`, type: 'HUMAN' } });

describe.each(['facade', 'rest'] as const)('messages via %s', (kind) => {
  let h: Harness;
  let c: ReturnType<Harness['client']>;
  let space: string;
  beforeEach(() => {
    h = harness();
    c = h.client(kind);
    space = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Msgs' }, memberships: [member('bob@example.com')] },
      }),
    ).name;
  });
  const post = (text: string, query: Record<string, unknown> = {}, body: Record<string, unknown> = {}, as?: string) =>
    c.call('chat.spaces.messages.create', { as, params: { parent: space }, body: { text, ...body }, query });

  it('[documented: discovery messages.create] posts as the calling user with a new thread', () => {
    const m = ok(post('Hello <users/all>'));
    expect(m.name).toMatch(new RegExp(`^${space}/messages/[A-Za-z0-9_-]{11}\\.[A-Za-z0-9_-]{11}$`));
    expect(m.sender).toEqual({ name: expect.stringMatching(/^users\/\d{21}$/), type: 'HUMAN' });
    expect(m.thread.name).toMatch(new RegExp(`^${space}/threads/`));
    expect(m.space).toEqual({ name: space });
    expect(m.threadReply).toBeUndefined();
    expect(ok(c.call('chat.spaces.get', { params: { name: space } })).lastActiveTime).toBe(m.createTime);
  });

  it('[observed: cloudflare/GHC-Errbot#10] text over 4,096 characters is INVALID_ARGUMENT; [documented] 32,000-byte limit', () => {
    ok(post('x'.repeat(4096)));
    const r = fails(post('x'.repeat(4097)), 400, 'INVALID_ARGUMENT');
    expect(r.message).toMatch(/Maximum length of the field is 4096/);
    fails(post('é'.repeat(4000), {}, { fallbackText: 'é'.repeat(12000) }), 400, 'INVALID_ARGUMENT');
  });

  it('[documented: facts §2.5] cards need app authentication; an empty message is rejected', () => {
    const r = fails(
      post('t', {}, { cardsV2: [{ cardId: 'c', card: { header: { title: 'x' } } }] }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(r.message).toBe('Message cannot have cards for requests carrying human credentials.');
    fails(c.call('chat.spaces.messages.create', { params: { parent: space }, body: {} }), 400, 'INVALID_ARGUMENT');
  });

  it('[documented: discovery messages.create messageId] client ids: format, get/patch/delete by client id, duplicates ALREADY_EXISTS', () => {
    const m = ok(post('client', { messageId: 'client-row-7' }));
    expect(m.clientAssignedMessageId).toBe('client-row-7');
    expect(ok(c.call('chat.spaces.messages.get', { params: { name: `${space}/messages/client-row-7` } })).name).toBe(
      m.name,
    );
    fails(post('again', { messageId: 'client-row-7' }), 409, 'ALREADY_EXISTS');
    for (const bad of ['row-7', 'client-UPPER', 'client_underscore', `client-${'a'.repeat(57)}`])
      fails(post('bad', { messageId: bad }), 400, 'INVALID_ARGUMENT');
    ok(post('max length', { messageId: `client-${'a'.repeat(56)}` }));
  });

  it('[documented: discovery messages.create requestId] same requestId returns the existing message; another user gets an error (C2)', () => {
    const m = ok(post('once', { requestId: 'msg-1' }));
    const again = ok(post('twice', { requestId: 'msg-1' }));
    expect(again.name).toBe(m.name);
    expect(again.text).toBe('once');
    fails(post('other', { requestId: 'msg-1' }, {}, 'bob@example.com'), 409, 'ALREADY_EXISTS');
  });

  it('[documented: facts §1.3 messageReplyOption] threads: UNSPECIFIED starts a new thread; FALLBACK replies by key; OR_FAIL 404', () => {
    const a = ok(
      post('root', { messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' }, { thread: { threadKey: 'k1' } }),
    );
    expect(a.thread.threadKey).toBe('k1');
    const b = ok(
      post('reply', { messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' }, { thread: { threadKey: 'k1' } }),
    );
    expect(b.thread.name).toBe(a.thread.name);
    expect(b.threadReply).toBe(true);
    const byName = ok(
      post('reply by name', { messageReplyOption: 'REPLY_MESSAGE_OR_FAIL' }, { thread: { name: a.thread.name } }),
    );
    expect(byName.thread.name).toBe(a.thread.name);
    const fresh = ok(post('unspecified', {}, { thread: { threadKey: 'k1' } }));
    expect(fresh.thread.name).not.toBe(a.thread.name);
    fails(
      post('missing', { messageReplyOption: 'REPLY_MESSAGE_OR_FAIL' }, { thread: { name: `${space}/threads/nope` } }),
      404,
      'NOT_FOUND',
    );
    const newKey = ok(
      post('new key', { messageReplyOption: 'REPLY_MESSAGE_OR_FAIL' }, { thread: { threadKey: 'k2' } }),
    );
    expect(newKey.threadReply).toBeUndefined();
    fails(post('bad option', { messageReplyOption: 'SOMETIMES' }), 400, 'INVALID_ARGUMENT');
  });

  it('[documented: Space.predefinedPermissionSettings] only managers post in an ANNOUNCEMENT_SPACE; members may reply', () => {
    const ann = ok(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'News', predefinedPermissionSettings: 'ANNOUNCEMENT_SPACE' },
          memberships: [member('bob@example.com')],
        },
      }),
    ).name;
    const root = ok(c.call('chat.spaces.messages.create', { params: { parent: ann }, body: { text: 'news' } }));
    fails(
      c.call('chat.spaces.messages.create', {
        as: 'bob@example.com',
        params: { parent: ann },
        body: { text: 'me too' },
      }),
      403,
      'PERMISSION_DENIED',
    );
    ok(
      c.call('chat.spaces.messages.create', {
        as: 'bob@example.com',
        params: { parent: ann },
        body: { text: 'reply', thread: { name: root.thread.name } },
        query: { messageReplyOption: 'REPLY_MESSAGE_OR_FAIL' },
      }),
    );
  });

  it('[documented: discovery messages.list] order, filters, pagination and empty response {}', () => {
    const empty = ok(c.call('chat.spaces.messages.list', { params: { parent: space } }));
    expect(empty).toEqual({});
    const t0 = new Date(h.clock.now()).toISOString();
    const first = ok(
      post('one', { messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' }, { thread: { threadKey: 't' } }),
    );
    ok(post('two'));
    ok(post('three', { messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' }, { thread: { threadKey: 't' } }));
    const texts = (q: Record<string, unknown>): string[] =>
      (ok(c.call('chat.spaces.messages.list', { params: { parent: space }, query: q })).messages ?? []).map(
        (m: Record<string, any>) => m.text,
      );
    expect(texts({})).toEqual(['one', 'two', 'three']);
    expect(texts({ orderBy: 'create_time DESC' })).toEqual(['three', 'two', 'one']);
    expect(texts({ filter: `thread.name = ${first.thread.name}` })).toEqual(['one', 'three']);
    expect(texts({ filter: `create_time > "${t0}" AND create_time < "${first.createTime}"` })).toEqual([]);
    expect(texts({ filter: `create_time > "${first.createTime}"` })).toEqual(['two', 'three']);
    fails(
      c.call('chat.spaces.messages.list', {
        params: { parent: space },
        query: { filter: `thread.name = ${first.thread.name} OR create_time > "${t0}"` },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.messages.list', { params: { parent: space }, query: { filter: 'text = "x"' } }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.messages.list', { params: { parent: space }, query: { orderBy: 'text ASC' } }),
      400,
      'INVALID_ARGUMENT',
    );
    const page = ok(c.call('chat.spaces.messages.list', { params: { parent: space }, query: { pageSize: 2 } }));
    expect(page.messages).toHaveLength(2);
    const rest = ok(
      c.call('chat.spaces.messages.list', {
        params: { parent: space },
        query: { pageSize: 2, pageToken: page.nextPageToken },
      }),
    );
    expect(rest.messages.map((m: Record<string, any>) => m.text)).toEqual(['three']);
    expect(rest.nextPageToken).toBeUndefined();
  });

  it('[documented: Space.spaceHistoryState] HISTORY_OFF keeps messages for 24 hours', () => {
    ok(
      c.call('chat.spaces.patch', {
        params: { name: space },
        body: { spaceHistoryState: 'HISTORY_OFF' },
        query: { updateMask: 'space_history_state' },
      }),
    );
    const m = ok(post('ephemeral'));
    h.clock.advance(24 * 3600 * 1000 + 1);
    fails(c.call('chat.spaces.messages.get', { params: { name: m.name } }), 404, 'NOT_FOUND');
  });

  it('[documented: discovery messages.patch] text mask; only the sender; allowMissing upserts client ids', () => {
    const m = ok(post('draft', { messageId: 'client-edit' }));
    const edited = ok(
      c.call('chat.spaces.messages.patch', {
        params: { name: m.name },
        body: { text: 'final' },
        query: { updateMask: 'text' },
      }),
    );
    expect(edited.text).toBe('final');
    expect(edited.lastUpdateTime).toBeDefined();
    fails(
      c.call('chat.spaces.messages.patch', { params: { name: m.name }, body: { text: 'x' } }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.messages.patch', {
        params: { name: m.name },
        body: { cardsV2: [] },
        query: { updateMask: 'cards_v2' },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    fails(
      c.call('chat.spaces.messages.patch', {
        as: 'bob@example.com',
        params: { name: m.name },
        body: { text: 'hijack' },
        query: { updateMask: 'text' },
      }),
      403,
      'PERMISSION_DENIED',
    );
    fails(
      c.call('chat.spaces.messages.patch', {
        params: { name: `${space}/messages/client-nope` },
        body: { text: 'x' },
        query: { updateMask: 'text' },
      }),
      404,
      'NOT_FOUND',
    );
    const upsert = ok(
      c.call('chat.spaces.messages.patch', {
        params: { name: `${space}/messages/client-new` },
        body: { text: 'created' },
        query: { updateMask: 'text', allowMissing: true },
      }),
    );
    expect(upsert.clientAssignedMessageId).toBe('client-new');
    fails(
      c.call('chat.spaces.messages.patch', {
        params: { name: `${space}/messages/AAA.BBB` },
        body: { text: 'x' },
        query: { updateMask: 'text', allowMissing: true },
      }),
      400,
      'INVALID_ARGUMENT',
    );
    const put = ok(
      c.call('chat.spaces.messages.update', {
        params: { name: `${space}/messages/client-edit` },
        body: { text: 'via PUT' },
        query: { updateMask: '*' },
      }),
    );
    expect(put.text).toBe('via PUT');
  });

  it('[documented: discovery messages.delete] force deletes threaded replies; managers delete others’ messages', () => {
    const root = ok(
      post('root', { messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' }, { thread: { threadKey: 'del' } }),
    );
    ok(
      post(
        'reply',
        { messageReplyOption: 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' },
        { thread: { threadKey: 'del' } },
        'bob@example.com',
      ),
    );
    fails(c.call('chat.spaces.messages.delete', { params: { name: root.name } }), 400, 'FAILED_PRECONDITION');
    expect(ok(c.call('chat.spaces.messages.delete', { params: { name: root.name }, query: { force: true } }))).toEqual(
      {},
    );
    const listed = ok(c.call('chat.spaces.messages.list', { params: { parent: space }, query: { showDeleted: true } }));
    expect(listed.messages).toHaveLength(2);
    for (const m of listed.messages) {
      expect(m.deleteTime).toBeDefined();
      expect(m.text).toBeUndefined();
    }
    expect(listed.messages.map((m: Record<string, any>) => m.deletionMetadata.deletionType).sort()).toEqual([
      'CREATOR',
      'SPACE_OWNER',
    ]);
    expect(ok(c.call('chat.spaces.messages.list', { params: { parent: space } }))).toEqual({});
    const bobs = ok(post('bob says', {}, {}, 'bob@example.com'));
    const mine = ok(post('admin says'));
    fails(
      c.call('chat.spaces.messages.delete', { as: 'bob@example.com', params: { name: mine.name } }),
      403,
      'PERMISSION_DENIED',
    );
    ok(c.call('chat.spaces.messages.delete', { params: { name: bobs.name } }));
    fails(c.call('chat.spaces.messages.get', { params: { name: bobs.name } }), 404, 'NOT_FOUND');
  });

  it('[documented: discovery media.upload / attachments] upload then attach; attachments.get needs app auth', () => {
    const bytes = new Uint8Array(Buffer.from('hello attachment'));
    let token: string;
    if (kind === 'facade') {
      const chat = h.chat();
      expect(chat.Media.download).toBeUndefined();
      token = chat.Media.upload({ filename: 'notes.txt' }, space, new TestBlob(bytes, 'text/plain', 'notes.txt'))
        .attachmentDataRef.attachmentUploadToken;
      expect(h.emu.requestLog.at(-1)).toMatchObject({
        methodId: 'chat.media.upload',
        path: expect.stringContaining('/upload/v1/'),
      });
    } else {
      const boundary = 'b0undary';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{"filename":"notes.txt"}\r\n--${boundary}\r\nContent-Type: text/plain\r\n\r\n`,
        ),
        Buffer.from(bytes),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      h.clock.advance(1000);
      const res = h.rest('POST', `/upload/v1/${space}/attachments:upload?uploadType=multipart`, {
        body: new Uint8Array(body),
        headers: { 'content-type': `multipart/related; boundary=${boundary}` },
      });
      expect(res.status).toBe(200);
      expect(res.outcome.methodId).toBe('chat.media.upload');
      token = res.json.attachmentDataRef.attachmentUploadToken;
    }
    const m = ok(
      c.call('chat.spaces.messages.create', {
        params: { parent: space },
        body: { text: 'see file', attachment: [{ attachmentDataRef: { attachmentUploadToken: token } }] },
      }),
    );
    expect(m.attachment[0]).toMatchObject({
      contentName: 'notes.txt',
      contentType: 'text/plain',
      source: 'UPLOADED_CONTENT',
    });
    const resourceName = m.attachment[0].attachmentDataRef.resourceName as string;
    h.clock.advance(1000);
    const dl = h.rest('GET', `/v1/media/${resourceName}?alt=media`);
    expect(dl.status).toBe(200);
    expect(dl.outcome.methodId).toBe('chat.media.download');
    expect(dl.headers['content-type']).toBe('text/plain');
    expect(dl.text).toBe('hello attachment');
    expect(h.rest('GET', `/v1/media/${resourceName}?alt=media`, { as: 'stranger@example.com' }).status).toBe(404);
    fails(
      c.call('chat.spaces.messages.attachments.get', { params: { name: m.attachment[0].name } }),
      403,
      'PERMISSION_DENIED',
    );
    fails(
      c.call('chat.spaces.messages.create', {
        params: { parent: space },
        body: { attachment: [{ attachmentDataRef: { attachmentUploadToken: 'forged' } }] },
      }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('[documented: discovery media.upload] blocked file types and missing media are rejected (C23)', () => {
    if (kind === 'facade') {
      const chat = h.chat();
      expect(() =>
        chat.Media.upload(
          { filename: 'virus.exe' },
          space,
          new TestBlob(new Uint8Array([1]), 'application/octet-stream', 'virus.exe'),
        ),
      ).toThrow(/blocked/);
      h.clock.advance(1000); // the refused upload was charged: per-space writes are 1/s
      expect(() => chat.Media.upload({ filename: 'x.txt' }, space)).toThrow(/Media is required/);
    } else {
      const res = h.rest('POST', `/upload/v1/${space}/attachments:upload?uploadType=media`, {
        body: new Uint8Array([1, 2]),
        headers: { 'content-type': 'image/png' },
      });
      expect(res.status).toBe(400);
      expect(h.rest('POST', `/upload/v1/${space}/attachments:upload`, { body: new Uint8Array([1]) }).status).toBe(400);
    }
  });
});
