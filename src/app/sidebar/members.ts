/**
 * Members of one space, for the space card: one page of `members.list` (invited people and groups included), and
 * the card's member actions — add people or Google Groups by email with a role, remove a member, and make someone
 * a member, manager or owner. Additions are capped per submit and sent together (fetchAll), so an action is a few
 * batches of requests whatever the size of the space; failures are explained with the bulk runs' sentences.
 */
import { parseEmailList } from '../../domain/emails';
import type { MemberRole, SpaceType } from '../../domain/model';
import { plural } from '../../domain/text';
import type { ChatRequest, ChatResult } from '../../ports/chat';
import { readMembership, readPage, type ChatMembership } from './chatValues';
import { failed, succeeded, type ActionOutcome, type SidebarDeps } from './deps';
import type { PeopleBook } from './people';
import { FailureSummary, names } from './summary';

/** Members per card page (Chat allows 1,000; a card section holds 100 widgets). */
export const MEMBERS_PAGE_SIZE = 20;
/** Addresses one "Add" click may carry; more belong on the Members tab. */
export const MAX_ADDS_PER_SUBMIT = 20;

export interface MemberRow {
  membership: ChatMembership;
  /** "You (…)", an email, or "Person 1234…". */
  label: string;
  isSelf: boolean;
}

export interface MembersPage {
  rows: MemberRow[];
  /** The token this page was read with ('' for the first page). */
  pageToken: string;
  nextPageToken: string;
  error?: string;
}

/** The request for one page of members. Scope: chat.memberships.readonly or chat.memberships. */
export function membersPageRequest(space: string, pageToken: string): ChatRequest {
  return {
    method: 'chat.spaces.members.list',
    resource: space,
    query: { pageSize: MEMBERS_PAGE_SIZE, pageToken: pageToken || undefined, showInvited: true, showGroups: true },
  };
}

/** Turns the answer to `membersPageRequest` into card rows. */
export function membersPageFrom(
  result: ChatResult,
  pageToken: string,
  people: PeopleBook,
  explain: SidebarDeps['explain'],
): MembersPage {
  if (!result.ok) return { rows: [], pageToken, nextPageToken: '', error: explain(result.failure, 'list the members') };
  const page = readPage(result.value, 'memberships');
  const memberships = page.items.map(readMembership);
  const labels = people.labels(memberships.map((m) => m.memberName));
  const self = people.selfId();
  return {
    rows: memberships.map((m) => ({
      membership: m,
      label: labels.get(m.memberName) ?? m.memberName,
      isSelf: m.memberName === self,
    })),
    pageToken,
    nextPageToken: page.nextPageToken,
  };
}

/** "member", "manager" or "owner": the words Chat's UI uses for the roles. */
export function roleWord(role: MemberRole | undefined): string {
  return role === 'ROLE_MANAGER' ? 'owner' : role === 'ROLE_ASSISTANT_MANAGER' ? 'manager' : 'member';
}

/** Reads a role value from a form or a parameter. */
export function parseRole(text: string | undefined): MemberRole | undefined {
  return text === 'ROLE_MANAGER' || text === 'ROLE_ASSISTANT_MANAGER' || text === 'ROLE_MEMBER' ? text : undefined;
}

export interface AddMembersInput {
  space: string;
  spaceType: SpaceType;
  /** People's emails as typed (commas, spaces, new lines). */
  people: string;
  /** Google Group emails as typed. */
  groups: string;
  role: MemberRole;
}

/**
 * Adds people and Google Groups to a space and gives the people the chosen role.
 * Scopes: chat.memberships; cloud-identity.groups.readonly for group emails.
 */
