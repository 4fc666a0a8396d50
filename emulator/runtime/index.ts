/**
 * Public surface of the offline Apps Script runtime: the runtime class and its options, result types, the error
 * texts, and the spreadsheet model used by the workbook loader.
 */
export { AppsScriptRuntime, runOptions } from './runtime';
export type {
  ExecutionError,
  ExecutionResult,
  RunOptions,
  RunUntilIdleOptions,
  RunUntilIdleResult,
  Totals,
} from './runtime';
export type { ExecutionKind, KillAt, LogEntry } from './execution';
export { DEFAULT_BEHAVIOUR, DEFAULT_COSTS, DEFAULT_LIMITS } from './options';
export type { Behaviour, CostModel, ExecutionMode, Limits, Manifest, RuntimeOptions, ScriptFile } from './options';
export { MSG } from './errors';
export type { AddonEventOptions, FormInputValue } from './events';
export { SheetModel, SpreadsheetModel, SpreadsheetStore } from './spreadsheet/model';
export type { Cell, DataValidationRule } from './spreadsheet/model';
export type { CellValue } from './spreadsheet/values';
export type { DialogAnswer, DialogRequest, MenuRecord, UiEvent } from './services/ui';
export type { LockScope } from './services/lock';
export type { TriggerRecord } from './services/triggers';
