/**
 * The Spaces tab as the Members and Messages tabs see it: which spaces it lists, under which names and tags, with
 * which Space IDs and cells. It turns what a Space cell of those tabs names — a Space ID or link, a Space name, `*`
 * or `tag:X` — into the spaces to act on, or into a sentence saying why it cannot (for instance a Space name whose
 * row has not been applied yet, so it has no Space ID). Built from the cells as written; pure.
 */
import type { MemberSyncMode, SpaceType } from './model';
import { parseSpaceReference } from './spaceLinks';
import { parseMemberSync, parseSpaceType, parseTags } from './spaceRows';
import type { Table } from './table';
import { SPACES_COL as C } from './tabs';
import { nameKey, quote } from './text';

/** One row of the Spaces tab. */
export interface CatalogSpace {
  /** 1-based sheet row number on the Spaces tab (0 for a space named by ID that is not on the tab). */
  readonly row: number;
  /** Space name as written (blank for group chats and direct messages). */
  readonly displayName: string;
  readonly type: SpaceType;
  /** `spaces/{id}` from the Space ID column, when the row has been applied. */
  readonly spaceName?: string;
  /** Tags, lower-cased. */
  readonly tags: readonly string[];
  readonly memberSync: MemberSyncMode;
  /** Every cell of the row by column key, for {{Column}} placeholders. */
  readonly cells: Readonly<Record<string, string>>;
}

/** What a Space cell of the Members or Messages tab asks for (dm: targets are resolved elsewhere). */
export type CatalogTarget =
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'name'; readonly displayName: string }
  | { readonly kind: 'all' }
  | { readonly kind: 'tag'; readonly tag: string };

/** The spaces a target resolves to, or why it resolves to none. */
export type Resolution =
  | { readonly spaces: readonly CatalogSpace[]; readonly problem?: undefined }
  | { readonly spaces?: undefined; readonly problem: string };

export class SpacesCatalog {
  private readonly byName = new Map<string, CatalogSpace>();
  private readonly bySpaceName = new Map<string, CatalogSpace>();

  private constructor(readonly spaces: readonly CatalogSpace[]) {
    for (const s of spaces) {
      if (s.type === 'SPACE' && s.displayName !== '' && !this.byName.has(nameKey(s.displayName)))
        this.byName.set(nameKey(s.displayName), s);
      if (s.spaceName && !this.bySpaceName.has(s.spaceName)) this.bySpaceName.set(s.spaceName, s);
    }
  }

  /** The catalog of a Spaces table (cells as written; rows with an unreadable Type count as spaces). */
  static fromTable(table: Table | undefined): SpacesCatalog {
    const spaces: CatalogSpace[] = (table?.rows ?? []).map((r) => ({
      row: r.row,
      displayName: (r.cells[C.spaceName] ?? '').trim(),
      type: parseSpaceType(r.cells[C.type] ?? '') ?? 'SPACE',
      spaceName: parseSpaceReference(r.cells[C.spaceId] ?? '', { allowBareId: true })?.name,
      tags: parseTags(r.cells[C.tags] ?? ''),
      memberSync: parseMemberSync(r.cells[C.memberSync] ?? '') ?? 'add-only',
      cells: r.cells,
    }));
    return new SpacesCatalog(spaces);
  }

  /** The Spaces row of a space, by its resource name, if the tab lists it. */
  bySpace(spaceName: string): CatalogSpace | undefined {
    return this.bySpaceName.get(spaceName);
  }

  /** Every listed space that exists in Chat (has a Space ID), once each. */
  applied(): CatalogSpace[] {
    return [...this.bySpaceName.values()];
  }

  /**
   * The spaces a target names. A Space name must be on the tab with a Space ID; `*` and `tag:` take the rows that
   * have one (rows not applied yet do not exist in Chat) and fail only when none does.
   */
  resolve(target: CatalogTarget, column = 'Space'): Resolution {
    switch (target.kind) {
      case 'id':
        return {
          spaces: [
            this.bySpaceName.get(target.name) ?? {
              row: 0,
              displayName: '',
              type: 'SPACE',
              spaceName: target.name,
              tags: [],
              memberSync: 'add-only',
              cells: {},
            },
          ],
        };
      case 'name': {
        const s = this.byName.get(nameKey(target.displayName));
        if (!s) {
          return {
            problem: `${column} ${quote(target.displayName)} is not a Space name on the Spaces tab; fix the name, or use the space's ID or link.`,
          };
        }
        if (!s.spaceName) {
          return {
            problem: `${column} ${quote(target.displayName)} has no Space ID yet (Spaces tab, row ${s.row}); apply the Spaces tab first, or use the space's ID or link.`,
          };
        }
        return { spaces: [s] };
      }
      case 'all': {
        const all = this.applied();
        if (!all.length)
          return {
            problem: `${column} is *, but no row of the Spaces tab has a Space ID yet; apply the Spaces tab first.`,
          };
        return { spaces: all };
      }
      case 'tag': {
        const tagged = this.applied().filter((s) => s.tags.includes(target.tag));
        if (!tagged.length) {
          return {
            problem: `${column} tag:${target.tag} matches no applied space: no Spaces row with a Space ID has ${quote(target.tag)} in Tags.`,
          };
        }
        return { spaces: tagged };
      }
    }
  }
}
