/**
 * Words for a job: the progress toast, the "Show last run" alert and the preview summary (counts, API calls and the
 * minutes Google's quotas impose, split into executions for the current trigger mode).
 */
import { estimateRun } from '../../domain/quota';
import type { RunContext } from '../../ports/runtime';
import type { JobState } from './jobStore';

function minutes(ms: number): string {
  const m = ms / 60_000;
  return m < 1 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${m.toFixed(m < 10 ? 1 : 0)} min`;
}

/** Progress or result of a job in a few lines; `title` names its kind ("Apply spaces"). */
export function describeJob(job: JobState, title: string): string {
  const rows = Object.values(job.counts).reduce((a, b) => a + b, 0);
  const counts = Object.entries(job.counts)
    .map(([status, n]) => `${n} ${status.toLowerCase()}`)
    .join(', ');
  const lines = [
    `${title}: ${job.finishedAt ? (job.cancelled ? 'cancelled' : 'finished') : 'in progress'}.`,
    `Rows done: ${rows}${job.rowIds ? ` of ${job.rowIds.length}` : ''}${counts ? ` (${counts})` : ''}.`,
    `API calls: ${job.apiCalls}; waits for quota: ${minutes(job.quotaWaitMs)}; retries: ${job.retries}; executions: ${job.executions}.`,
  ];
  if (!job.finishedAt && job.nextAt)
    lines.push(`Next step at ${new Date(job.nextAt).toISOString().replace('T', ' ').slice(0, 16)} UTC.`);
  if (job.maxGapMs > 60_000) lines.push(`Continuations started up to ${minutes(job.maxGapMs)} late.`);
  if (job.errors.length)
    lines.push(
      `Errors: ${job.errors
        .slice(0, 5)
        .map((e) => `row ${e.row}: ${e.message}`)
        .join(' | ')}${job.errors.length > 5 ? ' …' : ''}`,
    );
  return lines.join('\n');
}

/** The preview alert: what would change, the API calls it takes and the time the quotas impose. */
export function previewSummary(job: JobState, context: RunContext): string {
  const planned = (job.extra?.plannedCalls ?? {}) as Record<string, number>;
  const c = job.counts;
  const rows = Object.values(c).reduce((a, b) => a + b, 0);
  const estimate = estimateRun(planned, { context });
  const lines = [
    `${rows} row${rows === 1 ? '' : 's'} checked: ${c['Planned'] ?? 0} with a plan, ${c['Failed'] ?? 0} with problems (see Details).`,
    `Applying would make ${estimate.calls} API call${estimate.calls === 1 ? '' : 's'}.`,
    `Google's quotas allow that in about ${minutes(estimate.boundMs)} (busiest quota: ${estimate.busiest}); ` +
      `${estimate.executions} execution${estimate.executions === 1 ? '' : 's'}, about ${minutes(estimate.wallMs)} end to end${context === 'bound' ? '' : ' if continuations start on time (add-on triggers may run hourly: up to ' + minutes(estimate.hourlyWallMs) + ')'}.`,
    'Nothing was changed in Chat.',
  ];
  return lines.join('\n');
}
