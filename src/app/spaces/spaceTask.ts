/**
 * One Spaces row as a task of the job engine: resolve its groups, look at the space it names (or create it with
 * spaces.setup), add the members setup could not carry, patch what differs, give managers and owners their roles,
 * verify who joined, was invited or was skipped, and post the welcome message once. In a dry run it stops after
 * planning and reports the plan. Every write is idempotent on retry and on re-run: setup and the welcome message
 * carry keys derived from the Row ID, an existing membership counts as done, and a re-run plans from Chat's state.
 */
import type { ChatFailure, ChatRequest, ChatResult } from '../../ports/chat';
import type { DesiredSpace, MemberRole, SpaceType } from '../../domain/model';
import {
  describePlan,
  planCreate,
  planUpdate,
  planWrites,
  type ObservedMembership,
  type ObservedSpace,
  type SpacePlan,
} from '../../domain/spacePlan';
import type { ChatSpace } from '../../domain/chatResources';
import type { Operation, Task } from '../jobs/engine';
import type { RowRefusals } from './refusals';

/** Final state of a row, as written to the Status column. */
export type SpaceRowStatus =
  'Planned' | 'Created' | 'Updated' | 'Up to date' | 'Linked existing' | 'Failed' | 'Locked' | 'Deleted';

export interface SpaceRowOutcome {
  status: SpaceRowStatus;
  details: string;
  spaceName?: string;
  spaceUri?: string;
  /** Writes the row made (or would make, in a dry run). */
  writes: number;
  /** In a dry run: the API calls the plan needs, by method id. */
  plannedCalls?: Record<string, number>;
}

/** What the tasks of one run share: identity, caches and the domain functions they call. */
export interface SpaceTaskContext {
  runner: string;
  orgDomains: readonly string[];
  dryRun: boolean;
  /** requestId for spaces.setup, stable for a row. */
  setupRequestId(rowId: string): string;
  /** Client-assigned message id of the row's welcome message. */
  welcomeMessageId(rowId: string): string;
  /** The welcome text with its placeholders filled. */
  welcomeText(space: DesiredSpace): string;
  /** The Details sentence for a failed call, e.g. "Chat app not configured in the Cloud project ...". */
  explain(failure: ChatFailure, action: string): string;
  /** True when the failure is Google's ALREADY_EXISTS (409). */
  isAlreadyExists(failure: ChatFailure): boolean;
  /** True when asking again cannot help (Chat off for the person, blocked, external not allowed, …). */
  isPermanentRefusal(failure: ChatFailure): boolean;
  /** What Chat refused this row on an earlier run, if the row's inputs have not changed since (refusals.ts). */
  refusedBefore(row: DesiredSpace): RowRefusals | undefined;
  /** Remembers what Chat refused this row for good (replacing what was remembered; nothing = forget). */
  rememberRefusals(row: DesiredSpace, people: Record<string, string>, nameTaken: string | undefined): void;
  /** Known `groups/{id}` by group email (filled as lookups succeed). */
  groupNames: Map<string, string>;
  /** Known `users/{id}` by email (filled as Chat answers). */
  userIds: Map<string, string>;
  /** Spaces the runner belongs to by lower-cased display name, once listed (for linking a taken name). */
  userSpacesByName?: Map<string, string[]>;
  record(row: DesiredSpace, outcome: SpaceRowOutcome): void;
}

interface Membership {
  name?: string;
  state?: string;
  role?: string;
  member?: { name?: string; type?: string };
  groupMember?: { name?: string };
}

const JOINED = 'JOINED';

export class SpaceTask implements Task {
  readonly key: string;
  private spaceName?: string;
  private spaceUri?: string;
  private observed?: ObservedSpace;
  private created = false;
  private linked = false;
  private writes = 0;
  private failed?: string;
  private plan?: SpacePlan;
  /** Membership state per person email (verification). */
  private readonly people = new Map<string, ObservedMembership>();
  private readonly groupsPresent = new Set<string>();
  private readonly skipped = new Map<string, string>();
  /** People whose membership lookup failed (not 404): their state in the space is unknown. */
  private readonly unchecked = new Set<string>();
  /** People Chat refused for good, on this run or an earlier one (email → sentence). */
  private readonly refused = new Map<string, string>();
  /** People not tried again because an earlier run was refused for them and the row has not changed. */
  private readonly notRetried = new Set<string>();
  /** The sentence when the name is taken by a space the runner is not in. */
  private nameTakenByOthers?: string;
  private readonly previous?: RowRefusals;
  private readonly problems: string[] = [];
  private roleChangesDone = 0;
  private welcomePosted = false;
  private changed: string[] = [];

