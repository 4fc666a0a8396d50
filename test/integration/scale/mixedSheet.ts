/**
 * The 200-row Spaces sheet of the mixed-sheet test, generated from a seed: every column (Type Space / Group chat / Direct
 * message, Description, Guidelines, History, Discoverable, External users, Members with groups and external people,
 * Managers, Owners, Welcome message with {{placeholders}}, Tags, Member sync) and every mistake (bad emails, overlong
 * names and descriptions, unknown values, group chats with one person or a name, direct messages with no one or two
 * people, duplicate names, a copied Row ID, blank rows, formula-like text, a name taken in Chat by a space the runner
 * belongs to and by one the runner does not). Each row carries what the add-on must write in Status and Details and,
 * for rows that reach Chat, the space it must leave there. The organisation's directory comes with it.
 */
import type { DirectoryInput } from '../../../emulator/chat';
import { seeded, type SheetRow } from './harness';

export const RUNNER = 'admin@example.com';

/** What one row must end as. */
export interface RowExpectation {
  status: string;
  /** Exact Details, or a pattern it must match. */
  details?: string | RegExp;
  /** For rows that create or link a space: the space Chat must hold. */
  space?: ExpectedSpace;
  /** True when the row is rejected before any API call. */
  invalid?: boolean;
  /** True for a row naming the same space as an earlier row (invalid only together with that row). */
  duplicate?: boolean;
}

export interface ExpectedSpace {
  type: 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE';
  displayName?: string;
  description?: string;
  guidelines?: string;
  history?: 'HISTORY_ON' | 'HISTORY_OFF';
  discoverable?: boolean;
  externalUserAllowed?: boolean;
  /** Every human member and their role and state (the runner included). */
  members: Record<string, { role: string; state: 'JOINED' | 'INVITED' }>;
  /** Group emails that must be members (as groups/{id}). */
  groups: string[];
  /** The welcome message text, exactly once; undefined = no message. */
  welcome?: string;
}

export interface MixedSheet {
  rows: SheetRow[];
  /** Same length as rows; undefined for blank rows (left untouched). */
  expected: (RowExpectation | undefined)[];
  directory: DirectoryInput;
}

export const GROUPS = {
  eng: { email: 'eng-all@example.com', id: '03x8tuzt3c7hgjv', members: ['g1@example.com', 'g2@example.com'] },
  sales: { email: 'sales-all@example.com', id: '01egqt2p2dxq8ev', members: ['g3@example.com'] },
};
export const CHAT_OFF = 'chatoff@example.com';
export const SHY = 'shy@example.com';
export const BLOCKER = 'blocker@example.com';
/** Existing spaces: one the runner belongs to, one they do not. */
export const TAKEN_MINE = 'Marketing';
export const TAKEN_OTHERS = 'Legal';
const COPIED_ID = 'r-copied0001';

/** The sentence for a taken name whose space the runner cannot see (spaceTask.link). */
export function takenByOthers(name: string): string {
  return `The name "${name}" is already used by a space in your organization that you are not a member of. Choose another Space name, or ask a member of that space to add you and run again to link it.`;
}

const OWNER = { role: 'ROLE_MANAGER', state: 'JOINED' } as const;
const MEMBER = { role: 'ROLE_MEMBER', state: 'JOINED' } as const;
const MANAGER = { role: 'ROLE_ASSISTANT_MANAGER', state: 'JOINED' } as const;

