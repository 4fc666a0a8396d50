/**
 * The export job kinds (Import spaces, Import and adopt spaces, Export members, messages, events and reactions) on
 * the job runner. The units (spaces, or sent messages) and options are fixed when the export starts and kept in the
 * job. The first execution empties the export tab (a re-run replaces it, never duplicates); each unit pages
 * through its list (pagedTask.ts); rows are appended in blocks whenever the runner flushes, and the checkpoint
 * stores, with the number of rows written, each unit's next page token. A resumed execution first blanks any rows
 * written after the last checkpoint (an execution killed between writing and saving), then goes on from the saved
 * page tokens: every row exactly once.
 */
import {
  describeKinds,
  describeWindow,
  type EventExportOptions,
  type MessageExportOptions,
} from '../../domain/exportOptions';
import {
  EVENTS_EXPORT_TAB,
  MEMBERS_EXPORT_TAB,
  MESSAGES_EXPORT_TAB,
  REACTIONS_EXPORT_TAB,
  SPACES_EXPORT_TAB,
  headerRow,
  type TabSpec,
} from '../../domain/tabs';
import { formatCount, plural } from '../../domain/text';
import type { DriveFiles, DriveItem } from '../../ports/drive';
import type { CellValue } from '../../ports/workbook';
import type { Task } from '../jobs/engine';
import type { JobDeps, JobKindHandler, JobSlice } from '../jobs/jobRunner';
import type { JobState } from '../jobs/jobStore';
import { columnSetups } from '../setUpSheets';
import { adoptExportedSpaces, type AdoptReport } from './adopt';
import {
  eventsList,
  membersList,
  messagesList,
  reactionsList,
  spacesList,
  type AttachmentSaver,
  type ExportUnit,
} from './exportLists';
import { PagedTask, type PagedList } from './pagedTask';
import { chooseSentMessages, knownPeople } from './exportPlan';
import type { PeopleNames } from '../../domain/exportRows';

export const IMPORT_SPACES = 'import-spaces';
export const ADOPT_SPACES = 'adopt-spaces';
export const EXPORT_MEMBERS = 'export-members';
export const EXPORT_MESSAGES = 'export-messages';
export const EXPORT_EVENTS = 'export-events';
export const EXPORT_REACTIONS = 'export-reactions';

export type ExportKind =
  | typeof IMPORT_SPACES
  | typeof ADOPT_SPACES
  | typeof EXPORT_MEMBERS
  | typeof EXPORT_MESSAGES
  | typeof EXPORT_EVENTS
  | typeof EXPORT_REACTIONS;

/** Every export kind, for the job handler list. */
export const EXPORT_KINDS: readonly ExportKind[] = [
  IMPORT_SPACES,
  ADOPT_SPACES,
  EXPORT_MEMBERS,
  EXPORT_MESSAGES,
  EXPORT_EVENTS,
  EXPORT_REACTIONS,
];

const TITLES: Record<ExportKind, string> = {
  [IMPORT_SPACES]: 'Import spaces',
  [ADOPT_SPACES]: 'Import and adopt spaces',
  [EXPORT_MEMBERS]: 'Export members',
  [EXPORT_MESSAGES]: 'Export messages',
  [EXPORT_EVENTS]: 'Export events',
  [EXPORT_REACTIONS]: 'Export reactions',
};

/** The tab each kind writes. */
export const EXPORT_TAB_OF: Record<ExportKind, TabSpec> = {
  [IMPORT_SPACES]: SPACES_EXPORT_TAB,
  [ADOPT_SPACES]: SPACES_EXPORT_TAB,
  [EXPORT_MEMBERS]: MEMBERS_EXPORT_TAB,
  [EXPORT_MESSAGES]: MESSAGES_EXPORT_TAB,
  [EXPORT_EVENTS]: EVENTS_EXPORT_TAB,
  [EXPORT_REACTIONS]: REACTIONS_EXPORT_TAB,
};

const WHAT: Record<ExportKind, [string, string]> = {
  [IMPORT_SPACES]: ['space', 'spaces'],
  [ADOPT_SPACES]: ['space', 'spaces'],
  [EXPORT_MEMBERS]: ['membership', 'memberships'],
  [EXPORT_MESSAGES]: ['message', 'messages'],
  [EXPORT_EVENTS]: ['event', 'events'],
  [EXPORT_REACTIONS]: ['reaction', 'reactions'],
};

