/**
 * The spaces of this spreadsheet's Spaces tab as the homepage lists them: name, type, the Space ID the add-on
 * wrote, the Status and Details of the last run. Read-only: the homepage never writes Row IDs or anything else
 * (the jobs do that), so opening the sidebar cannot change the sheet. Rows are paged and can be filtered by the
 * homepage's search words.
 */
import { parseSpaceReference } from '../../domain/spaceLinks';
import { readTable } from '../../domain/table';
import { SPACES_COL, SPACES_TAB } from '../../domain/tabs';
import { nameKey } from '../../domain/text';
import type { Workbook } from '../../ports/workbook';

/** Rows per homepage page. */
export const SHEET_ROWS_PAGE_SIZE = 10;

export interface SheetSpaceRow {
  /** 1-based sheet row. */
  row: number;
  name: string;
  type: string;
  /** `spaces/…` when the row is linked to a space. */
  spaceId: string;
  status: string;
  details: string;
}

export interface SheetSpacesPage {
  /** False when the spreadsheet has no Spaces tab. */
  hasTab: boolean;
  /** A sentence when the tab cannot be read (a required column missing). */
  problem?: string;
  rows: SheetSpaceRow[];
  /** Data rows on the tab (after the search filter). */
  total: number;
  /** 0-based index of the first row shown. */
  offset: number;
  /** Rows by status, over the whole tab (before the filter). */
  statusCounts: Record<string, number>;
  /** Data rows on the tab before the filter. */
  tabRows: number;
}

/**
 * One page of the Spaces tab. One spreadsheet read. Scope: spreadsheets.currentonly (or drive.file in the
 * Workspace add-on).
 */
export function sheetSpaces(
  workbook: Workbook,
  options: { timeZone: string; query?: string; offset?: number },
): SheetSpacesPage {
  const values = workbook.readTab(SPACES_TAB.name);
  if (!values) return { hasTab: false, rows: [], total: 0, offset: 0, statusCounts: {}, tabRows: 0 };
  const table = readTable(SPACES_TAB, values, { timeZone: options.timeZone });
  if (table.problems.length) {
    return {
      hasTab: true,
      problem: table.problems.map((p) => p.message).join(' '),
      rows: [],
      total: 0,
      offset: 0,
      statusCounts: {},
      tabRows: 0,
    };
  }
  const all: SheetSpaceRow[] = table.rows.map((r) => ({
    row: r.row,
    name: r.cells[SPACES_COL.spaceName] ?? '',
    type: r.cells[SPACES_COL.type] || 'Space',
    spaceId: parseSpaceReference(r.cells[SPACES_COL.spaceId] ?? '', { allowBareId: true })?.name ?? '',
    status: r.cells[SPACES_COL.status] ?? '',
    details: r.cells[SPACES_COL.details] ?? '',
  }));
  const statusCounts: Record<string, number> = {};
  for (const r of all) {
    const key = r.status || 'Not run yet';
    statusCounts[key] = (statusCounts[key] ?? 0) + 1;
  }
  const words = nameKey(options.query ?? '')
    .split(' ')
    .filter((w) => w !== '');
  const filtered = words.length ? all.filter((r) => words.every((w) => nameKey(r.name).includes(w))) : all;
  const offset = Math.min(Math.max(0, options.offset ?? 0), Math.max(0, filtered.length - 1));
  return {
    hasTab: true,
    rows: filtered.slice(offset, offset + SHEET_ROWS_PAGE_SIZE),
    total: filtered.length,
    offset: filtered.length ? offset : 0,
    statusCounts,
    tabRows: all.length,
  };
}
