/**
 * The bulk workload of the scale and reliability tests: `count` Type Space rows, each with `membersPerRow` internal
 * people (the first one made Manager), a description, history on, and a welcome message with a {{Space name}}
 * placeholder. Names and people are derived from the row number, so every run of a seed builds the same sheet and
 * a test can compute the Chat state every row must end in.
 */
import type { SheetRow } from './harness';

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
