/**
 * Entry points of the Members tab (Sheets menu > Chat Spaces > Members): preview and apply member changes. Thin:
 * builds the adapters, starts the job on the JobRunner and tells the user what happened.
 */
import { TRIGGER_BUDGET } from '../app/jobs/jobRunner';
import { APPLY_MEMBERS, PREVIEW_MEMBERS } from '../app/members/membersJob';
import { previewMembersSummary } from '../app/members/membersReport';
import { MEMBERS_TAB } from '../domain/tabs';
import { MENU_TITLE, menuRun, reportSlice } from './menuRun';

function startMembersJob(kind: string): void {
  menuRun(MENU_TITLE, (run) => {
    const preview = kind === PREVIEW_MEMBERS;
    reportSlice(run.jobs.start(kind, MEMBERS_TAB.name, undefined, TRIGGER_BUDGET), run, {
      title: preview ? 'Preview member changes' : 'Apply member changes',
      finished: preview ? (job) => previewMembersSummary(job, run.deps.scheduler.context()) : undefined,
    });
  });
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
