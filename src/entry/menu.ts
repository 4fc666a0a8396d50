/**
 * Entry points of the Sheets menu (bound script or Editor add-on) and the time-driven continuation. Each one builds
 * the adapters, calls a use case and tells the user what happened; no logic lives here.
 */
import { APPLY_SPACES, PREVIEW_SPACES } from '../app/spaces/spacesJob';
import { SpacesSheet } from '../app/spaces/spacesSheet';
import { describeSetUp, setUpSheets as setUpTabs } from '../app/setUpSheets';
import { JobRunner, TRIGGER_BUDGET, type SliceResult } from '../app/jobs/jobRunner';
import { JobStore } from '../app/jobs/jobStore';
import { describeJob, previewSummary } from '../app/jobs/jobReport';
import { SPACES_TAB } from '../domain/tabs';
import { UserPropertiesStore } from '../adapters/gas/platform';
import { activeSpreadsheet, buildDeps } from './wiring';
import type { EntryPoint } from './entryNames';
import { jobHandlers } from './jobHandlers';

export const MENU_TITLE = 'Chat Spaces';

/** A menu line: an item and the entry point it calls, a submenu, or a separator (null). */
type MenuLine =
  readonly [string, EntryPoint] | { readonly submenu: string; readonly items: readonly MenuLine[] } | null;

/** The menu (entry point names checked against main.ts by the compiler). */
const MENU: readonly MenuLine[] = [
  ['Set up sheets', 'setUpSheets'],
  null,
  ['Preview changes', 'previewSpaces'],
  ['Apply to all rows', 'applySpaces'],
  ['Apply to selected rows', 'applySelectedSpaces'],
  null,
  // Members tab
  {
    submenu: 'Members',
    items: [
      ['Preview member changes', 'previewMembers'],
      ['Apply member changes', 'applyMembers'],
    ],
  },

  // Messages tab
  {
    submenu: 'Messages',
    items: [
      ['Preview messages', 'previewMessages'],
      ['Send messages', 'sendMessages'],
      ['Send selected rows', 'sendSelectedMessages'],
      ['Edit sent messages', 'updateSentMessages'],
      ['Recall selected rows', 'deleteSentMessages'],
      null,
      ['Turn on scheduled sending', 'installSchedules'],
      ['Turn off scheduled sending', 'removeSchedules'],
    ],
  },

  // Import and export
  {
    submenu: 'Import and export',
    items: [
      ['Import spaces', 'importSpaces'],
      ['Import and adopt spaces', 'adoptSpaces'],
      null,
      ['Export members', 'exportMembers'],
      ['Export messages', 'exportMessages'],
      ['Export events', 'exportEvents'],
      ['Export reactions to sent messages', 'exportReactions'],
    ],
  },

  // Retire spaces
  {
    submenu: 'Retire spaces',
    items: [
      ['Lock selected spaces…', 'lockSelectedSpaces'],
      ['Delete selected spaces…', 'deleteSelectedSpaces'],
    ],
  },

  null,
  ['Show last run', 'showLastRun'],
  ['Cancel running job', 'cancelJob'],
];

function addLines(
  ui: GoogleAppsScript.Base.Ui,
  menu: GoogleAppsScript.Base.Menu,
  lines: readonly MenuLine[],
): GoogleAppsScript.Base.Menu {
  for (const line of lines) {
    if (line === null) menu.addSeparator();
    else if ('submenu' in line) menu.addSubMenu(addLines(ui, ui.createMenu(line.submenu), line.items));
    else menu.addItem(line[0], line[1]);
  }
  return menu;
}

/** Simple trigger: adds the add-on menu (runs in AuthMode.NONE/LIMITED: builds the menu only). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  addLines(ui, ui.createAddonMenu(), MENU).addToUi();
}

/** Editor add-on install: same menu right away. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** The spreadsheet a menu item runs in; throws a sentence when there is none. */
export function requireSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open a spreadsheet to use Chat Spaces.');
  return ss;
}

