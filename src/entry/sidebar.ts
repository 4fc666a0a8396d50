/**
 * Entry points of the card sidebar (Google Workspace add-on): the manifest's homepage, file-scope and universal
 * action functions, every card action, and the schedule triggers. Each one reads the event object, builds the
 * adapters, calls a sidebar use case, builds a view model and renders it — no product logic lives here. Every
 * export becomes a top-level function of the bundle, so only entry points are exported; helpers stay private.
 * Card callbacks have 30 seconds: the Chat gateway is wrapped in a CallBudget, pages are small, and bulk work is
 * queued as a job that continues in triggers.
 *
 * Scopes: see each function; the sidebar as a whole needs chat.spaces, chat.memberships, chat.messages,
 * chat.messages.reactions, chat.users.readstate, cloud-identity.groups.readonly, drive.file, script.scriptapp,
 * script.external_request and userinfo.email.
 */
import { GasChatGateway } from '../adapters/gas/chatGateway';
import {
  detectRunContext,
  GasClock,
  GasIdentity,
  GasScheduler,
  UserCache,
  UserPropertiesStore,
} from '../adapters/gas/platform';
import { SheetWorkbook } from '../adapters/gas/sheetWorkbook';
import { JobRunner, LOG_TAB, TRIGGER_BUDGET } from '../app/jobs/jobRunner';
import { previewSummary } from '../app/jobs/jobReport';
import { describeSetUp, setUpSheets as setUpTabs } from '../app/setUpSheets';
import { budgetAware, CallBudget } from '../app/sidebar/callBudget';
import type { ActionOutcome, SidebarDeps } from '../app/sidebar/deps';
import {
  cancelRunningJob,
  continueJob,
  jobProgress,
  jobToShow,
  queueJob as queueJobUseCase,
  rowsOnTab,
  type JobChoice,
} from '../app/sidebar/jobs';
import { addMembers, changeRole, parseRole, removeMember } from '../app/sidebar/members';
import { deleteMessage, editMessage, getMessage, postMessage, toggleReaction } from '../app/sidebar/messages';
import { PeopleBook } from '../app/sidebar/people';
import { markAsRead } from '../app/sidebar/readState';
import {
  installSchedule,
  removeSchedule,
  scheduledSpreadsheets,
  schedulesOverview,
  type ScheduleDefinition,
} from '../app/sidebar/schedules';
import { loadSettings, saveSettings } from '../app/sidebar/settings';
import { sheetSpaces } from '../app/sidebar/sheetSpaces';
import { loadSpaceCard, type SpaceCardData } from '../app/sidebar/spaceCard';
import { getSpace, saveDetails } from '../app/sidebar/spaceDetails';
import { yourSpaces } from '../app/sidebar/yourSpaces';
import { APPLY_SPACES, PREVIEW_SPACES } from '../app/spaces/spacesJob';
import { APPLY_MEMBERS } from '../app/members/membersJob';
import { SEND_MESSAGES } from '../app/messages/messagesJob';
import { JobStore } from '../app/jobs/jobStore';
import { explainFailure } from '../domain/apiErrors';
import type { SpaceType } from '../domain/model';
import { isSpaceName } from '../domain/spaceLinks';
import { LOG_TAB as LOG_TAB_SPEC, SPACES_TAB } from '../domain/tabs';
import { readEvent, type SidebarRequest } from '../ui/event';
import { renderActionResult, renderCard, renderFileScopeRequest, renderPop, renderUniversalResult } from '../ui/render';
import { confirmView, editDetailsView, editMessageView, fileAccessView, helpView } from '../ui/views/formViews';
import { homeView } from '../ui/views/homeView';
import { jobView } from '../ui/views/jobView';
import type { ActionResultView, CardView, NavigationKind } from '../ui/views/model';
import { act } from '../ui/views/model';
import { FIELD, PARAM, YES } from '../ui/views/params';
import { settingsView } from '../ui/views/settingsView';
import { spaceView } from '../ui/views/spaceView';
import { entry } from './entryNames';
import { jobHandlers } from './jobHandlers';
import { MESSAGES_SCHEDULE, messagesDue } from './messageSchedule';
import { buildDeps } from './wiring';

