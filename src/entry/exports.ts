/**
 * Menu entry points of Import and export: Import spaces, Import and adopt spaces, Export members, messages, events
 * and reactions. Each decides what to export (the selection exists only now), asks for the options in one line
 * where the export has some (a prompt; blank = defaults, Cancel = nothing happens), starts the export job on the
 * job runner and tells the user what happened.
 */
import {
  ADOPT_SPACES,
  EXPORT_EVENTS,
  EXPORT_MEMBERS,
  EXPORT_MESSAGES,
  EXPORT_REACTIONS,
  EXPORT_TAB_OF,
  IMPORT_SPACES,
  exportState,
  type ExportKind,
  type ExportState,
} from '../app/exports/exportJob';
import { chooseSentMessages, chooseSpaces } from '../app/exports/exportPlan';
import { TRIGGER_BUDGET, type JobDeps } from '../app/jobs/jobRunner';
import { parseEventExportOptions, parseMessageExportOptions } from '../domain/exportOptions';
import { SPACES_EXPORT_TAB, SPACES_TAB } from '../domain/tabs';
import { menuRun, reportSlice } from './menuRun';

const TITLE = 'Import and export';

/** Asks for an export's options; undefined when the user cancels. Scope: script.container.ui. */
function ask(title: string, question: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : undefined;
}

function start(kind: ExportKind, plan: (deps: JobDeps) => ExportState | string | undefined): void {
  menuRun(TITLE, (run) => {
    const busy = run.jobs.busyMessage();
    if (busy) {
      run.deps.notifier?.alert(TITLE, busy);
      return;
    }
    const state = plan(run.deps);
    if (state === undefined) return;
    if (typeof state === 'string') {
      run.deps.notifier?.alert(TITLE, state);
      return;
    }
    const result = run.jobs.start(kind, EXPORT_TAB_OF[kind].name, undefined, TRIGGER_BUDGET, {
      ...state,
    } as unknown as Record<string, unknown>);
    reportSlice(result, run, {
      title: TITLE,
      finished: (_job, summary) => `${summary}\nThe Log tab has the run.`,
      continuing: (job) =>
        `${(job.extra as unknown as ExportState).written} rows written so far. The export goes on by itself in a ` +
        'minute; the tab fills as it goes (Show last run tells how far it is).',
    });
  });
}

function chosenSpaces(deps: JobDeps): ExportState | string {
  const choice = chooseSpaces(
    deps.workbook,
    {
      spaces: deps.workbook.selectedRows(SPACES_TAB.name),
      exported: deps.workbook.selectedRows(SPACES_EXPORT_TAB.name),
    },
    deps.identity.timeZone(),
  );
  return 'problem' in choice ? choice.problem : exportState(choice.units, choice.how);
}

/** Menu: the spaces you belong to (every page of spaces.list) into Spaces (export). Scopes: chat.spaces, chat.users.readstate. */
export function importSpaces(): void {
  start(IMPORT_SPACES, () => exportState([], 'your spaces'));
}

/**
 * Menu: Import spaces, then add the named spaces missing from the Spaces tab as managed rows (Status Up to date).
 * Scopes: chat.spaces, chat.users.readstate, spreadsheets.currentonly.
 */
export function adoptSpaces(): void {
  start(ADOPT_SPACES, () => exportState([], 'your spaces'));
}

/** Menu: members (role, state, kind) of the chosen spaces. Scope: chat.memberships. */
export function exportMembers(): void {
  start(EXPORT_MEMBERS, chosenSpaces);
}

/**
 * Menu: messages of the chosen spaces in a time window, with the thread read state and, on request, attachments
 * saved to a new Drive folder. Scopes: chat.messages, chat.users.readstate, drive.file, script.external_request.
 */
export function exportMessages(): void {
  start(EXPORT_MESSAGES, (deps) => {
    const base = chosenSpaces(deps);
    if (typeof base === 'string') return base;
    for (;;) {
      const text = ask(
        'Export messages',
        `Messages of ${base.how}. Which time window? Type e.g. "30 days" or "2026-01-01 to 2026-01-31"; add ` +
          '"attachments" to save the files to a new Drive folder. Leave blank for the last 7 days.',
      );
      if (text === undefined) return undefined;
      const parsed = parseMessageExportOptions(text, deps.clock.now());
      if (parsed.options) return { ...base, messageOptions: parsed.options };
      deps.notifier?.alert('Export messages', parsed.problem);
    }
  });
}

/** Menu: space events of the chosen kinds (inside Chat's 28 days) of the chosen spaces. Scopes: chat.spaces, chat.messages, chat.memberships, chat.messages.reactions. */
export function exportEvents(): void {
  start(EXPORT_EVENTS, (deps) => {
    const base = chosenSpaces(deps);
    if (typeof base === 'string') return base;
    for (;;) {
      const text = ask(
        'Export events',
        `Events of ${base.how} (Chat keeps them 28 days). Which window and kinds? Type e.g. "7 days", ` +
          '"members, reactions". Leave blank for the last 28 days, every kind (messages, members, reactions, space).',
      );
      if (text === undefined) return undefined;
      const parsed = parseEventExportOptions(text, deps.clock.now());
      if (parsed.options) return { ...base, eventOptions: parsed.options };
      deps.notifier?.alert('Export events', parsed.problem);
    }
  });
}

/** Menu: who reacted with what to the messages the Messages tab sent (acknowledgements). Scope: chat.messages.reactions. */
export function exportReactions(): void {
  start(EXPORT_REACTIONS, (deps) => {
    // Checked now for the sentence; the job recomputes the (possibly many) units in each execution.
    const choice = chooseSentMessages(deps.workbook, deps.identity.timeZone());
    return 'problem' in choice ? choice.problem : exportState(undefined, choice.how);
  });
}
