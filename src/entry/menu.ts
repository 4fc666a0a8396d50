/**
 * Entry points of the Sheets menu (bound script or Editor add-on) and the time-driven continuation. Each one builds
 * the adapters, calls a use case and tells the user what happened; no logic lives here.
 */
import { APPLY_SPACES, PREVIEW_SPACES } from '../app/spaces/spacesJob';
import { SpacesSheet } from '../app/spaces/spacesSheet';
import { describeSetUp, setUpSheets as setUpTabs } from '../app/setUpSheets';
import { TRIGGER_BUDGET } from '../app/jobs/jobRunner';
import { JobStore } from '../app/jobs/jobStore';
import { describeJob, previewSummary } from '../app/jobs/jobReport';
import { SPACES_TAB } from '../domain/tabs';
import { UserPropertiesStore } from '../adapters/gas/platform';
import { activeSpreadsheet } from './wiring';
import type { EntryPoint } from './entryNames';
import { MENU_TITLE, jobsFor, menuRun, reportSlice, selectedRowIds } from './menuRun';

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

/** Menu: creates or completes the tabs. Scope: spreadsheets.currentonly. */
export function setUpSheets(): void {
  const { deps } = jobsFor(true);
  const report = setUpTabs(deps.workbook);
  deps.notifier?.alert('Set up sheets', describeSetUp(report));
}

function startSpacesJob(kind: string, selectedOnly: boolean): void {
  menuRun(MENU_TITLE, (run) => {
    const { deps } = run;
    const rowIds = selectedOnly
      ? selectedRowIds(deps, SPACES_TAB.name, () =>
          SpacesSheet.load(deps.workbook, {
            timeZone: deps.identity.timeZone(),
            runner: deps.identity.email(),
            random: deps.random,
          }),
        )
      : undefined;
    if (rowIds?.length === 0) {
      deps.notifier?.alert(MENU_TITLE, 'Select one or more rows on the Spaces tab first.');
      return;
    }
    reportSlice(run.jobs.start(kind, SPACES_TAB.name, rowIds, TRIGGER_BUDGET), run, {
      title: kind === PREVIEW_SPACES ? 'Preview' : 'Apply',
      finished: kind === PREVIEW_SPACES ? (job) => previewSummary(job, deps.scheduler.context()) : undefined,
    });
  });
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
  const { deps, jobs } = jobsFor(true);
  const job = jobs.current() ?? jobs.last();
  deps.notifier?.alert('Last run', job ? describeJob(job, jobs.titleOf(job.kind)) : 'No run yet on this spreadsheet.');
}

/** Menu: stops the running job at its next checkpoint. */
export function cancelJob(): void {
  const { deps, jobs } = jobsFor(true);
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
    jobsFor(false, ss).jobs.resume(TRIGGER_BUDGET);
  }
}