type Card = GoogleAppsScript.Card_Service.Card;
type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;
type UniversalActionResponse = GoogleAppsScript.Card_Service.UniversalActionResponse;
type FileScopeResponse = GoogleAppsScript.Card_Service.EditorFileScopeActionResponse;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ---------------------------------------------------------------------------------------------------------------
// Wiring (private)

/** The bulk runs the homepage offers; a choice without a kind is shown disabled until its job exists. */
const JOB_CHOICES: readonly JobChoice[] = [
  { id: 'preview', label: 'Preview', kind: PREVIEW_SPACES, tab: SPACES_TAB.name, title: 'Preview spaces' },
  { id: 'apply', label: 'Apply', kind: APPLY_SPACES, tab: SPACES_TAB.name, title: 'Apply spaces' },
  { id: 'sync', label: 'Sync members', kind: APPLY_MEMBERS, tab: 'Members', title: 'Sync members' },
  { id: 'send', label: 'Send messages', kind: SEND_MESSAGES, tab: 'Messages', title: 'Send messages' },
];

const SYNC_CHOICE = JOB_CHOICES.find((c) => c.id === 'sync');
const SEND_CHOICE = JOB_CHOICES.find((c) => c.id === 'send');

/**
 * The schedules of the Settings card and the job each starts in every spreadsheet it serves. Periodic membership
 * sync runs Apply member changes: the Members tab's adds, removals and roles, and Member sync Exact for the Spaces
 * rows that ask for it (people not listed are removed, never you and never a space's last owner).
 */
const SCHEDULES: readonly (ScheduleDefinition & {
  kind?: string;
  tab: string;
  /** Checked before starting a run: false when the spreadsheet has nothing to do (no job, no Log row). */
  hasWork?: (ss: Spreadsheet, timeZone: string) => boolean;
})[] = [
  {
    ...MESSAGES_SCHEDULE,
    hasWork: messagesDue,
    kind: SEND_CHOICE?.kind,
    tab: SEND_CHOICE?.tab ?? 'Messages',
    available: !!SEND_CHOICE?.kind,
  },
  {
    id: 'members',
    title: 'Sync members',
    description: SYNC_CHOICE?.kind
      ? 'Makes memberships match the Members tab periodically.'
      : 'Applies the Spaces tab periodically, so members, managers and owners follow the rows.',
    handler: entry('runScheduledMemberSync'),
    kind: SYNC_CHOICE?.kind ?? APPLY_SPACES,
    tab: SYNC_CHOICE?.kind ? SYNC_CHOICE.tab : SPACES_TAB.name,
    available: true,
  },
];

function titleOfKind(kind: string): string {
  return JOB_CHOICES.find((c) => c.kind === kind)?.title ?? jobHandlers().find((h) => h.kind === kind)?.title ?? kind;
}

/** Adapters for one card callback; the Chat gateway is bounded to fit the 30-second limit. */
function sidebarDeps(): SidebarDeps {
  const clock = new GasClock();
  return {
    chat: new CallBudget(new GasChatGateway(Chat), clock),
    clock,
    state: new UserPropertiesStore(),
    cache: new UserCache(),
    identity: new GasIdentity(),
    scheduler: new GasScheduler(detectRunContext(false)),
    random: Math.random,
    explain: budgetAware((failure, action) => explainFailure(failure, action)),
  };
}

function peopleOf(deps: SidebarDeps): PeopleBook {
  return new PeopleBook(deps.state, deps.cache, deps.identity);
}

/** The spreadsheet open in Sheets, when the user granted drive.file for it. Scope: drive.file. */
function openSpreadsheet(req: SidebarRequest): Spreadsheet | undefined {
  return req.spreadsheetId ? SpreadsheetApp.openById(req.spreadsheetId) : undefined;
}

