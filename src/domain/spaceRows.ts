/**
 * Spaces-tab rows: parse and validate one row into a DesiredSpace, or into problems that say, per cell, what is
 * wrong and how to fix it; and validate the whole tab (Row IDs for blank, malformed or copied rows; duplicate space
 * names and duplicate Space IDs across rows). The rules follow Chat's own (facts §2.2, §2.3): names ≤128 characters
 * and required only for Type Space; descriptions ≤150 and guidelines ≤5,000 for Type Space; a group chat needs at
 * least 2 other people and a direct message exactly 1; groups, managers, owners, discoverability and announcement
 * mode only for named spaces; the welcome message ≤4,096 characters after its {{Column}} placeholders are filled.
 * The person running the add-on is added to every space they create automatically, so listing them is not an error:
 * they are dropped from the lists with a note. Pure.
 */

import { parseEmailList } from './emails';
import type { RowIdAssignment } from './ids';
import type { DesiredSpace, HistoryState, MemberSyncMode, RowProblem, SpaceType } from './model';
import { isSpaceName, parseSpaceReference } from './spaceLinks';
import {
  writtenHeaders,
  assignTableRowIds,
  rowFindings,
  templateColumns,
  writtenHeader,
  type RowNote,
  type Table,
  type TableRow,
} from './table';
import { SPACES_COL as C } from './tabs';
import { checkRenderedLength, checkTemplate, literalLength, renderTemplate } from './template';
import { charLength, enumKey, formatCount, humanList, nameKey, parseYesNo, plural, quote } from './text';

/** Chat's limits on a space (facts §2.2, §2.5). */
export const SPACE_LIMITS = {
  displayName: 128,
  description: 150,
  guidelines: 5000,
  welcomeMessage: 4096,
} as const;

/** What parsing a Spaces row needs beyond the row. */
export interface SpaceRowContext {
  /** The Row ID the row will use (from `assignRowIds`). */
  readonly rowId: string;
  /** Email of the person running the add-on (any case): dropped from people lists with a note. */
  readonly runnerEmail?: string;
  /** Headers a {{Column}} in Welcome message may use. Default: the row's own columns. */
  readonly templateColumns?: readonly string[];
  /** Header text as the user wrote it, by canonical header, for RowProblem.column. Default: canonical. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The row was copied from another (its Row ID was reassigned): its Space ID and Space link were copied too and
   * are ignored, so the row makes its own space.
   */
  readonly copied?: boolean;
}

/** The result of parsing one Spaces row: a space when there are no problems. */
export interface SpaceRowResult {
  space?: DesiredSpace;
  problems: RowProblem[];
  notes: RowNote[];
}

const TYPE_LABEL: Record<SpaceType, string> = {
  SPACE: 'Space',
  GROUP_CHAT: 'Group chat',
  DIRECT_MESSAGE: 'Direct message',
};

/**
 * Reads a Type cell: `Space` (also blank), `Group chat`, `Direct message`, any case or spacing, plus Chat's own
 * names (`GROUP_CHAT`, `DIRECT_MESSAGE`) and `DM`. Returns undefined for anything else.
 */
export function parseSpaceType(text: string): SpaceType | undefined {
  switch (enumKey(text)) {
    case '':
    case 'space':
    case 'namedspace':
      return 'SPACE';
    case 'groupchat':
    case 'group':
    case 'groupconversation':
    case 'groupmessage':
      return 'GROUP_CHAT';
    case 'directmessage':
    case 'dm':
    case 'direct':
    case 'directchat':
      return 'DIRECT_MESSAGE';
    default:
      return undefined;
  }
}

/** Reads a Member sync cell: `Add only` (also blank) or `Exact`. Undefined for anything else. */
export function parseMemberSync(text: string): MemberSyncMode | undefined {
  switch (enumKey(text)) {
    case '':
    case 'addonly':
    case 'add':
    case 'additive':
      return 'add-only';
    case 'exact':
    case 'mirror':
      return 'exact';
    default:
      return undefined;
  }
}

