/**
 * What a Messages row means against the Spaces tab: its targets and the text each gets, the checks made before any
 * API call, the edit fingerprint, the Message ID cell, and whether a run sends the row now.
 */
import type { DesiredMessage } from '../../src/domain/model';
import {
  describePlannedSend,
  messageFingerprint,
  messageIdCell,
  planTargets,
  scheduledDetails,
  sendDecision,
} from '../../src/domain/messagePlan';
import { SpacesCatalog } from '../../src/domain/spacesCatalog';
import { SPACES_TAB, headerRow } from '../../src/domain/tabs';
import { table } from './helpers';

const catalog = SpacesCatalog.fromTable(
  table(SPACES_TAB, headerRow(SPACES_TAB).concat(['Region']), [
    { 'Space name': 'Apollo', 'Space ID': 'spaces/AAA', Tags: 'launch', Region: 'EU' },
    { 'Space name': 'Gemini', 'Space ID': 'spaces/BBB', Tags: 'launch', Region: 'US' },
    { 'Space name': 'Mercury', 'Space ID': 'spaces/CCC' },
  ]),
);

const msg = (target: DesiredMessage['target'], text: string, extra: Partial<DesiredMessage> = {}): DesiredMessage => ({
  row: 2,
  rowId: 'r-0000000001',
  target,
  text,
  ...extra,
});

describe('planTargets', () => {
  it('renders placeholders per target from its Spaces row, then from the Messages row', () => {
    const plan = planTargets(
      msg({ kind: 'tag', tag: 'launch' }, 'Hi *{{Space name}}* ({{Region}}) {{Owner}}'),
      catalog,
      {
        Owner: 'Ana',
      },
    );
    expect(plan.targets?.map((t) => [t.space, t.text])).toEqual([
      ['spaces/AAA', 'Hi *Apollo* (EU) Ana'],
      ['spaces/BBB', 'Hi *Gemini* (US) Ana'],
    ]);
  });

  it('fails the whole row on an unknown placeholder, naming it', () => {
    const plan = planTargets(msg({ kind: 'all' }, 'Budget {{Budget}}'), catalog, {});
    expect(plan.problem).toMatch(/^For "Apollo": Message uses \{\{Budget\}\}, but there is no "Budget" column/);
  });

  it('checks the 4,096-character limit after filling, per target', () => {
    const plan = planTargets(msg({ kind: 'all' }, `${'x'.repeat(4095)}{{Space name}}`), catalog, {});
    expect(plan.problem).toBe(
      'For "Apollo": Message is 4,101 characters after filling placeholders; Chat allows at most 4,096. Shorten it.',
    );
  });

  it('a direct message takes placeholders from its own row only', () => {
    const ok = planTargets(msg({ kind: 'dm', email: 'ana@example.com' }, 'Hi {{Owner}}'), catalog, { Owner: 'Ana' });
    expect(ok.targets).toEqual([
      {
        key: 'dm:ana@example.com',
        dmEmail: 'ana@example.com',
        type: 'DIRECT_MESSAGE',
        label: 'dm:ana@example.com',
        space: undefined,
        text: 'Hi Ana',
      },
    ]);
    const bad = planTargets(msg({ kind: 'dm', email: 'ana@example.com' }, 'Hi {{Region}}'), catalog, {});
    expect(bad.problem).toMatch(
      /^For the direct message to ana@example\.com \(placeholders come from this row only\): /,
    );
  });

  it('without rendering (recall), only resolves', () => {
    expect(
      planTargets(msg({ kind: 'all' }, '{{Nope}}'), catalog, {}, { render: false }).targets?.map((t) => t.key),
    ).toEqual(['spaces/AAA', 'spaces/BBB', 'spaces/CCC']);
  });
});

describe('fingerprint and Message ID cell', () => {
  const targets = planTargets(msg({ kind: 'all' }, 'Hello {{Space name}}'), catalog, {}).targets ?? [];

  it('changes when any target’s text or the attachment changes, not with target order', () => {
    const fp = messageFingerprint(targets);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(messageFingerprint([...targets].reverse())).toBe(fp);
    expect(messageFingerprint(targets, 'https://x.example.com/a.pdf')).not.toBe(fp);
    expect(messageFingerprint([{ ...targets[0], text: 'Hello!' }, ...targets.slice(1)])).not.toBe(fp);
  });

  it('is the full message name for one space, the shared client ID and a count for several', () => {
    expect(messageIdCell('client-r-1-abc', ['spaces/AAA'])).toBe('spaces/AAA/messages/client-r-1-abc');
    expect(messageIdCell('client-r-1-abc', ['spaces/AAA', 'spaces/BBB'])).toBe('client-r-1-abc in 2 spaces');
  });

  it('the preview names where and shows the first text', () => {
    expect(describePlannedSend(targets, ['in thread "x"'])).toBe(
      'Would post to 3 spaces (first, Apollo): "Hello Apollo"; in thread "x".',
    );
  });
});

describe('sendDecision', () => {
  const now = Date.UTC(2026, 0, 5, 9, 0);
  it('waits for a later Send at, sends a due one, never re-sends a recalled one', () => {
    expect(sendDecision({ sendAt: now + 60_000 }, '', now, 'user')).toEqual({ action: 'scheduled', at: now + 60_000 });
    expect(sendDecision({ sendAt: now - 1 }, 'Scheduled', now, 'user')).toEqual({ action: 'send' });
    expect(sendDecision({}, 'Deleted', now, 'user')).toEqual({ action: 'recalled' });
  });

  it('a scheduled run takes only due rows no run has settled', () => {
    expect(sendDecision({}, '', now, 'schedule')).toEqual({ action: 'leave' });
    expect(sendDecision({ sendAt: now }, 'Scheduled', now, 'schedule')).toEqual({ action: 'send' });
    expect(sendDecision({ sendAt: now }, 'Sent', now, 'schedule')).toEqual({ action: 'leave' });
    expect(sendDecision({ sendAt: now }, 'Failed', now, 'schedule')).toEqual({ action: 'leave' });
  });

  it('states the precision of each trigger mode', () => {
    expect(scheduledDetails(now, 'Europe/Paris', 'bound', true)).toBe(
      'Scheduled for 2026-01-05 10:00 (Europe/Paris); the scheduled-messages trigger of this script runs every minute, so a message goes out within about a minute after its Send at.',
    );
    expect(scheduledDetails(now, 'Etc/UTC', 'editor-addon', true)).toContain('up to an hour after its Send at');
    expect(scheduledDetails(now, 'Etc/UTC', 'bound', false)).toContain('scheduled sending is off');
  });
});
