/**
 * The job card: the running or last job of this spreadsheet — what it does, rows done out of the total, counts by
 * outcome, API calls, time spent waiting for quota, executions so far and when the next continuation is due,
 * errors with their row numbers — with Refresh, Cancel, "Continue now" (when a continuation is late) and Open Log.
 */
import type { JobProgress } from '../../app/sidebar/jobs';
import { formatCount, plural } from '../../domain/text';
import { duration, formatWhen, oneLine } from './format';
import { act, type ButtonView, type CardView, type SectionView, type WidgetView } from './model';
import { PARAM } from './params';

export interface JobViewModel {
  progress?: JobProgress;
  /** The preview summary (what applying would take), for a finished preview. */
  previewSummary?: string;
  timeZone: string;
  now: number;
  /** Link to the Log tab. */
  logUrl?: string;
  notice?: string;
}

const STATE_TEXT: Record<JobProgress['state'], string> = {
  running: 'Running',
  cancelling: 'Cancelling…',
  finished: 'Finished',
  cancelled: 'Cancelled',
};

export function jobView(model: JobViewModel): CardView {
  const sections: SectionView[] = [];
  if (model.notice) sections.push({ widgets: [{ kind: 'paragraph', text: model.notice }] });
  const p = model.progress;
  if (!p) {
    sections.push({
      widgets: [
        { kind: 'paragraph', text: 'No run yet on this spreadsheet. Start one from the homepage (Preview or Apply).' },
      ],
    });
    sections.push({ widgets: [{ kind: 'buttons', buttons: footerButtons(model, undefined) }] });
    return { name: 'job', title: 'Job', sections };
  }
  const widgets: WidgetView[] = [
    {
      kind: 'decorated',
      top: 'Status',
      text: [{ text: STATE_TEXT[p.state], bold: true }],
      bottom: `Started ${formatWhen(p.startedAt, model.timeZone, model.now)}`,
      icon: 'CLOCK',
      wrap: true,
    },
    {
      kind: 'decorated',
      top: 'Rows done',
      text:
        p.rowsTotal !== undefined
          ? `${formatCount(p.rowsDone)} of ${formatCount(p.rowsTotal)}`
          : formatCount(p.rowsDone),
      bottom: countsText(p.counts) || undefined,
      wrap: true,
    },
    {
      kind: 'decorated',
      top: 'Waiting for quota',
      text: duration(p.quotaWaitMs),
      bottom: p.retries ? `${plural(p.retries, 'retry', 'retries')} after temporary errors` : undefined,
    },
    {
      kind: 'decorated',
      top: 'Executions',
      text: formatCount(p.executions),
      bottom: `${plural(p.apiCalls, 'API call')}${p.maxGapMs > 60_000 ? ` · continuations started up to ${duration(p.maxGapMs, true)} late` : ''}`,
      wrap: true,
    },
  ];
  if (p.nextAt !== undefined && (p.state === 'running' || p.state === 'cancelling')) {
    widgets.push({
      kind: 'decorated',
      top: 'Next continuation',
      text: formatWhen(p.nextAt, model.timeZone, model.now),
      bottom:
        p.nextAt < model.now
          ? 'Late: Google starts add-on triggers when it can. Continue now to run the next step here.'
          : undefined,
      wrap: true,
    });
  }
  if (p.finishedAt)
    widgets.push({ kind: 'decorated', top: 'Ended', text: formatWhen(p.finishedAt, model.timeZone, model.now) });
  sections.push({ title: p.title, widgets });
  if (model.previewSummary)
    sections.push({ title: 'What applying would take', widgets: [{ kind: 'paragraph', text: model.previewSummary }] });
  if (p.errors.length) {
    sections.push({
      title: `Errors (${formatCount(p.errors.length + p.moreErrors)})`,
      collapsible: p.errors.length > 3,
      uncollapsible: 3,
      widgets: [
        ...p.errors.map((e): WidgetView => ({
          kind: 'decorated',
          top: e.row > 0 ? `Row ${e.row}` : 'The run',
          text: oneLine(e.message, 300),
          wrap: true,
        })),
        ...(p.moreErrors
          ? [
              {
                kind: 'paragraph' as const,
                text: `${plural(p.moreErrors, 'more error')}: see the Details column and the Log tab.`,
              },
            ]
          : []),
      ],
    });
  }
  sections.push({ widgets: [{ kind: 'buttons', buttons: footerButtons(model, p) }] });
  return { name: 'job', title: 'Job', subtitle: `${p.title} · ${STATE_TEXT[p.state].toLowerCase()}`, sections };
}

function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${formatCount(n)} ${status.toLowerCase()}`)
    .join(', ');
}

function footerButtons(model: JobViewModel, p: JobProgress | undefined): ButtonView[] {
  const buttons: ButtonView[] = [
    { text: 'Refresh', action: act('showJob', { [PARAM.nav]: 'update' }), style: 'filled' },
  ];
  if (p && p.state === 'running') {
    buttons.push({ text: 'Cancel', action: act('cancelJobFromCard') });
    if (p.nextAt !== undefined && p.nextAt < model.now)
      buttons.push({ text: 'Continue now', action: act('continueJobNow') });
  }
  if (model.logUrl) buttons.push({ text: 'Open Log', openUrl: model.logUrl });
  return buttons;
}