  /**
   * @param welcomePending true when the row never completed an apply, so the welcome message may still be owed.
   */
  constructor(
    private readonly row: DesiredSpace,
    private readonly ctx: SpaceTaskContext,
    private readonly welcomePending: boolean,
  ) {
    this.key = row.rowId;
    this.previous = ctx.refusedBefore(row);
  }

  start(): Operation[] {
    const unresolved = this.row.groups.filter((g) => !this.ctx.groupNames.has(g));
    if (!unresolved.length) return this.afterGroups();
    let waiting = unresolved.length;
    return unresolved.map((email) =>
      this.op({ method: 'cloudidentity.groups.lookup', query: { 'groupKey.id': email } }, undefined, (r) => {
        if (r.ok) {
          const name = (r.value as { name?: string }).name;
          if (name) this.ctx.groupNames.set(email, name);
        } else {
          this.problems.push(
            r.failure.httpStatus === 404 || r.failure.httpStatus === 403
              ? `Group ${email} was not found (or you cannot see it): check the address in the Groups column.`
              : this.ctx.explain(r.failure, `look up group ${email}`),
          );
        }
        return --waiting === 0 ? this.afterGroups() : [];
      }),
    );
  }

  finish(): void {
    if (!this.ctx.dryRun) {
      const people: Record<string, string> = {};
      for (const [email, why] of this.refused) if (!this.people.has(email)) people[email] = why;
      this.ctx.rememberRefusals(this.row, people, this.nameTakenByOthers);
    }
    this.ctx.record(this.row, this.outcome());
  }

  // ---- phases -------------------------------------------------------------------------------------------------

  private afterGroups(): Operation[] {
    const missingGroup = this.row.groups.find((g) => !this.ctx.groupNames.has(g));
    if (missingGroup) return this.fail(this.problems.join(' '));
    if (this.row.spaceId) return this.observe(this.row.spaceId);
    return this.create();
  }

  /** Reads the space and its memberships, then plans the update. */
  private observe(name: string): Operation[] {
    return [
      this.op({ method: 'chat.spaces.get', resource: name }, name, (r) => {
        if (!r.ok) {
          return this.fail(
            r.failure.httpStatus === 404
              ? `Space ID ${name} was not found, or you are not a member of it. Clear the Space ID cell to create a new space, or fix the ID.`
              : this.ctx.explain(r.failure, 'read the space'),
          );
        }
        this.observed = toObservedSpace(r.value);
        this.spaceName = this.observed.name;
        this.spaceUri = this.observed.uri;
        return this.listMembers(undefined, () => this.planAndRun());
      }),
    ];
  }

  /**
   * Lists the space's memberships (all pages), then matches them to the row's people.
   * @param setupPeople for a space this task just set up: the people sent with spaces.setup.
   */
  private listMembers(pageToken: string | undefined, then: () => Operation[], setupPeople?: string[]): Operation[] {
    const space = this.spaceName as string;
    const query = { pageSize: 1000, showInvited: true, showGroups: true, pageToken };
    return [
      this.op({ method: 'chat.spaces.members.list', resource: space, query }, space, (r) => {
        if (!r.ok) return this.fail(this.ctx.explain(r.failure, 'list the members'));
        const page = r.value as { memberships?: Membership[]; nextPageToken?: string };
        this.absorbMemberships(page.memberships ?? []);
        if (page.nextPageToken) return this.listMembers(page.nextPageToken, then, setupPeople);
        return (setupPeople && this.accountedFor(setupPeople)) || this.resolvePeople(then);
      }),
    ];
  }

