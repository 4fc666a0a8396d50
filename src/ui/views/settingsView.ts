/**
 * The settings card (per user): how triggers behave where the add-on runs, the default member sync mode, the time
 * zone of `Send at`, whether destructive actions ask first, and the schedules — sending scheduled messages and
 * syncing members periodically — each with its state, interval, next run and an on/off button, plus how many of
 * the 20 triggers allowed per user are in use.
 */
import type { SchedulesOverview } from '../../app/sidebar/schedules';
import { INTERVAL_CHOICES_HOURS } from '../../app/sidebar/schedules';
import type { SidebarSettings } from '../../app/sidebar/settings';
import type { RunContext } from '../../ports/runtime';
import { plural } from '../../domain/text';
import { formatWhen } from './format';
import { act, type CardView, type SectionView, type WidgetView } from './model';
import { FIELD, PARAM, YES } from './params';

export interface SettingsModel {
  settings: SidebarSettings;
  context: RunContext;
  /** The spreadsheet's (or script's) zone, used when `Send at` zone is blank. */
  defaultTimeZone: string;
  schedules: SchedulesOverview;
  /** Schedules are per spreadsheet: turning one on needs the spreadsheet. */
  fileAccess: boolean;
  now: number;
  notice?: string;
}

const CONTEXT_TEXT: Record<RunContext, string> = {
  bound:
    'This copy runs as a script bound to the spreadsheet: long runs continue about a minute apart, and schedules could repeat every few minutes (the sidebar offers hourly and longer).',
  'editor-addon':
    'This copy runs as an Editor add-on: Google lets add-ons repeat a trigger at most hourly, so schedules run every hour or less often. Long runs continue with one-shot triggers about a minute apart.',
  'workspace-addon':
    'This copy runs as a Google Workspace add-on: schedules repeat at most hourly, and long runs continue with one-shot triggers that Google starts when it can (usually within minutes). The job card shows when the next step is due.',
};

export function settingsView(model: SettingsModel): CardView {
  const s = model.settings;
  const sections: SectionView[] = [];
  if (model.notice) sections.push({ widgets: [{ kind: 'paragraph', text: model.notice }] });
  sections.push({ title: 'Triggers', widgets: [{ kind: 'paragraph', text: CONTEXT_TEXT[model.context] }] });
  sections.push({
    title: 'Defaults',
    widgets: [
      {
        kind: 'choice',
        name: FIELD.memberSyncDefault,
        title: 'Member sync when a row leaves it blank',
        style: 'dropdown',
        options: [
          { text: 'Add only: never remove anyone', value: 'add-only', selected: s.memberSyncDefault === 'add-only' },
          { text: 'Exact: also remove people not listed', value: 'exact', selected: s.memberSyncDefault === 'exact' },
        ],
      },
      {
        kind: 'textInput',
        name: FIELD.sendAtTimeZone,
        title: 'Time zone of Send at',
        value: s.sendAtTimeZone,
        hint: `Blank: the spreadsheet’s (${model.defaultTimeZone})`,
      },
      {
        kind: 'checkbox',
        name: FIELD.confirmDestructive,
        text: 'Ask before removing a member, deleting a message or cancelling a job',
        value: YES,
        selected: s.confirmDestructive,
      },
      { kind: 'buttons', buttons: [{ text: 'Save settings', action: act('saveSidebarSettings'), style: 'filled' }] },
    ],
  });
  const widgets: WidgetView[] = [];
  for (const sched of model.schedules.schedules) {
    const id = sched.definition.id;
    const where = sched.onHere
      ? sched.otherSpreadsheets
        ? ` for this spreadsheet and ${plural(sched.otherSpreadsheets, 'other')}`
        : ' for this spreadsheet'
      : sched.on
        ? sched.otherSpreadsheets
          ? ` for ${plural(sched.otherSpreadsheets, 'other spreadsheet')}, not this one`
          : ' (installed elsewhere)'
        : '';
    const state = sched.on
      ? `On${sched.everyHours ? `, every ${sched.everyHours < 1 ? plural(Math.round(sched.everyHours * 60), 'minute') : plural(sched.everyHours, 'hour')}` : ''}${where}`
      : 'Off';
    widgets.push({
      kind: 'decorated',
      top: sched.definition.title,
      text: sched.definition.available ? state : 'Not available in this version yet',
      bottom: sched.nextRunAt
        ? `Next run about ${formatWhen(sched.nextRunAt, model.defaultTimeZone, model.now)}`
        : sched.definition.description,
      icon: 'CLOCK',
      wrap: true,
    });
    if (!sched.definition.available) continue;
    widgets.push({
      kind: 'choice',
      name: `${FIELD.everyPrefix}${id}`,
      title: 'Every',
      style: 'dropdown',
      options: INTERVAL_CHOICES_HOURS.map((h) => ({
        text: plural(h, 'hour'),
        value: String(h),
        selected: h === (sched.everyHours ?? 1),
      })),
    });
    widgets.push({
      kind: 'buttons',
      buttons: [
        {
          text: sched.onHere ? 'Update' : 'Turn on here',
          action: act('turnScheduleOn', { [PARAM.schedule]: id }),
          disabled: !model.fileAccess,
        },
        { text: 'Turn off', action: act('turnScheduleOff', { [PARAM.schedule]: id }), disabled: !sched.on },
      ],
    });
  }
  widgets.push({
    kind: 'paragraph',
    text: `${plural(model.schedules.triggersInUse, 'trigger')} of ${model.schedules.limit} in use (all schedules and running jobs).`,
  });
  sections.push({ title: 'Schedules', widgets });
  return { name: 'settings', title: 'Settings', subtitle: 'Saved for you, in every spreadsheet', sections };
}
