/**
 * Which spaces an export covers, decided once when the export starts (the selection exists only in that
 * execution): the rows selected on the Spaces tab or on Spaces (export), otherwise every Spaces row with a Space
 * ID (rows marked Deleted left out), otherwise every row of Spaces (export). The reactions export covers every
 * Messages row with a Message ID, in each space the row targets (a Space ID or link, a Space name, `*` or `tag:`,
 * resolved through the Spaces tab; `dm:` rows through spaces.findDirectMessage when the export runs).
 */
import { parseMessageTarget } from '../../domain/messageRows';
import { parseSpaceReference } from '../../domain/spaceLinks';
import { readTable, type Table } from '../../domain/table';
import {
  MEMBERS_COL,
  MEMBERS_TAB,
  MESSAGES_COL,
  MESSAGES_TAB,
  SPACES_COL,
  SPACES_EXPORT_TAB,
  SPACES_TAB,
  STATUS,
} from '../../domain/tabs';
import { nameKey } from '../../domain/text';
import { parseEmailList } from '../../domain/emails';
import type { Cache } from '../../ports/runtime';
import type { Workbook } from '../../ports/workbook';
import type { ExportUnit } from './exportLists';

/** The spaces chosen, and a sentence saying how they were chosen. */
export interface SpaceChoice {
  units: ExportUnit[];
  how: string;
}

interface SheetSpace {
  row: number;
  space: string;
  displayName: string;
  tags: string[];
  status: string;
}

function spacesOf(table: Table | undefined, idHeader: string, nameHeader: string): SheetSpace[] {
  const out: SheetSpace[] = [];
  for (const r of table?.rows ?? []) {
    const ref =
      parseSpaceReference(r.cells[idHeader] ?? '', { allowBareId: true }) ??
      parseSpaceReference(r.cells[SPACES_COL.spaceLink] ?? '');
    if (!ref) continue;
    out.push({
      row: r.row,
      space: ref.name,
      displayName: r.cells[nameHeader] ?? '',
      tags: (r.cells[SPACES_COL.tags] ?? '')
        .split(/[,;\n]/)
        .map(nameKey)
        .filter(Boolean),
      status: r.cells[SPACES_COL.status] ?? '',
    });
  }
  return out;
}

function read(workbook: Workbook, tab: typeof SPACES_TAB, timeZone: string): Table | undefined {
  const values = workbook.readTab(tab.name);
  if (!values) return undefined;
  const table = readTable(tab, values, { timeZone });
  return table.problems.length ? undefined : table;
}

function unique(spaces: SheetSpace[], keyPrefix: string): ExportUnit[] {
  const seen = new Set<string>();
  const units: ExportUnit[] = [];
  for (const s of spaces) {
    if (seen.has(s.space)) continue;
    seen.add(s.space);
    units.push({ key: `${keyPrefix}${s.space}`, space: s.space, displayName: s.displayName });
  }
  return units;
}

/**
 * The spaces to export, or a sentence saying why there are none.
 * @param selected rows selected on the Spaces tab and on Spaces (export) (empty when the selection is elsewhere)
 */
export function chooseSpaces(
  workbook: Workbook,
  selected: { spaces: number[]; exported: number[] },
  timeZone: string,
): SpaceChoice | { problem: string } {
  const spacesTab = spacesOf(read(workbook, SPACES_TAB, timeZone), SPACES_COL.spaceId, SPACES_COL.spaceName);
  const exportTab = spacesOf(read(workbook, SPACES_EXPORT_TAB, timeZone), 'Space ID', 'Space name');
  const pick = (list: SheetSpace[], rows: number[]) => list.filter((s) => rows.includes(s.row));
  if (selected.spaces.length) {
    const units = unique(pick(spacesTab, selected.spaces), '');
    if (!units.length)
      return { problem: 'None of the selected Spaces rows has a Space ID. Apply them first, or select other rows.' };
    return { units, how: `the ${units.length} selected Spaces row${units.length === 1 ? '' : 's'}` };
  }
  if (selected.exported.length) {
    const units = unique(pick(exportTab, selected.exported), '');
    if (units.length)
      return { units, how: `the ${units.length} selected Spaces (export) row${units.length === 1 ? '' : 's'}` };
  }
  const live = spacesTab.filter((s) => s.status !== STATUS.deleted);
  if (live.length) {
    const units = unique(live, '');
    return { units, how: `every Spaces row with a Space ID (${units.length})` };
  }
  if (exportTab.length) {
    const units = unique(exportTab, '');
    return { units, how: `every space in Spaces (export) (${units.length})` };
  }
  return {
    problem:
      'There are no spaces to export: no Spaces row has a Space ID. Run Apply on the Spaces tab, or Import spaces ' +
      'to list the spaces you belong to, then run the export again.',
  };
}

