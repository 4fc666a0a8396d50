/**
 * The SpreadsheetApp global. The active spreadsheet exists only with a document context (bound script, editor
 * add-on); a Workspace add-on gets `null` ("you can't use methods such as SpreadsheetApp.getActiveSpreadsheet()",
 * workspace-restrictions page; the method's reference says it returns null when there is none). Opening other
 * files is gated by scopes and drive.file grants: `spreadsheets`/`drive` reach every file, `drive.file` only files
 * the user granted (runtime.grantFileScope) or the script created. getUi() needs an open editor in front of a user.
 */
import { EnumValue, ServiceObject } from '../facade';
import { MSG, ScriptException } from '../errors';
import type { Execution } from '../execution';
import { SCOPES } from '../permissions';
import { UiImpl } from '../services/ui';
import { badSignature, expectInt, expectString } from '../signature';
import {
  BorderStyle,
  DataValidationCriteria,
  Dimension,
  HorizontalAlignment,
  VerticalAlignment,
  WrapStrategy,
} from './enums';
import type { SpreadsheetModel } from './model';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { SpreadsheetImpl } from './spreadsheet';
import { DataValidationBuilderImpl } from './validation';

const FQ = 'SpreadsheetApp';

/** Decides whether the executing user may open spreadsheet `id` with `fq` (openById/openByUrl/open). */
export function openSpreadsheet(exec: Execution, id: string, fq: string, method: string): SpreadsheetModel {
  const rt = exec.rt;
  if (exec.authMode !== 'FULL') throw new ScriptException(MSG.noPermission(fq, [SCOPES.spreadsheets]));
  const ss = rt.spreadsheets.get(id);
  if (!ss)
    throw new ScriptException(
      `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
    );
  const scopes = rt.config.manifest.oauthScopes;
  if (!rt.config.behaviour.enforceScopes || !scopes) return ss;
  if (scopes.includes(SCOPES.spreadsheets) || scopes.includes(SCOPES.drive)) return ss;
  if (scopes.includes(SCOPES.driveFile)) {
    const granted =
      rt.grants.has(exec.user, id) ||
      (ss.createdByScript && ss.createdBy === exec.user) ||
      (exec.documentId === id && rt.config.mode !== 'workspace-addon');
    if (granted) return ss;
    throw new ScriptException(MSG.noDocumentAccess);
  }
  throw new ScriptException(MSG.scopesInsufficient(fq, [SCOPES.spreadsheets]));
}

export class SpreadsheetAppImpl extends ServiceObject {
  get className(): string {
    return 'SpreadsheetApp';
  }

  constructor(private readonly exec: Execution) {
    super();
  }

  override _constants(): Record<string, Record<string, EnumValue>> {
    return { DataValidationCriteria, WrapStrategy, BorderStyle, Dimension, HorizontalAlignment, VerticalAlignment };
  }

  private active(): SpreadsheetModel | null {
    const id = this.exec.documentId;
    return id ? (this.exec.rt.spreadsheets.get(id) ?? null) : null;
  }

  getActiveSpreadsheet(): SpreadsheetImpl | null {
    const ss = this.active();
    return ss ? new SpreadsheetImpl(this.exec, ss) : null;
  }

  getActive(): SpreadsheetImpl | null {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): SheetImpl | null {
    return this.getActiveSpreadsheet()?.getActiveSheet() ?? null;
  }

  getActiveRange(): RangeImpl | null {
    return this.getActiveSpreadsheet()?.getActiveRange() ?? null;
  }

  getCurrentCell(): RangeImpl | null {
    return this.getActiveSpreadsheet()?.getActiveCell() ?? null;
  }

  setActiveSheet(sheet: unknown): SheetImpl {
    if (!(sheet instanceof SheetImpl)) badSignature(`${FQ}.setActiveSheet`, [sheet]);
    return sheet.activate();
  }

  setActiveRange(range: unknown): RangeImpl {
    if (!(range instanceof RangeImpl)) badSignature(`${FQ}.setActiveRange`, [range]);
    return range.activate();
  }

  openById(id: unknown): SpreadsheetImpl {
    const key = expectString(`${FQ}.openById`, [id], id);
    return new SpreadsheetImpl(this.exec, openSpreadsheet(this.exec, key, `${FQ}.openById`, 'openById'));
  }

  openByUrl(url: unknown): SpreadsheetImpl {
    const text = expectString(`${FQ}.openByUrl`, [url], url);
    const m = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
    if (!m) throw new ScriptException(MSG.invalidUrl);
    return new SpreadsheetImpl(this.exec, openSpreadsheet(this.exec, m[1], `${FQ}.openByUrl`, 'openByUrl'));
  }

  /** create(name[, rows, columns]). Needs spreadsheets, drive or drive.file (the new file is then granted). */
  create(name: unknown, rows?: unknown, columns?: unknown): SpreadsheetImpl {
    const fq = `${FQ}.create`;
    const args = [name, rows, columns];
    const n = expectString(fq, args, name);
    const nr = rows === undefined ? 1000 : expectInt(fq, args, rows);
    const nc = columns === undefined ? 26 : expectInt(fq, args, columns);
    const rt = this.exec.rt;
    if (this.exec.authMode !== 'FULL') throw new ScriptException(MSG.noPermission(fq, [SCOPES.spreadsheets]));
    const scopes = rt.config.manifest.oauthScopes;
    if (
      rt.config.behaviour.enforceScopes &&
      scopes &&
      ![SCOPES.spreadsheets, SCOPES.drive, SCOPES.driveFile].some((s) => scopes.includes(s))
    ) {
      throw new ScriptException(MSG.scopesInsufficient(fq, [SCOPES.spreadsheets]));
    }
    const ss = rt.spreadsheets.create(n, rt.config.timeZone, { rows: nr, columns: nc });
    ss.createdBy = this.exec.user;
    ss.createdByScript = true;
    rt.grants.grant(this.exec.user, ss.id);
    return new SpreadsheetImpl(this.exec, ss);
  }

  /** Applies pending changes; the emulator writes immediately, so this only costs a call. */
  flush(): void {}

  getUi(): UiImpl {
    if (!this.exec.hasUi) throw new ScriptException(MSG.noUiContext);
    return new UiImpl(this.exec, this.exec.documentId ?? this.exec.rt.activeSpreadsheetId ?? '');
  }

  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl();
  }
}
