/**
 * The Members and Messages tabs' bad-input corpora at the domain level (their jobs are still being built): every
 * bad row must be reported with a sentence naming its column, and must not become a membership or message to
 * send, which is what keeps it from reaching Chat. When the jobs land, these corpora can run through the bundle
 * like the Spaces corpus.
 */
import { validateMembersTab } from '../../src/domain/memberRows';
import { validateMessagesTab } from '../../src/domain/messageRows';
import { spacesIndex } from '../../src/domain/spaceRows';
import { readTable } from '../../src/domain/table';
import { headerRow, MEMBERS_TAB, MESSAGES_TAB, SPACES_TAB } from '../../src/domain/tabs';
import { BAD_MEMBER_ROWS, BAD_MESSAGE_ROWS, SPACES_CONTEXT, type BadRawRow } from './corpus/tabCorpus';

const spaces = spacesIndex(readTable(SPACES_TAB, SPACES_CONTEXT));
let n = 0;
const newRowId = () => `r-${String(++n).padStart(10, '0')}`;

const gridOf = (header: string[], rows: BadRawRow[]) => [
  header,
  ...rows.map((r) => header.map((h) => r.cells[h] ?? '')),
];

describe('Members tab bad-input corpus', () => {
  const result = validateMembersTab(readTable(MEMBERS_TAB, gridOf(headerRow(MEMBERS_TAB), BAD_MEMBER_ROWS)), {
    spaceNames: spaces.names,
    newRowId,
    runnerEmail: 'admin@example.com',
  });

  test('no bad row becomes a membership to change', () => {
    expect(result.memberships).toEqual([]);
  });

  test.each(BAD_MEMBER_ROWS.map((r, i) => [r.case, i, r] as const))('%s', (_case, i, bad) => {
    const problems = result.problems.filter((p) => p.row === i + 2);
    expect(problems.some((p) => p.column === bad.column && bad.says.test(p.message))).toBe(true);
  });
});

describe('Messages tab bad-input corpus', () => {
  const result = validateMessagesTab(readTable(MESSAGES_TAB, gridOf(headerRow(MESSAGES_TAB), BAD_MESSAGE_ROWS)), {
    timeZone: 'UTC',
    spaces,
    newRowId,
    runnerEmail: 'admin@example.com',
  });

  test('no bad row becomes a message to send', () => {
    expect(result.messages).toEqual([]);
  });

  test.each(BAD_MESSAGE_ROWS.map((r, i) => [r.case, i, r] as const))('%s', (_case, i, bad) => {
    const problems = result.problems.filter((p) => p.row === i + 2);
    expect(problems.some((p) => p.column === bad.column && bad.says.test(p.message))).toBe(true);
  });
});