/** Splits a Tags cell (commas, semicolons or new lines) into distinct tags, compared case-insensitively. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;\n]+/)) {
    const tag = nameKey(part);
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** Parses and validates one Spaces row. Every rule is described in the file comment; each problem names its column. */
export function parseSpaceRow(row: TableRow, ctx: SpaceRowContext): SpaceRowResult {
  const { problems, notes, cell, problem, usable } = rowFindings(row, ctx.headers);
  const note = (canonical: string, message: string): void => {
    notes.push({ row: row.row, column: canonical, message });
  };

  // Type
  const typeText = cell(C.type);
  const type = parseSpaceType(typeText);
  if (type === undefined) {
    problem(C.type, `Type is ${quote(typeText)}; write Space, Group chat or Direct message (blank means Space).`);
  }
  const isSpace = type === 'SPACE';
  const typeLabel = type ? TYPE_LABEL[type] : '';
  const onlyForSpaces = (canonical: string, what: string): void => {
    problem(canonical, `${what} only for named spaces, not a ${typeLabel}; clear ${canonical} or set Type to Space.`);
  };

  // Space name
  const name = cell(C.spaceName);
  if (usable(C.spaceName) && type !== undefined) {
    if (isSpace) {
      if (name === '') {
        problem(
          C.spaceName,
          'Space name is empty; a space needs a name (or set Type to Group chat or Direct message).',
        );
      } else {
        const n = charLength(name);
        if (n > SPACE_LIMITS.displayName) {
          problem(
            C.spaceName,
            `Space name is ${formatCount(n)} characters; Chat allows at most ${SPACE_LIMITS.displayName}. Shorten it.`,
          );
        }
        if (/[\r\n]/.test(name)) problem(C.spaceName, 'Space name has a line break; put the name on one line.');
      }
    } else if (name !== '') {
      problem(
        C.spaceName,
        `Space name must be empty for a ${typeLabel}: Chat names it after its members. Clear it, or set Type to Space.`,
      );
    }
  }

  // Description and guidelines
  const description = cell(C.description);
  const guidelines = cell(C.guidelines);
  for (const [col, value, max] of [
    [C.description, description, SPACE_LIMITS.description],
    [C.guidelines, guidelines, SPACE_LIMITS.guidelines],
  ] as const) {
    if (value === '' || type === undefined || !usable(col)) continue;
    if (!isSpace) {
      onlyForSpaces(col, `${col} can be set`);
      continue;
    }
    const n = charLength(value);
    if (n > max)
      problem(col, `${col} is ${formatCount(n)} characters; Chat allows at most ${formatCount(max)}. Shorten it.`);
  }

  // People and groups
  const runner = ctx.runnerEmail?.trim().toLowerCase();
  const readList = (canonical: string): string[] => {
    if (!usable(canonical)) return [];
    const r = parseEmailList(cell(canonical), canonical);
    for (const p of r.problems) problem(canonical, p);
    for (const n of r.notes) note(canonical, n);
    return r.emails;
  };
  const dropRunner = (canonical: string, emails: string[], why: string): string[] => {
    if (!runner || !emails.includes(runner)) return emails;
    note(canonical, `${canonical}: you (${runner}) ${why}; removed from ${canonical}.`);
    return emails.filter((e) => e !== runner);
  };
  const members = dropRunner(C.members, readList(C.members), 'are added automatically');
  const groups = readList(C.groups);
  const managers = dropRunner(
    C.managers,
    readList(C.managers),
    'will own the spaces you create and cannot also be a Manager',
  );
  const owners = dropRunner(C.owners, readList(C.owners), 'are already the Owner of the spaces you create');

  if (type !== undefined && !isSpace) {
    if (groups.length > 0) onlyForSpaces(C.groups, 'Google Groups can be added');
    if (managers.length > 0) onlyForSpaces(C.managers, 'Managers exist');
    if (owners.length > 0) onlyForSpaces(C.owners, 'Owners exist');
  }
  const both = managers.filter((m) => owners.includes(m));
  if (both.length > 0) {
    problem(
      C.managers,
      `${humanList(both, 'and')} ${both.length === 1 ? 'is' : 'are'} in both Managers and Owners; keep each person in one of them.`,
    );
  }
  const asGroupToo = groups.filter((g) => members.includes(g) || managers.includes(g) || owners.includes(g));
  if (asGroupToo.length > 0) {
    problem(
      C.groups,
      `${humanList(asGroupToo, 'and')} ${asGroupToo.length === 1 ? 'is' : 'are'} listed both as a group and as a person; keep Google Groups in Groups only.`,
    );
  }
  const people: string[] = [];
  // Managers and owners are people of the space too, but only named spaces have them (else they are problems).
  for (const e of type === 'SPACE' || type === undefined ? [...members, ...managers, ...owners] : members) {
    if (!people.includes(e)) people.push(e);
  }

  if (type === 'GROUP_CHAT' && usable(C.members) && people.length < 2) {
    problem(
      C.members,
      people.length === 0
        ? 'Members is empty; a Group chat needs at least 2 other people (you are added automatically).'
        : `Members lists only ${people[0]}; a Group chat needs at least 2 other people (you are added automatically). Add more people, or set Type to Direct message.`,
    );
  }
  if (type === 'DIRECT_MESSAGE' && usable(C.members) && people.length !== 1) {
    problem(
      C.members,
      people.length === 0
        ? 'Members is empty; a Direct message needs exactly 1 other person (you are added automatically).'
        : `Members lists ${plural(people.length, 'person', 'people')}; a Direct message is with exactly 1 other person. Keep one, or set Type to Group chat.`,
    );
  }

  // History
  let history: HistoryState | undefined;
  const historyText = cell(C.history);
  const historyValue = parseYesNo(historyText);
  if (historyValue === 'invalid') {
    problem(C.history, `History is ${quote(historyText)}; write On or Off (blank keeps the current setting).`);
  } else if (historyValue !== undefined) {
    history = historyValue ? 'HISTORY_ON' : 'HISTORY_OFF';
  }

  // Yes/No settings
  const yesNo = (canonical: string, blankMeans: string): boolean | undefined => {
    const text = cell(canonical);
    const v = parseYesNo(text);
    if (v === 'invalid') {
      problem(canonical, `${canonical} is ${quote(text)}; write Yes or No (blank ${blankMeans}).`);
      return undefined;
    }
    return v;
  };
  let discoverable = yesNo(C.discoverable, 'keeps the current setting');
  if (discoverable === true && type !== undefined && !isSpace) {
    onlyForSpaces(C.discoverable, 'Discoverable applies');
  }
  if (!isSpace) discoverable = undefined;
  const externalUserAllowed = yesNo(C.externalUsers, 'means No') ?? false;
  let announcement = yesNo(C.announcement, 'means No') ?? false;
  if (announcement && type !== undefined && !isSpace) {
    onlyForSpaces(C.announcement, 'Announcement mode exists');
    announcement = false;
  }

  // Member sync
  const syncText = cell(C.memberSync);
  const memberSync = parseMemberSync(syncText);
  if (memberSync === undefined) {
    problem(C.memberSync, `Member sync is ${quote(syncText)}; write Add only or Exact (blank means Add only).`);
  } else if (memberSync === 'exact' && people.length === 0 && groups.length === 0 && usable(C.members)) {
    problem(
      C.memberSync,
      'Member sync is Exact but Members, Managers, Owners and Groups are all empty, which would remove everyone; list the members or set Member sync to Add only.',
    );
  }

  // Welcome message
  const welcome = cell(C.welcomeMessage);
  if (welcome !== '' && usable(C.welcomeMessage)) {
    const available = ctx.templateColumns ?? Object.keys(row.cells);
    const templateProblems = checkTemplate(welcome, available, C.welcomeMessage);
    for (const p of templateProblems) problem(C.welcomeMessage, p);
    if (templateProblems.length === 0) {
      const rendered = renderTemplate(welcome, row.cells, C.welcomeMessage);
      const tooLong = checkRenderedLength(rendered.text, SPACE_LIMITS.welcomeMessage, C.welcomeMessage);
      if (tooLong) problem(C.welcomeMessage, tooLong);
    } else if (literalLength(welcome) > SPACE_LIMITS.welcomeMessage) {
      const tooLong = checkRenderedLength(welcome, SPACE_LIMITS.welcomeMessage, C.welcomeMessage, false);
      if (tooLong) problem(C.welcomeMessage, tooLong);
    }
  }

  // Space ID / Space link
  let spaceId: string | undefined;
  const idText = cell(C.spaceId);
  const linkText = cell(C.spaceLink);
  if (ctx.copied) {
    if (idText !== '' || linkText !== '') {
      note(
        C.spaceId,
        'This row is a copy of another row, so it got a new Row ID and its copied Space ID and Space link are ignored: it will get a space of its own.',
      );
    }
  } else {
    const fromId = idText === '' ? undefined : parseSpaceReference(idText, { allowBareId: true });
    const fromLink = linkText === '' ? undefined : parseSpaceReference(linkText, { allowBareId: false });
    if (idText !== '' && !fromId) {
      problem(
        C.spaceId,
        `Space ID ${quote(idText)} is not a Chat space ID (spaces/…); clear it so the add-on fills it in, or paste the space's link.`,
      );
    } else if (fromId) {
      spaceId = fromId.name;
      if (!isSpaceName(idText)) note(C.spaceId, `Space ID: read ${quote(idText)} as ${fromId.name}.`);
      if (fromLink && fromLink.name !== fromId.name) {
        problem(
          C.spaceLink,
          `Space ID (${fromId.name}) and Space link (${fromLink.name}) point to different spaces; clear the one that is wrong.`,
        );
      }
    } else if (fromLink) {
      spaceId = fromLink.name;
      note(C.spaceLink, `Space link: this row will manage the existing space ${fromLink.name}.`);
    } else if (linkText !== '') {
      problem(
        C.spaceLink,
        `Space link ${quote(linkText)} is not a link to a Chat space; paste the link Chat shows for the space (https://chat.google.com/room/…) or clear it.`,
      );
    }
  }

  if (problems.length > 0 || type === undefined || memberSync === undefined) return { problems, notes };
  const space: DesiredSpace = {
    row: row.row,
    rowId: ctx.rowId,
    type,
    displayName: isSpace ? name : undefined,
    description: isSpace && description !== '' ? description : undefined,
    guidelines: isSpace && guidelines !== '' ? guidelines : undefined,
    people,
    groups,
    managers,
    owners,
    history,
    discoverable,
    externalUserAllowed,
    announcement,
    welcomeMessage: welcome === '' ? undefined : welcome,
    memberSync,
    tags: parseTags(cell(C.tags)),
    spaceId,
    cells: { ...row.cells },
  };
  return { space, problems, notes };
}

