/**
 * The JSON contract between the playground server and its page: what `/api/state`, `/api/requests` and the action
 * endpoints return. These are view models built by the server from the runtime, the Chat emulator and the card
 * renderer; the page (emulator/playground/public/app.js) only displays them and never sees emulator internals.
 */

/** How the script project runs in the playground (the runtime's execution modes). */
export type PlaygroundMode = 'bound' | 'editor-addon' | 'workspace-addon';

/** One sheet of the workbook as the grid shows it. */
export interface SheetView {
  name: string;
  /** Display values, row-major, rectangular over the used range (at least 1×1). */
  values: string[][];
  /** Background colours (`#rrggbb`) or null, same shape as `values` (absent when the sheet has none). */
  backgrounds?: (string | null)[][];
  /** Font colours or null, same shape (absent when none). */
  fontColors?: (string | null)[][];
  /** Bold cells, same shape (absent when none). */
  bold?: boolean[][];
  /** Cell notes or null, same shape (absent when none). */
  notes?: (string | null)[][];
  /** Data-validation summaries (e.g. "One of: On, Off") or null, same shape (absent when none). */
  validations?: (string | null)[][];
  frozenRows: number;
  frozenColumns: number;
  /** Column widths in pixels, when the sheet sets them. */
  columnWidths?: (number | null)[];
}

export interface WorkbookView {
  id: string;
  name: string;
  sheets: SheetView[];
  /** The sheet the user looks at (what getActiveSheet() returns). */
  activeSheet: string;
  /** The selection the add-on sees as the active range, in A1 notation on the active sheet. */
  activeRange: string;
  /** Where Save writes, or undefined when the workbook came from nowhere writable. */
  saveTarget?: string;
  /** True when cells changed since the last load or save. */
  dirty: boolean;
}

/** A menu entry registered by `onOpen` (Ui.createMenu / createAddonMenu). */
export type MenuItemView =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuItemView[] };

export interface MenuView {
  /** The menu's caption (the add-on menu lives under Extensions). */
  caption: string;
  /** True for an add-on menu (Extensions ▸ name), false for a top-level custom menu. */
  addon: boolean;
  items: MenuItemView[];
}

/** A dialog, toast or sidebar the script raised through Ui, as recorded. */
export interface UiEventView {
  id: string;
  kind: 'alert' | 'prompt' | 'toast' | 'sidebar' | 'dialog' | 'other';
  title?: string;
  message: string;
  /** Buttons offered (`OK`, `YES_NO`, `OK_CANCEL`, `YES_NO_CANCEL`). */
  buttons?: string;
  /** The answer the execution got (button name, and the text for prompts). */
  answer?: string;
  answerText?: string;
  /** Virtual epoch ms. */
  at: number;
  executionId?: string;
}

/**
 * A question the running execution is waiting on (an alert with buttons, or a prompt). The execution is blocked in
 * its worker until the page answers through `/api/dialog`.
 */
export interface PendingDialogView {
  id: string;
  kind: 'alert' | 'prompt';
  title?: string;
  message: string;
  buttons: string[];
}

/** One card on the sidebar's stack, already rendered to HTML by the card renderer. */
export interface CardView {
  /** The card's name (`CardBuilder.setName`), used by popToNamedCard. */
  name?: string;
  /** Safe HTML from `renderCardHtml`. */
  html: string;
  /** Card JSON as the script built it (for the JSON tab). */
  json: unknown;
  /** Widget kinds in the card that the renderer does not support. */
  unsupported: string[];
}

export interface SidebarView {
  /** Whether the panel is open (the user clicked the add-on's icon and did not close it). */
  open: boolean;
  /** Whether the `drive.file` scope was granted for the open workbook (Workspace add-on flow). */
  fileScopeGranted: boolean;
  /** The add-on asked for `drive.file` access to this spreadsheet; the page shows the consent dialog. */
  fileScopeRequested: boolean;
  /** Card stack, root first; the last card is the one shown. */
  stack: CardView[];
  /** Notifications shown as snackbars, newest last. */
  notifications: { id: string; text: string }[];
  /** Links actions asked to open, newest last (the page offers them in a snackbar). */
  openLinks: { id: string; url: string }[];
  /** The homepage function the manifest names, if any. */
  homepage?: string;
  /** Universal actions from the manifest. */
  universalActions: { label: string; functionName?: string; openLink?: string }[];
  /** The last error a card callback threw. */
  error?: string;
}