  /**
   * A space just set up holds only the runner, the people setup took and those added since by this task. When the
   * list has exactly that many people, all joined, with no role but the runner's Owner, every one of them is in:
   * only the people who need a role are looked up (for their membership name), instead of everyone. Returns
   * undefined when the list does not prove it (someone invited or skipped, or a replayed setup whose space
   * already changed), and the caller looks everyone up.
   */
  private accountedFor(setupPeople: string[]): Operation[] | undefined {
    const expected = new Set([...setupPeople, ...this.people.keys()]);
    const listed = [...this.listedById.values()];
    const owners = listed.filter((m) => m.role === 'ROLE_MANAGER').length;
    const others = listed.filter((m) => m.role === 'ROLE_ASSISTANT_MANAGER').length;
    if (listed.length !== expected.size + 1 || owners !== 1 || others !== 0) return undefined;
    if (listed.some((m) => m.state !== 'JOINED')) return undefined;
    const plan = this.plan as SpacePlan;
    const needName = new Set(plan.roleChanges.map((c) => c.email));
    const lookUp: string[] = [];
    for (const email of setupPeople) {
      if (this.people.has(email)) continue;
      if (needName.has(email)) lookUp.push(email);
      else this.people.set(email, { name: '', role: 'ROLE_MEMBER', state: 'JOINED' });
    }
    return this.lookUpPeople(lookUp, () => this.finishRolesAndWelcome(plan));
  }

  /** Memberships seen in a list, matched to the row's people through known user ids. */
  private readonly listedById = new Map<string, ObservedMembership>();

  private absorbMemberships(list: Membership[]): void {
    for (const m of list) {
      const state = m.state === 'INVITED' ? 'INVITED' : m.state === JOINED ? 'JOINED' : undefined;
      if (!state || !m.name) continue;
      if (m.groupMember?.name) this.groupsPresent.add(m.groupMember.name);
      else if (m.member?.name) this.listedById.set(m.member.name, { name: m.name, role: toRole(m.role), state });
    }
  }

  /** People whose user id is unknown are looked up one by one (`spaces/S/members/{email}`; 404 = not a member). */
  private resolvePeople(then: () => Operation[]): Operation[] {
    const unknown: string[] = [];
    for (const email of this.targetPeople()) {
      const id = this.ctx.userIds.get(email);
      if (id === undefined) unknown.push(email);
      else {
        const m = this.listedById.get(id);
        if (m) this.people.set(email, m);
        else this.people.delete(email);
      }
    }
    return this.lookUpPeople(unknown, then);
  }

  /** Looks people up one by one (`spaces/S/members/{email}`; 404 = not a member), then continues. */
  private lookUpPeople(emails: string[], then: () => Operation[]): Operation[] {
    const space = this.spaceName as string;
    if (!emails.length) return then();
    let waiting = emails.length;
    return emails.map((email) =>
      this.op({ method: 'chat.spaces.members.get', resource: `${space}/members/${email}` }, space, (r) => {
        if (r.ok) this.notePerson(email, r.value as Membership);
        else if (r.failure.httpStatus !== 404) {
          // Not known either way: adding them could duplicate a membership, so they are left for the next run.
          this.unchecked.add(email);
          this.problems.push(this.ctx.explain(r.failure, `check ${email}`));
        }
        return --waiting === 0 ? then() : [];
      }),
    );
  }

  private targetPeople(): string[] {
    return this.row.people.filter((p) => p !== this.ctx.runner);
  }

  private notePerson(email: string, m: Membership): void {
    if (m.member?.name) this.ctx.userIds.set(email, m.member.name);
    const state = m.state === 'INVITED' ? 'INVITED' : m.state === JOINED ? 'JOINED' : undefined;
    if (m.name && state) this.people.set(email, { name: m.name, role: toRole(m.role), state });
  }

  private planAndRun(): Operation[] {
    const observed = this.observed as ObservedSpace;
    const plan = planUpdate(
      this.row,
      observed,
      { people: this.people, groups: this.groupsPresent },
      this.ctx.groupNames,
      this.ctx.orgDomains,
      this.ctx.runner,
      this.welcomePending && !this.linked,
    );
    // People whose membership could not be checked are neither added nor given a role this time.
    this.plan = {
      ...plan,
      addPeople: plan.addPeople.filter((p) => !this.unchecked.has(p)),
      roleChanges: plan.roleChanges.filter((c) => !this.unchecked.has(c.email)),
    };
    if (this.ctx.dryRun) return [];
    return this.execute(this.plan);
  }

