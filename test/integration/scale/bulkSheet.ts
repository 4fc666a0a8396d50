/**
 * The bulk workload of the scale and reliability tests: `count` Type Space rows, each with `membersPerRow` internal
 * people (the first one made Manager), a description, history on, and a welcome message with a {{Space name}}
 * placeholder. Names and people are derived from the row number, so every run of a seed builds the same sheet and
 * a test can compute the Chat state every row must end in.
 */
import type { SpaceSnapshot } from '../../../emulator/chat';
import type { SheetRow, SheetSession } from './harness';

export interface BulkRow {
  name: string;
  people: string[];
  manager: string;
  welcome: string;
}

/** The rows of the bulk sheet, and what each must become in Chat. */
export function bulkSheet(count: number, membersPerRow: number): { rows: SheetRow[]; expected: BulkRow[] } {
  const rows: SheetRow[] = [];
  const expected: BulkRow[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `Team ${String(i).padStart(4, '0')}`;
    const people = Array.from({ length: membersPerRow }, (_, k) => `u${(i * 7 + k * 13) % 5000}@example.com`);
    const manager = people[0];
    rows.push({
      'Space name': name,
      Type: 'Space',
      Description: `Workspace of team ${i}`,
      Members: people.join(', '),
      Managers: manager,
      History: 'On',
      'Welcome message': 'Welcome to {{Space name}}!',
      Tags: i % 2 ? 'odd' : 'even',
    });
    expected.push({ name, people, manager, welcome: `Welcome to ${name}!` });
  }
  return { rows, expected };
}

/**
 * Everything wrong with the outcome of a bulk apply, as sentences (empty when all is right): each row's space exists
 * exactly once, with exactly the runner and the row's people as members (each once), the manager's role, and the
 * welcome message exactly once; every row is final (Created, Updated, Up to date or Linked existing) with its
 * Space ID.
 */
export function bulkProblems(
  session: SheetSession,
  expected: readonly BulkRow[],
  runner = 'admin@example.com',
): string[] {
  const problems: string[] = [];
  const spaces = new Map<string, SpaceSnapshot[]>();
  for (const s of session.snapshot()) spaces.set(s.displayName ?? '', [...(spaces.get(s.displayName ?? '') ?? []), s]);
  const tab = new Map(session.spacesTab().map((r) => [r['Space name'], r]));
  const final = new Set(['Created', 'Updated', 'Up to date', 'Linked existing']);
  for (const e of expected) {
    const found = spaces.get(e.name) ?? [];
    if (found.length !== 1) {
      problems.push(`${e.name}: ${found.length} spaces`);
      continue;
    }
    const space = found[0];
    const members = space.members.map((m) => m.email ?? m.name).sort();
    const want = [runner, ...e.people].sort();
    if (members.join() !== want.join()) problems.push(`${e.name}: members ${members.join()} instead of ${want.join()}`);
    const role = space.members.find((m) => m.email === e.manager)?.role;
    if (role !== 'ROLE_ASSISTANT_MANAGER') problems.push(`${e.name}: ${e.manager} is ${role}, not a manager`);
    const texts = space.messages.map((m) => m.text);
    if (texts.length !== 1 || texts[0] !== e.welcome) problems.push(`${e.name}: messages ${JSON.stringify(texts)}`);
    const row = tab.get(e.name);
    if (!row || !final.has(row.Status)) problems.push(`${e.name}: row status ${row?.Status} (${row?.Details})`);
    else if (row['Space ID'] !== space.name)
      problems.push(`${e.name}: Space ID ${row['Space ID']} is not ${space.name}`);
  }
  return problems;
}