function timeZoneOf(req: SidebarRequest, ss: Spreadsheet | undefined): string {
  if (req.timeZone) return req.timeZone;
  if (ss) return ss.getSpreadsheetTimeZone();
  return Session.getScriptTimeZone();
}

/** The zone times are shown in on space cards: the user's (when the host sends it), else the spreadsheet's. */
function cardTimeZone(req: SidebarRequest): string {
  return req.timeZone ?? timeZoneOf(req, openSpreadsheet(req));
}

function jobRunner(ss: Spreadsheet): JobRunner {
  return new JobRunner(buildDeps(ss, false), jobHandlers());
}

/** A run ends by writing its Log row: makes sure the Log tab exists (Set up sheets may never have run). */
function ensureLogTab(ss: Spreadsheet): void {
  if (!ss.getSheetByName(LOG_TAB)) setUpTabs(new SheetWorkbook(ss), [LOG_TAB_SPEC]);
}

function logUrl(ss: Spreadsheet): string | undefined {
  const log = ss.getSheetByName(LOG_TAB);
  return log ? `https://docs.google.com/spreadsheets/d/${ss.getId()}/edit#gid=${log.getSheetId()}` : undefined;
}

function draftId(deps: SidebarDeps): string {
  return `d${Math.floor(deps.random() * 2 ** 48).toString(36)}${Math.floor(deps.clock.now()).toString(36)}`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs a callback and turns an unexpected error into a notification instead of a broken card. */
function guarded(run: () => ActionResponse): ActionResponse {
  try {
    return run();
  } catch (e) {
    return renderActionResult({ navigation: 'none', notification: `Something went wrong: ${message(e)}` });
  }
}

/**
 * The answer to a space action: the notification and the space card read again — unless the callback has used
 * its time, then the notification alone (and the confirmation or edit card popped), so the 30 seconds hold.
 */
function afterSpaceChange(
  req: SidebarRequest,
  deps: SidebarDeps,
  outcome: ActionOutcome,
  navigation: 'update' | 'popAndUpdate',
  card: () => CardView = () => spaceCard(req, deps),
): ActionResponse {
  if (deps.chat instanceof CallBudget && !deps.chat.hasTimeLeft()) {
    return renderActionResult({
      navigation: navigation === 'popAndUpdate' ? 'pop' : 'none',
      notification: `${outcome.message} Refresh to see the space again.`,
    });
  }
  return answer(outcome, navigation, card());
}

function answer(outcome: ActionOutcome | undefined, navigation: NavigationKind, card?: CardView): ActionResponse {
  const view: ActionResultView = {
    navigation: card || navigation === 'pop' ? navigation : 'none',
    card,
    notification: outcome?.message,
  };
  return renderActionResult(view);
}

// ---------------------------------------------------------------------------------------------------------------
// Card builders (private)

function homeCard(req: SidebarRequest, deps: SidebarDeps, notice?: string): CardView {
  // The query of the page being continued travels as a parameter; a different typed query starts over.
  const rawQuery = req.params[PARAM.query];
  const pagedQuery = rawQuery === '-' ? '' : (rawQuery ?? '').trim();
  const query = rawQuery === '-' ? '' : (req.input(FIELD.query) ?? pagedQuery).trim();
  const samePages = query === pagedQuery;
  const spacesToken = samePages ? (req.params[PARAM.spacesToken] ?? '') : '';
  const sheetOffset = samePages ? Number(req.params[PARAM.sheetOffset] ?? 0) || 0 : 0;
  const ss = openSpreadsheet(req);
  const timeZone = timeZoneOf(req, ss);
  let sheet;
  let job;
  if (ss) {
    const workbook = new SheetWorkbook(ss);
    sheet = sheetSpaces(workbook, { timeZone, query, offset: sheetOffset });
    const running = new JobStore(deps.state).load(ss.getId());
    if (running && !running.finishedAt)
      job = jobProgress(
        running,
        titleOfKind(running.kind),
        running.tab === SPACES_TAB.name ? sheet.tabRows : undefined,
      );
  }
  return homeView({
    fileAccess: !!ss,
    spreadsheetTitle: req.spreadsheetTitle ?? ss?.getName(),
    sheet,
    job,
    jobChoices: JOB_CHOICES,
    yourSpaces: yourSpaces(deps, { pageToken: spacesToken, query }),
    query,
    notice,
  });
}

function spaceCardData(
  req: SidebarRequest,
  deps: SidebarDeps,
  overrides: { membersToken?: string; messagesToken?: string } = {},
): SpaceCardData {
  return loadSpaceCard(deps, peopleOf(deps), {
    space: req.params[PARAM.space] ?? '',
    membersPageToken: overrides.membersToken ?? req.params[PARAM.membersToken],
    messagesPageToken: overrides.messagesToken ?? req.params[PARAM.messagesToken],
  });
}

function spaceCard(
  req: SidebarRequest,
  deps: SidebarDeps,
  extra: { notice?: string; draftText?: string; draftThreadKey?: string; keepDraft?: boolean } = {},
): CardView {
  const data = spaceCardData(req, deps);
  return spaceView(data, {
    timeZone: cardTimeZone(req),
    now: deps.clock.now(),
    draftId: extra.keepDraft && req.params[PARAM.draft] ? req.params[PARAM.draft] : draftId(deps),
    draftText: extra.draftText,
    draftThreadKey: extra.draftThreadKey,
    notice: extra.notice,
  });
}

function jobCard(req: SidebarRequest, ss: Spreadsheet, deps: SidebarDeps, notice?: string): CardView {
  const runner = jobRunner(ss);
  const job = jobToShow(runner);
  const timeZone = timeZoneOf(req, ss);
  const progress = job
    ? jobProgress(job, titleOfKind(job.kind), rowsOnTab(new SheetWorkbook(ss), job.tab, timeZone))
    : undefined;
  const preview =
    job && job.finishedAt && !job.cancelled && job.kind === PREVIEW_SPACES
      ? previewSummary(job, deps.scheduler.context())
      : undefined;
  return jobView({ progress, previewSummary: preview, timeZone, now: deps.clock.now(), logUrl: logUrl(ss), notice });
}

function settingsCard(req: SidebarRequest, deps: SidebarDeps, notice?: string): CardView {
  const ss = openSpreadsheet(req);
  return settingsView({
    settings: loadSettings(deps.state),
    context: deps.scheduler.context(),
    defaultTimeZone: timeZoneOf(req, ss),
    schedules: schedulesOverview(deps, SCHEDULES, req.spreadsheetId),
    fileAccess: !!req.spreadsheetId,
    now: deps.clock.now(),
    notice,
  });
}

function navOf(req: SidebarRequest, fallback: NavigationKind): NavigationKind {
  const nav = req.params[PARAM.nav];
  return nav === 'push' || nav === 'update' ? nav : fallback;
}

/** Space actions answer from the card they were clicked on: after a confirmation card, pop it too. */
function afterSpaceAction(req: SidebarRequest, deps: SidebarDeps, outcome: ActionOutcome): ActionResponse {
  return afterSpaceChange(req, deps, outcome, req.params[PARAM.confirmed] === YES ? 'popAndUpdate' : 'update');
}

function requireSpace(req: SidebarRequest): string | undefined {
  const space = req.params[PARAM.space] ?? '';
  return isSpaceName(space) ? space : undefined;
}

/** A card action on one space: reads the event, refuses one without a space, and builds the adapters. */
function spaceAction(
  e: unknown,
  run: (req: SidebarRequest, space: string, deps: ReturnType<typeof sidebarDeps>) => ActionResponse,
): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const space = requireSpace(req);
    if (!space) return answer({ ok: false, message: 'No space was chosen.' }, 'none');
    return run(req, space, sidebarDeps());
  });
}

