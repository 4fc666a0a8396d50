/**
 * Prints the Spaces apply scale figures for the built bundle (run `npm run build` first):
 * `npx tsx scripts/spaces-scale-figures.ts [rows] [membersPerRow]` applies the bulk Spaces sheet (default 1,000
 * rows × 10 people, test/integration/scale/bulkSheet.ts) in the emulator as a bound script, as an Editor add-on
 * whose one-shot triggers fire as scheduled, and as one whose triggers wait for the next hour, with no faults and
 * no kills, plus a tenth of the rows as a bound script for comparison. For each: virtual minutes of active
 * execution against the quota bound (the busiest per-project bucket: its project-bucket calls divided by its
 * per-minute limit), API calls per row, spreadsheet service calls per execution, executions, and wall minutes
 * including the gaps between continuations.
 */
import { bucketsFor, QUOTA_BUCKETS, type BucketId } from '../src/domain/quota';
import { bulkSheet } from '../test/integration/scale/bulkSheet';
import { SheetSession, type ApplyRun } from '../test/integration/scale/harness';

interface Figures {
  label: string;
  rows: number;
  run: ApplyRun;
}

function quotaBound(calls: Record<string, number>): { bucket: string; minutes: number; perBucket: string } {
  const writes = new Map<BucketId, number>();
  for (const [method, n] of Object.entries(calls)) {
    for (const b of bucketsFor(method))
      if (QUOTA_BUCKETS[b].scope === 'project') writes.set(b, (writes.get(b) ?? 0) + n);
  }
  let bucket = 'none';
  let minutes = 0;
  const parts: string[] = [];
  for (const [b, n] of writes) {
    const spec = QUOTA_BUCKETS[b];
    const m = (n / spec.limit) * (spec.windowMs / 60_000);
    parts.push(`${spec.label} ${n}/${spec.limit} = ${m.toFixed(2)} min`);
    if (m > minutes) {
      minutes = m;
      bucket = spec.label;
    }
  }
  return { bucket, minutes, perBucket: parts.join('; ') };
}

function report(f: Figures): void {
  const { run } = f;
  const calls = Object.values(run.apiCalls).reduce((a, b) => a + b, 0);
  const bound = quotaBound(run.apiCalls);
  const ss = run.spreadsheetCallsPerExecution;
  console.log(`\n${f.label}: ${f.rows} rows`);
  console.log(`  executions: ${run.executions.length}`);
  console.log(`  active execution: ${(run.activeMs / 60_000).toFixed(2)} virtual min`);
  console.log(`  quota bound: ${bound.minutes.toFixed(2)} min (${bound.bucket}); ${bound.perBucket}`);
  console.log(`  active / bound: ${((run.activeMs / 60_000 / bound.minutes) * 100).toFixed(1)} %`);
  console.log(`  wall (continuation gaps included): ${(run.wallMs / 60_000).toFixed(2)} virtual min`);
  console.log(`  API calls: ${calls} (${(calls / f.rows).toFixed(2)} per row): ${JSON.stringify(run.apiCalls)}`);
  console.log(
    `  spreadsheet calls per execution: [${ss.join(', ')}] (total ${ss.reduce((a, b) => a + b, 0)}, max ${Math.max(...ss)})`,
  );
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1000);
  const members = Number(process.argv[3] ?? 10);
  const sheet = bulkSheet(rows, members);
  const runs: { label: string; mode: 'bound' | 'editor-addon'; hourly?: boolean; rows: number }[] = [
    { label: 'bound script', mode: 'bound', rows },
    { label: 'Editor add-on, one-shot triggers as scheduled', mode: 'editor-addon', rows },
    { label: 'Editor add-on, one-shot triggers at the next hour', mode: 'editor-addon', hourly: true, rows },
    { label: 'bound script, a tenth of the rows', mode: 'bound', rows: Math.max(1, Math.round(rows / 10)) },
  ];
  for (const r of runs) {
    const session = await SheetSession.open({
      mode: r.mode,
      rows: r.rows === rows ? sheet.rows : bulkSheet(r.rows, members).rows,
      seed: 1,
      behaviour: r.hourly ? { addonOneShotDelay: 'next-hour' } : undefined,
    });
    report({ label: r.label, rows: r.rows, run: session.apply() });
  }
}

void main();