/** What validating the Spaces tab needs. */
export interface SpacesTabContext {
  /** Email of the person running the add-on. */
  readonly runnerEmail?: string;
  /** New Row IDs: a generator, or a random source (IDs already in the sheet are avoided either way). */
  readonly newRowId: (() => string) | { random: () => number };
}

/** The Spaces tab, validated. */
export interface SpacesTabResult {
  /** Valid rows, in sheet order. */
  readonly spaces: readonly DesiredSpace[];
  /** Every problem: the tab's (missing columns) and each row's. */
  readonly problems: readonly RowProblem[];
  readonly notes: readonly RowNote[];
  /** Header warnings (duplicate columns). */
  readonly warnings: readonly RowProblem[];
  /** Row IDs to write back (blank, malformed or copied rows). */
  readonly rowIdAssignments: readonly RowIdAssignment[];
  /** Each row's result, by 1-based row number. */
  readonly rows: ReadonlyMap<number, SpaceRowResult>;
}

/** What `parseSpaceRows` needs. */
export interface SpaceRowsOptions {
  /** Email of the person running the add-on. */
  readonly runner?: string;
  /** Row ID of every row (from `assignRowIds`). */
  readonly rowIds: ReadonlyMap<number, string>;
  /** Rows whose outputs were copied from another row (their Space ID and Space link are ignored). */
  readonly ignoreOutputsOf?: ReadonlySet<number>;
}