function spaceTypeOf(req: SidebarRequest): SpaceType {
  const t = req.params[PARAM.spaceType];
  return t === 'GROUP_CHAT' || t === 'DIRECT_MESSAGE' ? t : 'SPACE';
}

function needsFileAccess(): ActionResponse {
  return renderActionResult({
    navigation: 'push',
    card: fileAccessView(),
    notification: 'Allow access to this spreadsheet first.',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Manifest entry points

/**
 * Homepage trigger (addOns.common.homepageTrigger): the homepage card.
 * Scopes: chat.spaces.readonly (your spaces), drive.file (the Spaces tab, after the grant).
 */
export function onHomepage(e?: unknown): Card {
  const req = readEvent(e);
  try {
    return renderCard(homeCard(req, sidebarDeps()));
  } catch (err) {
    return renderCard({
      name: 'home',
      title: 'Chat Spaces',
      sections: [{ widgets: [{ kind: 'paragraph', text: `The sidebar could not load: ${message(err)}` }] }],
    });
  }
}

/** Sheets homepage trigger (addOns.sheets.homepageTrigger): the same homepage card. */
export function onSheetsHomepage(e?: unknown): Card {
  return onHomepage(e);
}

/** addOns.sheets.onFileScopeGrantedTrigger: runs after the user granted drive.file; shows the full homepage. */
export function onFileScopeGranted(e?: unknown): Card {
  return onHomepage(e);
}

/** Universal action "Settings". Scope: script.scriptapp (listing the schedules' triggers). */
export function onSettingsAction(e?: unknown): UniversalActionResponse {
  const req = readEvent(e);
  return renderUniversalResult([settingsCard(req, sidebarDeps())]);
}

/** Universal action "Help". No scope. */
export function onHelpAction(_e?: unknown): UniversalActionResponse {
  return renderUniversalResult([helpView()]);
}

// ---------------------------------------------------------------------------------------------------------------
// Navigation

/** Asks Sheets to grant drive.file for the open spreadsheet; onFileScopeGranted runs afterwards. */
export function requestFileAccess(_e?: unknown): FileScopeResponse {
  return renderFileScopeRequest();
}

/** Homepage: refresh, search, or another page of spaces or rows. Scopes: as onHomepage. */
export function showHome(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    return answer(undefined, navOf(req, 'update'), homeCard(req, sidebarDeps()));
  });
}

/**
 * Opens a space card (or shows another page of it). One batch of at most five Chat reads.
 * Scopes: chat.spaces.readonly, chat.memberships.readonly, chat.messages.readonly, chat.users.readstate.readonly.
 */
export function showSpace(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    if (!requireSpace(req)) return answer({ ok: false, message: 'No space was chosen.' }, 'none');
    return answer(undefined, navOf(req, 'push'), spaceCard(req, sidebarDeps()));
  });
}

