/**
 * The Messages tab as a job sees it, with the Spaces tab it refers to: the Messages tab loaded as a TabSheet (one
 * read, Row IDs written before any Chat call), every row parsed and validated, and the Spaces tab read once into a
 * SpacesCatalog (names, tags, Space IDs and the cells placeholders take their values from). Results are recorded per
 * row and written back as a few blocks.
 */
import type { DesiredMessage } from '../../domain/model';
import { parseMessageRow } from '../../domain/messageRows';
import { spacesIndex } from '../../domain/spaceRows';
import { SpacesCatalog } from '../../domain/spacesCatalog';
import { readTable, writtenHeaders, type OutputValue } from '../../domain/table';
import { MESSAGES_COL, MESSAGES_TAB, SPACES_TAB } from '../../domain/tabs';
import type { Workbook } from '../../ports/workbook';
import { TabSheet } from '../tabSheet';

/** One data row of the Messages tab. */
export interface MessageSheetRow {
  row: number;
  rowId: string;
  message?: DesiredMessage;
  /** Problems as one text (empty when the row is valid). */
  problem: string;
  /** Status and Message ID as the sheet holds them (blank for a copied row). */
  status: string;
  messageId: string;
  /** The row's cells by column key (placeholders fall back to them). */
  cells: Readonly<Record<string, string>>;
}

export class MessagesSheet {
  private constructor(
    private readonly sheet: TabSheet,
    readonly rows: MessageSheetRow[],
    readonly catalog: SpacesCatalog,
  ) {}

  /**
   * Reads both tabs, writes Row IDs that were blank or copied, and returns the rows. Scope: spreadsheets.currentonly.
   * @throws Error with a sentence for the user when the Messages tab is missing or cannot be read.
   */
  static load(workbook: Workbook, options: { timeZone: string; runner: string; random: () => number }): MessagesSheet {
    const spacesValues = workbook.readTab(SPACES_TAB.name);
    const spacesTable = spacesValues ? readTable(SPACES_TAB, spacesValues, { timeZone: options.timeZone }) : undefined;
    const catalog = SpacesCatalog.fromTable(spacesTable);
    const index = spacesTable ? spacesIndex(spacesTable) : undefined;
    const sheet = TabSheet.load(workbook, MESSAGES_TAB, {
      timeZone: options.timeZone,
      random: options.random,
      rowIdColumn: MESSAGES_COL.rowId,
      clearOnCopy: [MESSAGES_COL.messageId, MESSAGES_COL.status, MESSAGES_COL.details, MESSAGES_COL.sentAt],
    });
    const { table, rowIds, copied } = sheet;
    const headers = writtenHeaders(table);
    const own = table.columns.map((c) => c.key);
    const spaceColumns = index?.columns ?? [];
    const templateColumns = [...spaceColumns, ...own.filter((c) => !spaceColumns.includes(c))];
    const names = index ? [...index.names] : undefined;
    const rows = table.rows.map((r): MessageSheetRow => {
      const rowId = rowIds.get(r.row) ?? '';
      const parsed = parseMessageRow(r, {
        rowId,
        timeZone: options.timeZone,
        runnerEmail: options.runner,
        spaceNames: names,
        tags: index?.tags,
        templateColumns,
        headers,
      });
      const fresh = copied.has(r.row);
      return {
        row: r.row,
        rowId,
        message: parsed.message,
        problem: parsed.problems.map((p) => p.message).join(' '),
        status: fresh ? '' : (r.cells[MESSAGES_COL.status] ?? ''),
        messageId: fresh ? '' : (r.cells[MESSAGES_COL.messageId] ?? ''),
        cells: r.cells,
      };
    });
    return new MessagesSheet(sheet, rows, catalog);
  }

  /** Records a row's outputs (written at the next flush). */
  set(row: number, values: Record<string, OutputValue>): void {
    this.sheet.set(row, values);
  }

  /** Writes every output recorded since load: one setValues per block, whatever the number of rows. */
  flush(): void {
    this.sheet.flush();
  }
}