  private create(): Operation[] {
    const plan = planCreate(this.row, this.ctx.groupNames, this.ctx.orgDomains, this.ctx.runner);
    this.plan = plan;
    if (this.ctx.dryRun) return this.predictCollision();
    // The name was taken by someone else's space on an earlier run: only a read can change that (the runner may
    // have been added since), so check the runner's spaces instead of sending the same setup again.
    if (this.previous?.nameTaken && this.row.type === 'SPACE') return this.link();
    const request = createRequest(plan, this.row.type, this.ctx.setupRequestId(this.row.rowId));
    return [
      this.op(request, undefined, (r) => {
        if (r.ok) {
          this.writes++;
          this.created = true;
          const space = r.value as { name?: string; spaceUri?: string } & Pick<ChatSpace, 'membershipCount'>;
          this.spaceName = space.name;
          this.spaceUri = space.spaceUri;
          this.observed = toObservedSpace(r.value);
          // A replayed setup (same requestId: an earlier execution stopped with this row in flight) answers with the
          // space as it is now. When it already holds more people than setup adds, some of the rest were added
          // before the stop: read who is there and add only the missing, instead of re-sending every members.create
          // (each answered "already a member", and each spending the membership-write quota all rows share).
          const joined = space.membershipCount?.joinedDirectHumanUserCount ?? 0;
          if (joined > setupUsers(plan) + 1) return this.listMembers(undefined, () => this.planAndRun());
          return this.execute(plan, true);
        }
        if (this.ctx.isAlreadyExists(r.failure) && this.row.type === 'SPACE') return this.link();
        return this.fail(this.ctx.explain(r.failure, 'create the space'));
      }),
    ];
  }

  /** Dry run of a create: a name already used by one of the runner's spaces will be linked, not created. */
  private predictCollision(): Operation[] {
    if (this.row.type !== 'SPACE') return [];
    return this.withUserSpaces(() => {
      const found = this.ctx.userSpacesByName?.get((this.row.displayName ?? '').toLowerCase());
      if (found?.length) this.linkedPreview = found[0];
      return [];
    });
  }

  private linkedPreview?: string;

  /** The name is taken: link the row to the runner's space of that name, if there is exactly one. */
  private link(): Operation[] {
    return this.withUserSpaces(() => {
      const found = this.ctx.userSpacesByName?.get((this.row.displayName ?? '').toLowerCase()) ?? [];
      if (found.length === 0) {
        this.nameTakenByOthers = `The name "${this.row.displayName}" is already used by a space in your organization that you are not a member of. Choose another Space name, or ask a member of that space to add you and run again to link it.`;
        return this.fail(this.nameTakenByOthers);
      }
      if (found.length > 1) {
        return this.fail(
          `You belong to ${found.length} spaces named "${this.row.displayName}" (${found.join(', ')}). Put the one this row manages in the Space ID column.`,
        );
      }
      this.linked = true;
      return this.observe(found[0]);
    });
  }

  /** Lists the runner's named spaces once per run (all pages) and continues. */
  private withUserSpaces(then: () => Operation[], pageToken?: string, acc = new Map<string, string[]>()): Operation[] {
    if (this.ctx.userSpacesByName) return then();
    const query = { pageSize: 1000, filter: 'space_type = "SPACE"', pageToken };
    return [
      this.op({ method: 'chat.spaces.list', query }, undefined, (r) => {
        if (!r.ok) return this.fail(this.ctx.explain(r.failure, 'list your spaces'));
        const page = r.value as { spaces?: { name?: string; displayName?: string }[]; nextPageToken?: string };
        for (const s of page.spaces ?? []) {
          if (!s.name || !s.displayName) continue;
          const key = s.displayName.toLowerCase();
          acc.set(key, [...(acc.get(key) ?? []), s.name]);
        }
        if (page.nextPageToken) return this.withUserSpaces(then, page.nextPageToken, acc);
        this.ctx.userSpacesByName ??= acc;
        return then();
      }),
    ];
  }