/** The job card. Scope: drive.file. */
export function showJob(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const ss = openSpreadsheet(req);
    if (!ss) return needsFileAccess();
    return answer(undefined, navOf(req, 'push'), jobCard(req, ss, sidebarDeps()));
  });
}

/** The settings card. Scope: script.scriptapp. */
export function showSettings(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    return answer(undefined, navOf(req, 'push'), settingsCard(req, sidebarDeps()));
  });
}

/** Back: pops the top card. */
export function goBack(_e?: unknown): ActionResponse {
  return renderPop();
}

/** Edit details form of a space. Scope: chat.spaces.readonly. */
export function showEditDetails(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const name = requireSpace(req);
    if (!name) return answer({ ok: false, message: 'No space was chosen.' }, 'none');
    const got = getSpace(sidebarDeps(), name);
    if (!got.space) return answer({ ok: false, message: got.error ?? 'The space could not be read.' }, 'none');
    return answer(undefined, 'push', editDetailsView(got.space, { ...req.params }));
  });
}

/** Edit form of one of the user's messages. Scope: chat.messages.readonly. */
export function showEditMessage(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const got = getMessage(sidebarDeps(), req.params[PARAM.message] ?? '');
    if (!got.message) return answer({ ok: false, message: got.error ?? 'The message could not be read.' }, 'none');
    return answer(undefined, 'push', editMessageView(got.message, { ...req.params }));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Space actions

/** Adds people and groups with a role. Scopes: chat.memberships, cloud-identity.groups.readonly. */
export function addSpaceMembers(e?: unknown): ActionResponse {
  return spaceAction(e, (req, space, deps) => {
    const outcome = addMembers(deps, peopleOf(deps), {
      space,
      spaceType: spaceTypeOf(req),
      people: req.input(FIELD.people) ?? '',
      groups: req.input(FIELD.groups) ?? '',
      role: parseRole(req.input(FIELD.role)) ?? 'ROLE_MEMBER',
    });
    if (!outcome.ok) return answer(outcome, 'none');
    return afterSpaceChange(req, deps, outcome, 'update');
  });
}

/** Removes a member (asks first when the user wants confirmations). Scope: chat.memberships. */
export function removeSpaceMember(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const deps = sidebarDeps();
    const label = req.params[PARAM.label] ?? 'this member';
    if (loadSettings(deps.state).confirmDestructive && req.params[PARAM.confirmed] !== YES) {
      return answer(
        undefined,
        'push',
        confirmView(
          `Remove ${label}?`,
          `${label} will no longer see the space or its messages. You can add them again later.`,
          'Remove',
          act('removeSpaceMember', { ...req.params }),
        ),
      );
    }
    const outcome = removeMember(deps, { membership: req.params[PARAM.membership] ?? '', label, isSelf: false });
    return afterSpaceAction(req, deps, outcome);
  });
}

