/**
 * One space of a Members run as a task of the job engine: list its members once (all pages, invited people and
 * groups included), find out which listed member each email of the sheet is (cached IDs, answers other tasks got,
 * or one `spaces/S/members/{email}` read), plan with the membership planner, and — unless it is a preview — add
 * people and groups, set roles, then remove (phase 2 is re-planned on the state phase 1 left, so an owner is only
 * removed once a new one is in place). It reports one result per Members row that names the space and, for a space
 * in Member sync Exact, what the sync did, for the Spaces row. Re-running it writes nothing when Chat already matches.
 */
import {
  planChanges,
  planSpaceMembers,
  refusalSentence,
  roleWord,
  type CurrentMembership,
  type MemberChange,
  type MemberPlan,
  type MemberRefusal,
  type WantedMember,
} from '../../domain/memberPlan';
import type { MemberRole } from '../../domain/model';
import type { ChatFailure, ChatRequest, ChatResult } from '../../ports/chat';
import type { Operation, Task } from '../jobs/engine';
import { lookupGroup, probeMember, type ChatMembership, type Identities } from './identities';
import type { SpaceResult } from './rowOutcome';

/** A Members row as one space sees it. */
export interface RowInSpace {
  rowId: string;
  email: string;
  action: 'add' | 'remove';
  /** Undefined when the Role cell is blank (an existing member keeps their role). */
  role?: MemberRole;
}

/** The Spaces row of a space synced in Exact mode. */
export interface ExactSync {
  /** People the row lists, with the role its Managers/Owners columns give (undefined = plain member). */
  people: { email: string; role?: MemberRole }[];
  /** Group emails of its Groups column. */
  groups: string[];
  /** Why Exact cannot run (a problem on the Spaces row), if so: the space is then synced Add only. */
  blocked?: string;
}

export interface SpaceWork {
  space: string;
  /** How sentences name the space: its Space name, else its ID. */
  label: string;
  rows: RowInSpace[];
  exact?: ExactSync;
  /** What an earlier execution of the job did in this space before it stopped (see SpaceMembersTask.progress). */
  carried?: { rows: Record<string, SpaceResult>; removals: string[] };
}

/** What a space task reports. */
export interface SpaceOutcome {
  space: string;
  rows: Map<string, SpaceResult>;
  exact?: {
    failed: boolean;
    changed: boolean;
    details: string;
    /** Who Exact sync removes (or would remove, in a preview). */
    removals: string[];
  };
  /** Writes made (apply) or planned (preview), by method id. */
  calls: Record<string, number>;
}

export interface SpaceMembersContext {
  runner: string;
  dryRun: boolean;
  ids: Identities;
  explain(failure: ChatFailure, action: string): string;
  isAlreadyExists(failure: ChatFailure): boolean;
  record(outcome: SpaceOutcome): void;
}

const PAGE_SIZE = 1000;

function toRole(role: string | undefined): MemberRole {
  return role === 'ROLE_MANAGER' || role === 'ROLE_ASSISTANT_MANAGER' ? role : 'ROLE_MEMBER';
}

function toCurrent(m: ChatMembership): CurrentMembership | undefined {
  const state = m.state === 'JOINED' || m.state === 'INVITED' ? m.state : undefined;
  if (!state || !m.name) return undefined;
  if (m.groupMember?.name) return { key: m.groupMember.name, name: m.name, role: 'ROLE_MEMBER', state, group: true };
  // Chat apps are never touched (Exact sync would otherwise remove them).
  if (!m.member?.name || m.member.type === 'BOT') return undefined;
  return { key: m.member.name, name: m.name, role: toRole(m.role), state, group: false };
}

/**
 * The task of one space. Scopes: chat.memberships (members.list/get/create/patch/delete; chat.memberships.readonly
 * is enough for a preview), cloud-identity.groups.readonly (group emails).
 */
