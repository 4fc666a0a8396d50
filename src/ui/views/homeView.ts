/**
 * The homepage card: a search box; the spaces of this spreadsheet's Spaces tab with their Status (or a button to
 * allow access to the spreadsheet, or to set up the tabs); the bulk runs (Preview, Apply, Sync members, Send
 * messages) and the running job; and the user's other spaces, paged. Every space opens its space card.
 */
import type { JobChoice, JobProgress } from '../../app/sidebar/jobs';
import type { SheetSpacesPage } from '../../app/sidebar/sheetSpaces';
import type { YourSpacesPage } from '../../app/sidebar/yourSpaces';
import { SHEET_ROWS_PAGE_SIZE } from '../../app/sidebar/sheetSpaces';
import { formatCount, humanList, plural } from '../../domain/text';
import { oneLine, spaceTitle, spaceTypeLabel } from './format';
import { act, type ButtonView, type CardView, type SectionView, type WidgetView } from './model';
import { FIELD, PARAM } from './params';

export interface HomeModel {
  /** Whether the add-on may open the spreadsheet (drive.file granted for it). */
  fileAccess: boolean;
  spreadsheetTitle?: string;
  /** The Spaces tab page, when the spreadsheet could be read. */
  sheet?: SheetSpacesPage;
  /** The running job of this spreadsheet. */
  job?: JobProgress;
  jobChoices: readonly JobChoice[];
  yourSpaces: YourSpacesPage;
  query: string;
  /** A sentence shown at the top (e.g. after an action). */
  notice?: string;
}

const STATUS_ORDER = [
  'Created',
  'Updated',
  'Linked existing',
  'Up to date',
  'Planned',
  'In progress',
  'Failed',
  'Skipped',
  'Not run yet',
];

export function homeView(model: HomeModel): CardView {
  const sections: SectionView[] = [searchSection(model)];
  if (model.notice) sections.unshift({ widgets: [{ kind: 'paragraph', text: model.notice }] });
  sections.push(sheetSection(model), jobsSection(model), yourSpacesSection(model));
  return {
    name: 'home',
    title: 'Chat Spaces',
    subtitle: model.spreadsheetTitle ? `Spreadsheet: ${model.spreadsheetTitle}` : 'Google Chat spaces from Sheets',
    sections,
  };
}

function searchSection(model: HomeModel): SectionView {
  const buttons: ButtonView[] = [
    { text: 'Search', action: act('showHome', { [PARAM.nav]: 'update' }), style: 'filled' },
  ];
  if (model.query)
    buttons.push({ text: 'Clear', action: act('showHome', { [PARAM.nav]: 'update', [PARAM.query]: '-' }) });
  return {
    widgets: [
      {
        kind: 'textInput',
        name: FIELD.query,
        title: 'Find a space by name',
        value: model.query,
        hint: 'Words from the space name',
      },
      { kind: 'buttons', buttons },
    ],
  };
}

function sheetSection(model: HomeModel): SectionView {
  const title = 'This spreadsheet';
  if (!model.fileAccess) {
    return {
      title,
      widgets: [
        {
          kind: 'paragraph',
          text: 'To list the spaces of this spreadsheet and run Preview or Apply, allow the add-on to use this spreadsheet (only this file).',
        },
        {
          kind: 'buttons',
          buttons: [{ text: 'Allow access to this spreadsheet', action: act('requestFileAccess'), style: 'filled' }],
        },
      ],
    };
  }
  const sheet = model.sheet;
  if (!sheet || !sheet.hasTab) {
    return {
      title,
      widgets: [
        {
          kind: 'paragraph',
          text: 'This spreadsheet has no Spaces tab yet. Set up the Spaces, Members, Messages and Log tabs, then add one row per space.',
        },
        { kind: 'buttons', buttons: [{ text: 'Set up sheets', action: act('setUpSheetsFromCard'), style: 'filled' }] },
      ],
    };
  }
  if (sheet.problem)
    return { title, widgets: [{ kind: 'paragraph', text: [{ text: sheet.problem, color: '#d93025' }] }] };
  const widgets: WidgetView[] = [];
  const counts = STATUS_ORDER.filter((s) => sheet.statusCounts[s]).map(
    (s) => `${formatCount(sheet.statusCounts[s])} ${s.toLowerCase()}`,
  );
  widgets.push({
    kind: 'paragraph',
    text: sheet.tabRows
      ? `Spaces tab: ${plural(sheet.tabRows, 'row')}${counts.length ? ` — ${counts.join(', ')}` : ''}.`
      : 'The Spaces tab has no rows yet; add one row per space.',
  });
  if (model.query && sheet.total === 0 && sheet.tabRows)
    widgets.push({ kind: 'paragraph', text: `No row of the Spaces tab matches “${model.query}”.` });
  for (const row of sheet.rows) {
    const status = row.status || 'Not run yet';
    widgets.push({
      kind: 'decorated',
      top: `Row ${row.row} · ${row.type}`,
      text: row.name ? oneLine(row.name, 60) : `(${row.type.toLowerCase()} without a name)`,
      bottom: oneLine(row.details ? `${status} — ${row.details}` : status, 120),
      wrap: true,
      icon: 'MULTIPLE_PEOPLE',
      onClick: row.spaceId ? act('showSpace', { [PARAM.space]: row.spaceId }) : undefined,
    });
  }
  const pager: ButtonView[] = [];
  if (sheet.offset > 0) {
    pager.push({
      text: '‹ Previous',
      action: act('showHome', {
        [PARAM.nav]: 'update',
        [PARAM.query]: model.query,
        [PARAM.sheetOffset]: String(Math.max(0, sheet.offset - SHEET_ROWS_PAGE_SIZE)),
      }),
    });
  }
  if (sheet.offset + SHEET_ROWS_PAGE_SIZE < sheet.total) {
    pager.push({
      text: 'Next ›',
      action: act('showHome', {
        [PARAM.nav]: 'update',
        [PARAM.query]: model.query,
        [PARAM.sheetOffset]: String(sheet.offset + SHEET_ROWS_PAGE_SIZE),
      }),
    });
  }
  if (pager.length) {
    widgets.push({
      kind: 'paragraph',
      text: `Rows ${sheet.offset + 1}–${Math.min(sheet.total, sheet.offset + SHEET_ROWS_PAGE_SIZE)} of ${formatCount(sheet.total)}`,
    });
    widgets.push({ kind: 'buttons', buttons: pager });
  }
  return { title, widgets };
}

