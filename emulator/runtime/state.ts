/**
 * What survives from one execution to the next: spreadsheets and Drive files, property stores, caches, locks held
 * outside the script, installed triggers, the recorded UI, the API hosts, drive.file grants, and the seeded id
 * source. Executions reach it through `Execution.rt`; nothing else persists (each execution gets a fresh context).
 */
import type { VirtualClock } from '../core/clock';
import type { SeededRandom } from '../core/rng';
import type { CacheStores } from './services/cache';
import type { DriveStore } from './services/drive';
import type { LockManager } from './services/lock';
import type { PropertyStores } from './services/properties';
import type { TriggerStore } from './services/triggers';
import type { UiRecorder } from './services/ui';
import type { HostRouter } from './services/urlFetch';
import type { RuntimeConfig } from './options';
import type { SpreadsheetStore } from './spreadsheet/model';

/** drive.file access: files a user granted to the add-on (or that the script created). */
export class FileGrants {
  private readonly byUser = new Map<string, Set<string>>();

  grant(user: string, fileId: string): void {
    let set = this.byUser.get(user);
    if (!set) this.byUser.set(user, (set = new Set()));
    set.add(fileId);
  }

  has(user: string, fileId: string): boolean {
    return this.byUser.get(user)?.has(fileId) ?? false;
  }
}

/** Seeded identifiers in the shapes Google uses. */
export class IdFactory {
  constructor(private readonly rng: SeededRandom) {}

  /** A Drive file id (44 characters, like spreadsheet ids). */
  driveId(): string {
    return '1' + this.rng.string(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
  }

  /** A sheet id (gid): a positive integer. */
  sheetId(): number {
    return this.rng.int(1, 2_147_483_646);
  }

  /** A trigger unique id: a string of digits. */
  triggerUid(): string {
    return String(this.rng.int(1, 9)) + this.rng.string(18, '0123456789');
  }

  /** An RFC 4122 version-4 UUID. */
  uuid(): string {
    const hex = this.rng.string(32, '0123456789abcdef').split('');
    hex[12] = '4';
    hex[16] = '89ab'[parseInt(hex[16], 16) & 3];
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

export interface RuntimeState {
  readonly config: RuntimeConfig;
  readonly clock: VirtualClock;
  readonly rng: SeededRandom;
  readonly ids: IdFactory;
  readonly spreadsheets: SpreadsheetStore;
  readonly drive: DriveStore;
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockManager;
  readonly triggers: TriggerStore;
  readonly ui: UiRecorder;
  readonly net: HostRouter;
  readonly grants: FileGrants;
  /** The spreadsheet open in front of the user (bound container, editor document, Sheets UI of a Workspace add-on). */
  activeSpreadsheetId: string | null;
}
