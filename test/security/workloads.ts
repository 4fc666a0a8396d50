/**
 * The add-on's main workloads, run end to end on the built bundle with a chosen manifest, each step checked the
 * way a user would notice (a card, a notification, a row's Status, the state of Chat), for the scope and logging
 * checks: the Sheets menu run as a bound script (menu, Set up sheets, Apply with a Google Group, more than 49
 * people and a welcome message, its continuation trigger), and the sidebar as a Workspace add-on (homepage, space
 * card, post, react, mark as read, add and remove a member, edit details), and the other tabs' menu items as a
 * bound script (Apply member changes, Send messages, scheduled sending, Export messages, Delete selected spaces).
 * Also collects every sign of a missing scope: Apps Script "permissions are not sufficient" errors and Chat 403 "insufficient authentication scopes".
 */
import type { Manifest } from '../../emulator/runtime';
import type { ExecutionResult } from '../../emulator/runtime';
import { addOnProject, buildWorld, readRows, type World } from '../../bench/world';

/** What a run of the workloads found. */
export interface WorkloadReport {
  /** Steps that did not do what the user asked, by workload. */
  broken: Record<string, string[]>;
  /** Calls refused for a missing scope (Apps Script services or Chat). */
  scopeFailures: string[];
  /** Every execution, for the logging checks. */
  executions: ExecutionResult[];
  /** Every value written to a cell by the add-on's runs (for the formula checks). */
  worlds: World[];
}

const PEOPLE = Array.from({ length: 55 }, (_, i) => `person${i}@example.com`);
export const SECRET_MESSAGE = 'Quarterly numbers: revenue up 12 percent, do not share';
export const SECRET_WELCOME = 'Welcome to {{Space name}}, confidential kickoff notes inside';

function project(scopes: readonly string[]) {
  const p = addOnProject();
  return { ...p, manifest: { ...p.manifest, oauthScopes: [...scopes] } as Manifest };
}

function scopeSignals(world: World, executions: readonly ExecutionResult[]): string[] {
  const out: string[] = [];
  const shown = world.runtime.ui.events.map((e) => JSON.stringify(e));
  for (const t of shown) {
    const m = /Specified permissions are not sufficient to call [^.]*|You do not have permission to call [^.]*/.exec(t);
    if (m) out.push(`shown to the user: ${m[0]}`);
  }
  for (const e of executions) {
    const texts = [e.error?.message ?? '', ...e.logs.map((l) => l.message), JSON.stringify(e.returned ?? '')];
    for (const t of texts) {
      const m = /Specified permissions are not sufficient to call [^.]*|You do not have permission to call [^.]*/.exec(
        t,
      );
      if (m) out.push(`${e.entryPoint}: ${m[0]}`);
    }
  }
  for (const r of world.chat.requestLog) {
    if (r.status === 403 && r.scopes && r.scopes.matched.length === 0)
      out.push(`Chat ${r.methodId}: insufficient scopes`);
  }
  return out;
}

/** The Sheets menu workload (bound script). */
function menuWorkload(scopes: readonly string[], report: WorkloadReport): void {
  const broken: string[] = [];
  const world = buildWorld({
    project: project(scopes),
    mode: 'bound',
    directory: { groups: [{ email: 'design@example.com', members: ['gina@example.com'] }] },
    tabs: {
      Spaces: [
        ['Space name', 'Members', 'Groups', 'Managers', 'Welcome message'],
        ['Launch', PEOPLE.join(', '), 'design@example.com', 'person0@example.com', SECRET_WELCOME],
        ['Ops', 'ops1@example.com, ops2@example.com', '', '', ''],
      ],
    },
  });
  const rt = world.runtime;
  const executions: ExecutionResult[] = [];
  rt.open();
  const menu = JSON.stringify(rt.ui.menus());
  if (!menu.includes('Apply to all rows')) broken.push('the Chat Spaces menu is missing');
  executions.push(rt.run('setUpSheets'));
  executions.push(rt.run('applySpaces'));
  executions.push(...rt.runUntilIdle({ maxExecutions: 20 }).executions);
  for (const e of executions) if (e.error) broken.push(`${e.entryPoint} threw: ${e.error.message}`);
  const rows = readRows(world, 'Spaces');
  for (const r of rows) if (r.Status !== 'Created') broken.push(`${r['Space name']} ended "${r.Status}": ${r.Details}`);
  const launch = world.chat.findSpaceByDisplayName('Launch');
  if (!launch) broken.push('Launch was not created');
  else {
    if (launch.members.filter((m) => m.type === 'HUMAN').length < PEOPLE.length + 1) broken.push('Launch lacks people');
    if (!launch.members.some((m) => m.type === 'GROUP')) broken.push('Launch lacks the group');
    if (launch.messages.length !== 1) broken.push('Launch has no welcome message');
  }
  if (!readRows(world, 'Log').length) broken.push('no Log row');
  report.broken.menu = broken;
  report.scopeFailures.push(...scopeSignals(world, executions));
  report.executions.push(...executions);
  report.worlds.push(world);
}