/**
 * Parses every row of a Spaces table whose Row IDs are already assigned, then flags, on every duplicate after the
 * first, a Space name used by an earlier row (trimmed, spaces collapsed, case-insensitive), a Direct message with
 * the same person as an earlier row, and a Space ID used by an earlier row, naming the earlier row. Returns each row's result by 1-based row number, in sheet order.
 */
export function parseSpaceRows(table: Table, options: SpaceRowsOptions): Map<number, SpaceRowResult> {
  const headers = writtenHeaders(table);
  const columns = templateColumns(table);
  const results = new Map<number, SpaceRowResult>();
  const firstByName = new Map<string, number>();
  const firstById = new Map<string, number>();
  const firstByDmPerson = new Map<string, number>();
  for (const row of table.rows) {
    const parsed = parseSpaceRow(row, {
      rowId: options.rowIds.get(row.row) ?? '',
      runnerEmail: options.runner,
      templateColumns: columns,
      headers,
      copied: options.ignoreOutputsOf?.has(row.row) ?? false,
    });
    const problems = [...parsed.problems];
    const type = parseSpaceType(row.cells[C.type] ?? '');
    const name = row.cells[C.spaceName] ?? '';
    if (type === 'SPACE' && name !== '') {
      const key = nameKey(name);
      const first = firstByName.get(key);
      if (first === undefined) firstByName.set(key, row.row);
      else {
        problems.push({
          row: row.row,
          column: writtenHeader(table, C.spaceName),
          message: `Space name ${quote(name)} is also on row ${first}; each row must name a different space. Rename this one or delete the row.`,
        });
      }
    }
    // Chat keeps one direct message per pair of people (setup returns the existing one, facts §2.1), so two rows
    // with the same person would manage the same conversation.
    const dmPerson = type === 'DIRECT_MESSAGE' ? parsed.space?.people[0] : undefined;
    if (dmPerson) {
      const first = firstByDmPerson.get(dmPerson);
      if (first === undefined) firstByDmPerson.set(dmPerson, row.row);
      else {
        problems.push({
          row: row.row,
          column: writtenHeader(table, C.members),
          message: `A Direct message with ${dmPerson} is also on row ${first}; Chat keeps one direct message per person, so two rows would manage the same conversation. Delete one of the rows.`,
        });
      }
    }
    const id = spaceIdInCells(row, options.ignoreOutputsOf?.has(row.row) ?? false);
    if (id) {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, row.row);
      else {
        problems.push({
          row: row.row,
          column: writtenHeader(table, C.spaceId),
          message: `Space ID ${id} is also on row ${first}; two rows cannot manage the same space. Delete one of the rows.`,
        });
      }
    }
    results.set(row.row, problems.length === parsed.problems.length ? parsed : { problems, notes: parsed.notes });
  }
  return results;
}

