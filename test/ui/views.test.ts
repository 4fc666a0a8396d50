/**
 * The sidebar's views and renderer without Apps Script: view builders fed with the largest pages the use cases
 * produce stay under the card limits; every card renders through the emulated CardService into JSON the discovery
 * schema accepts; user text is escaped; buttons name exported entry points; and event objects — documented,
 * legacy, before and after the drive.file grant — read into one shape.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCardService } from '../../emulator/cards/cardService';
import { renderCardHtml, supportedWidgetKinds } from '../../emulator/cards/html';
import { CARD_LIMITS, validateActionResponse, validateCard } from '../../emulator/cards/validate';
import type { ChatMessage, ChatSpace } from '../../src/app/sidebar/chatValues';
import { MEMBERS_PAGE_SIZE } from '../../src/app/sidebar/members';
import { MESSAGES_PAGE_SIZE } from '../../src/app/sidebar/messages';
import { SHEET_ROWS_PAGE_SIZE } from '../../src/app/sidebar/sheetSpaces';
import type { SpaceCardData } from '../../src/app/sidebar/spaceCard';
import { SEARCH_RESULTS_SHOWN } from '../../src/app/sidebar/yourSpaces';
import { readEvent } from '../../src/ui/event';
import { escapeCardText, renderActionResult, renderCard, renderUniversalResult } from '../../src/ui/render';
import { confirmView, editDetailsView, editMessageView, fileAccessView, helpView } from '../../src/ui/views/formViews';
import { duration, relative } from '../../src/ui/views/format';
import { homeView } from '../../src/ui/views/homeView';
import { jobView } from '../../src/ui/views/jobView';
import { act, type CardView } from '../../src/ui/views/model';
import { settingsView } from '../../src/ui/views/settingsView';
import { spaceView } from '../../src/ui/views/spaceView';

const NOW = Date.UTC(2026, 0, 5, 9);

beforeAll(() => {
  (globalThis as Record<string, unknown>).CardService = createCardService((m) => new Error(m));
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).CardService;
});

/** Entry points src/main.ts exports (read from its source: main re-exports menu.ts and entry/sidebar.ts). */
function exportedEntryPoints(): Set<string> {
  const root = path.join(__dirname, '..', '..', 'src');
  const names = new Set<string>();
  const sidebar = fs.readFileSync(path.join(root, 'entry', 'sidebar.ts'), 'utf8');
  for (const m of sidebar.matchAll(/^export function (\w+)/gm)) names.add(m[1]);
  const main = fs.readFileSync(path.join(root, 'main.ts'), 'utf8');
  for (const m of main.matchAll(/^\s+(\w+),$/gm)) names.add(m[1]);
  return names;
}

