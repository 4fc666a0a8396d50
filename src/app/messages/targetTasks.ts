/**
 * One target of a Messages row as a task of the job engine, in each of the runs the tab offers. Every task first
 * knows its space: a space target names it; a `dm:` target finds the direct message with spaces.findDirectMessage
 * and, when sending and there is none, sets one up with spaces.setup (DIRECT_MESSAGE, a requestId derived from the
 * row, so a retry returns the same space). Then:
 * - send: messages.create with the row's client-assigned message ID (the same in every space), a requestId, the
 *   thread key with REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD, and the attachment uploaded to that space first
 *   (media.upload). A row that may already have been sent is checked with messages.get first; ALREADY_EXISTS on
 *   create also means "already sent" (checked, since a message deleted in Chat keeps its ID). Nothing is posted twice.
 * - preview: only the direct-message lookup (a read); no write.
 * - edit: messages.get, then messages.update (updateMask text) when Chat's text differs from the row's.
 * - recall: messages.delete.
 * Each task reports one TargetResult to its row.
 */
import type { ChatFailure, ChatRequest, ChatResult } from '../../ports/chat';
import type { MessageTarget } from '../../domain/messagePlan';
import { messageName } from '../../domain/messagePlan';
import type { Operation, Task } from '../jobs/engine';

/** What happened at one target. */
export type TargetResult =
  | { kind: 'sent' | 'already' | 'edited' | 'unchanged' | 'deleted' | 'missing'; space: string }
  | { kind: 'planned'; space?: string; setUpDm?: boolean }
  | { kind: 'failed'; message: string };

export type TargetMode = 'preview' | 'send' | 'update' | 'delete';

/** The file to attach, fetched once per row. */
export interface AttachmentFile {
  bytes: number[];
  contentType: string;
  fileName: string;
}

/** What the target tasks of one run share. */
export interface TargetContext {
  mode: TargetMode;
  /** Direct-message spaces by email, filled as they are found or set up. */
  dmSpaces: Map<string, string>;
  explain(failure: ChatFailure, action: string): string;
  isAlreadyExists(failure: ChatFailure): boolean;
}

/** The row a target belongs to. */
export interface TargetRow {
  rowId: string;
  /** Client-assigned message ID of the row (the same in every target space). */
  clientId: string;
  threadKey?: string;
  /** Check with messages.get before posting (the row may have been sent already). */
  checkFirst: boolean;
  attachment?: AttachmentFile;
  /** requestId of messages.create in a space. */
  createRequestId(space: string): string;
  /** requestId of the spaces.setup of a direct message. */
  dmRequestId(email: string): string;
  done(target: MessageTarget, result: TargetResult): void;
}

export class TargetTask implements Task {
  readonly key: string;
  private result?: TargetResult;

  constructor(
    private readonly row: TargetRow,
    private readonly target: MessageTarget,
    private readonly ctx: TargetContext,
  ) {
    this.key = `${row.rowId}|${target.key}`;
  }

  start(): Operation[] {
    const space = this.target.space ?? this.ctx.dmSpaces.get(this.target.dmEmail ?? '');
    return space ? this.withSpace(space) : this.findDm();
  }

  finish(): void {
    this.row.done(this.target, this.result ?? { kind: 'failed', message: 'Stopped before an answer came back.' });
  }

  // ---- direct messages ----------------------------------------------------------------------------------------

  private findDm(): Operation[] {
    const email = this.target.dmEmail as string;
    return [
      this.op({ method: 'chat.spaces.findDirectMessage', query: { name: `users/${email}` } }, undefined, (r) => {
        if (r.ok) return this.foundDm(email, (r.value as { name?: string }).name);
        if (r.failure.httpStatus !== 404)
          return this.fail(this.ctx.explain(r.failure, `find your direct message with ${email}`));
        if (this.ctx.mode === 'preview') return this.end({ kind: 'planned', setUpDm: true });
        if (this.ctx.mode !== 'send') return this.end({ kind: 'missing', space: '' });
        return this.setUpDm(email);
      }),
    ];
  }

  private setUpDm(email: string): Operation[] {
    const request: ChatRequest = {
      method: 'chat.spaces.setup',
      body: {
        space: { spaceType: 'DIRECT_MESSAGE' },
        requestId: this.row.dmRequestId(email),
        memberships: [{ member: { name: `users/${email}`, type: 'HUMAN' } }],
      },
    };
    return [
      this.op(request, undefined, (r) => {
        if (!r.ok) return this.fail(this.ctx.explain(r.failure, `start a direct message with ${email}`));
        // A new direct message has no message yet: post without checking.
        return this.foundDm(email, (r.value as { name?: string }).name, true);
      }),
    ];
  }

  private foundDm(email: string, space: string | undefined, fresh = false): Operation[] {
    if (!space) return this.fail(`Chat did not return the direct message with ${email}; run again.`);
    this.ctx.dmSpaces.set(email, space);
    return this.withSpace(space, fresh);
  }

  // ---- per mode -----------------------------------------------------------------------------------------------

