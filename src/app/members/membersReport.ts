/**
 * The words a Members run ends with: the preview alert (rows with a plan, API calls and the minutes the quotas
 * impose, then every removal Member sync Exact would make, space by space) and the apply alert.
 */
import type { RunContext } from '../../ports/runtime';
import { previewSummary } from '../jobs/jobReport';
import type { JobState } from '../jobs/jobStore';

/** How many names of one space the alert shows; the Spaces row's Details has them all. */
const NAMES_SHOWN = 25;

/** The preview alert of a Members run. */
export function previewMembersSummary(job: JobState, context: RunContext): string {
  const removals = (job.extra?.removals ?? {}) as Record<string, string[]>;
  const lines = [previewSummary(job, context)];
  const spaces = Object.entries(removals).filter(([, who]) => who.length);
  if (spaces.length) {
    const total = spaces.reduce((n, [, who]) => n + who.length, 0);
    lines.push(
      `Member sync Exact would remove ${total} member${total === 1 ? '' : 's'} not on the sheet (also in each Spaces row's Details):`,
    );
    for (const [space, who] of spaces) {
      const shown = who.slice(0, NAMES_SHOWN).join(', ');
      lines.push(`• ${space}: ${shown}${who.length > NAMES_SHOWN ? ` and ${who.length - NAMES_SHOWN} more` : ''}`);
    }
  }
  return lines.join('\n');
}