export class SpaceMembersTask implements Task {
  readonly key: string;
  private readonly current = new Map<string, CurrentMembership>();
  private failed?: string;
  /** Principal key of each email the space needs. */
  private readonly keyOf = new Map<string, string>();
  private plan?: MemberPlan;
  private refused: MemberRefusal[] = [];
  private readonly done = new Map<string, { change: MemberChange; state?: string }>();
  private readonly failures = new Map<string, string>();
  private readonly calls: Record<string, number> = {};
  /** `users/{email}` → `users/{id}` for people this task added. */
  private readonly renamed = new Map<string, string>();
  private exactBlocked?: string;

  constructor(
    private readonly work: SpaceWork,
    private readonly ctx: SpaceMembersContext,
  ) {
    this.key = `space:${work.space}`;
  }

  start(): Operation[] {
    return this.list(undefined);
  }

  finish(): void {
    this.ctx.record(this.outcome());
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  private op(request: ChatRequest, then: (r: ChatResult) => Operation[] | void): Operation {
    return { request, space: this.work.space, then };
  }

  private list(pageToken: string | undefined): Operation[] {
    const query = { pageSize: PAGE_SIZE, showInvited: true, showGroups: true, pageToken };
    return [
      this.op({ method: 'chat.spaces.members.list', resource: this.work.space, query }, (r) => {
        if (!r.ok) {
          return this.fail(
            r.failure.httpStatus === 404
              ? `${this.work.label} (${this.work.space}) was not found, or you are not a member of it; check the Space cell, or ask a manager of the space to add you.`
              : this.ctx.explain(r.failure, `list the members of ${this.work.label}`),
          );
        }
        const page = r.value as { memberships?: ChatMembership[]; nextPageToken?: string };
        for (const m of page.memberships ?? []) {
          const c = toCurrent(m);
          if (c) this.current.set(c.key, c);
        }
        return page.nextPageToken ? this.list(page.nextPageToken) : this.identify();
      }),
    ];
  }

  /** Emails whose membership this space must know, with whether they may be a group. */
  private needed(): Map<string, boolean> {
    const out = new Map<string, boolean>();
    const hasGroups = [...this.current.values()].some((c) => c.group);
    for (const r of this.work.rows) out.set(r.email, (out.get(r.email) ?? false) || r.action === 'add' || hasGroups);
    const exact = this.work.exact;
    if (exact) for (const p of exact.people) if (!out.has(p.email)) out.set(p.email, false);
    // The runner matters only where Exact sync removes people (rows cannot remove the runner).
    if (exact) out.set(this.ctx.runner, false);
    return out;
  }

  /** Finds the principal of every needed email, reading only what no one knows yet. */
  private identify(): Operation[] {
    const { ids } = this.ctx;
    const space = this.work.space;
    const needed = this.needed();
    const ops: Operation[] = [];
    let waiting = 0;
    const next = () => (--waiting === 0 ? this.afterIdentify(needed) : []);
    for (const email of needed.keys()) {
      if (ids.groupNames.has(email) || ids.userIds.has(email) || ids.probed.has(`${space}|${email}`)) continue;
      waiting++;
      ops.push(
        probeMember(ids, space, email, (failure) => {
          if (failure) this.failures.set(email, this.ctx.explain(failure, `check ${email}`));
          return next();
        }),
      );
    }
    return ops.length ? ops : this.afterIdentify(needed);
  }

  /** Emails no space knows that may be groups are looked up in Cloud Identity. */
  private afterIdentify(needed: Map<string, boolean>): Operation[] {
    const { ids } = this.ctx;
    const ops: Operation[] = [];
    let waiting = 0;
    const next = () => (--waiting === 0 ? this.planAndRun() : []);
    for (const [email, maybeGroup] of needed) {
      if (!maybeGroup || ids.groupNames.has(email) || ids.isPerson(email) || this.failures.has(email)) continue;
      if (ids.probed.get(`${this.work.space}|${email}`)) continue; // a member as a person
      waiting++;
      ops.push(
        lookupGroup(ids, email, (failure) => {
          if (failure) this.failures.set(email, this.ctx.explain(failure, `look up ${email}`));
          return next();
        }),
      );
    }
    return ops.length ? ops : this.planAndRun();
  }

  /** The principal of an email: its group, its user ID, or `users/{email}` for a person who is not a member. */
  private principal(email: string): string {
    const { ids } = this.ctx;
    return (
      ids.groupNames.get(email) ??
      ids.userIds.get(email) ??
      ids.probed.get(`${this.work.space}|${email}`)?.member?.name ??
      `users/${email}`
    );
  }

  // ---- planning ---------------------------------------------------------------------------------------------------

  private inputs(): { wanted: WantedMember[]; remove: string[]; exact: boolean } {
    const { ids } = this.ctx;
    const wanted: WantedMember[] = [];
    const remove: string[] = [];
    for (const email of [...this.needed().keys()]) this.keyOf.set(email, this.principal(email));
    for (const r of this.work.rows) {
      if (this.failures.has(r.email)) continue;
      const key = this.keyOf.get(r.email) as string;
      if (r.action === 'remove') remove.push(key);
      else wanted.push({ key, group: key.startsWith('groups/'), role: r.role });
    }
    const exact = this.work.exact;
    let exactOn = !!exact;
    if (exact) {
      for (const p of exact.people) {
        if (this.failures.has(p.email)) continue;
        wanted.push({ key: this.keyOf.get(p.email) as string, group: false, role: p.role });
      }
      for (const g of exact.groups) {
        const name = ids.groupNames.get(g);
        if (name) wanted.push({ key: name, group: true });
      }
      const missingGroup = exact.groups.find((g) => !ids.groupNames.has(g));
      const unknown = [...this.failures.keys()];
      this.exactBlocked =
        exact.blocked ??
        (missingGroup
          ? `Group ${missingGroup} was not found (or you cannot see it): check the address in the Groups column.`
          : unknown.length
            ? `could not check ${unknown.join(', ')}: ${this.failures.get(unknown[0])}`
            : !wanted.length
              ? 'the sheet lists no one for this space, and Exact would remove everyone; list its members on the Spaces or Members tab, or set Member sync to Add only.'
              : undefined);
      if (this.exactBlocked) exactOn = false;
    }
    return { wanted, remove, exact: exactOn };
  }

  private planAndRun(): Operation[] {
    if (this.failed) return [];
    const runner = this.ctx.ids.userIds.get(this.ctx.runner);
    const input = { ...this.inputs(), current: [...this.current.values()], runner };
    this.plan = planSpaceMembers(input);
    this.refused = this.plan.refused;
    if (this.ctx.dryRun) {
      this.countPlanned(this.plan);
      return [];
    }
    return this.runPhase(this.plan.phase1, () => {
      // Phase 2 is planned again on what phase 1 left (who joined, who is only invited, which adds failed).
      // People added are now named by their ID, no longer by `users/{email}`.
      const failedKeys = new Set([...this.failures.keys()].map((e) => this.keyOf.get(e)));
      const rename = (key: string) => this.renamed.get(key) ?? key;
      const again = planSpaceMembers({
        ...input,
        wanted: input.wanted.map((w) => ({ ...w, key: rename(w.key) })).filter((w) => !failedKeys.has(w.key)),
        remove: input.remove.map(rename),
        current: [...this.current.values()],
      });
      this.refused = again.refused;
      return this.runPhase(again.phase2, () => []);
    });
  }

  private countPlanned(plan: MemberPlan): void {
    const add = (m: string) => (this.calls[m] = (this.calls[m] ?? 0) + 1);
    for (const c of planChanges(plan)) {
      if (c.kind === 'add') {
        add('chat.spaces.members.create');
        if (c.role !== 'ROLE_MEMBER') add('chat.spaces.members.patch');
      } else if (c.kind === 'role') add('chat.spaces.members.patch');
      else add('chat.spaces.members.delete');
    }
  }

  // ---- writing ---------------------------------------------------------------------------------------------------

  private emailsOf(key: string): string[] {
    return [...this.keyOf.entries()].filter(([, k]) => k === key).map(([e]) => e);
  }

  private failKey(key: string, message: string): void {
    for (const e of this.emailsOf(key)) if (!this.failures.has(e)) this.failures.set(e, message);
  }

  private wrote(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  private runPhase(changes: readonly MemberChange[], then: () => Operation[]): Operation[] {
    if (!changes.length) return then();
    let waiting = changes.length;
    const next = () => (--waiting === 0 ? then() : []);
    return changes.map((c) => {
      if (c.kind === 'add') return this.add(c, next);
      if (c.kind === 'role') return this.patchRole(c.key, c.name, c.to, c, next);
      return this.remove(c, next);
    });
  }

  private emailById?: Map<string, string>;

  /** An email for a principal when anyone knows it (the sheet, or an ID learned earlier), else the principal. */
  private who(key: string): string {
    const mine = this.emailsOf(key)[0];
    if (mine) return mine;
    this.emailById ??= new Map([...this.ctx.ids.userIds].map(([e, id]) => [id, e]));
    const g = [...this.ctx.ids.groupNames].find(([, n]) => n === key)?.[0];
    return this.emailById.get(key) ?? g ?? key;
  }

  private add(c: Extract<MemberChange, { kind: 'add' }>, next: () => Operation[]): Operation {
    const body = c.group ? { groupMember: { name: c.key } } : { member: { name: c.key, type: 'HUMAN' } };
    return this.op({ method: 'chat.spaces.members.create', resource: this.work.space, body }, (r) => {
      if (r.ok) {
        this.wrote('chat.spaces.members.create');
        return this.added(c, r.value as ChatMembership, next);
      }
      if (this.ctx.isAlreadyExists(r.failure)) {
        // Already a member (a retried request whose first answer was lost, or a change made meanwhile): look.
        if (c.group) return next();
        const email = this.who(c.key);
        return [
          probeMember(this.ctx.ids, this.work.space, email, () => {
            const m = this.ctx.ids.probed.get(`${this.work.space}|${email}`);
            return m ? this.added(c, m, next, false) : next();
          }),
        ];
      }
      this.failKey(c.key, this.ctx.explain(r.failure, `add ${this.who(c.key)} to ${this.work.label}`));
      return next();
    });
  }

  /** After a create: note the membership (its ID names the person from now on), then give the role asked for. */
  private added(
    c: Extract<MemberChange, { kind: 'add' }>,
    m: ChatMembership,
    next: () => Operation[],
    created = true,
  ): Operation[] {
    const current = toCurrent(m);
    if (!current) return next();
    if (!c.group) for (const e of this.emailsOf(c.key)) this.ctx.ids.notePerson(this.work.space, e, m);
    this.current.set(current.key, current);
    for (const e of this.emailsOf(c.key)) this.keyOf.set(e, current.key);
    if (c.key !== current.key) this.renamed.set(c.key, current.key);
    if (created) this.done.set(current.key, { change: { ...c, key: current.key }, state: current.state });
    if (c.group || c.role === current.role) return next();
    return [this.patchRole(current.key, current.name, c.role, c, next)];
  }

  private patchRole(
    key: string,
    name: string,
    role: MemberRole,
    change: MemberChange,
    next: () => Operation[],
  ): Operation {
    const request: ChatRequest = {
      method: 'chat.spaces.members.patch',
      resource: name,
      query: { updateMask: 'role' },
      body: { role },
    };
    return this.op(request, (r) => {
      if (r.ok) {
        this.wrote('chat.spaces.members.patch');
        const m = this.current.get(key);
        if (m) this.current.set(key, { ...m, role });
        if (change.kind === 'role') this.done.set(key, { change });
      } else {
        this.failKey(key, this.ctx.explain(r.failure, `make ${this.who(key)} ${roleWord(role)} of ${this.work.label}`));
      }
      return next();
    });
  }

  private remove(c: Extract<MemberChange, { kind: 'remove' }>, next: () => Operation[]): Operation {
    return this.op({ method: 'chat.spaces.members.delete', resource: c.name }, (r) => {
      if (r.ok || r.failure.httpStatus === 404) {
        if (r.ok) this.wrote('chat.spaces.members.delete');
        this.current.delete(c.key);
        this.done.set(c.key, { change: c });
      } else {
        const sentence =
          r.failure.status === 'FAILED_PRECONDITION' && /owner/i.test(r.failure.message)
            ? refusalSentence(this.who(c.key), { key: c.key, change: 'remove', why: 'last-owner' })
            : this.ctx.explain(r.failure, `remove ${this.who(c.key)} from ${this.work.label}`);
        this.failKey(c.key, sentence);
        if (c.why === 'exact') this.exactFailures.push(sentence);
      }
      return next();
    });
  }

  private readonly exactFailures: string[] = [];

  private fail(message: string): Operation[] {
    this.failed ??= message;
    return [];
  }

  // ---- reporting ---------------------------------------------------------------------------------------------------

  private outcome(): SpaceOutcome {
    const rows = new Map<string, SpaceResult>();
    const label = this.work.label;
    if (this.failed) {
      for (const r of this.work.rows) rows.set(r.rowId, { kind: 'failed', sentence: this.failed });
      return {
        space: this.work.space,
        rows,
        calls: this.calls,
        exact: this.work.exact
          ? { failed: true, changed: false, details: `Member sync: ${this.failed}`, removals: [] }
          : undefined,
      };
    }
    const plan = this.plan as MemberPlan;
    const planned = new Map(planChanges(plan).map((c) => [c.key, c]));
    const refused = new Map(this.refused.map((r) => [r.key, r]));
    for (const r of this.work.rows) {
      const key = this.keyOf.get(r.email) ?? `users/${r.email}`;
      const failure = this.failures.get(r.email);
      const refusal = refused.get(key);
      const m = this.current.get(key);
      let result: SpaceResult;
      if (failure) result = { kind: 'failed', sentence: failure };
      else if (refusal && (r.action === 'remove' || refusal.change === 'role'))
        result = { kind: 'refused', sentence: refusalSentence(r.email, refusal) };
      else if (this.ctx.dryRun) result = this.plannedResult(r, planned.get(key), m);
      else result = this.appliedResult(r, this.done.get(key), m);
      // What an earlier execution did in this space before it was cut off counts (it now reads as no change).
      const carried = this.work.carried?.rows[r.rowId];
      if (carried && (result.kind === 'notMember' || result.kind === 'upToDate')) result = carried;
      rows.set(r.rowId, result);
    }
    return { space: this.work.space, rows, calls: this.calls, exact: this.exactOutcome(planned, refused, label) };
  }

  /**
   * What this task has done so far (apply only), for an execution that stops before the task finishes: the next
   * execution plans again from Chat's state, where these changes already show as "no change".
   */
  progress(): { rows: Record<string, SpaceResult>; removals: string[] } {
    const rows: Record<string, SpaceResult> = {};
    if (this.ctx.dryRun) return { rows, removals: [] };
    for (const r of this.work.rows) {
      const key = this.keyOf.get(r.email);
      const done = key === undefined ? undefined : this.done.get(key);
      if (done) rows[r.rowId] = this.appliedResult(r, done, this.current.get(key as string));
      else if (this.work.carried?.rows[r.rowId]) rows[r.rowId] = this.work.carried.rows[r.rowId];
    }
    const removals = [
      ...(this.work.carried?.removals ?? []),
      ...[...this.done.values()]
        .filter((d) => d.change.kind === 'remove' && d.change.why === 'exact')
        .map((d) => this.who(d.change.key)),
    ];
    return { rows, removals };
  }

  private plannedResult(r: RowInSpace, c: MemberChange | undefined, m: CurrentMembership | undefined): SpaceResult {
    const label = this.work.label;
    if (c?.kind === 'add')
      return {
        kind: 'planned',
        sentence: `Will add to ${label}${c.group ? ' (group)' : ` as ${roleWord(c.role)}`}.`,
      };
    if (c?.kind === 'role')
      return { kind: 'planned', sentence: `Will make ${roleWord(c.to)} of ${label} (now ${roleWord(c.from)}).` };
    if (c?.kind === 'remove') return { kind: 'planned', removes: true, sentence: `Will remove from ${label}.` };
    if (r.action === 'remove') return { kind: 'notMember', sentence: `Not a member of ${label}; nothing to do.` };
    return { kind: 'plannedNone', sentence: this.presentSentence(m) };
  }

  private appliedResult(
    r: RowInSpace,
    done: { change: MemberChange; state?: string } | undefined,
    m: CurrentMembership | undefined,
  ): SpaceResult {
    const label = this.work.label;
    const c = done?.change;
    if (c?.kind === 'remove') return { kind: 'removed', sentence: `Removed from ${label}.` };
    if (r.action === 'remove') return { kind: 'notMember', sentence: `Not a member of ${label}; nothing to do.` };
    if (c?.kind === 'add') {
      const as = c.group ? ' (group)' : ` as ${roleWord(m?.role ?? c.role)}`;
      return done?.state === 'INVITED'
        ? { kind: 'invited', sentence: `Invited to ${label}${as}; they must accept the invitation to join.` }
        : { kind: 'added', sentence: `Added to ${label}${as}; joined.` };
    }
    if (c?.kind === 'role')
      return { kind: 'role', sentence: `Made ${roleWord(c.to)} of ${label} (was ${roleWord(c.from)}).` };
    return { kind: 'upToDate', sentence: this.presentSentence(m) };
  }

  private presentSentence(m: CurrentMembership | undefined): string {
    const label = this.work.label;
    if (!m) return `Not added to ${label}.`;
    if (m.group) return `Already in ${label} (group).`;
    return m.state === 'INVITED'
      ? `Already invited to ${label} as ${roleWord(m.role)}; they have not accepted yet.`
      : `Already a member of ${label} as ${roleWord(m.role)}; joined.`;
  }

  /** The Spaces row's sentence for a space in Exact mode. */
  private exactOutcome(
    planned: Map<string, MemberChange>,
    refused: Map<string, MemberRefusal>,
    label: string,
  ): SpaceOutcome['exact'] {
    const exact = this.work.exact;
    if (!exact) return undefined;
    if (this.exactBlocked)
      return {
        failed: true,
        changed: false,
        details: `Member sync Exact did not remove anyone: ${this.exactBlocked}`,
        removals: [],
      };
    const rowKeys = new Set(this.work.rows.map((r) => this.keyOf.get(r.email)));
    const sheetOnly = (key: string) => !rowKeys.has(key);
    const dry = this.ctx.dryRun;
    const changes = dry ? [...planned.values()] : [...this.done.values()].map((d) => d.change);
    const removals = [
      ...(dry ? [] : (this.work.carried?.removals ?? [])),
      ...changes.filter((c) => c.kind === 'remove' && c.why === 'exact').map((c) => this.who(c.key)),
    ];
    const adds = changes.filter((c) => c.kind === 'add' && sheetOnly(c.key)).map((c) => this.who(c.key));
    const roles = changes.filter((c) => c.kind === 'role' && sheetOnly(c.key)).map((c) => this.who(c.key));
    const parts: string[] = [];
    if (removals.length)
      parts.push(`${dry ? 'will remove' : 'removed'} ${removals.length} not on the sheet (${removals.join(', ')})`);
    if (adds.length) parts.push(`${dry ? 'will add' : 'added'} ${adds.length} (${adds.join(', ')})`);
    if (roles.length) parts.push(`${dry ? 'will change the role of' : 'changed the role of'} ${roles.join(', ')}`);
    const kept = [...refused.values()].filter((r) => sheetOnly(r.key) && r.change === 'remove');
    for (const r of kept) parts.push(refusalSentence(this.who(r.key), r).replace(/\.$/, ''));
    parts.push(...this.exactFailures.map((s) => s.replace(/\.$/, '')));
    const failedAdds = [...this.failures.entries()].filter(([e]) => exact.people.some((p) => p.email === e));
    for (const [, s] of failedAdds) parts.push(s.replace(/\.$/, ''));
    const details = parts.length
      ? `Member sync Exact in ${label}: ${parts.join('; ')}.`
      : `Member sync Exact: the members of ${label} match the sheet.`;
    return {
      failed: this.exactFailures.length + failedAdds.length > 0,
      changed: !dry && (changes.length > 0 || removals.length > 0),
      details,
      removals,
    };
  }
}
