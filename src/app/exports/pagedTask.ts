/**
 * One list of an export as a task of the job engine: request a page, run the page's extra reads (read states,
 * attachment downloads) in parallel, hand the page's rows and the next page token to the sink together, then ask
 * for the next page. Because rows and token travel together, a checkpoint holds exactly the pages whose rows were
 * written, and a resumed export starts at the first page it has not written.
 */
import type { CellValue } from '../../ports/workbook';
import type { ChatFailure, ChatRequest, ChatResult } from '../../ports/chat';
import type { Operation, Task } from '../jobs/engine';

/** What a list looks like to the task. */
export interface PagedList<T> {
  /** Unique key of this list in the job (checkpoint key). */
  readonly key: string;
  /** The space the calls act on, for per-space quotas. */
  readonly space?: string;
  request(pageToken: string | undefined): ChatRequest;
  page(value: unknown): { items: T[]; next?: string };
  /** Reads to make before the page's rows can be built (leaf operations: their `then` returns nothing). */
  prepare?(items: T[]): Operation[];
  rows(items: T[]): CellValue[][];
  /** A sentence for a failed list, or undefined when the failure means "nothing to export" (e.g. 404). */
  failure(failure: ChatFailure): string | undefined;
  /**
   * A step before the first page (e.g. finding a direct message's space): its operations call `go()` to start
   * paging, or `stop()` to end the list (with a sentence when that is a failure).
   */
  before?(go: () => Operation[], stop: (message?: string) => void): Operation[];
  /**
   * What the checkpoint keeps to resume after `items` in a later execution, in place of the page token `next`
   * (time-ordered lists resume by time: page tokens expire). Absent: the page token is kept.
   */
  resumeAfter?(items: T[]): string | undefined;
}

/** Where pages go. */
export interface PageSink {
  /** A page's rows; `next` is the token of the following page, absent after the last page. */
  commit(key: string, rows: CellValue[][], next: string | undefined): void;
  /** The list failed; nothing more will come from it. */
  fail(key: string, message: string): void;
}

export class PagedTask<T> implements Task {
  readonly key: string;

  constructor(
    private readonly list: PagedList<T>,
    private readonly startToken: string | undefined,
    private readonly sink: PageSink,
  ) {
    this.key = list.key;
  }

  start(): Operation[] {
    const go = () => [this.page(this.startToken)];
    if (!this.list.before) return go();
    return this.list.before(go, (message) => {
      if (message === undefined) this.sink.commit(this.key, [], undefined);
      else this.sink.fail(this.key, message);
    });
  }

  finish(): void {
    // Pages were handed to the sink as they completed.
  }

  private page(token: string | undefined): Operation {
    return {
      request: this.list.request(token),
      space: this.list.space,
      then: (r: ChatResult) => {
        if (!r.ok) {
          const message = this.list.failure(r.failure);
          if (message === undefined) this.sink.commit(this.key, [], undefined);
          else this.sink.fail(this.key, message);
          return [];
        }
        const { items, next } = this.list.page(r.value);
        const after = (): Operation[] => {
          const saved = next && this.list.resumeAfter ? (this.list.resumeAfter(items) ?? next) : next;
          this.sink.commit(this.key, this.list.rows(items), saved);
          return next ? [this.page(next)] : [];
        };
        const extra = this.list.prepare?.(items) ?? [];
        if (!extra.length) return after();
        let waiting = extra.length;
        return extra.map((op) => ({
          ...op,
          then: (res: ChatResult) => {
            op.then(res);
            return --waiting === 0 ? after() : [];
          },
        }));
      },
    };
  }
}
