/**
 * Menu entry points of Retire spaces: Delete selected spaces and Lock selected spaces. Each reads the selected
 * Spaces rows, counts the members of their spaces, asks for confirmation naming every space (Lock also asks
 * whether to remove the members who are not managers), and only then starts the job; declining changes nothing.
 */
import { TRIGGER_BUDGET } from '../app/jobs/jobRunner';
import { DELETE_SPACES, LOCK_SPACES } from '../app/retire/retireJob';
import { countMembers } from '../app/retire/spaceCounts';
import { SpacesSheet } from '../app/spaces/spacesSheet';
import { deleteConfirmation, lockConfirmation, removeMembersQuestion } from '../domain/retire';
import { parseSpaceReference } from '../domain/spaceLinks';
import { readTable } from '../domain/table';
import { SPACES_COL, SPACES_TAB } from '../domain/tabs';
import { menuRun, reportSlice } from './menuRun';

const TITLE = 'Retire spaces';

function retire(kind: typeof DELETE_SPACES | typeof LOCK_SPACES): void {
  menuRun(TITLE, (run) => {
    const { deps } = run;
    const notifier = deps.notifier;
    const selected = new Set(deps.workbook.selectedRows(SPACES_TAB.name));
    if (!selected.size) {
      notifier?.alert(TITLE, 'Select the rows of the spaces to retire on the Spaces tab first.');
      return;
    }
    // Loading gives every row a Row ID, so the job finds its rows even if the tab is sorted meanwhile.
    const sheet = SpacesSheet.load(deps.workbook, {
      timeZone: deps.identity.timeZone(),
      runner: deps.identity.email(),
      random: deps.random,
    });
    const table = readTable(SPACES_TAB, deps.workbook.readTab(SPACES_TAB.name) ?? [], {
      timeZone: deps.identity.timeZone(),
    });
    const spaces: { space: string; displayName: string }[] = [];
    for (const r of table.rows) {
      if (!selected.has(r.row)) continue;
      const ref =
        parseSpaceReference(r.cells[SPACES_COL.spaceId] ?? '', { allowBareId: true }) ??
        parseSpaceReference(r.cells[SPACES_COL.spaceLink] ?? '');
      if (ref) spaces.push({ space: ref.name, displayName: r.cells[SPACES_COL.spaceName] ?? '' });
    }
    if (!spaces.length) {
      notifier?.alert(TITLE, 'None of the selected rows has a Space ID, so there is no space to retire.');
      return;
    }
    const counts = countMembers(deps.chat, spaces);
    let removeMembers = false;
    if (kind === DELETE_SPACES) {
      if (!notifier?.confirm('Delete spaces', deleteConfirmation(counts))) {
        notifier?.toast('Nothing was deleted.', TITLE);
        return;
      }
    } else {
      if (!notifier?.confirm('Lock spaces', lockConfirmation(counts))) {
        notifier?.toast('Nothing was locked.', TITLE);
        return;
      }
      removeMembers = notifier.confirm('Lock spaces', removeMembersQuestion(counts));
    }
    const rowIds = sheet.rows.filter((r) => selected.has(r.row)).map((r) => r.rowId);
    const result = run.jobs.start(kind, SPACES_TAB.name, rowIds, TRIGGER_BUDGET, {
      removeMembers,
      missing: counts.filter((c) => c.missing).map((c) => c.name),
    });
    reportSlice(result, run, { title: TITLE });
  });
}

/**
 * Menu: deletes the spaces of the selected Spaces rows, for everyone, after a confirmation naming them and
 * counting their members. Scopes: chat.delete, chat.spaces.readonly, spreadsheets.currentonly.
 */
export function deleteSelectedSpaces(): void {
  retire(DELETE_SPACES);
}

/**
 * Menu: locks the spaces of the selected Spaces rows (renamed "[Archived] …", final notice, replies, members and
 * settings restricted to managers; members optionally removed). Scopes: chat.spaces, chat.messages, chat.memberships.
 */
export function lockSelectedSpaces(): void {
  retire(LOCK_SPACES);
}