/** Every (Messages row, space) pair whose reactions the acknowledgement report lists. */
export function chooseSentMessages(workbook: Workbook, timeZone: string): SpaceChoice | { problem: string } {
  const values = workbook.readTab(MESSAGES_TAB.name);
  if (!values) return { problem: 'There is no Messages tab. Send messages from it first (Set up sheets creates it).' };
  const messages = readTable(MESSAGES_TAB, values, { timeZone });
  if (messages.problems.length) return { problem: messages.problems.map((p) => p.message).join(' ') };
  const spaces = spacesOf(read(workbook, SPACES_TAB, timeZone), SPACES_COL.spaceId, SPACES_COL.spaceName);
  const byName = new Map<string, SheetSpace[]>();
  for (const s of spaces) {
    const k = nameKey(s.displayName);
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const nameOf = new Map(spaces.map((s) => [s.space, s.displayName]));
  const units: ExportUnit[] = [];
  const seen = new Set<string>();
  let directMessages = 0;
  let withId = 0;
  for (const r of messages.rows) {
    const id = (r.cells[MESSAGES_COL.messageId] ?? '').trim();
    if (!/^client-[a-z0-9-]+$/.test(id)) continue;
    withId++;
    const parsed = parseMessageTarget(r.cells[MESSAGES_COL.space] ?? '');
    const target = parsed.target;
    if (!target) continue;
    let targets: { space: string; displayName: string }[] = [];
    if (target.kind === 'id') targets = [{ space: target.name, displayName: nameOf.get(target.name) ?? '' }];
    else if (target.kind === 'name') targets = byName.get(nameKey(target.displayName)) ?? [];
    else if (target.kind === 'all') targets = spaces.filter((s) => s.status !== STATUS.deleted);
    else if (target.kind === 'tag') targets = spaces.filter((s) => s.tags.includes(target.tag));
    else {
      const key = `dm:${target.email}/${id}`;
      if (!seen.has(key)) {
        seen.add(key);
        directMessages++;
        units.push({
          key,
          space: '',
          displayName: `Direct message with ${target.email}`,
          dm: target.email,
          messageId: id,
          row: r.row,
        });
      }
    }
    for (const t of targets) {
      const message = `${t.space}/messages/${id}`;
      if (seen.has(message)) continue;
      seen.add(message);
      units.push({ key: message, space: t.space, displayName: t.displayName, message, row: r.row });
    }
  }
  if (!units.length)
    return {
      problem: withId
        ? 'The Messages rows with a Message ID target no space with a Space ID on the Spaces tab.'
        : 'No Messages row has a Message ID yet: send the messages first, then run this report.',
    };
  const dm = directMessages ? `, ${directMessages} of them in direct messages` : '';
  return { units, how: `${units.length} sent message${units.length === 1 ? '' : 's'} (message × space${dm})` };
}

/**
 * Emails of people Chat names only by `users/{id}`: every address on the Spaces tab (Members, Managers, Owners)
 * and the Members tab whose id an earlier run learned (the user cache keeps `u:{email}` → `users/{id}` for hours).
 * One cache read; people never seen stay as their id.
 */
export function knownPeople(workbook: Workbook, cache: Cache, timeZone: string): Map<string, string> {
  const emails = new Set<string>();
  const collect = (tab: typeof SPACES_TAB, headers: string[]) => {
    const values = workbook.readTab(tab.name);
    if (!values) return;
    const table = readTable(tab, values, { timeZone });
    for (const r of table.rows)
      for (const h of headers) for (const e of parseEmailList(r.cells[h] ?? '', h).emails) emails.add(e);
  };
  collect(SPACES_TAB, [SPACES_COL.members, SPACES_COL.managers, SPACES_COL.owners]);
  collect(MEMBERS_TAB, [MEMBERS_COL.member]);
  const byId = new Map<string, string>();
  if (!emails.size) return byId;
  const found = cache.getAll([...emails].map((e) => `u:${e}`));
  for (const [key, id] of Object.entries(found)) byId.set(id, key.slice(2));
  return byId;
}