const MAX_JOB_ERRORS = 50;

/** What an export keeps in its job between executions. */
export interface ExportState {
  /**
   * The spaces chosen when the export started. Absent for the reactions export, whose units (sent message × space,
   * possibly thousands) are recomputed from the Messages tab in each execution to keep the checkpoint small.
   */
  units?: ExportUnit[];
  /** How the units were chosen, for the summary. */
  how: string;
  messageOptions?: MessageExportOptions;
  eventOptions?: EventExportOptions;
  /** Where each unit resumes, by unit index (absent: from the first page). */
  cursors: Record<string, string>;
  /** Indexes of the units finished (or failed). */
  done: number[];
  /** Data rows written to the tab by this job. */
  written: number;
  prepared?: boolean;
  folder?: DriveItem;
  filesSaved?: number;
  filesFailed?: number;
  adopted?: AdoptReport;
  /** Why the Spaces tab could not take the adopted rows. */
  adoptProblem?: string;
}

/** The initial job extra of an export. */
export function exportState(
  units: ExportUnit[] | undefined,
  how: string,
  options: { messageOptions?: MessageExportOptions; eventOptions?: EventExportOptions } = {},
): ExportState {
  return { units, how, ...options, cursors: {}, done: [], written: 0 };
}

export class ExportJobHandler implements JobKindHandler {
  constructor(
    readonly kind: ExportKind,
    private readonly drive: () => DriveFiles,
  ) {}

  get title(): string {
    return TITLES[this.kind];
  }

  openSlice(job: JobState, deps: JobDeps): JobSlice {
    const x = job.extra as unknown as ExportState;
    const tab = EXPORT_TAB_OF[this.kind];
    const { workbook } = deps;
    if (!x.prepared) {
      // Notes and a frozen header, but no plain-text format: values go through toCellValue, whose quote prefix a
      // plain-text cell would keep as a visible apostrophe.
      workbook.setUpTab(
        tab.name,
        columnSetups(tab).map((c) => ({ ...c, plainText: false })),
      );
      workbook.replaceTab(tab.name, headerRow(tab), []);
      x.prepared = true;
      x.written = 0;
    } else {
      // Rows written after the last checkpoint belong to pages that will be fetched again: blank them.
      const values = workbook.readTab(tab.name) ?? [];
      const extra = values.length - 1 - x.written;
      if (extra > 0) {
        const width = headerRow(tab).length;
        workbook.writeBlocks(tab.name, [
          {
            row: x.written + 2,
            column: 1,
            values: Array.from({ length: extra }, () => Array<CellValue>(width).fill('')),
          },
        ]);
      }
    }
    let saver: AttachmentSaver | undefined;
    if (this.kind === EXPORT_MESSAGES && x.messageOptions?.attachments) {
      const drive = this.drive();
      x.folder ??= drive.createFolder(
        `Chat export ${new Date(job.startedAt).toISOString().slice(0, 16).replace('T', ' ')}`,
      );
      saver = {
        drive,
        folder: x.folder,
        saved: (ok, problem) => {
          if (ok) x.filesSaved = (x.filesSaved ?? 0) + 1;
          else {
            x.filesFailed = (x.filesFailed ?? 0) + 1;
            if (problem && job.errors.length < MAX_JOB_ERRORS) job.errors.push({ row: 0, message: problem });
          }
        },
      };
    }

    let units: ExportUnit[] = x.units ?? [];
    if (this.kind === IMPORT_SPACES || this.kind === ADOPT_SPACES)
      units = [{ key: 'spaces', space: '', displayName: '' }];
    else if (this.kind === EXPORT_REACTIONS) {
      const choice = chooseSentMessages(workbook, deps.identity.timeZone());
      units = 'problem' in choice ? [] : choice.units;
    }
    const indexOf = new Map(units.map((u, i) => [u.key, i]));
    const done = new Set(x.done);
    const finished = (key: string) => {
      const i = indexOf.get(key);
      if (i === undefined) return;
      delete x.cursors[String(i)];
      done.add(i);
      x.done.push(i);
    };
    const buffer: CellValue[][] = [];
    const sink = {
      commit: (key: string, rows: CellValue[][], next: string | undefined) => {
        buffer.push(...rows);
        if (next) x.cursors[String(indexOf.get(key))] = next;
        else finished(key);
      },
      fail: (key: string, message: string) => {
        finished(key);
        job.counts.Failed = (job.counts.Failed ?? 0) + 1;
        if (job.errors.length < MAX_JOB_ERRORS) job.errors.push({ row: 0, message });
      },
    };
    const people =
      this.kind === IMPORT_SPACES || this.kind === ADOPT_SPACES || this.kind === EXPORT_EVENTS
        ? undefined
        : knownPeople(workbook, deps.cache, deps.identity.timeZone());
    const tasks: Task[] = [];
    units.forEach((u, i) => {
      if (!done.has(i))
        tasks.push(new PagedTask(this.list(u, x, saver, people) as PagedList<unknown>, x.cursors[String(i)], sink));
    });

    return {
      tasks: tasks[Symbol.iterator](),
      flush: (_unfinished, final) => {
        if (buffer.length) {
          workbook.appendRows(tab.name, buffer);
          x.written += buffer.length;
          job.counts.Exported = (job.counts.Exported ?? 0) + buffer.length;
          buffer.length = 0;
        }
        const allDone = done.size >= units.length;
        if (final && allDone && this.kind === ADOPT_SPACES && !x.adopted) {
          workbook.flush();
          try {
            x.adopted = adoptExportedSpaces(workbook, {
              timeZone: deps.identity.timeZone(),
              random: deps.random,
              now: new Date(deps.clock.now()),
            });
          } catch (e) {
            // The export itself is done; say why the Spaces tab could not take the rows.
            x.adopted = { added: 0, alreadyOnTab: 0, notNamed: 0 };
            x.adoptProblem = e instanceof Error ? e.message : String(e);
            job.errors.push({ row: 0, message: `No space was adopted: ${x.adoptProblem}` });
          }
        }
      },
    };
  }

