/**
 * The tabs of the workbook, as one source of truth: for every tab (Spaces, Members, Messages, Log and the export
 * tabs) its columns in the order Set up sheets creates them, with the canonical header text, whether the user or
 * the add-on writes it, what kind of value it holds, the header note shown to users (what to write, limits,
 * examples), the dropdown values of enumerated columns, accepted header aliases, and the status values the add-on
 * writes. Set up sheets, the readers (table.ts and the row parsers) and the writers all read these constants, so a
 * header renamed here is renamed everywhere. Pure data plus small look-ups.
 */

import { headerKey } from './text';

/** The tabs the add-on knows. */
export type TabName =
  | 'Spaces'
  | 'Members'
  | 'Messages'
  | 'Log'
  | 'Spaces (export)'
  | 'Members (export)'
  | 'Messages (export)'
  | 'Events (export)'
  | 'Reactions (export)';

/**
 * What a column holds, which decides how its cells are read and validated:
 * `text` one-line text; `longtext` text that may span lines; `emails` a list of email addresses; `enum` one of
 * `allowed`; `yesno` Yes/No; `datetime` a date and time; `url` an https link; `list` comma-separated words;
 * `id` a key written by the add-on; `timestamp` a date written by the add-on; `number` a count.
 */
export type ColumnKind =
  'text' | 'longtext' | 'emails' | 'enum' | 'yesno' | 'datetime' | 'url' | 'list' | 'id' | 'timestamp' | 'number';

/** One column of a tab. */
export interface ColumnSpec {
  /** Canonical header text, exactly as Set up sheets writes it. */
  readonly header: string;
  /** `in`: the user writes it; `out`: only the add-on writes it. */
  readonly io: 'in' | 'out';
  readonly kind: ColumnKind;
  /** The header note: what to write, limits and an example. */
  readonly note: string;
  /** The tab cannot be read without this column. */
  readonly required?: boolean;
  /** Values offered in the dropdown (data validation), for enumerated columns, in display form. */
  readonly allowed?: readonly string[];
  /** What a blank cell means, in display form (e.g. `Space` for Type). */
  readonly defaultValue?: string;
  /** Other headers users commonly write for this column; matched like the header itself. */
  readonly aliases?: readonly string[];
  /** Character limit Chat enforces, when there is one. */
  readonly maxChars?: number;
  /** Suggested column width in pixels for Set up sheets. */
  readonly width?: number;
}

