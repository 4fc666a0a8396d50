/**
 * Bad-input corpora of the Members and Messages tabs, checked at the domain level (their jobs are being built):
 * rows as a person would type them, each wrong in one way, with the column its problem must name and a fragment
 * of the sentence. Raw cells are what `Range.getValues()` returns (strings, numbers, booleans, Date objects).
 */
import type { RawCell } from '../../../src/domain/cells';
import type { BadRow } from './spacesCorpus';

/** Like BadRow, with raw cell values. */
export interface BadRawRow extends Omit<BadRow, 'cells'> {
  cells: Record<string, RawCell>;
}

/** Spaces-tab rows the Members and Messages tabs refer to (names and tags). */
export const SPACES_CONTEXT = [
  ['Space name', 'Tags', 'Team lead'],
  ['Apollo', 'eng, launch', 'Ana'],
  ['Gemini', 'eng', 'Bo'],
];

export const BAD_MEMBER_ROWS: BadRawRow[] = [
  {
    case: 'malformed email',
    cells: { Space: 'Apollo', Member: 'ana@example' },
    column: 'Member',
    says: /no dot after the @/,
  },
  {
    case: 'two people in one cell',
    cells: { Space: 'Apollo', Member: 'a@example.com, b@example.com' },
    column: 'Member',
    says: /one/i,
  },
  { case: 'blank member', cells: { Space: 'Apollo', Member: '', Role: 'Manager' }, column: 'Member', says: /empty/i },
  {
    case: 'unknown role',
    cells: { Space: 'Apollo', Member: 'a@example.com', Role: 'Admin' },
    column: 'Role',
    says: /Role is "Admin"/,
  },
  {
    case: 'unknown action',
    cells: { Space: 'Apollo', Member: 'a@example.com', Action: 'Kick' },
    column: 'Action',
    says: /Action is "Kick"/,
  },
  {
    case: 'space name not on the Spaces tab',
    cells: { Space: 'Apolo', Member: 'a@example.com' },
    column: 'Space',
    says: /Apolo/,
  },
  { case: 'blank space', cells: { Space: '', Member: 'a@example.com' }, column: 'Space', says: /empty/i },
  {
    case: 'link to another site',
    cells: { Space: 'https://example.com/room/AAAA', Member: 'a@example.com' },
    column: 'Space',
    says: /example\.com/,
  },
  {
    case: 'formula error in Member',
    cells: { Space: 'Apollo', Member: '#N/A' },
    column: 'Member',
    says: /formula error #N\/A/,
  },
  {
    case: 'date in Member',
    cells: { Space: 'Apollo', Member: new Date(Date.UTC(2026, 0, 5)) },
    column: 'Member',
    says: /holds a date/,
  },
  { case: 'number in Member', cells: { Space: 'Apollo', Member: 12345 }, column: 'Member', says: /12345/ },
  {
    case: 'right-to-left malformed email',
    cells: { Space: 'Apollo', Member: 'محمد@' },
    column: 'Member',
    says: /محمد@/,
  },
];

export const BAD_MESSAGE_ROWS: BadRawRow[] = [
  {
    case: 'space name not on the Spaces tab',
    cells: { Space: 'Apolo', Message: 'Hi' },
    column: 'Space',
    says: /Apolo/,
  },
  { case: 'unknown tag', cells: { Space: 'tag:sales', Message: 'Hi' }, column: 'Space', says: /sales/ },
  { case: 'blank message', cells: { Space: 'Apollo', Message: '' }, column: 'Message', says: /empty/i },
  {
    case: 'message over 4,096 characters',
    cells: { Space: 'Apollo', Message: 'm'.repeat(4097) },
    column: 'Message',
    says: /4,096/,
  },
  {
    case: 'placeholder for a missing column',
    cells: { Space: 'Apollo', Message: 'Hi {{Buddy}}' },
    column: 'Message',
    says: /Buddy/,
  },
  {
    case: 'placeholder never closed',
    cells: { Space: 'Apollo', Message: 'Hi {{Team lead' },
    column: 'Message',
    says: /\{\{/,
  },
  {
    case: 'Send at that is not a date',
    cells: { Space: 'Apollo', Message: 'Hi', 'Send at': 'next Tuesday-ish' },
    column: 'Send at',
    says: /next Tuesday-ish/,
  },
  {
    case: 'Send at with an impossible date',
    cells: { Space: 'Apollo', Message: 'Hi', 'Send at': '2026-02-30 09:00' },
    column: 'Send at',
    says: /2026-02-30/,
  },
  {
    case: 'thread key over 4,000 characters',
    cells: { Space: 'Apollo', Message: 'Hi', 'Thread key': 'k'.repeat(4001) },
    column: 'Thread key',
    says: /4,000/,
  },
  {
    case: 'formula error in Message',
    cells: { Space: 'Apollo', Message: '#VALUE!' },
    column: 'Message',
    says: /formula error #VALUE!/,
  },
  {
    case: 'date in Message',
    cells: { Space: 'Apollo', Message: new Date(Date.UTC(2026, 0, 5)) },
    column: 'Message',
    says: /holds a date/,
  },
  {
    case: 'attachment that is not a link',
    cells: { Space: 'Apollo', Message: 'Hi', Attachment: 'report.pdf' },
    column: 'Attachment',
    says: /report\.pdf/,
  },
];