  private list(
    unit: ExportUnit,
    x: ExportState,
    saver: AttachmentSaver | undefined,
    people: PeopleNames | undefined,
  ): PagedList<unknown> {
    switch (this.kind) {
      case IMPORT_SPACES:
      case ADOPT_SPACES:
        return spacesList() as PagedList<unknown>;
      case EXPORT_MEMBERS:
        return membersList(unit, people) as PagedList<unknown>;
      case EXPORT_MESSAGES:
        return messagesList(unit, x.messageOptions as MessageExportOptions, saver, people) as PagedList<unknown>;
      case EXPORT_EVENTS:
        return eventsList(unit, x.eventOptions as EventExportOptions) as PagedList<unknown>;
      case EXPORT_REACTIONS:
        return reactionsList(unit, people) as PagedList<unknown>;
    }
  }

  summarize(job: JobState): string {
    const x = job.extra as unknown as ExportState;
    const [one, many] = WHAT[this.kind];
    const n = x.written;
    const tab = EXPORT_TAB_OF[this.kind].name;
    const parts = [`${formatCount(n)} ${n === 1 ? one : many} written to ${tab}`];
    if (this.kind !== IMPORT_SPACES && this.kind !== ADOPT_SPACES) parts[0] += ` from ${x.how}`;
    if (x.messageOptions) parts.push(`window ${describeWindow(x.messageOptions)}`);
    if (x.eventOptions) parts.push(`${describeKinds(x.eventOptions.kinds)} events, ${describeWindow(x.eventOptions)}`);
    if (x.folder)
      parts.push(
        `${plural(x.filesSaved ?? 0, 'attachment')} saved to Drive (${x.folder.url})` +
          (x.filesFailed ? `, ${x.filesFailed} could not be saved` : ''),
      );
    if (x.adoptProblem) parts.push(`no space was adopted: ${x.adoptProblem}`);
    else if (x.adopted)
      parts.push(
        `${plural(x.adopted.added, 'space')} added to the Spaces tab` +
          (x.adopted.alreadyOnTab ? `, ${x.adopted.alreadyOnTab} already there` : '') +
          (x.adopted.notNamed ? `, ${x.adopted.notNamed} group chats or direct messages left out` : ''),
      );
    const failed = job.counts.Failed ?? 0;
    if (failed) parts.push(`${plural(failed, 'space')} could not be read (see the Log tab)`);
    return `${parts.join('; ')}.`;
  }
}
