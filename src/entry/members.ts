/**
 * Entry points of the Members tab (Sheets menu > Chat Spaces > Members): preview and apply member changes. Thin:
 * builds the adapters, starts the job on the JobRunner and tells the user what happened.
 */
import { JobRunner, TRIGGER_BUDGET } from '../app/jobs/jobRunner';
import { describeJob } from '../app/jobs/jobReport';
import { APPLY_MEMBERS, PREVIEW_MEMBERS } from '../app/members/membersJob';
import { previewMembersSummary } from '../app/members/membersReport';
import { MEMBERS_TAB } from '../domain/tabs';
import { jobHandlers } from './jobHandlers';
import { MENU_TITLE, requireSpreadsheet } from './menu';
import { buildDeps } from './wiring';

function startMembersJob(kind: string): void {
  const deps = buildDeps(requireSpreadsheet(), true);
  try {
    const result = new JobRunner(deps, jobHandlers()).start(kind, MEMBERS_TAB.name, undefined, TRIGGER_BUDGET);
    if (result.state === 'busy') deps.notifier?.alert(MENU_TITLE, result.message);
    else if (result.state === 'continuing') deps.notifier?.toast(describeJob(result.job), 'Still working');
    else if (kind === PREVIEW_MEMBERS)
      deps.notifier?.alert('Preview member changes', previewMembersSummary(result.job, deps.scheduler.context()));
    else
      deps.notifier?.alert(
        'Apply member changes',
        `${result.summary} Details are in the Status and Details columns; the Log tab has the run.`,
      );
  } catch (e) {
    deps.notifier?.alert(MENU_TITLE, e instanceof Error ? e.message : String(e));
  }
}

/**
 * Menu: dry run of the Members tab (and of Member sync Exact on the Spaces tab): writes the plan per row, lists
 * every removal, changes nothing in Chat. Scopes: spreadsheets.currentonly, chat.memberships.readonly,
 * cloud-identity.groups.readonly.
 */
export function previewMembers(): void {
  startMembersJob(PREVIEW_MEMBERS);
}

/**
 * Menu: adds, removes and changes roles as the Members tab says, and applies Member sync Exact on the Spaces tab.
 * Scopes: spreadsheets.currentonly, chat.memberships, cloud-identity.groups.readonly, script.scriptapp.
 */
export function applyMembers(): void {
  startMembersJob(APPLY_MEMBERS);
}
