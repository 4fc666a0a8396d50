/**
 * "Adopt": the named spaces of Spaces (export) added to the Spaces tab as managed rows (Space name, Type,
 * Description, Guidelines, a new Row ID, Space ID, Space link, Status `Up to date`, Details, Last run), appended in
 * one block. A space already on the Spaces tab (by Space ID or link) is never added twice; group chats and direct
 * messages are left out (the Spaces tab manages them by their members, which an export cannot know by email).
 */
import { createRowIdGenerator } from '../../domain/ids';
import { parseSpaceReference } from '../../domain/spaceLinks';
import { readTable, withOutputColumns } from '../../domain/table';
import { SPACES_COL, SPACES_EXPORT_TAB, SPACES_TAB, STATUS } from '../../domain/tabs';
import { headerKey } from '../../domain/text';
import { toCellValue } from '../../domain/cells';
import type { CellValue, Workbook } from '../../ports/workbook';
import { columnSetups } from '../setUpSheets';

export interface AdoptReport {
  added: number;
  alreadyOnTab: number;
  notNamed: number;
}

/** Adds the exported named spaces that the Spaces tab lacks. */
export function adoptExportedSpaces(
  workbook: Workbook,
  options: { timeZone: string; random: () => number; now: Date },
): AdoptReport {
  const report: AdoptReport = { added: 0, alreadyOnTab: 0, notNamed: 0 };
  const exported = workbook.readTab(SPACES_EXPORT_TAB.name) ?? [];
  if (exported.length < 2) return report;
  const exportHeader = exported[0].map((h) => headerKey(String(h)));
  const col = (h: string) => exportHeader.indexOf(headerKey(h));

  workbook.setUpTab(SPACES_TAB.name, columnSetups(SPACES_TAB));
  const read = readTable(SPACES_TAB, workbook.readTab(SPACES_TAB.name) ?? [], { timeZone: options.timeZone });
  if (read.problems.length) throw new Error(read.problems.map((p) => p.message).join(' '));
  const { table, headerBlock } = withOutputColumns(read);
  if (headerBlock) workbook.writeBlocks(SPACES_TAB.name, [headerBlock]);

  const onTab = new Set<string>();
  const rowIds: string[] = [];
  for (const r of table.rows) {
    const ref =
      parseSpaceReference(r.cells[SPACES_COL.spaceId] ?? '', { allowBareId: true }) ??
      parseSpaceReference(r.cells[SPACES_COL.spaceLink] ?? '');
    if (ref) onTab.add(ref.name);
    if (r.cells[SPACES_COL.rowId]) rowIds.push(r.cells[SPACES_COL.rowId]);
  }
  const newRowId = createRowIdGenerator(options.random, rowIds);
  const index = new Map(table.columns.filter((c) => c.spec).map((c) => [c.key, c.index]));
  const width = table.lastColumn + 1;
  const rows: CellValue[][] = [];
  for (const line of exported.slice(1)) {
    const cell = (h: string) => {
      const i = col(h);
      return i < 0 ? '' : String(line[i] ?? '');
    };
    const ref = parseSpaceReference(cell('Space ID'));
    if (!ref) continue;
    if (cell('Type') !== 'Space') {
      report.notNamed++;
      continue;
    }
    if (onTab.has(ref.name)) {
      report.alreadyOnTab++;
      continue;
    }
    onTab.add(ref.name);
    const values: Record<string, string | Date> = {
      [SPACES_COL.spaceName]: cell('Space name'),
      [SPACES_COL.type]: 'Space',
      [SPACES_COL.description]: cell('Description'),
      [SPACES_COL.guidelines]: cell('Guidelines'),
      [SPACES_COL.rowId]: newRowId(),
      [SPACES_COL.spaceId]: ref.name,
      [SPACES_COL.spaceLink]: cell('Space link'),
      [SPACES_COL.status]: STATUS.upToDate,
      [SPACES_COL.details]:
        'Adopted from Chat by Import and adopt spaces. Fill Members, Managers or Owners to manage who is in it; ' +
        'blank settings are left as they are.',
      [SPACES_COL.lastRun]: options.now,
    };
    const line2: CellValue[] = Array<CellValue>(width).fill('');
    for (const [header, value] of Object.entries(values)) {
      const i = index.get(header);
      if (i !== undefined) line2[i] = toCellValue(value);
    }
    rows.push(line2);
    report.added++;
  }
  workbook.appendRows(SPACES_TAB.name, rows);
  return report;
}
