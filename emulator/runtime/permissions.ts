/**
 * Which OAuth scopes a service method needs, and whether the running execution may call it. Two rules, both
 * OBSERVED in real logs:
 * - the manifest declares `oauthScopes` and none of the method's scopes is among them: "Specified permissions are
 *   not sufficient to call X. Required permissions: Y" (e.g. DriveApp.createFolder under drive.file only);
 * - the execution runs in AuthMode.LIMITED or NONE (simple triggers, an editor add-on's first onOpen) and the method
 *   needs authorization: "You do not have permission to call X. Required permissions: Y".
 * AuthMode semantics follow the AuthMode reference: LIMITED reaches the bound document and its UI, NONE reaches
 * nothing but menus. Spreadsheet file access (openById, create) is decided in the SpreadsheetApp service because
 * it depends on the file (drive.file grants).
 */
import { MSG, ScriptException } from './errors';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  spreadsheets: AUTH + 'spreadsheets',
  spreadsheetsCurrentOnly: AUTH + 'spreadsheets.currentonly',
  spreadsheetsReadonly: AUTH + 'spreadsheets.readonly',
  drive: AUTH + 'drive',
  driveReadonly: AUTH + 'drive.readonly',
  driveFile: AUTH + 'drive.file',
  containerUi: AUTH + 'script.container.ui',
  externalRequest: AUTH + 'script.external_request',
  scriptApp: AUTH + 'script.scriptapp',
  userinfoEmail: AUTH + 'userinfo.email',
  locale: AUTH + 'script.locale',
} as const;

type ScopeRule = readonly string[];

const ACTIVE_DOC: ScopeRule = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
const UI: ScopeRule = [SCOPES.containerUi];

/** Scopes (any one suffices) per `Class.method`; methods absent here need none. */
const RULES: Record<string, ScopeRule> = {
  'SpreadsheetApp.getActiveSpreadsheet': ACTIVE_DOC,
  'SpreadsheetApp.getActive': ACTIVE_DOC,
  'SpreadsheetApp.getActiveSheet': ACTIVE_DOC,
  'SpreadsheetApp.getActiveRange': ACTIVE_DOC,
  'SpreadsheetApp.getActiveRangeList': ACTIVE_DOC,
  'SpreadsheetApp.getCurrentCell': ACTIVE_DOC,
  'SpreadsheetApp.getSelection': ACTIVE_DOC,
  'SpreadsheetApp.setActiveSheet': ACTIVE_DOC,
  'SpreadsheetApp.setActiveRange': ACTIVE_DOC,
  'Ui.alert': UI,
  'Ui.prompt': UI,
  'Ui.showSidebar': UI,
  'Ui.showModalDialog': UI,
  'Ui.showModelessDialog': UI,
  'UrlFetchApp.fetch': [SCOPES.externalRequest],
  'UrlFetchApp.fetchAll': [SCOPES.externalRequest],
  'UrlFetchApp.getRequest': [SCOPES.externalRequest],
  'ScriptApp.newTrigger': [SCOPES.scriptApp],
  'ScriptApp.getProjectTriggers': [SCOPES.scriptApp],
  'ScriptApp.getUserTriggers': [SCOPES.scriptApp],
  'ScriptApp.deleteTrigger': [SCOPES.scriptApp],
  'Session.getActiveUser': [SCOPES.userinfoEmail],
  'Session.getEffectiveUser': [SCOPES.userinfoEmail],
};

const DRIVE_READ = new Set([
  'getFileById',
  'getFolderById',
  'getRootFolder',
  'getFiles',
  'getFolders',
  'getFilesByName',
  'getFoldersByName',
]);

/** The scopes `className.method` needs (any one suffices), or undefined when it needs none. */
export function requiredScopes(className: string, method: string): ScopeRule | undefined {
  if (className === 'DriveApp') return DRIVE_READ.has(method) ? [SCOPES.driveReadonly, SCOPES.drive] : [SCOPES.drive];
  return RULES[`${className}.${method}`];
}

/** Services usable in AuthMode.NONE: building menus and logging (AuthMode reference, add-on lifecycle guide). */
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Session.getActiveUserLocale', 'Session.getScriptTimeZone']);
const NONE_ALLOWED_CLASSES = new Set(['Menu', 'Logger', 'HtmlService', 'HtmlOutput']);
const NONE_ALLOWED_UI = new Set(['createMenu', 'createAddonMenu']);

/** Scopes a LIMITED execution holds: the bound document and its UI. */
const LIMITED_SCOPES = new Set<string>([SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi]);

/** Methods that never throw for authorization in LIMITED mode (identity "may or may not" be available: DOC). */
const LIMITED_EXEMPT = new Set(['Session.getActiveUser', 'Session.getEffectiveUser']);

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/**
 * Throws the platform's permission error when the execution may not call `className.method`.
 * @param declaredScopes the manifest's oauthScopes, or undefined when the manifest lets Apps Script detect them
 */
export function checkPermission(
  className: string,
  method: string,
  authMode: AuthModeName,
  declaredScopes: readonly string[] | undefined,
): void {
  const key = `${className}.${method}`;
  const needed = requiredScopes(className, method);
  if (authMode === 'NONE') {
    if (NONE_ALLOWED.has(key) || NONE_ALLOWED_CLASSES.has(className)) return;
    if (className === 'Ui' && NONE_ALLOWED_UI.has(method)) return;
    if (!needed && isPureClass(className)) return;
    throw new ScriptException(needed ? MSG.noPermission(key, needed) : `You do not have permission to call ${key}.`);
  }
  if (!needed) return;
  if (authMode === 'LIMITED') {
    if (LIMITED_EXEMPT.has(key)) return;
    if (!needed.some((s) => LIMITED_SCOPES.has(s))) throw new ScriptException(MSG.noPermission(key, needed));
  }
  if (declaredScopes && !needed.some((s) => declaredScopes.includes(s))) {
    throw new ScriptException(MSG.scopesInsufficient(key, needed));
  }
}

/** Classes that touch no user data (builders, enums holders, Utilities): always allowed. */
function isPureClass(className: string): boolean {
  return (
    className === 'Utilities' ||
    className === 'Blob' ||
    className === 'DataValidationBuilder' ||
    className === 'DataValidation' ||
    className === 'ScriptApp'
  );
}