/** Makes a member a member, manager or owner. Scope: chat.memberships. */
export function changeMemberRole(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const deps = sidebarDeps();
    const role = parseRole(req.params[PARAM.role]);
    if (!role) return answer({ ok: false, message: 'Unknown role.' }, 'none');
    const outcome = changeRole(deps, {
      membership: req.params[PARAM.membership] ?? '',
      label: req.params[PARAM.label] ?? 'The member',
      role,
      spaceType: spaceTypeOf(req),
    });
    return afterSpaceAction(req, deps, outcome);
  });
}

/** Posts the compose form's text as the user. Scope: chat.messages.create. */
export function postToSpace(e?: unknown): ActionResponse {
  return spaceAction(e, (req, space, deps) => {
    const text = req.input(FIELD.messageText) ?? '';
    const threadKey = req.input(FIELD.threadKey) ?? '';
    const outcome = postMessage(deps, {
      space,
      spaceType: spaceTypeOf(req),
      text,
      threadKey,
      draftId: req.params[PARAM.draft] ?? draftId(deps),
    });
    if (!outcome.ok) return answer(outcome, 'none');
    // The newest messages are on the first page: show it after posting, with a fresh draft.
    return afterSpaceChange(req, deps, outcome, 'update', () =>
      spaceView(spaceCardData(req, deps, { messagesToken: '' }), {
        timeZone: cardTimeZone(req),
        now: deps.clock.now(),
        draftId: draftId(deps),
      }),
    );
  });
}

/** Adds or takes back the user's reaction. Scope: chat.messages.reactions. */
export function reactToMessage(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const deps = sidebarDeps();
    const people = peopleOf(deps);
    const space = requireSpace(req);
    if (space) people.ensureSelf(deps.chat, space);
    const outcome = toggleReaction(deps, people, {
      message: req.params[PARAM.message] ?? '',
      emoji: req.params[PARAM.emoji] ?? '',
    });
    return afterSpaceChange(req, deps, outcome, 'update');
  });
}

/** Saves an edited message. Scope: chat.messages. */
export function saveMessageEdit(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const deps = sidebarDeps();
    const outcome = editMessage(deps, {
      message: req.params[PARAM.message] ?? '',
      text: req.input(FIELD.editText) ?? '',
    });
    if (!outcome.ok) return answer(outcome, 'none');
    return afterSpaceChange(req, deps, outcome, 'popAndUpdate');
  });
}