  /** Adds members and patches fields in parallel, then verifies, then sets roles and posts the welcome message. */
  private execute(plan: SpacePlan, afterSetup = false): Operation[] {
    const space = this.spaceName as string;
    const ops: Operation[] = [];
    let waiting = 0;
    const next = () => (--waiting === 0 ? this.verify(plan, afterSetup) : []);
    for (const patch of plan.patches) {
      waiting++;
      ops.push(
        this.op(
          { method: 'chat.spaces.patch', resource: space, query: { updateMask: patch.updateMask }, body: patch.space },
          space,
          (r) => {
            if (r.ok) {
              this.writes++;
              this.changed.push(patch.describes);
            } else this.problems.push(this.ctx.explain(r.failure, patch.describes));
            return next();
          },
        ),
      );
    }
    for (const email of plan.addPeople) {
      if (this.skipRefused(email)) continue;
      waiting++;
      ops.push(this.addMember(email, { member: { name: `users/${email}`, type: 'HUMAN' } }, next));
    }
    for (const group of plan.addGroups) {
      waiting++;
      ops.push(this.addMember(group, { groupMember: { name: group } }, next));
    }
    return ops.length ? ops : this.verify(plan, afterSetup);
  }

  private addMember(who: string, body: Membership, next: () => Operation[]): Operation {
    const space = this.spaceName as string;
    return this.op({ method: 'chat.spaces.members.create', resource: space, body }, space, (r) => {
      if (r.ok) {
        this.writes++;
        const m = r.value as Membership;
        if (who.startsWith('groups/')) this.groupsPresent.add(who);
        else this.notePerson(who, m);
        this.skipped.delete(who);
      } else if (this.ctx.isAlreadyExists(r.failure)) {
        // Already a member (e.g. a retried request whose first answer was lost): done.
        if (who.startsWith('groups/')) this.groupsPresent.add(who);
        else return [this.recheck(who, next)];
      } else {
        const why = this.ctx.explain(r.failure, `add ${who}`);
        this.skipped.set(who, why);
        if (!who.startsWith('groups/') && this.ctx.isPermanentRefusal(r.failure)) this.refused.set(who, why);
      }
      return next();
    });
  }

  /** A preview's plan without the people Apply will not try again (Chat refused them for good, row unchanged). */
  private withoutRefused(plan: SpacePlan): SpacePlan {
    const refused = plan.addPeople.filter((p) => this.previous?.people[p] !== undefined);
    if (!refused.length) return plan;
    return {
      ...plan,
      addPeople: plan.addPeople.filter((p) => !refused.includes(p)),
      notes: [
        ...plan.notes,
        `${refused.join(', ')} not tried again: Chat refused ${refused.length === 1 ? 'them' : 'each of them'} on an earlier run; edit the row to try again`,
      ],
    };
  }

  /** True (and reported) when Chat refused this person for good on an earlier run and the row is unchanged. */
  private skipRefused(email: string): boolean {
    const why = this.previous?.people[email];
    if (why === undefined) return false;
    this.skipped.set(email, why);
    this.refused.set(email, why);
    this.notRetried.add(email);
    return true;
  }

  private recheck(email: string, next: () => Operation[]): Operation {
    const space = this.spaceName as string;
    return this.op({ method: 'chat.spaces.members.get', resource: `${space}/members/${email}` }, space, (r) => {
      if (r.ok) this.notePerson(email, r.value as Membership);
      return next();
    });
  }

  /** After setup, checks every person setup should have added; those it skipped get one members.create each. */
  private verify(plan: SpacePlan, afterSetup: boolean): Operation[] {
    if (!afterSetup) return this.finishRolesAndWelcome(plan);
    const setupPeople = (plan.create?.setupMembers ?? []).filter((m) => m.startsWith('users/')).map((m) => m.slice(6));
    return this.listMembers(
      undefined,
      () => {
        const missing = setupPeople.filter((p) => !this.people.has(p) && !this.skipRefused(p));
        if (!missing.length) return this.finishRolesAndWelcome(plan);
        let waiting = missing.length;
        const next = () => (--waiting === 0 ? this.finishRolesAndWelcome(plan) : []);
        return missing.map((email) =>
          this.addMember(email, { member: { name: `users/${email}`, type: 'HUMAN' } }, next),
        );
      },
      setupPeople,
    );
  }