type Json = any; // card JSON is walked as an untyped tree

function buttons(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (n: Json) => {
    if (!n || typeof n !== 'object') return;
    if (typeof n.text === 'string' && n.onClick?.action) out.push(n);
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return out;
}

/** The sidebar workload (Workspace add-on). */
function sidebarWorkload(scopes: readonly string[], report: WorkloadReport): void {
  const broken: string[] = [];
  const world = buildWorld({
    project: project(scopes),
    mode: 'workspace-addon',
    directory: {
      spaces: [
        {
          displayName: 'Apollo',
          createTime: '2026-01-05T08:00:00Z',
          members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' }, { email: 'ana@example.com' }],
          messages: [{ sender: 'ana@example.com', text: 'Morning!', createTime: '2026-01-05T08:30:00Z' }],
        },
      ],
    },
    tabs: {
      Spaces: [
        ['Space name', 'Members'],
        ['Apollo', 'ana@example.com'],
      ],
    },
  });
  const rt = world.runtime;
  const executions: ExecutionResult[] = [];
  let card: Json;
  const stack: Json[] = [];
  const run = (step: string, fn: string, kind: 'homepage' | 'action', parameters = {}, formInputs = {}) => {
    const r = rt.runCardCallback(fn, rt.buildEvent({ kind, parameters, formInputs }));
    executions.push(r);
    if (r.error) {
      broken.push(`${step}: ${fn} threw ${r.error.message}`);
      return undefined;
    }
    const json: Json = r.returned;
    if (json?.sections || json?.header) card = json;
    for (const nav of json?.renderActions?.action?.navigations ?? []) {
      if (nav.pushCard) stack.push((card = nav.pushCard));
      if (nav.updateCard) card = nav.updateCard;
      if (nav.popCard) card = stack.pop() ?? card;
    }
    return json?.renderActions?.action?.notification?.text as string | undefined;
  };
  const click = (step: string, match: (b: Json) => boolean, formInputs = {}) => {
    const b = buttons(card).find(match);
    if (!b) {
      broken.push(`${step}: no such button`);
      return undefined;
    }
    const params = Object.fromEntries((b.onClick.action.parameters ?? []).map((p: Json) => [p.key, p.value]));
    return run(step, b.onClick.action.function, 'action', params, formInputs);
  };
  const apollo = () => world.chat.snapshot().find((s) => s.displayName === 'Apollo');

  run('homepage', 'onSheetsHomepage', 'homepage');
  if (!JSON.stringify(card ?? {}).includes('Apollo')) broken.push('homepage does not list Apollo');
  const open = buttons(card).find((b: Json) => b.onClick.action.function === 'showSpace');
  if (open) {
    const params = Object.fromEntries((open.onClick.action.parameters ?? []).map((p: Json) => [p.key, p.value]));
    run('open space', 'showSpace', 'action', params);
  }
  // Homepage rows open the space through their decorated text; find it anywhere in the card.
  if (card?.header?.title !== 'Apollo') {
    const walk = (n: Json): Json =>
      n && typeof n === 'object'
        ? n.onClick?.action?.function === 'showSpace'
          ? n
          : Object.values(n).reduce((f: Json, v) => f ?? walk(v), undefined)
        : undefined;
    const row = walk(card);
    if (row) {
      const params = Object.fromEntries((row.onClick.action.parameters ?? []).map((p: Json) => [p.key, p.value]));
      run('open space', 'showSpace', 'action', params);
    }
  }
  if (card?.header?.title !== 'Apollo') broken.push('the space card did not open');
  const read = click('mark as read', (b) => b.onClick.action.function === 'markSpaceAsRead');
  if (read !== 'Marked as read.') broken.push(`mark as read: ${read ?? 'no answer'}`);
  const posted = click('post', (b) => b.text === 'Post', { messageText: SECRET_MESSAGE });
  if (!apollo()?.messages.some((m) => m.text === SECRET_MESSAGE)) broken.push(`post: ${posted ?? 'nothing posted'}`);
  click('react', (b) => b.text === '🎉');
  const reactions = apollo()?.messages.flatMap((m) => (m.reactions as unknown[]) ?? []) ?? [];
  if (!reactions.length) broken.push('react: no reaction');
  const added = click('add member', (b) => b.text === 'Add', { people: 'li@example.com', role: 'ROLE_MEMBER' });
  if (!apollo()?.members.some((m) => m.email === 'li@example.com')) broken.push(`add member: ${added ?? ''}`);
  click('edit details', (b) => b.text === 'Edit details');
  const saved = click('save details', (b) => b.text === 'Save', {
    displayName: 'Apollo',
    description: 'To the moon',
    guidelines: '',
    history: 'on',
  });
  const details = apollo()?.space.spaceDetails as { description?: string } | undefined;
  if (details?.description !== 'To the moon') broken.push(`edit details: ${saved ?? ''}`);
  report.broken.sidebar = broken;
  report.scopeFailures.push(...scopeSignals(world, executions));
  report.executions.push(...executions);
  report.worlds.push(world);
}

/** The Members, Messages, export and retire menu items (bound script). */
function tabsWorkload(scopes: readonly string[], report: WorkloadReport): void {
  const broken: string[] = [];
  const admin = { email: 'admin@example.com', role: 'ROLE_MANAGER' as const };
  const world = buildWorld({
    project: project(scopes),
    mode: 'bound',
    directory: {
      spaces: [
        {
          displayName: 'Alpha',
          members: [admin, { email: 'ann@example.com' }],
          messages: [{ sender: 'ann@example.com', text: 'Hello', createTime: '2026-01-05T08:30:00Z' }],
        },
        { displayName: 'Old', members: [admin] },
      ],
    },
    tabs: (chat) => ({
      Spaces: [
        ['Space name', 'Space ID'],
        ['Alpha', chat.findSpaceByDisplayName('Alpha')?.name ?? ''],
        ['Old', chat.findSpaceByDisplayName('Old')?.name ?? ''],
      ],
      Members: [
        ['Space', 'Member', 'Action'],
        ['Alpha', 'bob@example.com', 'Add'],
      ],
      Messages: [
        ['Space', 'Message', 'Send at'],
        ['Alpha', SECRET_MESSAGE, ''],
        ['Alpha', 'Later', '2099-01-01 09:00'],
      ],
    }),
  });
  const rt = world.runtime;
  const executions: ExecutionResult[] = [];
  const alpha = () => world.chat.findSpaceByDisplayName('Alpha');
  rt.open();
  executions.push(rt.run('applyMembers'));
  if (!alpha()?.members.some((m) => m.email === 'bob@example.com')) broken.push('Apply member changes: bob not added');
  executions.push(rt.run('sendMessages'));
  if (!alpha()?.messages.some((m) => m.text === SECRET_MESSAGE)) broken.push('Send messages: nothing posted');
  executions.push(rt.run('installSchedules'));
  if (!rt.triggers.ofUser('admin@example.com').length) broken.push('scheduled sending: no trigger');
  rt.ui.queueAnswer({ button: 'OK', text: '30 days' });
  executions.push(rt.run('exportMessages'));
  if (!readRows(world, 'Messages (export)').some((r) => r.Text === 'Hello')) broken.push('Export messages: no row');
  const ss = rt.activeSpreadsheet;
  const sheet = ss?.sheetByName('Spaces');
  if (ss && sheet) {
    ss.activeSheetId = sheet.sheetId;
    ss.activeRange = { row: 3, col: 1, numRows: 1, numCols: 1 };
  }
  rt.ui.queueAnswer({ button: 'YES' });
  executions.push(rt.run('deleteSelectedSpaces'));
  if (world.chat.findSpaceByDisplayName('Old')) broken.push('Delete selected spaces: Old still exists');
  for (const e of executions) if (e.error) broken.push(`${e.entryPoint} threw: ${e.error.message}`);
  report.broken.tabs = broken;
  report.scopeFailures.push(...scopeSignals(world, executions));
  report.executions.push(...executions);
  report.worlds.push(world);
}

/** Runs every workload with the given oauthScopes. */
export function runWorkloads(scopes: readonly string[]): WorkloadReport {
  const report: WorkloadReport = { broken: {}, scopeFailures: [], executions: [], worlds: [] };
  menuWorkload(scopes, report);
  sidebarWorkload(scopes, report);
  tabsWorkload(scopes, report);
  return report;
}

/** The manifest's scopes. */
export function manifestScopes(): string[] {
  return [...(addOnProject().manifest.oauthScopes ?? [])];
}