function spaceIdInCells(row: TableRow, copied: boolean): string | undefined {
  if (copied) return undefined;
  const id = parseSpaceReference(row.cells[C.spaceId] ?? '', { allowBareId: true });
  return (id ?? parseSpaceReference(row.cells[C.spaceLink] ?? ''))?.name;
}

/**
 * Validates the whole Spaces tab: assigns Row IDs (blank, malformed and copied rows get new ones) and parses every
 * row with `parseSpaceRows`.
 */
export function validateSpacesTab(table: Table, ctx: SpacesTabContext): SpacesTabResult {
  if (table.problems.length > 0) {
    return {
      spaces: [],
      problems: table.problems,
      notes: [],
      warnings: table.warnings,
      rowIdAssignments: [],
      rows: new Map(),
    };
  }
  const { rowIds, assignments } = assignTableRowIds(table, C.rowId, ctx.newRowId);
  const copied = new Set(assignments.filter((a) => a.reason === 'copied').map((a) => a.row));
  const results = parseSpaceRows(table, { runner: ctx.runnerEmail, rowIds, ignoreOutputsOf: copied });

  const spaces: DesiredSpace[] = [];
  const problems: RowProblem[] = [];
  const notes: RowNote[] = [];
  for (const r of results.values()) {
    if (r.space) spaces.push(r.space);
    problems.push(...r.problems);
    notes.push(...r.notes);
  }
  return { spaces, problems, notes, warnings: table.warnings, rowIdAssignments: assignments, rows: results };
}

/** What the Members and Messages tabs need to know about the Spaces tab. */
export interface SpacesIndex {
  /** Space names of Type Space rows, as written (trimmed), in sheet order, without duplicates. */
  readonly names: readonly string[];
  /** Every tag used in Tags (compared case-insensitively, stored lower-case). */
  readonly tags: ReadonlySet<string>;
  /** Headers available to {{Column}} placeholders filled from a Spaces row. */
  readonly columns: readonly string[];
}

/**
 * Indexes a Spaces table for the Members and Messages tabs, from the cells as written (valid or not), so a row on
 * those tabs can be checked against the names and tags the user sees.
 */
export function spacesIndex(table: Table): SpacesIndex {
  const names: string[] = [];
  const seen = new Set<string>();
  const tags = new Set<string>();
  for (const row of table.rows) {
    const name = row.cells[C.spaceName] ?? '';
    if (name !== '' && parseSpaceType(row.cells[C.type] ?? '') === 'SPACE' && !seen.has(nameKey(name))) {
      seen.add(nameKey(name));
      names.push(name);
    }
    for (const t of parseTags(row.cells[C.tags] ?? '')) tags.add(t);
  }
  return { names, tags, columns: templateColumns(table) };
}
