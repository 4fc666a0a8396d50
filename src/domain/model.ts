/**
 * The add-on's domain model: what a validated sheet row asks for. Row parsers (spaceRows, memberRows, messageRows)
 * turn raw cells into these values or into RowProblems; planners compare them with what Chat holds. Pure types,
 * no Apps Script, no I/O.
 */

/** Chat's space types (discovery: Space.spaceType). */
export type SpaceType = 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE';

/** Chat's membership roles: Member, Manager (assistant manager) and Owner (manager) in the UI. */
export type MemberRole = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER';

export type HistoryState = 'HISTORY_ON' | 'HISTORY_OFF';

/** How a space's membership follows its row: add what is missing, or also remove who is not listed. */
export type MemberSyncMode = 'add-only' | 'exact';

/** A problem with one cell (or row) of a tab, reported before any API call. */
export interface RowProblem {
  /** 1-based sheet row number. */
  row: number;
  /** Header text of the column at fault, as the user wrote it (or the canonical header when missing). */
  column: string;
  /** One human sentence: what is wrong and how to fix it. */
  message: string;
}

/** A validated Spaces-tab row: the space the user wants. */
export interface DesiredSpace {
  /** 1-based sheet row number. */
  row: number;
  /** Stable key of the row (Row ID column). */
  rowId: string;
  type: SpaceType;
  /** Required for SPACE, absent otherwise. */
  displayName?: string;
  /** undefined = the cell is blank: leave Chat's value alone. */
  description?: string;
  guidelines?: string;
  /** People (lower-cased emails) to be members, including managers and owners, without duplicates. */
  people: string[];
  /** Google Group emails (lower-cased), resolved to groups/{id} before use. */
  groups: string[];
  /** People to be Managers (ROLE_ASSISTANT_MANAGER). */
  managers: string[];
  /** People to be Owners (ROLE_MANAGER). */
  owners: string[];
  /** undefined = blank: leave as is. */
  history?: HistoryState;
  /** undefined = blank: leave as is; true = discoverable by the organisation; false = private. */
  discoverable?: boolean;
  /** Fixed at creation. */
  externalUserAllowed: boolean;
  /** Fixed at creation: only managers post. */
  announcement: boolean;
  /** Welcome message template (placeholders not yet rendered); posted once after creation. */
  welcomeMessage?: string;
  memberSync: MemberSyncMode;
  tags: string[];
  /** Space ID already written on the row (`spaces/...`), if any. */
  spaceId?: string;
  /** Every cell of the row by canonical or extra header, for {{Column}} templates. */
  cells: Record<string, string>;
}

/** A validated Members-tab row. */
export interface DesiredMembership {
  row: number;
  rowId: string;
  /** What the Space cell names: a space resource name, or a Spaces-tab display name to look up, or every space. */
  space: { kind: 'id'; name: string } | { kind: 'name'; displayName: string } | { kind: 'all' };
  /** Lower-cased email of a person or a Google Group. */
  member: string;
  role: MemberRole;
  action: 'add' | 'remove';
}

/** Where a Messages-tab row goes. */
export type MessageTarget =
  | { kind: 'id'; name: string }
  | { kind: 'name'; displayName: string }
  | { kind: 'all' }
  | { kind: 'tag'; tag: string }
  | { kind: 'dm'; email: string };

/** A validated Messages-tab row. */
export interface DesiredMessage {
  row: number;
  rowId: string;
  target: MessageTarget;
  /** Message template with {{Column}} placeholders. */
  text: string;
  threadKey?: string;
  /** Epoch ms when the message is due; undefined = on demand. */
  sendAt?: number;
  /** https URL of a file to attach. */
  attachmentUrl?: string;
}
