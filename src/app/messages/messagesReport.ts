/**
 * Words for the Messages tab's runs: the preview alert (rows by plan, the API calls and the minutes Google's quotas
 * impose, and how precisely scheduled messages go out in this trigger mode), and the question asked before a recall
 * (how many rows, how many spaces), counted from the sheet without any API call.
 */
import { planTargets, schedulePrecision, SENT_STATUSES } from '../../domain/messagePlan';
import { estimateRun } from '../../domain/quota';
import { STATUS } from '../../domain/tabs';
import { plural } from '../../domain/text';
import type { RunContext } from '../../ports/runtime';
import type { JobState } from '../jobs/jobStore';
import type { MessagesSheet } from './messagesSheet';

function minutes(ms: number): string {
  const m = ms / 60_000;
  return m < 1 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${m.toFixed(m < 10 ? 1 : 0)} min`;
}

/** The preview alert. */
export function messagesPreviewSummary(job: JobState, context: RunContext, scheduleOn: boolean): string {
  const c = job.counts;
  const n = (k: string) => c[k] ?? 0;
  const planned = (job.extra?.plannedCalls ?? {}) as Record<string, number>;
  const estimate = estimateRun(planned, { context });
  const lines = [
    `${n('Planned')} to send now, ${n('Scheduled')} scheduled for later, ${n('Already sent')} already sent, ${n('Failed')} with problems (see Details).`,
    `Sending would make ${plural(estimate.calls, 'API call')}; Google's quotas (3,000 message writes a minute, 1 write a second in each space) allow that in about ${minutes(estimate.boundMs)}.`,
    `Scheduled messages: ${schedulePrecision(context)}. Scheduled sending is ${scheduleOn ? 'on' : 'off (turn it on with Messages > Turn on scheduled sending)'}.`,
    'Nothing was posted in Chat.',
  ];
  return lines.join('\n');
}

/** Rows of a selection whose messages a recall would delete, and the spaces they are in (as far as the sheet says). */
export function recallScope(sheet: MessagesSheet, rowIds: ReadonlySet<string>): { rows: number; targets: number } {
  let rows = 0;
  let targets = 0;
  for (const r of sheet.rows) {
    if (!rowIds.has(r.rowId) || r.status === STATUS.deleted || !r.message) continue;
    if (!SENT_STATUSES.has(r.status) && r.messageId === '') continue;
    const plan = planTargets(r.message, sheet.catalog, r.cells, { render: false });
    if (plan.problem !== undefined) continue;
    rows++;
    targets += plan.targets.length;
  }
  return { rows, targets };
}

/** The confirmation asked before a recall. */
export function recallQuestion(scope: { rows: number; targets: number }): string {
  return (
    `Delete the messages of ${plural(scope.rows, 'selected row')} from ${plural(scope.targets, 'space')}? ` +
    'They disappear for everyone in Chat and cannot be restored.'
  );
}
