/**
 * Job checkpoints in user properties. A job's state is JSON that may outgrow the 9 KB a single property value may
 * hold (a selection of 2,000 row ids does), so it is split across numbered keys and written whole at each
 * checkpoint. One job per user and spreadsheet; its key names the spreadsheet.
 */
import type { StateStore } from '../../ports/runtime';

/** Property values may hold 9 KB; stay well below it (UTF-8 can double the size of non-ASCII text). */
const CHUNK_CHARS = 4000;
const PREFIX = 'job:';
/** Largest `extra` entry (JSON characters) kept in the last job's summary. */
const SMALL_EXTRA_CHARS = 1000;

export type JobKind = 'apply-spaces' | 'preview-spaces' | string;

export interface JobState {
  id: string;
  kind: JobKind;
  spreadsheetId: string;
  /** Tab the job works on. */
  tab: string;
  /** Row IDs to work on; undefined = every row of the tab. */
  rowIds?: string[];
  startedAt: number;
  /** Counts by final row status. */
  counts: Record<string, number>;
  apiCalls: number;
  quotaWaitMs: number;
  retries: number;
  rateLimited: number;
  executions: number;
  /** Milliseconds of work (sum of slice durations). */
  activeMs: number;
  /** When the next continuation should start, and the largest delay seen beyond it. */
  nextAt?: number;
  maxGapMs: number;
  /** When a slice last started or saved a checkpoint (a job silent for long was abandoned by a killed run). */
  heartbeatAt?: number;
  /** Trigger ids the job created and still owns. */
  triggerIds: string[];
  cancelled?: boolean;
  finishedAt?: number;
  /** Errors worth showing (row number and sentence), capped. */
  errors: { row: number; message: string }[];
  /** Free-form state of the job kind. */
  extra?: Record<string, unknown>;
}

export class JobStore {
  constructor(private readonly store: StateStore) {}

  private key(spreadsheetId: string): string {
    return PREFIX + spreadsheetId;
  }

  load(spreadsheetId: string): JobState | undefined {
    const head = this.store.get(this.key(spreadsheetId));
    if (!head) return undefined;
    const { chunks } = JSON.parse(head) as { chunks: number };
    let text = '';
    for (let i = 0; i < chunks; i++) text += this.store.get(`${this.key(spreadsheetId)}#${i}`) ?? '';
    try {
      return JSON.parse(text) as JobState;
    } catch {
      return undefined; // a torn write (killed mid-save): the job restarts from the sheet
    }
  }

  save(job: JobState): void {
    const text = JSON.stringify(job);
    const chunks = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
    const key = this.key(job.spreadsheetId);
    for (let i = 0; i < chunks; i++) this.store.set(`${key}#${i}`, text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
    this.store.set(key, JSON.stringify({ chunks }));
    for (const stale of this.store.keys(`${key}#`)) {
      if (Number(stale.slice(key.length + 1)) >= chunks) this.store.delete(stale);
    }
  }

  delete(spreadsheetId: string): void {
    const key = this.key(spreadsheetId);
    for (const k of this.store.keys(key)) this.store.delete(k);
  }

  /** Spreadsheet ids of every job of this user. */
  spreadsheetIds(): string[] {
    return this.store
      .keys(PREFIX)
      .filter((k) => !k.includes('#'))
      .map((k) => k.slice(PREFIX.length));
  }

  /**
   * The last finished job's summary, kept for "Show last run". It must fit one property value (9 KB), so the
   * selection, the job kind's large working lists (e.g. the Row IDs already done, which grow with the sheet) and
   * long error lists are left out: only small `extra` entries (counts such as planned calls) are kept.
   */
  saveLast(job: JobState): void {
    const { rowIds: _omit, extra, ...summary } = job;
    void _omit;
    const small: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(extra ?? {})) if (JSON.stringify(v).length <= SMALL_EXTRA_CHARS) small[k] = v;
    const errors = summary.errors.slice(0, 20).map((e) => ({ row: e.row, message: e.message.slice(0, 300) }));
    let text = JSON.stringify({ ...summary, extra: small, errors });
    while (text.length > CHUNK_CHARS && errors.length) {
      errors.pop();
      text = JSON.stringify({ ...summary, extra: small, errors });
    }
    this.store.set(`last:${job.spreadsheetId}`, text);
  }

  loadLast(spreadsheetId: string): JobState | undefined {
    const text = this.store.get(`last:${spreadsheetId}`);
    return text ? (JSON.parse(text) as JobState) : undefined;
  }
}
