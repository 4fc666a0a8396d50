/**
 * Entry points of the Messages menu: preview, send (all rows or the selected ones), edit sent messages, recall the
 * selected rows' messages (after a confirmation naming rows and spaces), and turn scheduled sending on or off. Each
 * one builds the adapters, starts a job kind of src/app/messages and tells the user what happened; no logic here.
 */
import { DELETE_MESSAGES, PREVIEW_MESSAGES, SEND_MESSAGES, UPDATE_MESSAGES } from '../app/messages/messagesJob';
import { messagesPreviewSummary, recallQuestion, recallScope } from '../app/messages/messagesReport';
import { MessagesSheet } from '../app/messages/messagesSheet';
import { TRIGGER_BUDGET, type JobDeps } from '../app/jobs/jobRunner';
import { installScheduleEvery, removeSchedule } from '../app/sidebar/schedules';
import { schedulePrecision } from '../domain/messagePlan';
import { MESSAGES_TAB } from '../domain/tabs';
import { jobsFor, menuRun, reportSlice, selectedRowIds } from './menuRun';
import { MESSAGES_SCHEDULE } from './messageSchedule';
import { activeSpreadsheet } from './wiring';

const TITLE = 'Messages';

function scheduleOn(deps: JobDeps): boolean {
  return deps.scheduler.list().some((t) => t.handler === MESSAGES_SCHEDULE.handler);
}

function loadSheet(deps: JobDeps): MessagesSheet {
  return MessagesSheet.load(deps.workbook, {
    timeZone: deps.identity.timeZone(),
    runner: deps.identity.email(),
    random: deps.random,
  });
}

function start(kind: string, selectedOnly: boolean, confirmRecall = false): void {
  menuRun(TITLE, (run) => {
    const { deps } = run;
    const rowIds = selectedOnly ? selectedRowIds(deps, MESSAGES_TAB.name, () => loadSheet(deps)) : undefined;
    if (rowIds?.length === 0) {
      deps.notifier?.alert(TITLE, 'Select one or more rows on the Messages tab first.');
      return;
    }
    if (confirmRecall) {
      const scope = recallScope(loadSheet(deps), new Set(rowIds));
      if (!scope.rows) {
        deps.notifier?.alert(TITLE, 'None of the selected rows has a sent message to recall.');
        return;
      }
      if (!deps.notifier?.confirm('Recall messages', recallQuestion(scope))) return;
    }
    // Send at wall times are read in the spreadsheet's time zone (the script's may differ).
    const sendAtTimeZone = activeSpreadsheet()?.getSpreadsheetTimeZone() || deps.identity.timeZone();
    const result = run.jobs.start(kind, MESSAGES_TAB.name, rowIds, TRIGGER_BUDGET, {
      sendAtTimeZone,
      startedFrom: 'menu',
    });
    reportSlice(result, run, {
      title: kind === PREVIEW_MESSAGES ? 'Preview messages' : TITLE,
      finished:
        kind === PREVIEW_MESSAGES
          ? (job) => messagesPreviewSummary(job, deps.scheduler.context(), scheduleOn(deps))
          : undefined,
    });
  });
}

/** Menu: dry run of the Messages tab (direct-message lookups only). Scopes: spreadsheets.currentonly, chat.spaces.readonly, script.external_request (attachment links). */
export function previewMessages(): void {
  start(PREVIEW_MESSAGES, false);
}

/**
 * Menu: sends every due row (rows with a later Send at are marked Scheduled). Scopes: chat.messages.create,
 * chat.spaces.create and chat.spaces.readonly (direct messages), script.external_request, script.scriptapp.
 */
export function sendMessages(): void {
  start(SEND_MESSAGES, false);
}

/** Menu: sends the selected rows. Scopes: as sendMessages. */
export function sendSelectedMessages(): void {
  start(SEND_MESSAGES, true);
}

/** Menu: edits sent messages whose row text changed (messages.patch, text only). Scope: chat.messages. */
export function updateSentMessages(): void {
  start(UPDATE_MESSAGES, false);
}

/** Menu: deletes the selected rows' sent messages from every space, after a confirmation. Scope: chat.messages. */
export function deleteSentMessages(): void {
  start(DELETE_MESSAGES, true, true);
}

/**
 * Menu: turns scheduled sending on for this spreadsheet: one time-driven trigger running runScheduledMessages, every
 * minute in a bound script, hourly in an add-on. Scope: script.scriptapp.
 */
export function installSchedules(): void {
  const { deps } = jobsFor(true);
  const context = deps.scheduler.context();
  const outcome = installScheduleEvery(deps, MESSAGES_SCHEDULE, context === 'bound' ? 1 : 60, deps.workbook.id());
  deps.notifier?.alert(
    TITLE,
    outcome.ok ? `${outcome.message} ${capitalise(schedulePrecision(context))}.` : outcome.message,
  );
}

/** Menu: turns scheduled sending off for this spreadsheet (the trigger goes when no spreadsheet uses it). */
export function removeSchedules(): void {
  const { deps } = jobsFor(true);
  deps.notifier?.alert(TITLE, removeSchedule(deps, MESSAGES_SCHEDULE, deps.workbook.id()).message);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
