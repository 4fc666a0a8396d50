/**
 * The Members tab and the Spaces tab as a Members run sees them: each tab read once (as a TabSheet, Row IDs written
 * before any Chat call), the Members rows validated, the Spaces tab turned into a catalog (Space names, IDs and
 * Member sync mode) and, for spaces in Exact mode, the people and groups their row lists. Outputs of both tabs are
 * recorded per row and written back as a few blocks per tab.
 */
import { validateMembersTab } from '../../domain/memberRows';
import type { DesiredMembership, DesiredSpace, MemberSyncMode, RowProblem } from '../../domain/model';
import { parseMemberSync, parseSpaceRows } from '../../domain/spaceRows';
import { SpacesCatalog } from '../../domain/spacesCatalog';
import type { OutputValue, Table } from '../../domain/table';
import { MEMBERS_COL, MEMBERS_TAB, SPACES_COL, SPACES_TAB } from '../../domain/tabs';
import type { Workbook } from '../../ports/workbook';
import { TabSheet } from '../tabSheet';
import { loadSpacesTab } from '../spaces/spacesSheet';

/** One data row of the Members tab. */
export interface MemberSheetRow {
  row: number;
  rowId: string;
  membership?: DesiredMembership;
  /** True when the Role cell is filled (blank = keep an existing member's role). */
  roleGiven: boolean;
  problems: RowProblem[];
}

/** A Spaces row whose space is synced in Exact mode. */
export interface ExactSpaceRow {
  row: number;
  rowId: string;
  space: string;
  displayName: string;
  /** The row as parsed; undefined when the row has problems (then `problems` says which). */
  desired?: DesiredSpace;
  problems: RowProblem[];
}

export interface MembersSheetOptions {
  timeZone: string;
  runner: string;
  random: () => number;
  /** Member sync of a Spaces row whose cell is blank (the user's setting). */
  memberSyncDefault: MemberSyncMode;
}

export class MembersSheet {
  private constructor(
    private readonly members: TabSheet,
    private readonly spaces: TabSheet | undefined,
    readonly rows: MemberSheetRow[],
    readonly catalog: SpacesCatalog,
    /** Applied Spaces rows in Exact mode, by space name. */
    readonly exact: ReadonlyMap<string, ExactSpaceRow>,
  ) {}

  /**
   * Reads both tabs (the Spaces tab is optional), writes Row IDs that were blank or copied, validates the Members
   * rows. Scope: spreadsheets.currentonly.
   * @throws Error with a sentence for the user when the Members tab is missing or cannot be read.
   */
  static load(workbook: Workbook, options: MembersSheetOptions): MembersSheet {
    const spaces = workbook.readTab(SPACES_TAB.name) ? loadSpacesTab(workbook, options) : undefined;
    const catalog = SpacesCatalog.fromTable(spaces?.table);
    const members = TabSheet.load(workbook, MEMBERS_TAB, {
      timeZone: options.timeZone,
      random: options.random,
      rowIdColumn: MEMBERS_COL.rowId,
      clearOnCopy: [MEMBERS_COL.status, MEMBERS_COL.details, MEMBERS_COL.lastRun],
    });
    const withIds = tableWithRowIds(members.table, members.rowIds);
    const validated = validateMembersTab(withIds, {
      runnerEmail: options.runner,
      spaceNames: catalog.spaces.filter((s) => s.type === 'SPACE' && s.displayName).map((s) => s.displayName),
      newRowId: () => {
        throw new Error('Row IDs are assigned when the tab is loaded.');
      },
    });
    const rows: MemberSheetRow[] = members.table.rows.map((r) => {
      const result = validated.rows.get(r.row);
      return {
        row: r.row,
        rowId: members.rowIds.get(r.row) ?? '',
        membership: result?.membership,
        roleGiven: (r.cells[MEMBERS_COL.role] ?? '').trim() !== '',
        problems: result?.problems ?? [],
      };
    });
    return new MembersSheet(members, spaces, rows, catalog, exactRows(spaces, catalog, options));
  }

  /** Records a Members row's outputs (written at the next flush). */
  setMember(row: number, values: Record<string, OutputValue>): void {
    this.members.set(row, values);
  }

  /** Records a Spaces row's outputs (Exact sync results). */
  setSpace(row: number, values: Record<string, OutputValue>): void {
    this.spaces?.set(row, values);
  }

  /** Writes every output recorded since load: a few setValues per tab, whatever the number of rows. */
  flush(): void {
    this.members.flush();
    this.spaces?.flush();
  }
}

/** The table with every row's Row ID cell set to the ID the TabSheet assigned (so validation assigns none). */
function tableWithRowIds(table: Table, rowIds: ReadonlyMap<number, string>): Table {
  return {
    ...table,
    rows: table.rows.map((r) => ({ ...r, cells: { ...r.cells, [MEMBERS_COL.rowId]: rowIds.get(r.row) ?? '' } })),
  };
}

function exactRows(
  spaces: TabSheet | undefined,
  catalog: SpacesCatalog,
  options: MembersSheetOptions,
): Map<string, ExactSpaceRow> {
  const out = new Map<string, ExactSpaceRow>();
  if (!spaces) return out;
  const parsed = parseSpaceRows(spaces.table, {
    runner: options.runner,
    rowIds: spaces.rowIds,
    ignoreOutputsOf: spaces.copied,
  });
  for (const r of spaces.table.rows) {
    if (spaces.copied.has(r.row)) continue;
    const cell = (r.cells[SPACES_COL.memberSync] ?? '').trim();
    const mode = cell === '' ? options.memberSyncDefault : parseMemberSync(cell);
    if (mode !== 'exact') continue;
    const listed = catalog.spaces.find((s) => s.row === r.row);
    if (!listed?.spaceName || catalog.bySpace(listed.spaceName)?.row !== r.row) continue;
    const result = parsed.get(r.row);
    out.set(listed.spaceName, {
      row: r.row,
      rowId: spaces.rowIds.get(r.row) ?? '',
      space: listed.spaceName,
      displayName: listed.displayName,
      desired: result?.problems.length ? undefined : result?.space,
      problems: result?.problems ?? [],
    });
  }
  return out;
}