export interface MemberView {
  name: string;
  /** Email if known from the emulator's directory. */
  email?: string;
  displayName?: string;
  type: 'HUMAN' | 'BOT' | 'GROUP';
  role: string;
  state: string;
}

export interface ReactionView {
  emoji: string;
  count: number;
  users: string[];
}

export interface MessageView {
  name: string;
  text: string;
  sender: string;
  createTime: string;
  lastUpdateTime?: string;
  deleted: boolean;
  thread: string;
  threadKey?: string;
  threadReply: boolean;
  clientAssignedMessageId?: string;
  reactions: ReactionView[];
  attachments: string[];
}

export interface SpaceView {
  name: string;
  displayName: string;
  spaceType: string;
  description?: string;
  guidelines?: string;
  history: string;
  externalUserAllowed: boolean;
  audience?: string;
  announcement: boolean;
  createTime: string;
  members: MemberView[];
  messages: MessageView[];
}

export interface ChatView {
  spaces: SpaceView[];
  /** Directory users the emulator knows (email → display name), for the member pickers. */
  users: { email: string; displayName?: string }[];
}

export interface TriggerView {
  uid: string;
  handler: string;
  /** `CLOCK`, `ON_OPEN`, `ON_EDIT`... */
  eventType: string;
  /** When a time-driven trigger next fires (virtual epoch ms). */
  nextFireAt?: number;
  /** Recurrence in ms for recurring time-driven triggers. */
  everyMs?: number;
  disabled: boolean;
}

/** What one execution did: the run report of the last run and the executions list. */
export interface ExecutionView {
  id: string;
  functionName: string;
  /** What started it: menu, card action, trigger, playground. */
  origin: string;
  startedAt: number;
  endedAt: number;
  outcome: 'ok' | 'error' | 'killed';
  error?: string;
  apiCalls: Record<string, number>;
  serviceCalls: Record<string, number>;
  logs: { level: string; message: string; at: number }[];
}

/** A run the page started: one entry point plus the executions it caused (continuations when `untilIdle`). */
export interface RunReportView {
  label: string;
  functionName: string;
  startedAt: number;
  endedAt: number;
  executions: ExecutionView[];
  apiCalls: Record<string, number>;
  serviceCalls: Record<string, number>;
  /** API calls answered 429, by method. */
  quotaErrors: number;
  /** `Utilities.sleep` calls: the add-on's pacing and backoff waits. */
  sleepCalls: number;
  errors: string[];
  /** Rows per status on the tab the run wrote, when known (e.g. `{Created: 5, Failed: 1}`). */
  rowStatuses?: Record<string, number>;
}

export interface ClockView {
  now: number;
  /** When the playground started (virtual epoch ms). */
  startedAt: number;
  timeZone: string;
}

/** Everything the page shows, in one response. */
export interface PlaygroundState {
  version: number;
  mode: PlaygroundMode;
  user: string;
  addOnName: string;
  specRevision?: string;
  workbook: WorkbookView;
  menus: MenuView[];
  uiEvents: UiEventView[];
  pendingDialog?: PendingDialogView;
  sidebar: SidebarView;
  chat: ChatView;
  clock: ClockView;
  triggers: TriggerView[];
  lastRun?: RunReportView;
  runs: RunReportView[];
  /** True while an execution is running (the page disables actions). */
  busy: boolean;
  /** Entry points exported by the bundle (top-level functions), for the "Run function" picker. */
  entryPoints: string[];
  /** Messages about the playground itself (e.g. a module that is not available yet). */
  warnings: string[];
}

/** One request-log row (Chat API call or spreadsheet service call). */
export interface RequestView {
  seq: number;
  at: number;
  /** `chat` (Chat API), `sheets` (SpreadsheetApp), `script` (other Apps Script services). */
  service: string;
  method: string;
  /** For Apps Script service rows: how many calls of this method the execution made. */
  count?: number;
  httpMethod?: string;
  url?: string;
  status?: number;
  /** `ok`, `error`, `quota`. */
  result: string;
  latencyMs?: number;
  scopes?: string[];
  quotaBucket?: string;
  executionId?: string;
  origin?: string;
  path?: string;
  errorMessage?: string;
  /** A fault the emulator injected on this request. */
  fault?: string;
  requestBody?: string;
  responseBody?: string;
}

export interface RequestsResponse {
  total: number;
  requests: RequestView[];
  methods: string[];
}