/** Builds the sheet: the same seed gives the same rows. */
export function mixedSheet(seed = 4, total = 200): MixedSheet {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const rows: SheetRow[] = [];
  const expected: (RowExpectation | undefined)[] = [];
  let person = 0;
  const nextPerson = () => `p${String(++person).padStart(3, '0')}@example.com`;
  const add = (row: SheetRow, e: RowExpectation | undefined) => {
    rows.push(row);
    expected.push(e);
  };
  const invalid = (row: SheetRow, details: string | RegExp) => add(row, { status: 'Failed', details, invalid: true });

  // ---- special rows that reach Chat ----------------------------------------------------------------------------
  const big = Array.from({ length: 120 }, (_, i) => `big${String(i + 1).padStart(3, '0')}@example.com`);
  add(
    {
      'Space name': 'All hands 120',
      Members: [...big, 'guest1@partner.org'].join('\n'),
      Groups: GROUPS.eng.email,
      'External users': 'Yes',
      Managers: big[0],
      'Welcome message': 'Welcome, all {{Tags}} people!',
      Tags: 'company',
    },
    {
      status: 'Created',
      details: /^Created with 122 members requested; 120 joined, 1 invited \(guest1@partner\.org\), 1 group/,
      space: {
        type: 'SPACE',
        displayName: 'All hands 120',
        externalUserAllowed: true,
        members: {
          [RUNNER]: OWNER,
          ...Object.fromEntries(big.map((b) => [b, MEMBER])),
          [big[0]]: MANAGER,
          // External people are invited (their auto-accept is off).
          'guest1@partner.org': { role: 'ROLE_MEMBER', state: 'INVITED' },
        },
        groups: [GROUPS.eng.email],
        welcome: 'Welcome, all company people!',
      },
    },
  );
  add(
    { 'Space name': TAKEN_MINE, Members: 'xena@example.com, yuri@example.com', Description: 'Campaigns and launches' },
    {
      status: 'Linked existing',
      details: /^Linked to your existing space named "Marketing"; 2 joined/,
      space: {
        type: 'SPACE',
        displayName: TAKEN_MINE,
        description: 'Campaigns and launches',
        members: { [RUNNER]: OWNER, 'xena@example.com': MEMBER, 'yuri@example.com': MEMBER },
        groups: [],
      },
    },
  );
  add(
    { 'Space name': TAKEN_OTHERS, Members: 'zoe@example.com' },
    { status: 'Failed', details: takenByOthers(TAKEN_OTHERS) },
  );
  add(
    {
      'Space name': `'=HYPERLINK("https://example.com","Docs")`,
      Description: `'+1 555 0100`,
      Members: 'q1@example.com',
    },
    {
      status: 'Created',
      space: {
        type: 'SPACE',
        displayName: '=HYPERLINK("https://example.com","Docs")',
        description: '+1 555 0100',
        members: { [RUNNER]: OWNER, 'q1@example.com': MEMBER },
        groups: [],
      },
    },
  );
  add(
    { 'Space name': `'+1`, Members: 'q2@example.com', 'Welcome message': `'=1+1 is {{Space name}}` },
    {
      status: 'Created',
      space: {
        type: 'SPACE',
        displayName: '+1',
        members: { [RUNNER]: OWNER, 'q2@example.com': MEMBER },
        groups: [],
        welcome: '=1+1 is +1',
      },
    },
  );
  add(
    { 'Space name': 'Chat off', Members: `q3@example.com, ${CHAT_OFF}` },
    {
      status: 'Created',
      details: new RegExp(`not added: ${CHAT_OFF.replace(/\./g, '\\.')} \\(.*does not have Google Chat turned on`),
      space: {
        type: 'SPACE',
        displayName: 'Chat off',
        members: { [RUNNER]: OWNER, 'q3@example.com': MEMBER },
        groups: [],
      },
    },
  );
  add(
    { 'Space name': 'Shy people', Members: `q4@example.com, ${SHY}`, Owners: 'q4@example.com' },
    {
      status: 'Created',
      details: new RegExp(`1 invited \\(${SHY.replace(/\./g, '\\.')}\\)`),
      space: {
        type: 'SPACE',
        displayName: 'Shy people',
        members: { [RUNNER]: OWNER, 'q4@example.com': OWNER, [SHY]: { role: 'ROLE_MEMBER', state: 'INVITED' } },
        groups: [],
      },
    },
  );
  add(
    { 'Space name': 'Blocked', Members: `q5@example.com, ${BLOCKER}` },
    {
      status: 'Created',
      details: new RegExp(`not added: ${BLOCKER.replace(/\./g, '\\.')}`),
      space: {
        type: 'SPACE',
        displayName: 'Blocked',
        members: { [RUNNER]: OWNER, 'q5@example.com': MEMBER },
        groups: [],
      },
    },
  );
  // A row copied with its Row ID (and a new name): both rows get their own space and Row ID.
  for (const name of ['Copied original', 'Copied copy']) {
    add(
      { 'Space name': name, Members: 'q6@example.com', 'Row ID': COPIED_ID },
      {
        status: 'Created',
        space: { type: 'SPACE', displayName: name, members: { [RUNNER]: OWNER, 'q6@example.com': MEMBER }, groups: [] },
      },
    );
  }

  // A direct message, and a second row with the same person (Chat keeps one direct message per person).
  add(
    { Type: 'Direct message', Members: 'dm1@example.com', 'Welcome message': 'Hello {{Type}}' },
    {
      status: 'Created',
      space: {
        type: 'DIRECT_MESSAGE',
        members: { [RUNNER]: MEMBER, 'dm1@example.com': MEMBER },
        groups: [],
        welcome: 'Hello Direct message',
      },
    },
  );
  add(
    { Type: 'DM', Members: 'DM1@example.com' },
    {
      status: 'Failed',
      details: `A Direct message with dm1@example.com is also on row ${rows.length + 1}; Chat keeps one direct message per person, so two rows would manage the same conversation. Delete one of the rows.`,
      invalid: true,
      duplicate: true,
    },
  );

  // ---- mistakes: rejected before any API call ------------------------------------------------------------------
  invalid({ 'Space name': 'Bad email 1', Members: 'ana@example' }, /"ana@example" has no dot after the @/);
  invalid(
    { 'Space name': 'Bad email 2', Members: 'not an email' },
    /^Members: "not" is not an email address \(it has no @\); write addresses like ana@example\.com/,
  );
  invalid(
    { 'Space name': 'Bad email 3', Managers: 'bob@@example.com' },
    'Managers: "bob@@example.com" has more than one @; separate addresses with commas.',
  );
  invalid({ 'Space name': 'N'.repeat(129) }, 'Space name is 129 characters; Chat allows at most 128. Shorten it.');
  invalid(
    { 'Space name': 'Long description', Description: 'd'.repeat(151) },
    'Description is 151 characters; Chat allows at most 150. Shorten it.',
  );
  invalid(
    { 'Space name': 'Long guidelines', Guidelines: 'g'.repeat(5001) },
    'Guidelines is 5,001 characters; Chat allows at most 5,000. Shorten it.',
  );
  invalid(
    { 'Space name': 'Unknown type', Type: 'Channel' },
    'Type is "Channel"; write Space, Group chat or Direct message (blank means Space).',
  );
  invalid(
    { 'Space name': 'Unknown history', History: 'Maybe' },
    'History is "Maybe"; write On or Off (blank keeps the current setting).',
  );
  invalid(
    { 'Space name': 'Unknown discoverable', Discoverable: 'Perhaps' },
    'Discoverable is "Perhaps"; write Yes or No (blank keeps the current setting).',
  );
  invalid(
    { 'Space name': 'Unknown external', 'External users': 'Sometimes' },
    'External users is "Sometimes"; write Yes or No (blank means No).',
  );
  invalid(
    { 'Space name': 'Unknown sync', 'Member sync': 'Whenever' },
    'Member sync is "Whenever"; write Add only or Exact (blank means Add only).',
  );
  invalid(
    { Type: 'Group chat', Members: 'r1@example.com' },
    'Members lists only r1@example.com; a Group chat needs at least 2 other people (you are added automatically). Add more people, or set Type to Direct message.',
  );
  invalid(
    { Type: 'Group chat', 'Space name': 'Named group', Members: 'r2@example.com, r3@example.com' },
    'Space name must be empty for a Group chat: Chat names it after its members. Clear it, or set Type to Space.',
  );
  invalid(
    { Type: 'Direct message', Members: 'r4@example.com, r5@example.com' },
    'Members lists 2 people; a Direct message is with exactly 1 other person. Keep one, or set Type to Group chat.',
  );
  invalid(
    { Type: 'Direct message' },
    'Members is empty; a Direct message needs exactly 1 other person (you are added automatically).',
  );
  invalid({ 'Space name': 'Buddy system', 'Welcome message': 'Hi {{Buddy}}' }, /there is no "Buddy" column/);
  invalid(
    { 'Space name': 'Both roles', Managers: 'r6@example.com', Owners: 'r6@example.com' },
    'r6@example.com is in both Managers and Owners; keep each person in one of them.',
  );
  invalid({ 'Space name': 'Exact nobody', 'Member sync': 'Exact' }, /Member sync is Exact but Members/);

  // ---- ordinary rows: every column, in seeded combinations -------------------------------------------------------
  const usedNames = new Set(rows.map((r) => (r['Space name'] ?? '').toLowerCase()));
  let n = 0;
  let duplicates = 0;
  /** Ordinary Type Space rows (name and sheet row number), for duplicates to copy. */
  const ordinary: { name: string; row: number }[] = [];
  let blanks = 0;
  while (rows.length < total) {
    n++;
    const roll = random();
    if (roll < 0.03 && blanks < 6) {
      blanks++;
      add({}, undefined);
      continue;
    }
    if (roll < 0.1) {
      // Group chat: 2–4 people, no name.
      const people = Array.from({ length: 2 + Math.floor(random() * 3) }, nextPerson);
      add(
        {
          Type: pick(['Group chat', 'group chat', 'GROUP_CHAT']),
          Members: people.join('; '),
          History: pick(['', 'On']),
        },
        {
          status: 'Created',
          space: {
            type: 'GROUP_CHAT',
            members: { [RUNNER]: MEMBER, ...Object.fromEntries(people.map((p) => [p, MEMBER])) },
            groups: [],
          },
        },
      );
      continue;
    }
    if (roll < 0.16) {
      // Direct message with one person nobody else's row names.
      const p = nextPerson();
      const welcome = random() < 0.5 ? 'Hi from the team sheet' : '';
      add(
        { Type: pick(['Direct message', 'DM']), Members: p, 'Welcome message': welcome },
        {
          status: 'Created',
          space: {
            type: 'DIRECT_MESSAGE',
            members: { [RUNNER]: MEMBER, [p]: MEMBER },
            groups: [],
            welcome: welcome || undefined,
          },
        },
      );
      continue;
    }
    if (roll < 0.2 && duplicates < 4 && ordinary.length > 0) {
      // The same name as an earlier ordinary row, differently spaced and cased.
      duplicates++;
      const earlier = ordinary[Math.floor(random() * ordinary.length)];
      const copy = `  ${earlier.name.toUpperCase()} `;
      add(
        { 'Space name': copy, Type: 'Space', Members: nextPerson() },
        {
          status: 'Failed',
          details: new RegExp(
            `is also on row ${earlier.row}; each row must name a different space\\. Rename this one or delete the row\\.$`,
          ),
          invalid: true,
          duplicate: true,
        },
      );
      continue;
    }
    const name = `Team ${n} ${pick(['North', 'South', 'Ops', 'Labs', 'Guild'])}`;
    if (usedNames.has(name.toLowerCase())) continue;
    usedNames.add(name.toLowerCase());
    const external = random() < 0.1;
    const people = Array.from({ length: 1 + Math.floor(random() * 5) }, nextPerson);
    const externals = external ? [`guest${2 + Math.floor(random() * 5)}@partner.org`] : [];
    const managers = random() < 0.4 ? [people[0]] : [];
    const owners = random() < 0.3 && people.length > 1 ? [people[people.length - 1]] : [];
    const group = random() < 0.2 ? pick([GROUPS.eng, GROUPS.sales]) : undefined;
    const description = random() < 0.6 ? `About ${name}` : '';
    const guidelines = random() < 0.3 ? 'Be kind.\nUse threads.' : '';
    const history = pick(['', 'On', 'Off']);
    const discoverable = pick(['', 'Yes', 'No']);
    const tags = pick(['', 'eng', 'eng, ops']);
    const welcome = pick(['', 'Welcome to {{Space name}}!', 'Hello {{Space name}} ({{Tags}})']);
    const row: SheetRow = {
      'Space name': name,
      Type: pick(['', 'Space', 'space']),
      Description: description,
      Guidelines: guidelines,
      Members: [...people, ...externals].join(pick([', ', '; ', '\n'])),
      Groups: group?.email ?? '',
      Managers: managers.join(', '),
      Owners: owners.join(', '),
      History: history,
      Discoverable: discoverable,
      'External users': external ? 'Yes' : pick(['', 'No']),
      'Welcome message': welcome,
      'Member sync': pick(['', 'Add only', 'Exact']),
      Tags: tags,
    };
    ordinary.push({ name, row: rows.length + 2 });
    const members: ExpectedSpace['members'] = { [RUNNER]: OWNER };
    for (const p of people) members[p] = owners.includes(p) ? OWNER : managers.includes(p) ? MANAGER : MEMBER;
    for (const x of externals) members[x] = { role: 'ROLE_MEMBER', state: 'INVITED' };
    add(row, {
      status: 'Created',
      space: {
        type: 'SPACE',
        displayName: name,
        description: description || undefined,
        guidelines: guidelines || undefined,
        history: history === 'On' ? 'HISTORY_ON' : history === 'Off' ? 'HISTORY_OFF' : undefined,
        discoverable: discoverable === 'Yes',
        externalUserAllowed: external,
        members,
        groups: group ? [group.email] : [],
        welcome: welcome ? welcome.replace('{{Space name}}', name).replace('{{Tags}}', tags) : undefined,
      },
    });
  }
  return {
    rows,
    expected,
    directory: {
      domain: 'example.com',
      groups: [GROUPS.eng, GROUPS.sales],
      users: [
        { email: CHAT_OFF, chatEnabled: false },
        { email: SHY, autoAccept: false },
        { email: BLOCKER, blocks: [RUNNER] },
      ],
      spaces: [
        {
          displayName: TAKEN_MINE,
          description: 'Campaigns and launches',
          members: [{ email: RUNNER, role: 'ROLE_MANAGER' }, { email: 'xena@example.com' }],
        },
        { displayName: TAKEN_OTHERS, members: [{ email: 'lawyer@example.com', role: 'ROLE_MANAGER' }] },
      ],
    },
  };
}
