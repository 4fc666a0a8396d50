/**
 * One test per known difference not already exercised by a conformance test, pinning the emulator's chosen
 * behaviour so a change is deliberate (the numbers are in emulator/KNOWN-DIFFERENCES.md).
 */
import { harness, ok, TestBlob } from './harness';

const member = (email: string): Record<string, unknown> => ({ member: { name: `users/${email}`, type: 'HUMAN' } });

describe('known differences', () => {
  it('[emulator-only] request ids are remembered until the retention window passes (C3)', () => {
    const h = harness({ behaviour: { requestIdRetentionMs: 60_000 } });
    const c = h.client('rest');
    const a = ok(
      c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: 'R1' }, query: { requestId: 'x' } }),
    );
    expect(
      ok(c.call('chat.spaces.create', { body: { spaceType: 'SPACE', displayName: 'R1' }, query: { requestId: 'x' } }))
        .name,
    ).toBe(a.name);
    h.clock.advance(61_000);
    const b = c.call('chat.spaces.create', {
      body: { spaceType: 'SPACE', displayName: 'R2' },
      query: { requestId: 'x' },
    });
    expect(ok(b).name).not.toBe(a.name);
  });

  it('[emulator-only] members.patch charges membership writes; spaceEvents have no bucket (C8)', () => {
    const h = harness();
    const c = h.client('rest');
    const s = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'Q' }, memberships: [member('bob@example.com')] },
      }),
    ).name;
    ok(
      c.call('chat.spaces.members.patch', {
        params: { name: `${s}/members/bob@example.com` },
        body: { role: 'ROLE_MANAGER' },
        query: { updateMask: 'role' },
      }),
    );
    expect(h.emu.requestLog.at(-1)?.quota).toEqual(['membership-writes']);
    ok(
      c.call('chat.spaces.spaceEvents.list', {
        params: { parent: s },
        query: { filter: 'event_types:"google.workspace.chat.space.v1.updated"' },
      }),
    );
    expect(h.emu.requestLog.at(-1)?.quota).toEqual([]);
  });

  it('[observed: open-questions Q4] advanced-service legacy reasons per status (C16)', () => {
    const h = harness();
    const c = h.client('facade');
    const r = c.call('chat.spaces.get', { params: { name: 'spaces/AAAAmissing' } });
    expect(r.ok === false && r.reason).toBe('notFound');
  });

  it('[emulator-only] the 429 body follows other Google APIs’ quota errors (C17)', () => {
    const h = harness({ paceMs: 0 });
    const s = h.rest('POST', '/v1/spaces:setup', { body: { space: { spaceType: 'SPACE', displayName: 'Q' } } }).json
      .name;
    h.clock.advance(1000);
    h.rest('POST', `/v1/${s}/messages`, { body: { text: '1' } });
    const r = h.rest('POST', `/v1/${s}/messages`, { body: { text: '2' } });
    expect(r.json.error.details.map((d: Record<string, string>) => d['@type'])).toEqual([
      'type.googleapis.com/google.rpc.ErrorInfo',
      'type.googleapis.com/google.rpc.Help',
    ]);
  });

  it('[emulator-only] spaceEvents.list pages default to 100 and clamp at 1,000 (C18)', () => {
    const h = harness();
    const c = h.client('rest');
    const s = ok(
      c.call('chat.spaces.setup', {
        body: {
          space: { spaceType: 'SPACE', displayName: 'E' },
          memberships: Array.from({ length: 49 }, (_, i) => member(`e${i}@example.com`)),
        },
      }),
    ).name;
    const res = ok(
      c.call('chat.spaces.spaceEvents.list', {
        params: { parent: s },
        query: { filter: 'event_types:"google.workspace.chat.membership.v1.created"', pageSize: 5000 },
      }),
    );
    expect(res.spaceEvents).toHaveLength(50);
  });

  it('[emulator-only] any member may delete a group chat (C20)', () => {
    const h = harness();
    const c = h.client('rest');
    const gc = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'GROUP_CHAT' }, memberships: [member('a@example.com'), member('b@example.com')] },
      }),
    ).name;
    expect(ok(c.call('chat.spaces.delete', { as: 'a@example.com', params: { name: gc } }))).toEqual({});
  });

  it('[emulator-only] groups:lookup for an unknown group is 404 (C26)', () => {
    expect(
      harness().rest('GET', 'https://cloudidentity.googleapis.com/v1/groups:lookup?groupKey.id=none%40example.com').json
        .error.status,
    ).toBe('NOT_FOUND');
  });

  it('[emulator-only] error texts outside the observed ones are the emulator’s own (C28)', () => {
    const r = harness().rest('GET', '/v1/spaces/AAAAmissing');
    expect(r.json.error).toEqual({ code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' });
  });

  it('[emulator-only] messages carry no annotations; formattedText equals text (C29); timestamps have ms precision (C31)', () => {
    const h = harness();
    const c = h.client('rest');
    const s = ok(c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'A' } } })).name;
    h.clock.advance(123);
    const m = ok(
      c.call('chat.spaces.messages.create', {
        params: { parent: s },
        body: { text: 'hi <users/all> https://example.com' },
      }),
    );
    expect(m.annotations).toBeUndefined();
    expect(m.formattedText).toBe(m.text);
    expect(m.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
  });

  it('[documented: facts §1.5] app authentication is not available to users (C30)', () => {
    const r = harness().rest('GET', '/v1/spaces/A/messages/B/attachments/C', {
      scopes: ['https://www.googleapis.com/auth/chat.bot'],
    });
    expect(r.status).toBe(403);
  });

  it('[emulator-only] unordered lists are a seeded shuffle, stable across pages (C32)', () => {
    const order = (unorderedLists: 'seeded-shuffle' | 'insertion'): string[] => {
      const h = harness({ behaviour: { unorderedLists } });
      const c = h.client('rest');
      const s = ok(
        c.call('chat.spaces.setup', {
          body: {
            space: { spaceType: 'SPACE', displayName: 'O' },
            memberships: ['a', 'b', 'c', 'd', 'e'].map((x) => member(`${x}@example.com`)),
          },
        }),
      ).name;
      return ok(c.call('chat.spaces.members.list', { params: { parent: s } })).memberships.map(
        (m: Record<string, string>) => m.name,
      );
    };
    const insertion = order('insertion');
    expect(order('seeded-shuffle')).not.toEqual(insertion);
    expect(order('seeded-shuffle').sort()).toEqual([...insertion].sort());
  });

  it('[emulator-only] text length counts code points (C33)', () => {
    const h = harness();
    const c = h.client('rest');
    const s = ok(c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'T' } } })).name;
    expect(c.call('chat.spaces.messages.create', { params: { parent: s }, body: { text: '😀'.repeat(4096) } }).ok).toBe(
      true,
    );
  });

  it('[emulator-only] unknown user ids are skipped by setup and NOT_FOUND for members.create (C34)', () => {
    const h = harness();
    const c = h.client('rest');
    const s = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'U' }, memberships: [member('123456789')] },
      }),
    );
    expect(s.membershipCount.joinedDirectHumanUserCount).toBe(1);
    const r = c.call('chat.spaces.members.create', { params: { parent: s.name }, body: member('123456789') });
    expect(r.ok === false && r.code).toBe(404);
  });

  it('[emulator-only] threading states per space type (C35); thread read state derived from posts (C36)', () => {
    const h = harness();
    const c = h.client('rest');
    expect(
      ok(c.call('chat.spaces.setup', { body: { space: { spaceType: 'SPACE', displayName: 'Th' } } }))
        .spaceThreadingState,
    ).toBe('THREADED_MESSAGES');
    const dm = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'DIRECT_MESSAGE' }, memberships: [member('a@example.com')] },
      }),
    );
    expect(dm.spaceThreadingState).toBe('UNTHREADED_MESSAGES');
    const m = ok(c.call('chat.spaces.messages.create', { params: { parent: dm.name }, body: { text: 'x' } }));
    const t = m.thread.name.split('/')[3];
    expect(
      ok(
        c.call('chat.users.spaces.threads.getThreadReadState', {
          params: { name: `users/me/${dm.name}/threads/${t}/threadReadState` },
        }),
      ).lastReadTime,
    ).toBe(m.createTime);
  });

  it('[emulator-only] attachment resource names and URIs are opaque emulator values (C37)', () => {
    const h = harness();
    const chat = h.chat();
    const s = chat.Spaces.setup({ space: { spaceType: 'SPACE', displayName: 'M' } }).name;
    h.clock.advance(1000);
    const token = chat.Media.upload({ filename: 'p.png' }, s, new TestBlob(new Uint8Array([1]), 'image/png', 'p.png'))
      .attachmentDataRef.attachmentUploadToken;
    h.clock.advance(1000);
    const m = chat.Spaces.Messages.create({ attachment: [{ attachmentDataRef: { attachmentUploadToken: token } }] }, s);
    expect(m.attachment[0].downloadUri).toMatch(/^https:\/\/chat\.google\.com\/api\/get_attachment_url/);
    expect(m.attachment[0].thumbnailUri).toBeDefined();
  });

  it('[documented: discovery revision 20250417] methods added later are unknown URLs (C38)', () => {
    const h = harness();
    expect(h.rest('POST', '/v1/spaces/-/messages:search', { body: {} }).status).toBe(404);
    expect(h.rest('GET', '/v1/spaces/AAA/messagePins').status).toBe(404);
    expect(h.rest('GET', '/v1/users/me/sections').status).toBe(404);
  });

  it('[emulator-only] latency is configurable per method (C39)', () => {
    const h = harness({ latency: { perMethod: { 'chat.spaces.list': 7 }, jitter: 0 } });
    expect(h.rest('GET', '/v1/spaces').outcome.latencyMs).toBe(7);
  });

  it('[documented: Space.spaceHistoryState] HISTORY_OFF hides messages 24 h after creation (C40)', () => {
    const h = harness();
    const c = h.client('rest');
    const s = ok(
      c.call('chat.spaces.setup', {
        body: { space: { spaceType: 'SPACE', displayName: 'H', spaceHistoryState: 'HISTORY_OFF' } },
      }),
    ).name;
    ok(c.call('chat.spaces.messages.create', { params: { parent: s }, body: { text: 'x' } }));
    h.clock.advance(23 * 3600 * 1000);
    expect(ok(c.call('chat.spaces.messages.list', { params: { parent: s } })).messages).toHaveLength(1);
    h.clock.advance(3600 * 1000);
    expect(ok(c.call('chat.spaces.messages.list', { params: { parent: s } }))).toEqual({});
  });

  it('[documented: discovery revision 20250417] Space.customer is an unknown field (C41)', () => {
    const r = harness().rest('POST', '/v1/spaces', {
      body: { spaceType: 'SPACE', displayName: 'C', customer: 'customers/my_customer' },
    });
    expect(r.json.error.message).toBe(
      'Invalid JSON payload received. Unknown name "customer" at \'space\': Cannot find field.',
    );
  });

  it('[emulator-only] alt=proto and callback are accepted but answered as JSON (C42)', () => {
    const r = harness().rest('GET', '/v1/spaces?alt=proto&callback=cb');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/json/);
  });
});
