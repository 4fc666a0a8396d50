/**
 * Turns measured figures into the tables `npm run bench` prints and writes to bench/RESULTS.md: one table per
 * scenario with the add-on and the naive baseline side by side, the sidebar render table, and the preamble that
 * states the command, the date, the latency and cost models the virtual clock follows, and the real time taken.
 */
import { DEFAULT_LATENCY } from '../emulator/chat/latency';
import { DEFAULT_COSTS } from '../emulator/runtime/options';
import type { ScenarioResult, SideFigures } from './measure';
import type { RenderFigures } from './ui';

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const n2 = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Markdown table from a header and rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function modelStatement(): string {
  const l = DEFAULT_LATENCY;
  const c = DEFAULT_COSTS;
  return [
    `Latency model (Chat emulator defaults): reads ${l.readMs} ms, writes ${l.writeMs} ms, spaces.create ` +
      `${l.spaceCreateMs} ms, spaces.setup ${n0(l.setupBaseMs)} ms + ${l.setupPerMemberMs} ms per membership, ` +
      `+${l.listPerItemMs} ms per listed item, refused requests (429, validation) ${l.rejectMs} ms, ±${l.jitter * 100} % seeded ` +
      `jitter; fetchAll takes as long as its slowest request.`,
    `Apps Script cost model (runtime defaults): ${c.spreadsheetCallMs} ms per spreadsheet call + ${c.spreadsheetCellMs} ms ` +
      `per cell, ${c.propertiesCallMs} ms per Properties/Cache/Lock call, ${c.scriptAppCallMs} ms per trigger call, ` +
      `6-minute executions. The script's own CPU is not charged to virtual time here (cpuFactor 0, so figures do not ` +
      `depend on this machine's load); it is measured in Node and reported per row.`,
    'Quotas enforced by the emulator: 60 space writes, 300 membership writes, 3,000 message writes, 3,000 reads of ' +
      'each kind per minute per project; 1 write and 15 reads per second per space.',
  ].join('\n');
}

function side(f: SideFigures | undefined, pick: (f: SideFigures) => string): string {
  return f ? pick(f) : '—';
}

/** One scenario's table. */
export function scenarioTable(r: ScenarioResult): string {
  const s = r.scenario;
  const a = r.addOn;
  const b = r.baseline;
  const head = `### ${s.title}: ${s.description}\n\nQuota bound (least work, busiest bucket): ${n1(r.boundMinutes)} min (${r.boundBucket}).`;
  const addOnNote = r.skipped ? `\n\nAdd-on: ${r.skipped}.` : '';
  const rows: string[][] = [
    [
      'Rows done / failed / not reached',
      side(
        a,
        (f) => `${n0(f.outcome.done)} / ${n0(f.outcome.failed)} / ${n0(s.rows - f.outcome.done - f.outcome.failed)}`,
      ),
      `${n0(b.outcome.done)} / ${n0(b.outcome.failed)} / ${n0(s.rows - b.outcome.done - b.outcome.failed)}`,
    ],
    ['Chat afterwards', side(a, (f) => f.outcome.note ?? ''), b.outcome.note ?? ''],
    [
      'First execution: rows done before it stopped',
      side(a, () => '—'),
      `${n0(r.baselineFirstRun.done)} (${r.baseline.killed ? 'killed at 6 min' : 'finished'})`,
    ],
    ['Active virtual minutes', side(a, (f) => n1(f.activeMinutes)), n1(b.activeMinutes)],
    [
      'Active minutes ÷ quota bound',
      side(a, (f) => `${n2(f.activeMinutes / r.boundMinutes)}×`),
      b.outcome.done >= s.rows ? `${n2(b.activeMinutes / r.boundMinutes)}×` : 'did not finish',
    ],
    ...r.policies.map((p) => [`Wall minutes: ${p.label}`, `${n1(p.wallMinutes)} (${p.executions} executions)`, '—']),
    [
      'Wall minutes, baseline re-run by hand a minute after each stop',
      '—',
      `${n1(b.wallMinutes)} (${r.baselineRuns} runs${b.outcome.done >= s.rows ? '' : ', stopped when a run made no progress'})`,
    ],
    ['Executions', side(a, (f) => n0(f.executions)), n0(b.executions)],
    ['Executions killed by the 6-minute limit', side(a, (f) => n0(f.killed)), n0(b.killed)],
    [
      'API calls per row (all calls incl. retries)',
      side(a, (f) => n1(f.apiCalls / s.rows)),
      n1(b.apiCalls / Math.max(1, b.outcome.done + b.outcome.failed)) + ' per row reached',
    ],
    ['429 answers', side(a, (f) => n0(f.rateLimited)), n0(b.rateLimited)],
    [
      'Spreadsheet calls per execution (max)',
      side(a, (f) => `${n1(f.spreadsheetCallsPerExecution)} (${n0(f.maxSpreadsheetCalls)})`),
      `${n1(b.spreadsheetCallsPerExecution)} (${n0(b.maxSpreadsheetCalls)})`,
    ],
    [
      'Script CPU ms per row (Node)',
      side(a, (f) => n2(f.cpuMs / s.rows)),
      n2(b.cpuMs / Math.max(1, b.outcome.done + b.outcome.failed)) + ' per row reached',
    ],
  ];
  const refused =
    a && a.rateLimited
      ? `Add-on 429 answers by method (refusing bucket): ${Object.entries(a.rateLimitedBy)
          .sort((x, y) => y[1] - x[1])
          .map(([k, v]) => `${k.replace(/^chat\./, '')} ${n0(v)}`)
          .join(', ')}.`
      : '';
  const errors = [...(a?.errors ?? []).map((e) => `add-on: ${e}`), ...b.errors.map((e) => `baseline: ${e}`)];
  const calls = a
    ? `\n\nAdd-on API calls by method: ${Object.entries(a.apiCallsByMethod)
        .sort((x, y) => y[1] - x[1])
        .map(([m, k]) => `${m.replace(/^chat\./, '')} ${n0(k)}`)
        .join(', ')}.`
    : '';
  return [
    head + addOnNote,
    '',
    table(['Figure', 'Add-on', 'Naive baseline'], rows),
    calls.trim() ? calls.trim() : '',
    refused,
    errors.length ? `Execution errors: ${errors.join(' | ')}` : '',
    `(measured in ${n1(r.realSeconds)} s of real time)`,
  ]
    .filter((x) => x !== '')
    .join('\n\n');
}

export function uiTable(bundleBytes: number, gzipBytes: number, renders: readonly RenderFigures[]): string {
  return [
    `### Bundle and sidebar\n\nBundle dist/Code.js: ${n0(bundleBytes / 1024)} KB (${n0(gzipBytes / 1024)} KB gzipped). ` +
      'Renders are medians of 5 in Workspace add-on mode, the Chat and sheet state of the onboarding end state.',
    table(
      ['Render', 'Virtual ms (30,000 allowed)', 'Script CPU ms', 'Real ms in Node', 'API calls', 'Spreadsheet calls'],
      renders.map((r) => [r.label, n0(r.virtualMs), n1(r.cpuMs), n1(r.realMs), n0(r.apiCalls), n0(r.spreadsheetCalls)]),
    ),
  ].join('\n\n');
}
