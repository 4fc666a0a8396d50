/**
 * The bad-input corpus of the Spaces tab: rows a person could plausibly type or paste, each wrong in one way, with
 * the column its Details sentence must name and a fragment of that sentence. Cells are written as CSV text, so
 * Sheets' import typing applies (dates become Date cells, `=…` formulas, TRUE a boolean, an apostrophe keeps
 * text). Every row here must fail before any API call.
 */

import { SPACES_TAB, headerRow } from '../../../src/domain/tabs';

/** One bad row: its cells by header, and what Details must say. */
export interface BadRow {
  case: string;
  cells: Record<string, string>;
  /** The column the sentence names (as the user wrote the header). */
  column: string;
  /** A fragment of the sentence (what is wrong or how to fix it). */
  says: RegExp;
}

const long = (n: number, unit = 'x') => unit.repeat(n);
const ok = (i: number) => `ok${i}@example.com`;

/** The Spaces tab's headers, as Set up sheets writes them. */
export const SPACES_HEADER = headerRow(SPACES_TAB);

export const BAD_SPACES_ROWS: BadRow[] = [
  {
    case: 'email without a dot after @',
    cells: { 'Space name': 'E1', Members: 'ana@example' },
    column: 'Members',
    says: /"ana@example" has no dot after the @/,
  },
  {
    case: 'email without @',
    cells: { 'Space name': 'E2', Members: `${ok(1)}, bob.example.com` },
    column: 'Members',
    says: /bob\.example\.com/,
  },
  {
    case: 'email with a space inside',
    cells: { 'Space name': 'E3', Members: 'ann smith@example.com' },
    column: 'Members',
    says: /"ann" is not an email address/,
  },
  {
    case: 'email with two @',
    cells: { 'Space name': 'E4', Members: 'a@@example.com' },
    column: 'Members',
    says: /a@@example\.com/,
  },
  {
    case: 'mixed-case malformed email',
    cells: { 'Space name': 'E5', Members: 'Ana.Lopez@Example' },
    column: 'Members',
    says: /Ana\.Lopez@Example|ana\.lopez@example/,
  },
  { case: 'malformed manager', cells: { 'Space name': 'E6', Managers: 'lead@' }, column: 'Managers', says: /lead@/ },
  {
    case: 'malformed owner',
    cells: { 'Space name': 'E7', Owners: '@example.com' },
    column: 'Owners',
    says: /@example\.com/,
  },
  {
    case: 'group without a domain',
    cells: { 'Space name': 'E8', Groups: 'eng-team' },
    column: 'Groups',
    says: /eng-team/,
  },
  { case: 'TRUE in Members', cells: { 'Space name': 'E9', Members: 'TRUE' }, column: 'Members', says: /TRUE/ },
  {
    case: 'overlong space name (129)',
    cells: { 'Space name': long(129, 'n') },
    column: 'Space name',
    says: /129 characters; Chat allows at most 128/,
  },
  {
    case: 'overlong emoji name (129 emoji)',
    cells: { 'Space name': long(129, '🚀') },
    column: 'Space name',
    says: /129 characters; Chat allows at most 128/,
  },
  {
    case: 'overlong description (151)',
    cells: { 'Space name': 'L3', Description: long(151, 'd') },
    column: 'Description',
    says: /151 characters; Chat allows at most 150/,
  },
  {
    case: 'overlong guidelines (5,001)',
    cells: { 'Space name': 'L4', Guidelines: long(5001, 'g') },
    column: 'Guidelines',
    says: /5,001 characters; Chat allows at most 5,000/,
  },
  {
    case: 'overlong welcome message',
    cells: { 'Space name': 'L5', 'Welcome message': long(4097, 'w') },
    column: 'Welcome message',
    says: /4,096/,
  },
  {
    case: 'welcome placeholder for a missing column',
    cells: { 'Space name': 'T1', 'Welcome message': 'Hi {{Buddy}}' },
    column: 'Welcome message',
    says: /there is no "Buddy" column/,
  },
  {
    case: 'welcome placeholder never closed',
    cells: { 'Space name': 'T2', 'Welcome message': 'Hi {{Space name' },
    column: 'Welcome message',
    says: /\{\{/,
  },
  {
    case: 'blank name for a Space',
    cells: { 'Space name': '', Members: ok(2), Description: 'no name' },
    column: 'Space name',
    says: /Space name is empty/,
  },
  {
    case: 'unknown Type',
    cells: { 'Space name': 'U1', Type: 'Channel' },
    column: 'Type',
    says: /Type is "Channel"; write Space, Group chat or Direct message/,
  },
  {
    case: 'unknown Type with spaces around',
    cells: { 'Space name': 'U2', Type: '  Room  ' },
    column: 'Type',
    says: /Type is "Room"/,
  },
  {
    case: 'unknown Type with emoji',
    cells: { 'Space name': 'U3', Type: 'Room 🚀' },
    column: 'Type',
    says: /Type is "Room 🚀"/,
  },
  {
    case: 'unknown History',
    cells: { 'Space name': 'U4', History: 'Maybe' },
    column: 'History',
    says: /History is "Maybe"; write On or Off/,
  },
  {
    case: 'unknown Discoverable',
    cells: { 'Space name': 'U5', Discoverable: 'perhaps' },
    column: 'Discoverable',
    says: /Discoverable is "perhaps"; write Yes or No/,
  },
  {
    case: 'unknown External users',
    cells: { 'Space name': 'U6', 'External users': 'sometimes' },
    column: 'External users',
    says: /External users is "sometimes"/,
  },
  {
    case: 'number in Announcement',
    cells: { 'Space name': 'U7', Announcement: '2' },
    column: 'Announcement',
    says: /Announcement is "2"/,
  },
  {
    case: 'unknown Member sync',
    cells: { 'Space name': 'U8', 'Member sync': 'Mirror all' },
    column: 'Member sync',
    says: /Member sync is "Mirror all"; write Add only or Exact/,
  },
  {
    case: 'Exact sync with nobody listed',
    cells: { 'Space name': 'U9', 'Member sync': 'Exact' },
    column: 'Member sync',
    says: /would remove everyone/,
  },
  {
    case: 'duplicate name (case and spaces differ)',
    cells: { 'Space name': '  e1 ', Members: ok(3) },
    column: 'Space name',
    says: /is also on row 2/,
  },
  {
    case: 'exact duplicate of another row',
    cells: { 'Space name': 'E3', Members: 'ann smith@example.com' },
    column: 'Space name',
    says: /Space name "E3" is also on row 4/,
  },
  {
    case: 'Space ID that is not an ID',
    cells: { 'Space name': 'I1', 'Space ID': 'not-an-id!' },
    column: 'Space ID',
    says: /is not a Chat space ID/,
  },
  {
    case: 'Space link to another site',
    cells: { 'Space name': 'I2', 'Space link': 'https://example.com/room/x' },
    column: 'Space link',
    says: /is not a link to a Chat space/,
  },
  {
    case: 'Space ID and link disagree',
    cells: {
      'Space name': 'I3',
      'Space ID': 'spaces/AAAAaaaa111',
      'Space link': 'https://chat.google.com/room/BBBBbbbb222',
    },
    column: 'Space link',
    says: /point to different spaces/,
  },
  {
    case: 'same Space ID on two rows',
    cells: { 'Space name': 'I4', 'Space ID': 'spaces/AAAAaaaa111' },
    column: 'Space ID',
    says: /is also on row/,
  },
  {
    case: 'formula in Space name',
    cells: { 'Space name': '=CONCAT("a";B2)' },
    column: 'Space name',
    says: /formula error/,
  },
  {
    case: 'formula error text in Members',
    cells: { 'Space name': 'F2', Members: '#REF!' },
    column: 'Members',
    says: /formula error #REF!/,
  },
  {
    case: 'date typed in Space name',
    cells: { 'Space name': '2026-01-05' },
    column: 'Space name',
    says: /holds a date \(2026-01-05\)/,
  },
  {
    case: 'date typed in Description',
    cells: { 'Space name': 'D2', Description: '2026-03-01 09:30' },
    column: 'Description',
    says: /holds a date/,
  },
  { case: 'line break in Space name', cells: { 'Space name': 'Two\nlines' }, column: 'Space name', says: /line break/ },
  {
    case: 'huge Members cell (49,000 characters)',
    cells: { 'Space name': 'H1', Members: long(49_000, 'z') },
    column: 'Members',
    says: /zzz/,
  },
  {
    case: 'name on a Group chat',
    cells: { 'Space name': 'G1', Type: 'Group chat', Members: `${ok(4)}, ${ok(5)}` },
    column: 'Space name',
    says: /must be empty for a Group chat/,
  },
  {
    case: 'Group chat with one person',
    cells: { Type: 'group chat', Members: ok(6) },
    column: 'Members',
    says: /needs at least 2 other people/,
  },
  {
    case: 'Direct message with two people',
    cells: { Type: 'DM', Members: `${ok(7)}, ${ok(8)}` },
    column: 'Members',
    says: /exactly 1 other person/,
  },
  {
    case: 'Managers on a Direct message',
    cells: { Type: 'Direct message', Members: ok(9), Managers: ok(10) },
    column: 'Managers',
    says: /only for named spaces/,
  },
  {
    case: 'Groups on a Group chat',
    cells: { Type: 'Group chat', Members: `${ok(11)}, ${ok(12)}`, Groups: 'eng@example.com' },
    column: 'Groups',
    says: /only for named spaces/,
  },
  {
    case: 'same person Manager and Owner',
    cells: { 'Space name': 'P1', Managers: ok(13), Owners: ok(13).toUpperCase() },
    column: 'Managers',
    says: /in both Managers and Owners/,
  },
  {
    case: 'group also listed as a person',
    cells: { 'Space name': 'P2', Members: 'eng@example.com', Groups: 'eng@example.com' },
    column: 'Groups',
    says: /both as a group and as a person/,
  },
  {
    case: 'right-to-left name, bad email',
    cells: { 'Space name': 'فريق المبيعات', Members: 'محمد@' },
    column: 'Members',
    says: /محمد@/,
  },
];
