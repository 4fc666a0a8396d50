/**
 * The base virtual-time cost of each service method, by Apps Script class. One table instead of per-method code:
 * `Execution.invoke` charges it before the method runs; methods that touch cells add the per-cell cost themselves
 * (`Execution.cells`), and latency-bearing work (API calls, sleeps, lock waits, dialogs) advances the clock from
 * inside the service.
 */
import type { CostModel } from './options';

const SPREADSHEET_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList']);

/** Spreadsheet methods answered from what the script already holds (no round trip to the spreadsheet). */
const LOCAL_SPREADSHEET_METHODS = new Set([
  'getRow',
  'getColumn',
  'getRowIndex',
  'getColumnIndex',
  'getNumRows',
  'getNumColumns',
  'getA1Notation',
  'getSheet',
  'getParent',
  'getId',
  'getUrl',
  'getGridId',
  'getLastRow',
  'getLastColumn',
  'newDataValidation',
  'toString',
]);

const TRIGGER_METHODS = new Set(['create', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger']);

/** Milliseconds charged for one call of `className.method` before it runs. */
export function baseCost(costs: CostModel, className: string, method: string): number {
  if (SPREADSHEET_CLASSES.has(className)) {
    // Range.getLastRow is local (the range's own bounds); Sheet.getLastRow asks the spreadsheet.
    if (className === 'Sheet' && (method === 'getLastRow' || method === 'getLastColumn'))
      return costs.spreadsheetCallMs;
    return LOCAL_SPREADSHEET_METHODS.has(method) ? 0 : costs.spreadsheetCallMs;
  }
  switch (className) {
    case 'Properties':
      return costs.propertiesCallMs;
    case 'Cache':
      return costs.cacheCallMs;
    case 'Lock':
      return costs.lockCallMs;
    case 'ClockTriggerBuilder':
    case 'SpreadsheetTriggerBuilder':
    case 'ScriptApp':
      return TRIGGER_METHODS.has(method) ? costs.scriptAppCallMs : 0;
    case 'DriveApp':
    case 'Folder':
    case 'File':
      return costs.driveCallMs;
    case 'Ui':
    case 'Menu':
      return method === 'alert' || method === 'prompt' ? costs.uiDialogMs : costs.uiCallMs;
    default:
      return 0;
  }
}
