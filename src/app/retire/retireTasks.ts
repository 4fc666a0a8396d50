/**
 * One Spaces row to retire, as a task of the job engine. Delete: spaces.delete, where "not found" means the space
 * is already gone (reported, not a failure). Lock: read the space and whether the final notice is already there,
 * then only what is missing — post the notice (client-assigned id from the Row ID, so it is never posted twice),
 * rename with the "[Archived] " prefix, restrict the permission settings to managers, and, when asked, remove the
 * members who are not managers and every group. A space already locked costs two reads and no write.
 */
import { explainFailure, isAlreadyExists } from '../../domain/apiErrors';
import {
  lockedName,
  lockNotice,
  permissionPatch,
  permissionsToRestrict,
  type PermissionSettings,
} from '../../domain/retire';
import { plural } from '../../domain/text';
import type { ChatRequest, ChatResult } from '../../ports/chat';
import type { Operation, Task } from '../jobs/engine';

/** The outcome of a row. */
export interface RetireOutcome {
  status: 'Deleted' | 'Locked' | 'Failed';
  details: string;
  writes: number;
  /** Lock: the space's new name, for the Space name cell. */
  newName?: string;
}

export interface RetireTarget {
  rowId: string;
  row: number;
  space: string;
  displayName: string;
}

const ALREADY_GONE = 'Already deleted: Chat has no such space any more (or you are no longer in it). Nothing to do.';

export class DeleteTask implements Task {
  readonly key: string;
  private outcome: RetireOutcome = { status: 'Failed', details: 'Not run.', writes: 0 };

  /** @param alreadyGone the confirmation's read found no such space (reported without another call). */
  constructor(
    private readonly target: RetireTarget,
    private readonly record: (t: RetireTarget, o: RetireOutcome) => void,
    private readonly alreadyGone = false,
  ) {
    this.key = target.rowId;
  }

  /** Scope: chat.delete. */
  start(): Operation[] {
    const space = this.target.space;
    if (this.alreadyGone) {
      this.outcome = { status: 'Deleted', details: ALREADY_GONE, writes: 0 };
      return [];
    }
    return [
      {
        request: { method: 'chat.spaces.delete', resource: space },
        space,
        then: (r) => {
          if (r.ok)
            this.outcome = {
              status: 'Deleted',
              details: 'Deleted for everyone, with its messages and files.',
              writes: 1,
            };
          else if (r.failure.httpStatus === 404) this.outcome = { status: 'Deleted', details: ALREADY_GONE, writes: 0 };
          else if (r.failure.httpStatus === 403)
            this.outcome = {
              status: 'Failed',
              details: 'Only an owner of the space can delete it. Ask an owner to delete it, or to make you an owner.',
              writes: 0,
            };
          else this.outcome = { status: 'Failed', details: explainFailure(r.failure, 'delete the space'), writes: 0 };
        },
      },
    ];
  }

  finish(): void {
    this.record(this.target, this.outcome);
  }
}

export interface LockOptions {
  runner: string;
  removeMembers: boolean;
  noticeId: (rowId: string) => string;
  noticeRequestId: (rowId: string) => string;
}

interface Membership {
  name?: string;
  role?: string;
  member?: { name?: string; type?: string };
  groupMember?: { name?: string };
}

export class LockTask implements Task {
  readonly key: string;
  private failed?: string;
  private writes = 0;
  private readonly done: string[] = [];
  private newName?: string;
  private removed = 0;
  private readonly removeProblems: string[] = [];

  constructor(
    private readonly target: RetireTarget,
    private readonly options: LockOptions,
    private readonly record: (t: RetireTarget, o: RetireOutcome) => void,
  ) {
    this.key = target.rowId;
  }

  private op(request: ChatRequest, then: (r: ChatResult) => Operation[] | void): Operation {
    return { request, space: this.target.space, then };
  }

  /** Scopes: chat.spaces, chat.messages, chat.memberships. */
  start(): Operation[] {
    const space = this.target.space;
    let observed: { displayName?: string; spaceType?: string; permissionSettings?: PermissionSettings } | undefined;
    let noticePosted: boolean | undefined;
    const next = (): Operation[] => {
      if (this.failed || observed === undefined || noticePosted === undefined) return [];
      return this.writeNotice(observed, noticePosted);
    };
    return [
      this.op({ method: 'chat.spaces.get', resource: space }, (r) => {
        if (!r.ok) {
          this.failed =
            r.failure.httpStatus === 404
              ? `Space ID ${space} was not found, or you are not a member of it; nothing was changed.`
              : explainFailure(r.failure, 'read the space');
          return [];
        }
        observed = r.value as typeof observed;
        if (observed?.spaceType !== 'SPACE') {
          this.failed =
            'Only named spaces (Type Space) can be locked: group chats and direct messages have no managers.';
          return [];
        }
        return next();
      }),
      this.op(
        {
          method: 'chat.spaces.messages.get',
          resource: `${space}/messages/${this.options.noticeId(this.target.rowId)}`,
        },
        (r) => {
          if (!r.ok && r.failure.httpStatus !== 404) {
            this.failed = explainFailure(r.failure, 'look for the final notice');
            return [];
          }
          noticePosted = r.ok;
          return next();
        },
      ),
    ];
  }