/** Deletes one of the user's messages (asks first when the user wants confirmations). Scope: chat.messages. */
export function deleteSpaceMessage(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const deps = sidebarDeps();
    if (loadSettings(deps.state).confirmDestructive && req.params[PARAM.confirmed] !== YES) {
      return answer(
        undefined,
        'push',
        confirmView(
          'Delete this message?',
          'It disappears for everyone in the space. This cannot be undone.',
          'Delete',
          act('deleteSpaceMessage', { ...req.params }),
        ),
      );
    }
    const outcome = deleteMessage(deps, { message: req.params[PARAM.message] ?? '' });
    return afterSpaceAction(req, deps, outcome);
  });
}

/** Marks the space as read now. Scope: chat.users.readstate. */
export function markSpaceAsRead(e?: unknown): ActionResponse {
  return spaceAction(e, (req, space, deps) => {
    return afterSpaceChange(req, deps, markAsRead(deps, space), 'update');
  });
}

/** Saves the edit details form. Scope: chat.spaces. */
export function saveSpaceDetails(e?: unknown): ActionResponse {
  return spaceAction(e, (req, space, deps) => {
    const outcome = saveDetails(deps, {
      space,
      displayName: req.input(FIELD.displayName) ?? '',
      description: req.input(FIELD.description) ?? '',
      guidelines: req.input(FIELD.guidelines) ?? '',
      history: req.input(FIELD.history) ?? '',
    });
    if (!outcome.ok) return answer(outcome, 'none');
    return afterSpaceChange(req, deps, outcome, 'popAndUpdate');
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Spreadsheet and job actions

/** Creates or completes the tabs of the spreadsheet. Scope: drive.file. */
export function setUpSheetsFromCard(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const ss = openSpreadsheet(req);
    if (!ss) return needsFileAccess();
    const report = setUpTabs(new SheetWorkbook(ss));
    const deps = sidebarDeps();
    return answer({ ok: true, message: describeSetUp(report) }, 'update', homeCard(req, deps));
  });
}

/**
 * Queues Preview, Apply, Sync members or Send messages: runs a first step that fits in the callback, then the job
 * continues in triggers. Shows the job card. Scopes: drive.file, script.scriptapp, chat.*.
 */
export function queueJob(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const ss = openSpreadsheet(req);
    if (!ss) return needsFileAccess();
    const choice = JOB_CHOICES.find((c) => c.id === req.params[PARAM.job]);
    if (!choice) return answer({ ok: false, message: 'Unknown run.' }, 'none');
    const deps = sidebarDeps();
    const settings = loadSettings(deps.state);
    const timeZone = timeZoneOf(req, ss);
    const workbook = new SheetWorkbook(ss);
    ensureLogTab(ss);
    const outcome = queueJobUseCase(jobRunner(ss), choice, {
      totalRows: rowsOnTab(workbook, choice.tab, timeZone),
      memberSyncDefault: settings.memberSyncDefault,
      sendAtTimeZone: settings.sendAtTimeZone || timeZone,
      startedFrom: 'sidebar',
    });
    return answer(outcome, 'push', jobCard(req, ss, deps));
  });
}

/** Cancels the running job (asks first when the user wants confirmations). Scope: drive.file, script.scriptapp. */
export function cancelJobFromCard(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const ss = openSpreadsheet(req);
    if (!ss) return needsFileAccess();
    const deps = sidebarDeps();
    if (loadSettings(deps.state).confirmDestructive && req.params[PARAM.confirmed] !== YES) {
      return answer(
        undefined,
        'push',
        confirmView(
          'Cancel the running job?',
          'Rows already done stay done; the others are left as they are. You can start the run again later.',
          'Cancel job',
          act('cancelJobFromCard'),
        ),
      );
    }
    const outcome = cancelRunningJob(jobRunner(ss));
    return answer(outcome, req.params[PARAM.confirmed] === YES ? 'popAndUpdate' : 'update', jobCard(req, ss, deps));
  });
}