  private withSpace(space: string, fresh = false): Operation[] {
    switch (this.ctx.mode) {
      case 'preview':
        return this.end({ kind: 'planned', space });
      case 'send':
        return !fresh && (this.row.checkFirst || this.row.attachment) ? this.checkThenPost(space) : this.post(space);
      case 'update':
        return this.edit(space);
      case 'delete':
        return this.recall(space);
    }
  }

  private name(space: string): string {
    return messageName(space, this.row.clientId);
  }

  private checkThenPost(space: string): Operation[] {
    return [
      this.op({ method: 'chat.spaces.messages.get', resource: this.name(space) }, space, (r) => {
        if (r.ok) return this.end({ kind: 'already', space });
        if (r.failure.httpStatus === 404) return this.post(space, true);
        return this.fail(this.ctx.explain(r.failure, 'check whether the message is there'));
      }),
    ];
  }

  private post(space: string, checked = false): Operation[] {
    if (this.row.attachment) return this.upload(space, this.row.attachment, checked);
    return this.create(space, checked);
  }

  private upload(space: string, file: AttachmentFile, checked: boolean): Operation[] {
    const request: ChatRequest = {
      method: 'chat.media.upload',
      resource: space,
      body: { filename: file.fileName },
      media: { bytes: file.bytes, contentType: file.contentType, fileName: file.fileName },
    };
    return [
      this.op(request, space, (r) => {
        if (!r.ok) return this.fail(this.ctx.explain(r.failure, `upload ${file.fileName}`));
        const ref = (r.value as { attachmentDataRef?: unknown }).attachmentDataRef;
        if (!ref) return this.fail(`Chat did not accept ${file.fileName}; run again.`);
        return this.create(space, checked, ref);
      }),
    ];
  }

  private create(space: string, checked: boolean, attachmentDataRef?: unknown): Operation[] {
    const threaded = this.row.threadKey !== undefined && this.target.type === 'SPACE';
    const body: Record<string, unknown> = { text: this.target.text };
    if (threaded) body.thread = { threadKey: this.row.threadKey };
    if (attachmentDataRef) body.attachment = [{ attachmentDataRef }];
    const request: ChatRequest = {
      method: 'chat.spaces.messages.create',
      resource: space,
      query: {
        messageId: this.row.clientId,
        requestId: this.row.createRequestId(space),
        messageReplyOption: threaded ? 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD' : undefined,
      },
      body,
    };
    return [
      this.op(request, space, (r) => {
        if (r.ok) return this.end({ kind: 'sent', space });
        if (!this.ctx.isAlreadyExists(r.failure)) return this.fail(this.ctx.explain(r.failure, 'post the message'));
        if (checked) return this.deletedInChat();
        // The ID is taken: either this row's message is there (sent by an earlier run) or it was deleted in Chat.
        return [
          this.op({ method: 'chat.spaces.messages.get', resource: this.name(space) }, space, (g) =>
            g.ok ? this.end({ kind: 'already', space }) : this.deletedInChat(),
          ),
        ];
      }),
    ];
  }

  private deletedInChat(): Operation[] {
    return this.fail(
      "this row's message was posted here earlier and then deleted in Chat; copy the row to post it again (the copy gets a new Row ID).",
    );
  }

  private edit(space: string): Operation[] {
    const name = this.name(space);
    return [
      this.op({ method: 'chat.spaces.messages.get', resource: name }, space, (r) => {
        if (!r.ok) {
          if (r.failure.httpStatus === 404) return this.end({ kind: 'missing', space });
          return this.fail(this.ctx.explain(r.failure, 'read the message'));
        }
        if ((r.value as { text?: string }).text === this.target.text) return this.end({ kind: 'unchanged', space });
        // messages.update (PUT) replaces the masked field; allowMissing stays false so a message deleted in Chat
        // meanwhile is not posted again by an edit.
        const patch: ChatRequest = {
          method: 'chat.spaces.messages.update',
          resource: name,
          query: { updateMask: 'text' },
          body: { text: this.target.text },
        };
        return [
          this.op(patch, space, (p) =>
            p.ok ? this.end({ kind: 'edited', space }) : this.fail(this.ctx.explain(p.failure, 'edit the message')),
          ),
        ];
      }),
    ];
  }

  private recall(space: string): Operation[] {
    return [
      this.op({ method: 'chat.spaces.messages.delete', resource: this.name(space) }, space, (r) => {
        if (r.ok) return this.end({ kind: 'deleted', space });
        if (r.failure.httpStatus === 404) return this.end({ kind: 'missing', space });
        if (r.failure.status === 'FAILED_PRECONDITION')
          return this.fail(
            'the message has replies in its thread; delete it in Chat (which removes the replies too) or leave it.',
          );
        return this.fail(this.ctx.explain(r.failure, 'delete the message'));
      }),
    ];
  }

  // ---- plumbing -----------------------------------------------------------------------------------------------

  private end(result: TargetResult): Operation[] {
    this.result = result;
    return [];
  }

  private fail(message: string): Operation[] {
    return this.end({ kind: 'failed', message });
  }

  private op(request: ChatRequest, space: string | undefined, then: (r: ChatResult) => Operation[]): Operation {
    return { request, space, then };
  }
}
