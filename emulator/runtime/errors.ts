/**
 * The exceptions Apps Script services throw, as host-side values. Service implementations throw `ScriptException`;
 * the execution converts it into an error of the script's own realm named `Exception` (so `String(e)` reads
 * `Exception: <message>` and `e instanceof Error` holds, as in Apps Script V8). Every message text used by the
 * runtime lives here with its evidence label, so tests and the README can cite one place.
 *
 * Labels: DOC = Google documentation; OBSERVED = real logs in public code/issues; EMULATOR = our choice where no
 * source gives the text (see README "known differences").
 */

/** A service exception, converted to the script realm's `Exception` when it crosses into the script. */
export class ScriptException extends Error {
  /** Extra own properties the script-side error carries (e.g. `details` of GoogleJsonResponseException). */
  readonly props?: Record<string, unknown>;
  /** The script-side `name` (Apps Script uses `Exception` for service errors). */
  readonly scriptName: string;

  constructor(message: string, options: { name?: string; props?: Record<string, unknown> } = {}) {
    super(message);
    this.scriptName = options.name ?? 'Exception';
    this.props = options.props;
  }
}

/** Thrown once an execution has been stopped by its time limit or by a scripted kill (see Execution.kill). */
export class ExecutionKilled extends ScriptException {}

export const MSG = {
  /** OBSERVED (labnol; mail-merge-for-gmail #62/#157); open-questions Q8. Also for the 30-s card limit. */
  timeLimit: 'Exceeded maximum execution time',
  /** OBSERVED: the text Apps Script shows when the entry point does not exist. */
  functionNotFound: (name: string) => `Script function not found: ${name}`,

  // SpreadsheetApp
  /** OBSERVED (many fakes and logs agree, e.g. "The data has 1 but the range has 2."). */
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  /** OBSERVED. */
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColsTooSmall: 'The number of columns in the range must be at least 1.',
  /** OBSERVED ("getRange('B')" and open ranges like 'A1:Z' give it). */
  rangeNotFound: 'Range not found',
  /** OBSERVED: the infamous text for an unknown or inaccessible id. */
  openByIdFailed: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  noDocumentAccess: 'You do not have permission to access the requested document.',
  invalidUrl: 'Invalid argument: url',
  /** OBSERVED: getUi() from a time-driven trigger, the editor of a standalone script, or a Workspace add-on. */
  noUiContext: 'Cannot call SpreadsheetApp.getUi() from this context.',
  /** OBSERVED (Sheets UI and scripts). */
  sheetNameTaken: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  /** EMULATOR text: deleting the only sheet is refused in Sheets; exact script text unconfirmed. */
  lastSheet: "You can't remove all the sheets in a document.",
  /** OBSERVED (Sheets UI wording; the script error is reported with the same sentence). Weak evidence. */
  validationViolated: (a1: string) =>
    `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  /** OBSERVED format of Apps Script's argument type check. */
  badSignature: (types: string, fq: string) => `The parameters (${types}) don't match the method signature for ${fq}.`,
  /**
   * OBSERVED (many real logs); Sheets reports it at the next spreadsheet call or flush, not at the write itself
   * (OBSERVED: "Sheets reports a bad write on the NEXT sheet call").
   */
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  /** EMULATOR: index/size arguments out of range (insertRows etc.). */
  invalidArgument: (name: string) => `Invalid argument: ${name}`,

  // Properties / Cache / Lock
  /** OBSERVED (several real logs): a value over the per-value limit. */
  argTooLargeValue: 'Argument too large: value',
  /** OBSERVED: cache key over 250 characters. */
  argTooLargeKey: 'Argument too large: key',
  /** OBSERVED (real logs, exact wording). */
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  /** OBSERVED (real logs). */
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',

  // ScriptApp
  /** OBSERVED (real logs, several projects). */
  tooManyTriggers:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  /** OBSERVED ×2 (Workspace and Editor add-ons): open-questions Q2. */
  addonRecurrence: 'The recurrence interval for an Add-on trigger must be at least one hour.',
  /** EMULATOR text: the documented minute values are 1, 5, 10, 15, 30 (ClockTriggerBuilder reference). */
  everyMinutesValues: 'The value passed to everyMinutes() must be one of 1, 5, 10, 15 or 30.',
  /** EMULATOR text for a clock trigger built without a schedule. */
  noSchedule: 'A time-based trigger needs a schedule (after, at, everyMinutes, everyHours, everyDays or everyWeeks).',
  /** EMULATOR text: editor add-ons "can only have one trigger of each type, per user, per document" (DOC). */
  addonOneTriggerPerType: (type: string) =>
    `This add-on already has a ${type} trigger for this user in this document; editor add-ons can only have one trigger of each type, per user, per document.`,

  // Permissions
  /** OBSERVED: the manifest's explicit oauthScopes lack what the method needs. */
  scopesInsufficient: (fq: string, scopes: readonly string[]) =>
    `Specified permissions are not sufficient to call ${fq}. Required permissions: ${scopes.join(' || ')}`,
  /** OBSERVED: the running authorization (e.g. a simple trigger) does not allow the method. */
  noPermission: (fq: string, scopes: readonly string[]) =>
    `You do not have permission to call ${fq}. Required permissions: ${scopes.join(' || ')}`,

  // UrlFetchApp
  /** OBSERVED: the origin only ("Request failed for https://ridewithgps.com returned code 404. ..."). */
  httpFailed: (origin: string, code: number, truncated: string) =>
    `Request failed for ${origin} returned code ${code}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
  /** OBSERVED: "DNS error: http://localhost:8082/tymg/people/delete-all" (full URL). */
  dnsError: (url: string) => `DNS error: ${url}`,
  /** OBSERVED: "Timeout: https://api.tosspayments.com/v1/payments/confirm". */
  fetchTimeout: (url: string) => `Timeout: ${url}`,
  /** OBSERVED as a common UrlFetchApp failure text (justin.poehnelt.com guide). */
  addressUnavailable: (url: string) => `Address unavailable: ${url}`,
  /** EMULATOR text: the allowlist error wording is not published. */
  notAllowlisted: (url: string) =>
    `Request failed because the URL is not in the urlFetchWhitelist of the add-on's manifest: ${url}`,
  /** OBSERVED wording of the URL-length limit (weak). */
  urlTooLong: 'Limit Exceeded: URLFetch URL Length.',
  /** EMULATOR text for a response over the 50 MB per-call limit (DOC quotas: "URL Fetch response size 50 MB"). */
  responseTooLarge: (url: string) => `Exception: Response size exceeded the 50 MB limit of URL Fetch: ${url}`,

  // Drive
  /** OBSERVED (DriveApp.getFileById/getFolderById on an unknown id). */
  driveNotFound:
    'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
  /** EMULATOR: HtmlService.createHtmlOutputFromFile with no such file in the project. */
  noHtmlFile: (name: string) => `No HTML file named ${name} was found.`,
} as const;