/** Runs the job's next step now, when its continuation trigger is late. Scopes: as queueJob. */
export function continueJobNow(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const ss = openSpreadsheet(req);
    if (!ss) return needsFileAccess();
    const outcome = continueJob(jobRunner(ss));
    return answer(outcome, 'update', jobCard(req, ss, sidebarDeps()));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Settings and schedules

/** Saves the settings form. No Chat scope (user properties). */
export function saveSidebarSettings(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const deps = sidebarDeps();
    const outcome = saveSettings(deps.state, {
      memberSyncDefault: req.input(FIELD.memberSyncDefault) ?? 'add-only',
      sendAtTimeZone: req.input(FIELD.sendAtTimeZone) ?? '',
      confirmDestructive: req.inputs(FIELD.confirmDestructive).includes(YES),
    });
    if (!outcome.ok) return answer(outcome, 'none');
    return answer(outcome, 'update', settingsCard(req, deps));
  });
}

/** Turns a schedule on for this spreadsheet (or changes its interval). Scope: script.scriptapp. */
export function turnScheduleOn(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    if (!req.spreadsheetId) return needsFileAccess();
    const def = SCHEDULES.find((s) => s.id === req.params[PARAM.schedule]);
    if (!def) return answer({ ok: false, message: 'Unknown schedule.' }, 'none');
    const deps = sidebarDeps();
    const hours = Number(req.input(`${FIELD.everyPrefix}${def.id}`) ?? '1');
    const outcome = installSchedule(deps, def, hours, req.spreadsheetId);
    return answer(outcome, 'update', settingsCard(req, deps));
  });
}

/** Turns a schedule off for this spreadsheet. Scope: script.scriptapp. */
export function turnScheduleOff(e?: unknown): ActionResponse {
  return guarded(() => {
    const req = readEvent(e);
    const def = SCHEDULES.find((s) => s.id === req.params[PARAM.schedule]);
    if (!def) return answer({ ok: false, message: 'Unknown schedule.' }, 'none');
    const deps = sidebarDeps();
    return answer(removeSchedule(deps, def, req.spreadsheetId), 'update', settingsCard(req, deps));
  });
}

function runSchedule(scheduleId: string): void {
  const def = SCHEDULES.find((s) => s.id === scheduleId);
  if (!def?.kind) return;
  const state = new UserPropertiesStore();
  const settings = loadSettings(state);
  for (const id of scheduledSpreadsheets(state, scheduleId)) {
    try {
      const ss = SpreadsheetApp.openById(id);
      const runner = jobRunner(ss);
      const running = runner.current();
      if (running && !running.finishedAt) {
        // Normally its own continuation carries on; where it could not get a trigger of its own, this run does.
        if (!running.triggerIds.length) runner.resume(TRIGGER_BUDGET);
        continue;
      }
      const timeZone = settings.sendAtTimeZone || ss.getSpreadsheetTimeZone();
      if (def.hasWork && !def.hasWork(ss, timeZone)) continue;
      ensureLogTab(ss);
      runner.start(def.kind, def.tab, undefined, TRIGGER_BUDGET, {
        memberSyncDefault: settings.memberSyncDefault,
        sendAtTimeZone: timeZone,
        startedFrom: `schedule:${scheduleId}`,
      });
    } catch (err) {
      console.error(`Schedule ${scheduleId} could not run on spreadsheet ${id}: ${message(err)}`);
    }
  }
}

/**
 * Time-driven trigger of the "Send scheduled messages" schedule: starts the Send messages run on every spreadsheet
 * the schedule serves. Scopes: script.scriptapp, drive.file, chat.messages.
 */
export function runScheduledMessages(_e?: unknown): void {
  runSchedule('messages');
}

/**
 * Time-driven trigger of the "Sync members" schedule: starts the Sync members run on every spreadsheet the schedule
 * serves. Scopes: script.scriptapp, drive.file, chat.memberships.
 */
export function runScheduledMemberSync(_e?: unknown): void {
  runSchedule('members');
}