  private writeNotice(
    observed: { displayName?: string; permissionSettings?: PermissionSettings },
    posted: boolean,
  ): Operation[] {
    const rename = () => this.rename(observed);
    if (posted) return rename();
    return [
      this.op(
        {
          method: 'chat.spaces.messages.create',
          resource: this.target.space,
          query: {
            messageId: this.options.noticeId(this.target.rowId),
            requestId: this.options.noticeRequestId(this.target.rowId),
          },
          body: { text: lockNotice(this.options.runner) },
        },
        (r) => {
          if (!r.ok && !isAlreadyExists(r.failure)) {
            this.failed = explainFailure(r.failure, 'post the final notice');
            return [];
          }
          if (r.ok) {
            this.writes++;
            this.done.push('final notice posted');
          }
          return rename();
        },
      ),
    ];
  }

  private rename(observed: { displayName?: string; permissionSettings?: PermissionSettings }): Operation[] {
    const current = observed.displayName ?? '';
    const wanted = lockedName(current);
    const restrict = () => this.restrict(observed.permissionSettings);
    if (wanted === current) return restrict();
    return [
      this.op(
        {
          method: 'chat.spaces.patch',
          resource: this.target.space,
          query: { updateMask: 'display_name' },
          body: { displayName: wanted },
        },
        (r) => {
          if (!r.ok) {
            this.failed = isAlreadyExists(r.failure)
              ? `Another space is already named "${wanted}"; rename one of them in Chat, then lock again.`
              : explainFailure(r.failure, 'rename the space');
            return [];
          }
          this.writes++;
          this.newName = wanted;
          this.done.push(`renamed "${wanted}"`);
          return restrict();
        },
      ),
    ];
  }

  private restrict(current: PermissionSettings | undefined): Operation[] {
    const keys = permissionsToRestrict(current);
    const members = () => (this.options.removeMembers ? this.listMembers(undefined, []) : []);
    if (!keys.length) return members();
    const patch = permissionPatch(keys);
    return [
      this.op(
        {
          method: 'chat.spaces.patch',
          resource: this.target.space,
          query: { updateMask: patch.updateMask },
          body: patch.body,
        },
        (r) => {
          if (!r.ok) {
            this.failed =
              r.failure.httpStatus === 403
                ? 'Only a manager of the space can restrict it to managers; ask an owner to make you a manager.'
                : explainFailure(r.failure, 'restrict the space to managers');
            return [];
          }
          this.writes++;
          this.done.push('replies, members and settings restricted to managers');
          return members();
        },
      ),
    ];
  }

  private listMembers(pageToken: string | undefined, found: Membership[]): Operation[] {
    return [
      this.op(
        {
          method: 'chat.spaces.members.list',
          resource: this.target.space,
          query: { pageSize: 1000, showInvited: true, showGroups: true, pageToken },
        },
        (r) => {
          if (!r.ok) {
            this.failed = explainFailure(r.failure, 'list the members');
            return [];
          }
          const page = r.value as { memberships?: Membership[]; nextPageToken?: string };
          const all = [...found, ...(page.memberships ?? [])];
          if (page.nextPageToken) return this.listMembers(page.nextPageToken, all);
          // Ordinary members and groups go; managers, owners and apps stay (the runner is a manager by now).
          const leaving = all.filter(
            (m) => m.name && (m.groupMember || (m.member?.type === 'HUMAN' && m.role === 'ROLE_MEMBER')),
          );
          return leaving.map((m) =>
            this.op({ method: 'chat.spaces.members.delete', resource: m.name as string }, (d) => {
              if (d.ok) {
                this.writes++;
                this.removed++;
              } else if (d.failure.httpStatus !== 404) {
                this.removeProblems.push(explainFailure(d.failure, `remove ${m.member?.name ?? m.groupMember?.name}`));
              }
            }),
          );
        },
      ),
    ];
  }

  finish(): void {
    if (this.failed) {
      const partly = this.done.length ? ` Done before that: ${this.done.join('; ')}.` : '';
      this.record(this.target, {
        status: 'Failed',
        details: this.failed + partly,
        writes: this.writes,
        newName: this.newName,
      });
      return;
    }
    if (this.removed)
      this.done.push(
        `${plural(this.removed, 'member')} removed (clear this row's Members and Groups, or Apply invites them again)`,
      );
    const problems = this.removeProblems.length ? ` Not removed: ${this.removeProblems.slice(0, 3).join(' ')}` : '';
    const details = this.done.length
      ? `Locked: ${this.done.join('; ')}. New conversations cannot be restricted by an add-on.${problems}`
      : `Already locked; nothing changed.${problems}`;
    this.record(this.target, { status: 'Locked', details, writes: this.writes, newName: this.newName });
  }
}