function jobsSection(model: HomeModel): SectionView {
  const widgets: WidgetView[] = [];
  if (model.job) {
    const j = model.job;
    widgets.push({
      kind: 'decorated',
      top: j.state === 'cancelling' ? 'Cancelling' : 'Running',
      text: j.title,
      bottom: `${formatCount(j.rowsDone)}${j.rowsTotal !== undefined ? ` of ${formatCount(j.rowsTotal)}` : ''} rows done`,
      icon: 'CLOCK',
      onClick: act('showJob'),
    });
  } else {
    widgets.push({
      kind: 'paragraph',
      text: 'Runs work through every row of the tab in the background; the job card shows their progress.',
    });
  }
  const enabled = model.fileAccess && !!model.sheet?.hasTab && !model.job;
  widgets.push({
    kind: 'buttons',
    buttons: model.jobChoices.map((c) => ({
      text: c.label,
      action: act('queueJob', { [PARAM.job]: c.id }),
      style: c.id === 'apply' ? 'filled' : 'outlined',
      disabled: !enabled || !c.kind,
    })),
  });
  const missing = model.jobChoices.filter((c) => !c.kind).map((c) => c.label);
  if (missing.length) {
    widgets.push({
      kind: 'paragraph',
      text: `${humanList(missing, 'and')} ${missing.length === 1 ? 'is' : 'are'} not available in this version yet.`,
    });
  }
  widgets.push({
    kind: 'buttons',
    buttons: [{ text: model.job ? 'Job progress' : 'Last run', action: act('showJob'), disabled: !model.fileAccess }],
  });
  return { title: 'Bulk runs', widgets };
}

function yourSpacesSection(model: HomeModel): SectionView {
  const page = model.yourSpaces;
  const widgets: WidgetView[] = [];
  if (page.error) widgets.push({ kind: 'paragraph', text: [{ text: page.error, color: '#d93025' }] });
  if (page.query) {
    const more = page.hiddenMatches
      ? ` ${plural(page.hiddenMatches, 'more match', 'more matches')} not shown: add words to narrow it.`
      : '';
    widgets.push({
      kind: 'paragraph',
      text: `${plural(page.spaces.length + page.hiddenMatches, 'space')} named like “${page.query}” among ${plural(page.scanned, 'space')} read.${more}`,
    });
  } else if (!page.error && page.spaces.length === 0) {
    widgets.push({ kind: 'paragraph', text: 'You are not in any space yet.' });
  }
  for (const space of page.spaces) {
    widgets.push({
      kind: 'decorated',
      text: oneLine(spaceTitle(space.displayName, space.type), 60),
      bottom: [spaceTypeLabel(space.type), space.joinedPeople ? plural(space.joinedPeople, 'person', 'people') : '']
        .filter(Boolean)
        .join(' · '),
      icon: space.type === 'DIRECT_MESSAGE' ? 'PERSON' : 'MULTIPLE_PEOPLE',
      onClick: act('showSpace', { [PARAM.space]: space.name }),
    });
  }
  if (page.nextPageToken) {
    widgets.push({
      kind: 'buttons',
      buttons: [
        {
          text: page.query ? 'Search further ›' : 'More ›',
          action: act('showHome', {
            [PARAM.nav]: 'update',
            [PARAM.query]: page.query,
            [PARAM.spacesToken]: page.nextPageToken,
          }),
        },
      ],
    });
  }
  return { title: 'Your spaces', widgets };
}
