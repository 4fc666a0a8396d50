/**
 * A Spaces row that lists nobody but the person running the add-on (or only people Chat cannot take at creation,
 * such as external guests) is created with spaces.create rather than spaces.setup, with the row's requestId; the
 * runner becomes its manager, external guests are added afterwards, and a second Apply makes no write.
 */
import { addOnProject, buildWorld, readRows } from '../../bench/world';

const WRITE = /\.(create|setup|patch|delete)$/;

function world() {
  return buildWorld({
    project: addOnProject(),
    mode: 'bound',
    directory: { users: [{ email: 'guest@partner.org', external: true }] },
    tabs: {
      Spaces: [
        ['Space name', 'Members', 'External users', 'Description'],
        ['Quiet room', '', '', 'Only me for now'],
        ['With a guest', 'guest@partner.org', 'Yes', ''],
      ],
    },
  });
}

test('a space with nobody to add at creation is made with spaces.create, once', () => {
  const w = world();
  const first = w.runtime.run('applySpaces');
  expect(first.error).toBeUndefined();
  expect(first.apiCalls['chat.spaces.create']).toBe(2);
  expect(first.apiCalls['chat.spaces.setup']).toBeUndefined();
  expect(readRows(w, 'Spaces').map((r) => [r['Space name'], r.Status])).toEqual([
    ['Quiet room', 'Created'],
    ['With a guest', 'Created'],
  ]);
  const quiet = w.chat.findSpaceByDisplayName('Quiet room');
  expect(quiet?.members.map((m) => [m.email, m.role])).toEqual([['admin@example.com', 'ROLE_MANAGER']]);
  expect((quiet?.space.spaceDetails as { description?: string }).description).toBe('Only me for now');
  const guest = w.chat.findSpaceByDisplayName('With a guest');
  expect(guest?.space.externalUserAllowed).toBe(true);
  expect(guest?.members.some((m) => m.email === 'guest@partner.org')).toBe(true);

  const again = w.runtime.run('applySpaces');
  expect(Object.keys(again.apiCalls).filter((m) => WRITE.test(m))).toEqual([]);
  expect(readRows(w, 'Spaces').map((r) => r.Status)).toEqual(['Up to date', 'Up to date']);
});