  private finishRolesAndWelcome(plan: SpacePlan): Operation[] {
    const space = this.spaceName as string;
    const ops: Operation[] = [];
    for (const change of plan.roleChanges) {
      const membership = this.people.get(change.email);
      if (!membership) continue; // not a member (skipped): reported with the skipped people
      if (membership.role === change.role) continue;
      ops.push(
        this.op(
          {
            method: 'chat.spaces.members.patch',
            resource: membership.name,
            query: { updateMask: 'role' },
            body: { role: change.role },
          },
          space,
          (r) => {
            if (r.ok) {
              this.writes++;
              this.roleChangesDone++;
              this.people.set(change.email, { ...membership, role: change.role });
            } else this.problems.push(this.ctx.explain(r.failure, `make ${change.email} ${roleWord(change.role)}`));
          },
        ),
      );
    }
    if (plan.welcome) ops.push(...this.ensureWelcome(space));
    return ops;
  }

  /** Posts the welcome message unless the message with the row's client id is already there. */
  private ensureWelcome(space: string): Operation[] {
    const messageId = this.ctx.welcomeMessageId(this.row.rowId);
    const post = (): Operation =>
      this.op(
        {
          method: 'chat.spaces.messages.create',
          resource: space,
          query: { messageId, requestId: messageId },
          body: { text: this.ctx.welcomeText(this.row) },
        },
        space,
        (r) => {
          if (r.ok) {
            this.writes++;
            this.welcomePosted = true;
          } else if (this.ctx.isAlreadyExists(r.failure)) this.welcomePosted = true;
          else this.problems.push(this.ctx.explain(r.failure, 'post the welcome message'));
        },
      );
    if (this.created) return [post()];
    return [
      this.op({ method: 'chat.spaces.messages.get', resource: `${space}/messages/${messageId}` }, space, (r) => {
        if (r.ok) return [];
        if (r.failure.httpStatus === 404) return [post()];
        this.problems.push(this.ctx.explain(r.failure, 'check the welcome message'));
        return [];
      }),
    ];
  }

  // ---- outcome --------------------------------------------------------------------------------------------------

  private fail(message: string): Operation[] {
    this.failed ??= message;
    return [];
  }

  private outcome(): SpaceRowOutcome {
    const base = { spaceName: this.spaceName ?? this.row.spaceId, spaceUri: this.spaceUri, writes: this.writes };
    if (this.failed) {
      const partial = this.writes
        ? ` (${this.writes} change${this.writes === 1 ? '' : 's'} made before the failure)`
        : '';
      return { ...base, status: 'Failed', details: this.failed + partial };
    }
    const plan = this.ctx.dryRun ? this.withoutRefused(this.plan as SpacePlan) : (this.plan as SpacePlan);
    if (this.ctx.dryRun) {
      if (this.linkedPreview) {
        return {
          ...base,
          status: 'Planned',
          writes: 0,
          details: `Link to your existing space ${this.linkedPreview} with the same name, then bring it in line`,
        };
      }
      return {
        ...base,
        status: 'Planned',
        writes: planWrites(plan),
        details: describePlan(plan),
        plannedCalls: plannedCalls(plan, this.row.type),
      };
    }
    // Nothing changed but something could not be done or checked: the row is not up to date.
    const status: SpaceRowStatus = this.created
      ? 'Created'
      : this.linked
        ? 'Linked existing'
        : this.writes
          ? 'Updated'
          : this.problems.length
            ? 'Failed'
            : 'Up to date';
    return { ...base, status, details: this.summary(status, plan) };
  }

  private summary(status: SpaceRowStatus, plan: SpacePlan): string {
    const parts: string[] = [];
    const people = this.targetPeople();
    const joined = people.filter((p) => this.people.get(p)?.state === 'JOINED');
    const invited = people.filter((p) => this.people.get(p)?.state === 'INVITED');
    const groups = this.row.groups.filter((g) => this.groupsPresent.has(this.ctx.groupNames.get(g) ?? ''));
    if (status === 'Created')
      parts.push(
        `Created with ${people.length + this.row.groups.length} member${people.length + this.row.groups.length === 1 ? '' : 's'} requested`,
      );
    else if (status === 'Linked existing') parts.push(`Linked to your existing space named "${this.row.displayName}"`);
    else if (status === 'Updated') parts.push('Updated');
    else if (status === 'Failed') parts.push('Not brought up to date');
    else parts.push('Up to date');
    for (const c of this.changed) parts.push(c);
    if (status !== 'Up to date' || invited.length) {
      const memberBits = [`${joined.length} joined`];
      if (invited.length) memberBits.push(`${invited.length} invited (${invited.join(', ')})`);
      if (groups.length) memberBits.push(`${groups.length} group${groups.length === 1 ? '' : 's'}`);
      parts.push(memberBits.join(', '));
    }
    const skipped = [...this.skipped.entries()];
    if (skipped.length) parts.push(`not added: ${skipped.map(([who, why]) => `${who} (${why})`).join('; ')}`);
    if (this.notRetried.size)
      parts.push(
        `${[...this.notRetried].join(', ')} not tried again: Chat refused ${this.notRetried.size === 1 ? 'them' : 'each of them'} on an earlier run for a reason that asking again does not fix; edit the row to try again`,
      );
    if (this.roleChangesDone) parts.push(`${this.roleChangesDone} role change${this.roleChangesDone === 1 ? '' : 's'}`);
    if (this.welcomePosted && plan.welcome) parts.push('welcome message posted');
    parts.push(...plan.notes, ...this.problems);
    return parts.join('; ') + (parts.length ? '.' : '');
  }