/** Adapters and the job runner for a menu run (or, with `interactive` false, a trigger) on `ss`. */
export function runner(interactive: boolean, ss = requireSpreadsheet()) {
  const deps = buildDeps(ss, interactive);
  return {
    deps,
    runner: new JobRunner(deps, jobHandlers()),
  };
}

/** Menu: creates or completes the tabs. Scope: spreadsheets.currentonly. */
export function setUpSheets(): void {
  const { deps } = runner(true);
  const report = setUpTabs(deps.workbook);
  deps.notifier?.alert('Set up sheets', describeSetUp(report));
}

function report(result: SliceResult, deps: ReturnType<typeof runner>['deps']): void {
  if (result.state === 'busy') deps.notifier?.alert(MENU_TITLE, result.message);
  else if (result.state === 'continuing') deps.notifier?.toast(describeJob(result.job), 'Still working');
  else if (result.job.kind === PREVIEW_SPACES)
    deps.notifier?.alert('Preview', previewSummary(result.job, deps.scheduler.context()));
  else
    deps.notifier?.alert(
      'Apply',
      `${result.summary} Details are in the Status and Details columns; the Log tab has the run.`,
    );
}

function startSpacesJob(kind: string, selectedOnly: boolean): void {
  const { deps, runner: jobs } = runner(true);
  try {
    let rowIds: string[] | undefined;
    if (selectedOnly) {
      const rows = new Set(deps.workbook.selectedRows(SPACES_TAB.name));
      if (!rows.size) {
        deps.notifier?.alert(MENU_TITLE, 'Select one or more rows on the Spaces tab first.');
        return;
      }
      // Loading the tab gives every row a Row ID (written before anything else), so the selection survives sorting.
      const sheet = SpacesSheet.load(deps.workbook, {
        timeZone: deps.identity.timeZone(),
        runner: deps.identity.email(),
        random: deps.random,
      });
      rowIds = sheet.rows.filter((r) => rows.has(r.row)).map((r) => r.rowId);
    }
    report(jobs.start(kind, SPACES_TAB.name, rowIds, TRIGGER_BUDGET), deps);
  } catch (e) {
    deps.notifier?.alert(MENU_TITLE, e instanceof Error ? e.message : String(e));
  }
}

/** Menu: dry run of the Spaces tab. Scopes: spreadsheets.currentonly, chat.spaces (read), chat.memberships (read). */
export function previewSpaces(): void {
  startSpacesJob(PREVIEW_SPACES, false);
}

/** Menu: makes Chat match every row. Scopes: chat.spaces, chat.memberships, chat.messages, script.scriptapp. */
export function applySpaces(): void {
  startSpacesJob(APPLY_SPACES, false);
}

/** Menu: makes Chat match the selected rows. */
export function applySelectedSpaces(): void {
  startSpacesJob(APPLY_SPACES, true);
}

/** Menu: the running or last job of this spreadsheet. */
export function showLastRun(): void {
  const { deps, runner: jobs } = runner(true);
  const job = jobs.current() ?? jobs.last();
  deps.notifier?.alert('Last run', job ? describeJob(job) : 'No run yet on this spreadsheet.');
}

/** Menu: stops the running job at its next checkpoint. */
export function cancelJob(): void {
  const { deps, runner: jobs } = runner(true);
  const job = jobs.cancel();
  deps.notifier?.alert(MENU_TITLE, job ? 'The running job will stop at its next step.' : 'No job is running.');
}

/**
 * Time-driven trigger: continues every unfinished job of this user. Deletes its own spent trigger first.
 * Scopes: script.scriptapp, drive.file / spreadsheets.currentonly, chat.*.
 */
export function continueJobs(e?: GoogleAppsScript.Events.TimeDriven): void {
  if (e?.triggerUid) {
    for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === e.triggerUid) ScriptApp.deleteTrigger(t);
  }
  const store = new JobStore(new UserPropertiesStore());
  for (const id of store.spreadsheetIds()) {
    const ss = activeSpreadsheet()?.getId() === id ? activeSpreadsheet() : SpreadsheetApp.openById(id);
    if (!ss) continue;
    runner(false, ss).runner.resume(TRIGGER_BUDGET);
  }
}