export function addMembers(deps: SidebarDeps, people: PeopleBook, input: AddMembersInput): ActionOutcome {
  const persons = parseEmailList(input.people, 'People');
  const groups = parseEmailList(input.groups, 'Google Groups');
  const problems = [...persons.problems, ...groups.problems];
  if (problems.length) return failed(problems.join(' '));
  const self = deps.identity.email();
  const skippedSelf = persons.emails.includes(self);
  const emails = persons.emails.filter((e) => e !== self);
  const total = emails.length + groups.emails.length;
  if (total === 0) {
    return failed(
      skippedSelf
        ? 'You are already in the space; write someone else’s email address.'
        : 'Write at least one email address under People or Google Groups.',
    );
  }
  if (total > MAX_ADDS_PER_SUBMIT) {
    return failed(
      `You listed ${total} addresses; add at most ${MAX_ADDS_PER_SUBMIT} at a time here, or use the Members tab of the sheet for more.`,
    );
  }
  if (input.role !== 'ROLE_MEMBER' && input.spaceType !== 'SPACE') {
    return failed('Managers and owners exist only in named spaces; choose Member for a group chat or direct message.');
  }
  if (groups.emails.length && input.spaceType !== 'SPACE') {
    return failed('Google Groups can be added only to named spaces, not to group chats or direct messages.');
  }

  const done: string[] = [];
  const invited: string[] = [];
  const already: string[] = [];
  const errors = new FailureSummary();
  const learned: { email: string; name: string }[] = [];

  // Groups: Chat takes groups/{id}, never the group's email (facts §2.4).
  const groupIds = new Map<string, string>();
  const unknownGroups = groups.emails.filter((g) => {
    const cached = deps.cache.get(`g:${g}`);
    if (cached) groupIds.set(g, cached);
    return !cached;
  });
  const lookups = deps.chat.callAll(
    unknownGroups.map((g) => ({ method: 'cloudidentity.groups.lookup' as const, query: { 'groupKey.id': g } })),
  );
  lookups.forEach((r, i) => {
    const email = unknownGroups[i];
    const name = r.ok ? String((r.value as { name?: unknown }).name ?? '') : '';
    if (name) {
      groupIds.set(email, name);
      learned.push({ email, name });
    } else if (!r.ok && r.failure.httpStatus !== 404 && r.failure.httpStatus !== 403)
      errors.add('lookup', r.failure, email, (who) => `look up group ${who}`);
    else errors.note(`Group ${email} was not found (or you cannot see it): check the address.`);
  });

  const targets = [
    ...emails.map((email) => ({ email, body: { member: { name: `users/${email}`, type: 'HUMAN' } }, person: true })),
    ...groups.emails
      .filter((g) => groupIds.has(g))
      .map((email) => ({ email, body: { groupMember: { name: groupIds.get(email) } }, person: false })),
  ];
  const created = deps.chat.callAll(
    targets.map((t) => ({ method: 'chat.spaces.members.create' as const, resource: input.space, body: t.body })),
  );
  /** People to give a role, by membership name (known) or email (already members: looked up first). */
  const toPromote: { email: string; name?: string }[] = [];
  created.forEach((r, i) => {
    const t = targets[i];
    if (r.ok) {
      const m = readMembership(r.value);
      learned.push({ email: t.email, name: m.memberName });
      (m.state === 'INVITED' ? invited : done).push(t.email);
      if (t.person && input.role !== 'ROLE_MEMBER') toPromote.push({ email: t.email, name: m.name });
    } else if (r.failure.httpStatus === 409 || r.failure.status === 'ALREADY_EXISTS') {
      already.push(t.email);
      if (t.person && input.role !== 'ROLE_MEMBER') toPromote.push({ email: t.email });
    } else errors.add('add', r.failure, t.email, (who) => `add ${who}`);
  });

  const unnamed = toPromote.filter((p) => !p.name);
  const gets = deps.chat.callAll(
    unnamed.map((p) => ({ method: 'chat.spaces.members.get' as const, resource: `${input.space}/members/${p.email}` })),
  );
  gets.forEach((r, i) => {
    if (r.ok) {
      const m = readMembership(r.value);
      unnamed[i].name = m.name;
      learned.push({ email: unnamed[i].email, name: m.memberName });
    } else errors.add('check', r.failure, unnamed[i].email, (who) => `check ${who}`);
  });
  const promotable = toPromote.filter((p): p is { email: string; name: string } => !!p.name);
  const patched = deps.chat.callAll(
    promotable.map((p) => ({
      method: 'chat.spaces.members.patch' as const,
      resource: p.name,
      query: { updateMask: 'role' },
      body: { role: input.role },
    })),
  );
  const promoted: string[] = [];
  patched.forEach((r, i) => {
    if (r.ok) promoted.push(promotable[i].email);
    else errors.add('role', r.failure, promotable[i].email, (who) => `make ${who} ${roleWord(input.role)}`);
  });
  people.remember(learned);

  const parts: string[] = [];
  if (done.length) parts.push(`Added ${names(done)}.`);
  if (invited.length) parts.push(`Invited ${names(invited)} (they join when they accept).`);
  if (already.length) parts.push(`${names(already)} ${already.length === 1 ? 'was' : 'were'} already in the space.`);
  if (promoted.length) parts.push(`Made ${names(promoted)} ${roleWord(input.role)}${promoted.length > 1 ? 's' : ''}.`);
  if (skippedSelf) parts.push('You are already in the space.');
  parts.push(...errors.sentencesWith(deps.explain));
  const message = parts.join(' ');
  return !errors.empty && !done.length && !invited.length && !promoted.length ? failed(message) : succeeded(message);
}

/** Removes a member or group from a space. Scope: chat.memberships. */
export function removeMember(
  deps: SidebarDeps,
  input: { membership: string; label: string; isSelf: boolean },
): ActionOutcome {
  if (input.isSelf) return failed('The sidebar does not remove you from a space; leave it in Chat if you mean to.');
  const r = deps.chat.call({ method: 'chat.spaces.members.delete', resource: input.membership });
  if (r.ok) return succeeded(`Removed ${input.label} from the space.`);
  if (r.failure.httpStatus === 404) return succeeded(`${input.label} was no longer in the space.`);
  return failed(deps.explain(r.failure, `remove ${input.label}`));
}

/** Makes a member a member, manager or owner. Named spaces only. Scope: chat.memberships. */
export function changeRole(
  deps: SidebarDeps,
  input: { membership: string; label: string; role: MemberRole; spaceType: SpaceType },
): ActionOutcome {
  if (input.spaceType !== 'SPACE') return failed('Managers and owners exist only in named spaces.');
  const r = deps.chat.call({
    method: 'chat.spaces.members.patch',
    resource: input.membership,
    query: { updateMask: 'role' },
    body: { role: input.role },
  });
  if (r.ok)
    return succeeded(`${input.label} is now ${input.role === 'ROLE_MANAGER' ? 'an' : 'a'} ${roleWord(input.role)}.`);
  return failed(deps.explain(r.failure, `make ${input.label} ${roleWord(input.role)}`));
}

/** "3 members" for counts shown on the card. */
export function memberCount(people: number, groups: number): string {
  return groups
    ? `${plural(people, 'person', 'people')} and ${plural(groups, 'group')}`
    : plural(people, 'person', 'people');
}