  private op(
    request: ChatRequest,
    space: string | undefined,
    handle: (r: ChatResult) => Operation[] | void,
  ): Operation {
    return { request, space, then: handle };
  }
}

/**
 * The request that creates a row's space. A named space with nobody to add at creation uses spaces.create (Google:
 * "to create a named space"; the caller becomes its manager); everything else uses spaces.setup, which carries up
 * to 49 people and groups. Both take the row's requestId, so a retry or a re-run returns the space already made.
 */
export function createRequest(plan: SpacePlan, type: SpaceType, requestId: string): ChatRequest {
  const members = plan.create?.setupMembers ?? [];
  if (type === 'SPACE' && members.length === 0)
    return { method: 'chat.spaces.create', query: { requestId }, body: plan.create?.space };
  return {
    method: 'chat.spaces.setup',
    body: {
      space: plan.create?.space,
      requestId,
      memberships: members.map((m) =>
        m.startsWith('groups/') ? { groupMember: { name: m } } : { member: { name: m, type: 'HUMAN' } },
      ),
    },
  };
}

/** API calls a plan makes, by method id (verification reads included). */
export function plannedCalls(plan: SpacePlan, type: SpaceType): Record<string, number> {
  const calls: Record<string, number> = {};
  const add = (m: string, n: number) => {
    if (n > 0) calls[m] = (calls[m] ?? 0) + n;
  };
  if (plan.create) add(createRequest(plan, type, '').method, 1);
  add('chat.spaces.members.create', plan.addPeople.length + plan.addGroups.length);
  add('chat.spaces.patch', plan.patches.length);
  add('chat.spaces.members.patch', plan.roleChanges.length);
  add('chat.spaces.messages.create', plan.welcome ? 1 : 0);
  add('chat.spaces.members.list', plan.create ? 1 : 0);
  return calls;
}

function toRole(role: string | undefined): MemberRole {
  return role === 'ROLE_MANAGER' || role === 'ROLE_ASSISTANT_MANAGER' ? role : 'ROLE_MEMBER';
}

function roleWord(role: MemberRole): string {
  return role === 'ROLE_MANAGER' ? 'owner' : role === 'ROLE_ASSISTANT_MANAGER' ? 'manager' : 'member';
}

function toObservedSpace(value: unknown): ObservedSpace {
  const s = value as {
    name: string;
    spaceType?: SpaceType;
    displayName?: string;
    spaceDetails?: { description?: string; guidelines?: string };
    spaceHistoryState?: 'HISTORY_ON' | 'HISTORY_OFF';
    accessSettings?: { accessState?: string; audience?: string };
    externalUserAllowed?: boolean;
    spaceUri?: string;
  };
  return {
    name: s.name,
    type: s.spaceType ?? 'SPACE',
    displayName: s.displayName,
    description: s.spaceDetails?.description,
    guidelines: s.spaceDetails?.guidelines,
    history: s.spaceHistoryState,
    discoverable: s.accessSettings?.accessState === 'DISCOVERABLE' || !!s.accessSettings?.audience,
    externalUserAllowed: !!s.externalUserAllowed,
    uri: s.spaceUri,
  };
}

/** People (not groups) a create plan's spaces.setup adds. */
function setupUsers(plan: SpacePlan): number {
  return (plan.create?.setupMembers ?? []).filter((m) => m.startsWith('users/')).length;
}