/** One tab. */
export interface TabSpec {
  readonly name: TabName;
  /** `input`: the user fills it and the add-on writes results back; `log` and `export`: written by the add-on. */
  readonly role: 'input' | 'log' | 'export';
  /** A short description for Set up sheets (first-cell note of the header row). */
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Values the add-on writes in the Status column, when the tab has one. */
  readonly statuses?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Statuses

/** Every status value the add-on writes, by meaning. Each tab uses the subset listed in its `statuses`. */
export const STATUS = {
  planned: 'Planned',
  inProgress: 'In progress',
  created: 'Created',
  updated: 'Updated',
  upToDate: 'Up to date',
  linkedExisting: 'Linked existing',
  failed: 'Failed',
  skipped: 'Skipped',
  added: 'Added',
  invited: 'Invited',
  removed: 'Removed',
  scheduled: 'Scheduled',
  sent: 'Sent',
  partlySent: 'Partly sent',
  edited: 'Edited',
  deleted: 'Deleted',
  locked: 'Locked',
} as const;

/** A status value. */
export type Status = (typeof STATUS)[keyof typeof STATUS];

/** Statuses of a Spaces row (DESIGN §1.1). */
export const SPACE_STATUSES: readonly Status[] = [
  STATUS.planned,
  STATUS.created,
  STATUS.updated,
  STATUS.upToDate,
  STATUS.linkedExisting,
  STATUS.failed,
  STATUS.skipped,
  STATUS.inProgress,
  STATUS.locked,
  STATUS.deleted,
];

/** Statuses of a Members row: Updated = role changed; Up to date = already so (or already not a member). */
export const MEMBER_STATUSES: readonly Status[] = [
  STATUS.planned,
  STATUS.added,
  STATUS.invited,
  STATUS.updated,
  STATUS.upToDate,
  STATUS.removed,
  STATUS.failed,
  STATUS.skipped,
  STATUS.inProgress,
];

/** Statuses of a Messages row: Partly sent = some target spaces got it and some failed. */
export const MESSAGE_STATUSES: readonly Status[] = [
  STATUS.planned,
  STATUS.scheduled,
  STATUS.sent,
  STATUS.partlySent,
  STATUS.edited,
  STATUS.deleted,
  STATUS.upToDate,
  STATUS.failed,
  STATUS.skipped,
  STATUS.inProgress,
];

/** Statuses of a Log row (one run). */
export const RUN_STATUS = {
  inProgress: 'In progress',
  done: 'Done',
  doneWithErrors: 'Done with errors',
  stopped: 'Stopped',
  previewed: 'Previewed',
} as const;

/** A run status value. */
export type RunStatus = (typeof RUN_STATUS)[keyof typeof RUN_STATUS];

// ---------------------------------------------------------------------------------------------------------------
// Column header constants

/** Spaces tab headers. */
export const SPACES_COL = {
  spaceName: 'Space name',
  type: 'Type',
  description: 'Description',
  guidelines: 'Guidelines',
  members: 'Members',
  groups: 'Groups',
  managers: 'Managers',
  owners: 'Owners',
  history: 'History',
  discoverable: 'Discoverable',
  externalUsers: 'External users',
  announcement: 'Announcement',
  welcomeMessage: 'Welcome message',
  memberSync: 'Member sync',
  tags: 'Tags',
  rowId: 'Row ID',
  spaceId: 'Space ID',
  spaceLink: 'Space link',
  status: 'Status',
  details: 'Details',
  lastRun: 'Last run',
} as const;

/** Members tab headers. */
export const MEMBERS_COL = {
  space: 'Space',
  member: 'Member',
  role: 'Role',
  action: 'Action',
  rowId: 'Row ID',
  status: 'Status',
  details: 'Details',
  lastRun: 'Last run',
} as const;

/** Messages tab headers. */
export const MESSAGES_COL = {
  space: 'Space',
  message: 'Message',
  threadKey: 'Thread key',
  sendAt: 'Send at',
  attachment: 'Attachment',
  rowId: 'Row ID',
  messageId: 'Message ID',
  status: 'Status',
  details: 'Details',
  sentAt: 'Sent at',
} as const;

/** Log tab headers. */
export const LOG_COL = {
  run: 'Run',
  action: 'Action',
  who: 'Who',
  started: 'Started',
  ended: 'Ended',
  status: 'Status',
  rows: 'Rows',
  created: 'Created',
  updated: 'Updated',
  upToDate: 'Up to date',
  linked: 'Linked',
  failed: 'Failed',
  skipped: 'Skipped',
  apiCalls: 'API calls',
  quotaWaits: 'Quota waits',
  executions: 'Executions',
  errors: 'Errors',
} as const;

/** Dropdown values. */
export const TYPE_VALUES = ['Space', 'Group chat', 'Direct message'] as const;
export const HISTORY_VALUES = ['On', 'Off'] as const;
export const YES_NO_VALUES = ['Yes', 'No'] as const;
export const MEMBER_SYNC_VALUES = ['Add only', 'Exact'] as const;
export const ROLE_VALUES = ['Member', 'Manager', 'Owner'] as const;
export const ACTION_VALUES = ['Add', 'Remove'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Shared output columns

const ROW_ID_NOTE =
  'Written by the add-on: a stable key for this row (e.g. r-7k3m9q2xvd). It makes re-runs safe: the same row never ' +
  'creates a second space or message. Do not edit it. If you copy a row, the copy gets a new Row ID on the next run.';

function detailsColumn(what: string): ColumnSpec {
  return {
    header: 'Details',
    io: 'out',
    kind: 'longtext',
    note: `Written by the add-on: one sentence about the last run of this row: ${what}`,
    width: 360,
  };
}

function statusColumn(statuses: readonly string[]): ColumnSpec {
  return {
    header: 'Status',
    io: 'out',
    kind: 'enum',
    note: `Written by the add-on: the outcome of the last preview or run of this row: ${statuses.join(', ')}.`,
    width: 110,
  };
}

const LAST_RUN: ColumnSpec = {
  header: 'Last run',
  io: 'out',
  kind: 'timestamp',
  note: 'Written by the add-on: when this row was last previewed or applied (spreadsheet time zone).',
  width: 140,
};

// ---------------------------------------------------------------------------------------------------------------
// Input tabs

/** The Spaces tab: one row, one space. */
export const SPACES_TAB: TabSpec = {
  name: 'Spaces',
  role: 'input',
  description:
    'One row per Google Chat space. Fill the white columns; the add-on fills the grey ones (Row ID to Last run). ' +
    'Run Preview first to see what would change.',
  statuses: SPACE_STATUSES,
  columns: [
    {
      header: SPACES_COL.spaceName,
      io: 'in',
      kind: 'text',
      required: true,
      maxChars: 128,
      aliases: ['Name', 'Display name', 'Space display name'],
      width: 220,
      note:
        'The space name shown in Chat. Required for Type Space, at most 128 characters, one line; leave it empty ' +
        'for a Group chat or Direct message. Names must be unique in your organisation. Example: Project Apollo.',
    },
    {
      header: SPACES_COL.type,
      io: 'in',
      kind: 'enum',
      allowed: TYPE_VALUES,
      defaultValue: 'Space',
      aliases: ['Space type'],
      width: 120,
      note:
        'Space (default when blank): a named space. Group chat: an unnamed conversation with at least 2 other people. ' +
        'Direct message: a 1:1 conversation with exactly 1 other person.',
    },
    {
      header: SPACES_COL.description,
      io: 'in',
      kind: 'longtext',
      maxChars: 150,
      width: 220,
      note:
        'What the space is for, at most 150 characters (Type Space only). Blank leaves the current description. ' +
        'Example: Weekly planning for Apollo.',
    },
    {
      header: SPACES_COL.guidelines,
      io: 'in',
      kind: 'longtext',
      maxChars: 5000,
      aliases: ['Rules'],
      width: 220,
      note: 'Space guidelines (rules) shown to members, at most 5,000 characters (Type Space only). Blank leaves them as they are.',
    },
    {
      header: SPACES_COL.members,
      io: 'in',
      kind: 'emails',
      aliases: ['Member', 'People', 'Member emails'],
      width: 260,
      note:
        'People to add: email addresses separated by commas, semicolons, spaces or new lines. ' +
        '"Name <email>" is fine. You are added automatically; do not list yourself. ' +
        'Example: ana@example.com, li@example.com',
    },
    {
      header: SPACES_COL.groups,
      io: 'in',
      kind: 'emails',
      aliases: ['Group', 'Google Groups', 'Group emails'],
      width: 200,
      note:
        'Google Group email addresses whose members join the space (Type Space only), separated like Members. ' +
        'Example: design-team@example.com',
    },
    {
      header: SPACES_COL.managers,
      io: 'in',
      kind: 'emails',
      aliases: ['Manager'],
      width: 200,
      note: 'People made Manager of the space (Type Space only). They are added as members if not listed in Members.',
    },
    {
      header: SPACES_COL.owners,
      io: 'in',
      kind: 'emails',
      aliases: ['Owner'],
      width: 200,
      note:
        'People made Owner of the space, like you (Type Space only). They are added as members if not listed in ' +
        'Members. Do not list the same person as both Manager and Owner.',
    },
    {
      header: SPACES_COL.history,
      io: 'in',
      kind: 'enum',
      allowed: HISTORY_VALUES,
      width: 90,
      note:
        "On: messages are kept (your organisation's retention rules). Off: messages disappear after 24 hours. " +
        'Blank leaves the setting as it is. Your admin may not allow changing it.',
    },
    {
      header: SPACES_COL.discoverable,
      io: 'in',
      kind: 'yesno',
      allowed: YES_NO_VALUES,
      width: 110,
      note:
        'Yes: anyone in your organisation can find and join the space. No: only invited people. Blank leaves it ' +
        'as it is. Type Space only.',
    },
    {
      header: SPACES_COL.externalUsers,
      io: 'in',
      kind: 'yesno',
      allowed: YES_NO_VALUES,
      defaultValue: 'No',
      aliases: ['External', 'Allow external users'],
      width: 110,
      note:
        'Yes: people outside your organisation may be added. Fixed when the space is created (cannot be changed ' +
        'later). Blank means No.',
    },
    {
      header: SPACES_COL.announcement,
      io: 'in',
      kind: 'yesno',
      allowed: YES_NO_VALUES,
      defaultValue: 'No',
      aliases: ['Announcement space', 'Announcements'],
      width: 120,
      note:
        'Yes: only managers and owners can post (an announcement space). Fixed when the space is created. ' +
        'Blank means No. Type Space only.',
    },
    {
      header: SPACES_COL.welcomeMessage,
      io: 'in',
      kind: 'longtext',
      maxChars: 4096,
      aliases: ['Welcome', 'First message'],
      width: 260,
      note:
        'Posted once, right after the space is created. At most 4,096 characters after filling placeholders. ' +
        'Use {{Column}} to insert this row\'s value of any column, e.g. "Welcome to {{Space name}}!"; write \\{{ ' +
        'for literal braces. Chat formatting (*bold*, _italic_) works.',
    },
    {
      header: SPACES_COL.memberSync,
      io: 'in',
      kind: 'enum',
      allowed: MEMBER_SYNC_VALUES,
      defaultValue: 'Add only',
      width: 110,
      note:
        'Add only (default): add the listed people, never remove anyone. Exact: also remove members who are not ' +
        'listed in Members, Managers, Owners or Groups (you are never removed).',
    },
    {
      header: SPACES_COL.tags,
      io: 'in',
      kind: 'list',
      aliases: ['Tag', 'Labels'],
      width: 140,
      note:
        'Optional words separated by commas, used to target messages: Space tag:onboarding on the Messages tab ' +
        'goes to every row tagged onboarding. Example: onboarding, emea',
    },
    { header: SPACES_COL.rowId, io: 'out', kind: 'id', note: ROW_ID_NOTE, width: 120 },
    {
      header: SPACES_COL.spaceId,
      io: 'out',
      kind: 'id',
      aliases: ['Space resource name'],
      width: 160,
      note:
        "Written by the add-on: the space's ID (spaces/AAAA…). To manage a space that already exists, paste its ID " +
        'or its link (in Space link) here before running. Clear it only if the space was deleted.',
    },
    {
      header: SPACES_COL.spaceLink,
      io: 'out',
      kind: 'url',
      aliases: ['Link', 'Space URL'],
      width: 220,
      note: 'Written by the add-on: a link that opens the space in Chat (https://chat.google.com/room/…).',
    },
    statusColumn(SPACE_STATUSES),
    detailsColumn('what changed, who was invited or skipped, or what is wrong and how to fix it.'),
    LAST_RUN,
  ],
};

/** The Members tab: one row, one membership. */
export const MEMBERS_TAB: TabSpec = {
  name: 'Members',
  role: 'input',
  description:
    'One row per person (or Google Group) to add to or remove from a space. Use it for large spaces or for ' +
    'spaces that already exist.',
  statuses: MEMBER_STATUSES,
  columns: [
    {
      header: MEMBERS_COL.space,
      io: 'in',
      kind: 'text',
      required: true,
      aliases: ['Space name', 'Space ID', 'Space link'],
      width: 220,
      note:
        'Which space: a Space name from the Spaces tab, a Space ID (spaces/AAAA…) or a Chat link to the space. ' +
        'Write * with Action Remove to remove the person from every space on the Spaces tab (offboarding).',
    },
    {
      header: MEMBERS_COL.member,
      io: 'in',
      kind: 'emails',
      required: true,
      aliases: ['Email', 'Member email', 'Person', 'User'],
      width: 220,
      note: 'One email address per row: a person or a Google Group. Example: ana@example.com',
    },
    {
      header: MEMBERS_COL.role,
      io: 'in',
      kind: 'enum',
      allowed: ROLE_VALUES,
      defaultValue: 'Member',
      width: 100,
      note:
        'Member (default), Manager or Owner. Manager and Owner apply to named spaces (Type Space) and to people, ' +
        'not groups.',
    },
    {
      header: MEMBERS_COL.action,
      io: 'in',
      kind: 'enum',
      allowed: ACTION_VALUES,
      defaultValue: 'Add',
      width: 90,
      note: 'Add (default): add the person, or change their role. Remove: take them out of the space.',
    },
    { header: MEMBERS_COL.rowId, io: 'out', kind: 'id', note: ROW_ID_NOTE, width: 120 },
    statusColumn(MEMBER_STATUSES),
    detailsColumn('joined, invited (they must accept), role changed, or what went wrong and how to fix it.'),
    LAST_RUN,
  ],
};

/** The Messages tab: one row, one message to one or many spaces. */
export const MESSAGES_TAB: TabSpec = {
  name: 'Messages',
  role: 'input',
  description:
    'One row per message. Send now with Send messages, or set Send at to schedule it. The add-on remembers each ' +
    'message so it can be edited or deleted later.',
  statuses: MESSAGE_STATUSES,
  columns: [
    {
      header: MESSAGES_COL.space,
      io: 'in',
      kind: 'text',
      required: true,
      aliases: ['Space name', 'Space ID', 'To', 'Target'],
      width: 200,
      note:
        'Where to post: a Space name from the Spaces tab, a Space ID (spaces/AAAA…) or a Chat link; * for every ' +
        'space on the Spaces tab; tag:onboarding for every Spaces row tagged onboarding; dm:ana@example.com for a ' +
        'direct message to a person.',
    },
    {
      header: MESSAGES_COL.message,
      io: 'in',
      kind: 'longtext',
      required: true,
      maxChars: 4096,
      aliases: ['Text', 'Message text', 'Body'],
      width: 320,
      note:
        'The message, at most 4,096 characters after filling placeholders. Chat formatting works (*bold*, _italic_, ' +
        "~strike~, `code`, <users/all> to mention everyone). {{Column}} inserts the target space's value of a Spaces " +
        'column (or of a column of this tab), e.g. "Hello {{Space name}}"; write \\{{ for literal braces.',
    },
    {
      header: MESSAGES_COL.threadKey,
      io: 'in',
      kind: 'text',
      maxChars: 4000,
      aliases: ['Thread'],
      width: 120,
      note:
        'Optional, at most 4,000 characters: messages with the same thread key are posted as replies in one thread ' +
        '(named spaces only). Example: weekly-update',
    },
    {
      header: MESSAGES_COL.sendAt,
      io: 'in',
      kind: 'datetime',
      aliases: ['Send time', 'Scheduled for', 'When'],
      width: 140,
      note:
        "Blank: send when you run Send messages. Otherwise a date and time in the spreadsheet's time zone, e.g. " +
        '2025-03-01 09:00 (or pick one with the date picker); the scheduler sends it at the next run after that time.',
    },
    {
      header: MESSAGES_COL.attachment,
      io: 'in',
      kind: 'url',
      aliases: ['File', 'Attachment URL'],
      width: 200,
      note: 'Optional: an https:// link to a file to attach (at most 200 MB). Example: https://example.com/agenda.pdf',
    },
    { header: MESSAGES_COL.rowId, io: 'out', kind: 'id', note: ROW_ID_NOTE, width: 120 },
    {
      header: MESSAGES_COL.messageId,
      io: 'out',
      kind: 'id',
      width: 200,
      note:
        "Written by the add-on: the message's ID (client-…), the same in every space the row posts to. It lets the " +
        'add-on edit or delete the message later. Do not edit it.',
    },
    statusColumn(MESSAGE_STATUSES),
    detailsColumn('where it was posted, or what went wrong and how to fix it.'),
    {
      header: MESSAGES_COL.sentAt,
      io: 'out',
      kind: 'timestamp',
      width: 140,
      note: 'Written by the add-on: when the message was posted (spreadsheet time zone).',
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Log tab

function out(header: string, kind: ColumnKind, note: string, width = 100): ColumnSpec {
  return { header, io: 'out', kind, note, width };
}

/** The Log tab: one row per run. */
export const LOG_TAB: TabSpec = {
  name: 'Log',
  role: 'log',
  description: 'One row per run of the add-on, newest at the bottom. Written by the add-on.',
  statuses: Object.values(RUN_STATUS),
  columns: [
    out(LOG_COL.run, 'id', 'Run ID; the same run continued across executions keeps its ID.', 120),
    out(
      LOG_COL.action,
      'text',
      'What was run: Preview, Create/update spaces, Sync members, Send messages, Export…',
      160,
    ),
    out(LOG_COL.who, 'text', 'The email of the person who ran it (the run acts as them).', 180),
    out(LOG_COL.started, 'timestamp', 'When the run started (spreadsheet time zone).', 140),
    out(LOG_COL.ended, 'timestamp', 'When the run ended (blank while it is in progress).', 140),
    out(LOG_COL.status, 'enum', `${Object.values(RUN_STATUS).join(', ')}.`, 120),
    out(LOG_COL.rows, 'number', 'Rows the run looked at (blank rows are not counted).'),
    out(LOG_COL.created, 'number', 'Spaces, memberships or messages created by the run.'),
    out(LOG_COL.updated, 'number', 'Rows whose space, membership or message was changed.'),
    out(LOG_COL.upToDate, 'number', 'Rows that needed no change: Chat already matched the row.'),
    out(LOG_COL.linked, 'number', 'Rows linked to a space that already existed.'),
    out(LOG_COL.failed, 'number', 'Rows that failed; see their Details.'),
    out(LOG_COL.skipped, 'number', 'Rows skipped (not run because of an earlier problem or by choice).'),
    out(LOG_COL.apiCalls, 'number', 'Google Chat API calls made, retries included.'),
    out(
      LOG_COL.quotaWaits,
      'text',
      "Time spent waiting for Chat's per-minute quotas, and how many 429 responses were retried.",
      140,
    ),
    out(LOG_COL.executions, 'number', 'Script executions the run needed (long runs continue every few minutes).'),
    out(LOG_COL.errors, 'longtext', 'Errors that stopped the run or affected many rows.', 320),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Export tabs

const EXPORT_NOTE = 'Written by Export. ';

/** Spaces (export): shares headers with the Spaces tab so rows can be copied there to manage those spaces. */
export const SPACES_EXPORT_TAB: TabSpec = {
  name: 'Spaces (export)',
  role: 'export',
  description:
    'Spaces you belong to, as of the last Import spaces (every page of spaces.list; each run replaces the tab). ' +
    'Import and adopt spaces also adds the named spaces to the Spaces tab as managed rows (never twice). Copy ' +
    'rows to the Spaces tab to manage them (headers match).',
  columns: [
    out('Space ID', 'id', `${EXPORT_NOTE}The space's ID (spaces/…).`, 160),
    out('Space name', 'text', `${EXPORT_NOTE}The space name (blank for group chats and direct messages).`, 220),
    out('Type', 'enum', `${EXPORT_NOTE}Space, Group chat or Direct message.`, 120),
    out('Description', 'longtext', `${EXPORT_NOTE}The space description.`, 220),
    out('Guidelines', 'longtext', `${EXPORT_NOTE}The space guidelines.`, 220),
    out('History', 'enum', `${EXPORT_NOTE}On or Off.`, 90),
    out('Discoverable', 'yesno', `${EXPORT_NOTE}Yes if people in your organisation can find the space.`, 110),
    out('External users', 'yesno', `${EXPORT_NOTE}Yes if people outside your organisation may join.`, 110),
    out('Members', 'number', `${EXPORT_NOTE}Number of people who joined.`, 90),
    out('Groups', 'number', `${EXPORT_NOTE}Number of Google Groups in the space.`, 90),
    out('Space link', 'url', `${EXPORT_NOTE}Opens the space in Chat.`, 220),
    out('Created', 'timestamp', `${EXPORT_NOTE}When the space was created.`, 140),
    out('Last active', 'timestamp', `${EXPORT_NOTE}When the last message was posted.`, 140),
    out('Last read', 'timestamp', `${EXPORT_NOTE}When you last read the space (your read state).`, 140),
  ],
};

/** Members (export). */
export const MEMBERS_EXPORT_TAB: TabSpec = {
  name: 'Members (export)',
  role: 'export',
  description:
    'Members of the chosen spaces: the Spaces (or Spaces (export)) rows you selected, otherwise every Spaces row ' +
    'with a Space ID, otherwise every row of Spaces (export). Invited people and Google Groups included. Chat ' +
    'names people users/{id}; people the add-on met on the Spaces or Members tab are shown by email. Each run ' +
    'replaces the tab.',
  columns: [
    out('Space ID', 'id', `${EXPORT_NOTE}The space's ID.`, 160),
    out('Space name', 'text', `${EXPORT_NOTE}The space name.`, 220),
    out('Member', 'text', `${EXPORT_NOTE}Email when the add-on knows it, otherwise the user or group ID.`, 220),
    out('Member ID', 'id', `${EXPORT_NOTE}Chat's ID of the membership (spaces/…/members/…).`, 180),
    out('Kind', 'enum', `${EXPORT_NOTE}Person, Group or App.`, 90),
    out('Role', 'enum', `${EXPORT_NOTE}Member, Manager or Owner.`, 100),
    out('State', 'enum', `${EXPORT_NOTE}Joined or Invited (has not accepted yet).`, 100),
    out('Joined', 'timestamp', `${EXPORT_NOTE}When they joined or were invited.`, 140),
  ],
};

/** Messages (export). */
export const MESSAGES_EXPORT_TAB: TabSpec = {
  name: 'Messages (export)',
  role: 'export',
  description:
    'Messages of the chosen spaces (chosen like Members (export)) in a time window. When the export starts, a ' +
    'prompt asks for the window and options in one line: "7 days" (the default), "2026-01-01 to 2026-01-31", ' +
    'and "attachments" to save every attachment to a new Drive folder. Each run replaces the tab.',
  columns: [
    out('Space ID', 'id', `${EXPORT_NOTE}The space's ID.`, 160),
    out('Space name', 'text', `${EXPORT_NOTE}The space name.`, 200),
    out('Message ID', 'id', `${EXPORT_NOTE}The message's ID (spaces/…/messages/…).`, 240),
    out('Thread', 'id', `${EXPORT_NOTE}The thread's ID.`, 200),
    out('Sender', 'text', `${EXPORT_NOTE}Who posted it: email when known, otherwise users/….`, 180),
    out('Created', 'timestamp', `${EXPORT_NOTE}When it was posted.`, 140),
    out('Edited', 'timestamp', `${EXPORT_NOTE}When it was last edited.`, 140),
    out('Text', 'longtext', `${EXPORT_NOTE}The message text (with Chat formatting).`, 360),
    out('Reactions', 'number', `${EXPORT_NOTE}Number of emoji reactions on the message.`, 90),
    out('Attachments', 'text', `${EXPORT_NOTE}Names of the attached files, one per line.`, 200),
    out('Thread read', 'timestamp', `${EXPORT_NOTE}When you last read the message's thread (your read state).`, 140),
    out('Unread', 'yesno', `${EXPORT_NOTE}Yes when the message is newer than your last read of its thread.`, 80),
    out('Drive files', 'text', `${EXPORT_NOTE}Links to the attachments saved in Drive (with "attachments").`, 240),
  ],
};

/** Events (export). */
export const EVENTS_EXPORT_TAB: TabSpec = {
  name: 'Events (export)',
  role: 'export',
  description:
    'What happened in the chosen spaces (chosen like Members (export)); Chat keeps events for 28 days. When the ' +
    'export starts, a prompt asks for the window and kinds in one line: "7 days", "members, reactions" (blank = ' +
    'the last 28 days, messages, members, reactions and space changes). Each run replaces the tab.',
  columns: [
    out('Space ID', 'id', `${EXPORT_NOTE}The space's ID.`, 160),
    out('Event ID', 'id', `${EXPORT_NOTE}The event's ID.`, 220),
    out('Time', 'timestamp', `${EXPORT_NOTE}When it happened.`, 140),
    out('Event', 'text', `${EXPORT_NOTE}The event type, e.g. membership created, message updated.`, 220),
    out('Resource', 'id', `${EXPORT_NOTE}The message, membership or reaction it concerns.`, 240),
    out('Summary', 'longtext', `${EXPORT_NOTE}A short human description.`, 320),
  ],
};

/** Reactions (export). */
export const REACTIONS_EXPORT_TAB: TabSpec = {
  name: 'Reactions (export)',
  role: 'export',
  description:
    'The acknowledgement report: who reacted with what to the messages the Messages tab sent (rows with a ' +
    'Message ID, in every space the row posted to). Each run replaces the tab.',
  columns: [
    out('Space ID', 'id', `${EXPORT_NOTE}The space's ID.`, 160),
    out('Space name', 'text', `${EXPORT_NOTE}The space name.`, 200),
    out('Message ID', 'id', `${EXPORT_NOTE}The message reacted to.`, 240),
    out('Messages row', 'number', `${EXPORT_NOTE}The row of the Messages tab that sent the message.`, 90),
    out('Emoji', 'text', `${EXPORT_NOTE}The emoji (or the custom emoji's name).`, 90),
    out('User', 'text', `${EXPORT_NOTE}Who reacted: email when known, otherwise users/….`, 200),
    out('Reaction ID', 'id', `${EXPORT_NOTE}The reaction's ID.`, 240),
  ],
};

/** The export tabs, in menu order. */
export const EXPORT_TABS: readonly TabSpec[] = [
  SPACES_EXPORT_TAB,
  MEMBERS_EXPORT_TAB,
  MESSAGES_EXPORT_TAB,
  EVENTS_EXPORT_TAB,
  REACTIONS_EXPORT_TAB,
];

/** Every tab, in the order Set up sheets creates them. */
export const ALL_TABS: readonly TabSpec[] = [SPACES_TAB, MEMBERS_TAB, MESSAGES_TAB, LOG_TAB, ...EXPORT_TABS];

// ---------------------------------------------------------------------------------------------------------------
// Look-ups

/** The tab spec of a tab name (exact name as Set up sheets creates it). */
export function tabSpec(name: TabName): TabSpec {
  const tab = ALL_TABS.find((t) => t.name === name);
  if (!tab) throw new Error(`Unknown tab ${name}`);
  return tab;
}

/** Finds the tab a sheet name refers to, matched like headers (`spaces `, `SPACES` → Spaces). */
export function findTab(sheetName: string): TabSpec | undefined {
  const key = headerKey(sheetName);
  return ALL_TABS.find((t) => headerKey(t.name) === key);
}

/** The columns the user fills. */
export function inputColumns(tab: TabSpec): readonly ColumnSpec[] {
  return tab.columns.filter((c) => c.io === 'in');
}

/** The columns the add-on writes. */
export function outputColumns(tab: TabSpec): readonly ColumnSpec[] {
  return tab.columns.filter((c) => c.io === 'out');
}

/** The columns the tab cannot be read without. */
export function requiredColumns(tab: TabSpec): readonly ColumnSpec[] {
  return tab.columns.filter((c) => c.required === true);
}

/**
 * The column a header refers to, matched case- and space-insensitively, ignoring a trailing `*` or `:`, and
 * accepting the column's aliases (`Display name` → Space name).
 */
export function columnSpec(tab: TabSpec, header: string): ColumnSpec | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  const exact = tab.columns.find((c) => headerKey(c.header) === key);
  if (exact) return exact;
  return tab.columns.find((c) => (c.aliases ?? []).some((a) => headerKey(a) === key));
}

/** The canonical headers of a tab, in order (what Set up sheets writes in the header row). */
export function headerRow(tab: TabSpec): string[] {
  return tab.columns.map((c) => c.header);
}
