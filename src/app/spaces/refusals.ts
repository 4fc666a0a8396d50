/**
 * What Chat refused a Spaces row for a reason that does not go away by asking again — a person with Chat turned
 * off, blocked, or outside the organisation where external people are not allowed; a space name taken by a space
 * the runner does not belong to — remembered per row with a fingerprint of the row's inputs. Applying again then
 * repeats the sentence in Details instead of sending the same doomed write, so a second run makes no Chat write;
 * editing the row (any input cell) changes the fingerprint and everything is tried again. A taken name is still
 * re-checked with a read (the runner may have been added to that space since, and the row is then linked). Kept in
 * the user's properties as one value per spreadsheet, trimmed (oldest first) to fit the 9 KB a value may hold: a
 * forgotten entry only means one more attempt.
 */
import type { DesiredSpace } from '../../domain/model';
import { outputColumns, SPACES_TAB } from '../../domain/tabs';
import type { StateStore } from '../../ports/runtime';

/** What was refused for one row. */
export interface RowRefusals {
  /** Fingerprint of the row's inputs when Chat refused. */
  fp: string;
  /** Person email → the Details sentence. */
  people: Record<string, string>;
  /** The Details sentence when the name was taken by a space the runner is not in. */
  nameTaken?: string;
  /** Epoch ms of the run that learned it. */
  at: number;
}

const PREFIX = 'refused:';
/** Property values hold 9 KB; stay below it with room for non-ASCII text. */
const MAX_CHARS = 7000;

export class RefusalStore {
  private readonly rows: Map<string, RowRefusals>;
  private dirty = false;

  constructor(
    private readonly state: StateStore,
    private readonly spreadsheetId: string,
  ) {
    this.rows = new Map(Object.entries(parse(state.get(PREFIX + spreadsheetId))));
  }

  /** The row's refusals, if its inputs are unchanged since they were learned. */
  get(space: DesiredSpace): RowRefusals | undefined {
    const r = this.rows.get(space.rowId);
    return r && r.fp === rowFingerprint(space) ? r : undefined;
  }

  /** Replaces what is remembered for the row (nothing refused: forgotten). */
  set(space: DesiredSpace, people: Record<string, string>, nameTaken: string | undefined, at: number): void {
    const had = this.rows.has(space.rowId);
    if (!Object.keys(people).length && !nameTaken) {
      if (had) {
        this.rows.delete(space.rowId);
        this.dirty = true;
      }
      return;
    }
    this.rows.set(space.rowId, { fp: rowFingerprint(space), people, nameTaken, at });
    this.dirty = true;
  }

  /** Writes the store if anything changed (one property write). */
  save(): void {
    if (!this.dirty) return;
    const entries = [...this.rows.entries()].sort((a, b) => b[1].at - a[1].at);
    let text = JSON.stringify(Object.fromEntries(entries));
    while (text.length > MAX_CHARS && entries.length) {
      entries.pop();
      text = JSON.stringify(Object.fromEntries(entries));
    }
    if (entries.length) this.state.set(PREFIX + this.spreadsheetId, text);
    else this.state.delete(PREFIX + this.spreadsheetId);
    this.dirty = false;
  }
}

function parse(text: string | undefined): Record<string, RowRefusals> {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, RowRefusals>;
  } catch {
    return {};
  }
}

/** Columns only the add-on writes (Status, Details, Space ID, …): not part of a row's fingerprint. */
let outputs: Set<string> | undefined;

/**
 * A short hash of what the user typed in the row's input cells, extra columns included (32-bit FNV-1a, base 36).
 * Output columns are left out: the add-on rewrites them on every run.
 */
export function rowFingerprint(space: DesiredSpace): string {
  outputs ??= new Set(outputColumns(SPACES_TAB).map((c) => c.header.toLowerCase()));
  const inputs = Object.entries(space.cells).filter(([k]) => !outputs?.has(k.toLowerCase()));
  const text = JSON.stringify(inputs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
