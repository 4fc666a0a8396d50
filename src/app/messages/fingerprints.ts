/**
 * Where the add-on remembers what it last posted for each Messages row: a 16-character digest of the targets and
 * their texts (domain/messagePlan.ts `messageFingerprint`), in the user's properties under the spreadsheet and Row
 * ID. An edit run compares it with the row's current digest: equal means nothing to change and no API call. The
 * digest is only a shortcut; when it is missing the edit run compares with the text Chat holds.
 */
import type { StateStore } from '../../ports/runtime';

const PREFIX = 'msgfp:';

export class Fingerprints {
  constructor(
    private readonly state: StateStore,
    private readonly spreadsheetId: string,
  ) {}

  private key(rowId: string): string {
    return `${PREFIX}${this.spreadsheetId}:${rowId}`;
  }

  get(rowId: string): string | undefined {
    return this.state.get(this.key(rowId));
  }

  set(rowId: string, fingerprint: string): void {
    this.state.set(this.key(rowId), fingerprint);
  }

  delete(rowId: string): void {
    this.state.delete(this.key(rowId));
  }
}