function space(overrides: Partial<ChatSpace> = {}): ChatSpace {
  return {
    name: 'spaces/AAA',
    displayName: 'Launch <team> & co',
    type: 'SPACE',
    description: 'd'.repeat(150),
    guidelines: 'g'.repeat(5000),
    historyOn: true,
    accessState: 'DISCOVERABLE',
    externalUserAllowed: true,
    joinedPeople: 5000,
    joinedGroups: 2,
    spaceUri: 'https://chat.google.com/room/AAA',
    lastActiveTime: '2026-01-05T08:00:00Z',
    createTime: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

function message(i: number): ChatMessage {
  return {
    name: `spaces/AAA/messages/${i}`,
    senderName: `users/${i}`,
    senderType: 'HUMAN',
    text: `<script>alert(${i})</script> ${'long '.repeat(2000)}`,
    createTime: '2026-01-05T08:00:00Z',
    lastUpdateTime: '2026-01-05T08:01:00Z',
    threadName: '',
    threadReply: i % 2 === 0,
    reactions: [{ emoji: '👍', count: 3 }],
    attachments: 0,
  };
}

function bigSpaceCard(): SpaceCardData {
  return {
    name: 'spaces/AAA',
    space: space(),
    members: {
      rows: Array.from({ length: MEMBERS_PAGE_SIZE }, (_, i) => ({
        membership: {
          name: `spaces/AAA/members/${i}`,
          memberName: i % 5 ? `users/${i}` : `groups/${i}`,
          kind: i % 5 ? 'HUMAN' : 'GROUP',
          role: 'ROLE_MEMBER',
          state: i % 3 ? 'JOINED' : 'INVITED',
        },
        label: `person${i}@example.com`,
        isSelf: i === 1,
      })),
      pageToken: 'p1',
      nextPageToken: 'p2',
    },
    messages: {
      rows: Array.from({ length: MESSAGES_PAGE_SIZE }, (_, i) => ({
        message: message(i),
        senderLabel: `s${i}`,
        own: i % 2 === 0,
        unread: i < 3,
      })),
      pageToken: 'm1',
      nextPageToken: 'm2',
    },
    readState: { lastReadTime: NOW - 3_600_000 },
    unreadCount: 3,
    unreadMayBeMore: false,
  };
}

function allCards(): CardView[] {
  const job = {
    id: 'j',
    title: 'Apply spaces',
    state: 'running' as const,
    startedAt: NOW - 600_000,
    rowsDone: 40,
    rowsTotal: 300,
    counts: { Created: 38, Failed: 2 },
    apiCalls: 120,
    quotaWaitMs: 65_000,
    retries: 3,
    executions: 2,
    nextAt: NOW - 120_000,
    maxGapMs: 90_000,
    errors: Array.from({ length: 10 }, (_, i) => ({ row: i + 2, message: `Row problem <${i}>` })),
    moreErrors: 5,
  };
  const spaces = Array.from({ length: SEARCH_RESULTS_SHOWN }, (_, i) =>
    space({ name: `spaces/S${i}`, displayName: `Space ${i}`, type: i % 3 ? 'SPACE' : 'GROUP_CHAT' }),
  );
  return [
    homeView({
      fileAccess: true,
      spreadsheetTitle: 'Team <spaces>',
      sheet: {
        hasTab: true,
        rows: Array.from({ length: SHEET_ROWS_PAGE_SIZE }, (_, i) => ({
          row: i + 2,
          name: `Row ${i}`,
          type: 'Space',
          spaceId: i % 2 ? `spaces/R${i}` : '',
          status: 'Failed',
          details: 'x'.repeat(500),
        })),
        total: 1000,
        offset: 10,
        statusCounts: { Created: 990, Failed: 10 },
        tabRows: 1000,
      },
      job,
      jobChoices: [
        { id: 'preview', label: 'Preview', kind: 'preview-spaces', tab: 'Spaces', title: 'Preview spaces' },
        { id: 'sync', label: 'Sync members', tab: 'Members', title: 'Sync members' },
      ],
      yourSpaces: { spaces, nextPageToken: 't', query: 'space', scanned: 600, hiddenMatches: 12 },
      query: 'space',
      notice: 'Done.',
    }),
    homeView({
      fileAccess: false,
      jobChoices: [],
      yourSpaces: {
        spaces: [],
        nextPageToken: '',
        query: '',
        scanned: 0,
        hiddenMatches: 0,
        error: 'Chat could not list your spaces.',
      },
      query: '',
    }),
    spaceView(bigSpaceCard(), {
      timeZone: 'Europe/Paris',
      now: NOW,
      draftId: 'd1',
      draftText: 'keep',
      notice: 'Posted.',
    }),
    spaceView(
      { ...bigSpaceCard(), space: undefined, error: 'Chat could not open the space.' },
      { timeZone: 'UTC', now: NOW, draftId: 'd' },
    ),
    spaceView(
      { ...bigSpaceCard(), space: space({ type: 'DIRECT_MESSAGE', displayName: '' }) },
      { timeZone: 'UTC', now: NOW, draftId: 'd' },
    ),
    jobView({
      progress: job,
      timeZone: 'UTC',
      now: NOW,
      logUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=1',
    }),
    jobView({
      progress: { ...job, state: 'finished', finishedAt: NOW },
      previewSummary: 'Applying would make 3 API calls.',
      timeZone: 'UTC',
      now: NOW,
    }),
    jobView({ timeZone: 'UTC', now: NOW }),
    settingsView({
      settings: { memberSyncDefault: 'exact', sendAtTimeZone: 'Asia/Tokyo', confirmDestructive: true },
      context: 'workspace-addon',
      defaultTimeZone: 'Europe/Paris',
      fileAccess: true,
      now: NOW,
      schedules: {
        triggersInUse: 3,
        limit: 20,
        schedules: [
          {
            definition: {
              id: 'members',
              title: 'Sync members',
              description: 'd',
              handler: 'runScheduledMemberSync',
              available: true,
            },
            on: true,
            onHere: true,
            otherSpreadsheets: 1,
            everyHours: 2,
            nextRunAt: NOW + 60_000,
          },
          {
            definition: {
              id: 'messages',
              title: 'Send',
              description: 'd',
              handler: 'runScheduledMessages',
              available: false,
            },
            on: false,
            onHere: false,
            otherSpreadsheets: 0,
          },
        ],
      },
    }),
    editDetailsView(space(), { space: 'spaces/AAA' }),
    editDetailsView(space({ type: 'GROUP_CHAT' }), { space: 'spaces/AAA' }),
    editMessageView(message(1), { space: 'spaces/AAA' }),
    confirmView('Remove <x>?', 'Sure?', 'Remove', act('removeSpaceMember', { membership: 'm' })),
    fileAccessView(),
    helpView(),
  ];
}

describe('views', () => {
  it('stay within the card limits with the largest pages', () => {
    for (const card of allCards()) {
      expect(card.sections.length).toBeLessThanOrEqual(CARD_LIMITS.sections);
      for (const s of card.sections) expect(s.widgets.length).toBeLessThanOrEqual(CARD_LIMITS.widgetsPerSection);
    }
  });

  it('render to card JSON the discovery schema accepts, with actions naming exported entry points', () => {
    const exported = exportedEntryPoints();
    for (const view of allCards()) {
      const json = JSON.parse(renderCard(view).printJson());
      const result = validateCard(json);
      expect(result.errors).toEqual([]);
      for (const fn of result.actionFunctions) expect(exported).toContain(fn);
      for (const kind of result.widgetKinds) expect(supportedWidgetKinds).toContain(kind);
      expect(renderCardHtml(json)).toContain('</');
    }
  });

  it('escape user text and keep their own emphasis', () => {
    const json = renderCard(allCards()[2]).printJson();
    expect(json).not.toContain('<script>');
    expect(json).toContain('&lt;script&gt;');
    expect(json).toContain('<b>3 unread messages</b>');
    expect(json).toContain('Launch &lt;team&gt; &amp; co');
    expect(escapeCardText('a<b>&')).toBe('a&lt;b&gt;&amp;');
  });

  it('render action responses for every navigation, and universal responses', () => {
    const card = helpView();
    for (const navigation of ['push', 'update', 'popAndUpdate', 'popToRootAndUpdate'] as const) {
      const json = JSON.parse(renderActionResult({ navigation, card, notification: 'Saved <now>.' }).printJson());
      expect(validateActionResponse(json).errors).toEqual([]);
      expect(json.renderActions.action.notification.text).toBe('Saved <now>.');
    }
    const popUpdate = JSON.parse(renderActionResult({ navigation: 'popAndUpdate', card }).printJson());
    expect(popUpdate.renderActions.action.navigations.map((n: object) => Object.keys(n)[0])).toEqual([
      'popCard',
      'updateCard',
    ]);
    const only = JSON.parse(renderActionResult({ navigation: 'none', notification: 'Just this' }).printJson());
    expect(only.renderActions.action.navigations).toBeUndefined();
    const universal = JSON.parse(renderUniversalResult([card]).printJson());
    expect(validateActionResponse(universal).errors).toEqual([]);
  });

  it('format durations and relative times for people', () => {
    expect(duration(65_000)).toBe('1 min 5 s');
    expect(duration(7_500_000)).toBe('2 h 5 min');
    expect(relative(180_000)).toBe('in 3 min');
    expect(relative(-10_000)).toBe('just now');
  });
});

describe('readEvent', () => {
  it('reads the documented shape after the grant', () => {
    const req = readEvent({
      commonEventObject: {
        hostApp: 'SHEETS',
        platform: 'WEB',
        parameters: { space: 'spaces/A' },
        formInputs: {
          people: { stringInputs: { value: ['a@x.com'] } },
          confirm: { stringInputs: { value: ['yes', 'no'] } },
        },
        timeZone: { id: 'Europe/Paris', offset: 3600000 },
      },
      sheets: { addonHasFileScopePermission: true, id: 'ss1', title: 'Plan' },
    });
    expect(req).toMatchObject({
      params: { space: 'spaces/A' },
      spreadsheetId: 'ss1',
      spreadsheetTitle: 'Plan',
      fileAccess: true,
      timeZone: 'Europe/Paris',
    });
    expect(req.input('people')).toBe('a@x.com');
    expect(req.inputs('confirm')).toEqual(['yes', 'no']);
    expect(req.input('missing')).toBeUndefined();
  });

  it('treats a missing permission or id as no access, and reads legacy fields', () => {
    expect(readEvent({ commonEventObject: { hostApp: 'SHEETS' }, sheets: {} }).fileAccess).toBe(false);
    expect(readEvent({ sheets: { addonHasFileScopePermission: false } }).fileAccess).toBe(false);
    expect(readEvent(undefined).params).toEqual({});
    const legacy = readEvent({ parameters: { job: 'apply', n: 3 }, formInputs: { q: ['x'] } });
    expect(legacy.params).toEqual({ job: 'apply' });
    expect(legacy.input('q')).toBe('x');
  });
});
