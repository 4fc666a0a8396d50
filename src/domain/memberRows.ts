/**
 * Members-tab rows: one membership per row. `Space` names the space by Space ID, Chat link or a Space name from the
 * Spaces tab, or `*` (every space on the Spaces tab) together with Action Remove, for offboarding; `Member` is one
 * email (a person or a Google Group); `Role` is Member (default), Manager or Owner; `Action` is Add (default) or
 * Remove. The tab validator assigns Row IDs and flags a row that repeats or contradicts an earlier one (same space
 * and member), naming the earlier row. Removing yourself is refused: the add-on acts as you and would lose access.
 * Pure.
 */

import { parseSingleEmail } from './emails';
import type { RowIdAssignment } from './ids';
import type { DesiredMembership, MemberRole, RowProblem } from './model';
import { parseSpaceCell } from './spaceLinks';
import { writtenHeaders, assignTableRowIds, rowFindings, type RowNote, type Table, type TableRow } from './table';
import { MEMBERS_COL as C } from './tabs';
import { enumKey, nameKey, quote } from './text';

/** Reads a Role cell: Member (also blank), Manager, Owner, and Chat's names (`ROLE_ASSISTANT_MANAGER`, …). */
export function parseRole(text: string): MemberRole | undefined {
  switch (enumKey(text)) {
    case '':
    case 'member':
    case 'rolemember':
      return 'ROLE_MEMBER';
    case 'manager':
    case 'assistantmanager':
    case 'roleassistantmanager':
      return 'ROLE_ASSISTANT_MANAGER';
    case 'owner':
    case 'rolemanager':
      return 'ROLE_MANAGER';
    default:
      return undefined;
  }
}

/** Reads an Action cell: Add (also blank) or Remove. */
export function parseMemberAction(text: string): 'add' | 'remove' | undefined {
  switch (enumKey(text)) {
    case '':
    case 'add':
    case 'invite':
      return 'add';
    case 'remove':
    case 'delete':
      return 'remove';
    default:
      return undefined;
  }
}

/** The role's label as the sheet shows it. */
export function roleLabel(role: MemberRole): string {
  return role === 'ROLE_MANAGER' ? 'Owner' : role === 'ROLE_ASSISTANT_MANAGER' ? 'Manager' : 'Member';
}

/** What parsing a Members row needs beyond the row. */
export interface MemberRowContext {
  readonly rowId: string;
  /** Email of the person running the add-on. */
  readonly runnerEmail?: string;
  /** Space names on the Spaces tab; when given, a Space name not among them is a problem. */
  readonly spaceNames?: Iterable<string>;
  /** Header text as the user wrote it, by canonical header. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The result of parsing one Members row: a membership when there are no problems. */
export interface MemberRowResult {
  membership?: DesiredMembership;
  problems: RowProblem[];
  notes: RowNote[];
}

/** Parses and validates one Members row. */
export function parseMemberRow(row: TableRow, ctx: MemberRowContext): MemberRowResult {
  const { problems, notes, cell, problem } = rowFindings(row, ctx.headers);

  const actionText = cell(C.action);
  const action = parseMemberAction(actionText);
  if (action === undefined) {
    problem(
      C.action,
      `Action is ${quote(actionText)}; write Add or Remove (blank means Add). To change someone's role, use Add with the new Role.`,
    );
  }

  const roleText = cell(C.role);
  const role = parseRole(roleText);
  if (role === undefined) {
    problem(C.role, `Role is ${quote(roleText)}; write Member, Manager or Owner (blank means Member).`);
  } else if (action === 'remove' && role !== 'ROLE_MEMBER') {
    notes.push({ row: row.row, column: C.role, message: 'Role is ignored when the Action is Remove.' });
  }

  const spaceText = cell(C.space);
  const parsedSpace = parseSpaceCell(spaceText, { column: C.space, knownNames: ctx.spaceNames });
  if (parsedSpace.problem !== undefined) problem(C.space, parsedSpace.problem);
  else if (parsedSpace.target.kind === 'all' && action === 'add') {
    problem(
      C.space,
      'Space * (every space on the Spaces tab) works only with Action Remove, for offboarding; name one space per row to add someone.',
    );
  }

  const memberText = cell(C.member);
  const email = parseSingleEmail(memberText, C.member);
  for (const p of email.problems) problem(C.member, p);
  for (const n of email.notes) notes.push({ row: row.row, column: C.member, message: n });
  const runner = ctx.runnerEmail?.trim().toLowerCase();
  if (email.email !== undefined && email.email === runner && action === 'remove') {
    problem(
      C.member,
      `Member is you (${runner}); the add-on acts as you and would lose access to the space. Leave the space in Chat instead, or delete this row.`,
    );
  }

  if (problems.length > 0 || !parsedSpace.target || !email.email || !role || !action) return { problems, notes };
  return {
    membership: {
      row: row.row,
      rowId: ctx.rowId,
      space: parsedSpace.target,
      member: email.email,
      role,
      action,
    },
    problems,
    notes,
  };
}

/** What validating the Members tab needs. */
export interface MembersTabContext {
  readonly runnerEmail?: string;
  /** Space names on the Spaces tab (see `spacesIndex`); when given, unknown names are problems. */
  readonly spaceNames?: Iterable<string>;
  /** New Row IDs: a generator, or a random source. */
  readonly newRowId: (() => string) | { random: () => number };
}

/** The Members tab, validated. */
export interface MembersTabResult {
  readonly memberships: readonly DesiredMembership[];
  readonly problems: readonly RowProblem[];
  readonly notes: readonly RowNote[];
  readonly warnings: readonly RowProblem[];
  readonly rowIdAssignments: readonly RowIdAssignment[];
  readonly rows: ReadonlyMap<number, MemberRowResult>;
}

function spaceKey(m: DesiredMembership): string {
  const s = m.space;
  return s.kind === 'id' ? `id:${s.name}` : s.kind === 'name' ? `name:${nameKey(s.displayName)}` : '*';
}

/**
 * Validates the whole Members tab: assigns Row IDs, parses every row, and flags a row whose space and member repeat
 * an earlier row's (the same change twice, or Add and Remove of the same person), naming the earlier row.
 */
export function validateMembersTab(table: Table, ctx: MembersTabContext): MembersTabResult {
  if (table.problems.length > 0) {
    return {
      memberships: [],
      problems: table.problems,
      notes: [],
      warnings: table.warnings,
      rowIdAssignments: [],
      rows: new Map(),
    };
  }
  const { rowIds, assignments } = assignTableRowIds(table, C.rowId, ctx.newRowId);
  const headers = writtenHeaders(table);
  const names = ctx.spaceNames === undefined ? undefined : Array.from(ctx.spaceNames);

  const rows = new Map<number, MemberRowResult>();
  const first = new Map<string, DesiredMembership>();
  for (const row of table.rows) {
    const r = parseMemberRow(row, {
      rowId: rowIds.get(row.row) ?? '',
      runnerEmail: ctx.runnerEmail,
      spaceNames: names,
      headers,
    });
    const m = r.membership;
    if (m) {
      const key = `${spaceKey(m)}\u0000${m.member}`;
      const earlier = first.get(key);
      if (!earlier) first.set(key, m);
      else {
        const what =
          earlier.action === m.action
            ? `row ${earlier.row} already ${m.action === 'add' ? `adds ${m.member} to` : `removes ${m.member} from`} this space${m.action === 'add' && earlier.role !== m.role ? ` (as ${roleLabel(earlier.role)})` : ''}`
            : `row ${earlier.row} ${earlier.action === 'add' ? 'adds' : 'removes'} ${m.member} and this row ${m.action === 'add' ? 'adds them' : 'removes them'}`;
        r.problems.push({
          row: row.row,
          column: headers[C.member] ?? C.member,
          message: `${what[0].toUpperCase()}${what.slice(1)}; keep only one of the two rows.`,
        });
        delete r.membership;
      }
    }
    rows.set(row.row, r);
  }
  const memberships: DesiredMembership[] = [];
  const problems: RowProblem[] = [];
  const notes: RowNote[] = [];
  for (const r of rows.values()) {
    if (r.membership) memberships.push(r.membership);
    problems.push(...r.problems);
    notes.push(...r.notes);
  }
  return { memberships, problems, notes, warnings: table.warnings, rowIdAssignments: assignments, rows };
}
