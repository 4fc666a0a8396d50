/**
 * `npm start`: the local playground. (The npm script builds dist/Code.js first.) Opens a workbook — the example
 * workbook by default, or `--workbook <folder|.xlsx>` — in the offline Apps Script runtime with the Google Chat API
 * emulator, runs the start-up job (Extensions ▸ Chat Spaces ▸ Apply to all rows, with continuations fired until
 * idle, dialogs answered with OK/Yes) so the first screen already shows a result, prints a summary of it, and serves
 * the playground page on http://localhost:8080 (127.0.0.1 only; `PORT` or `--port` to change). `--help` lists the
 * options.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CARD_CSS } from '../cards/html';
import { parseStartArgs, START_HELP, type StartOptions } from '../playground/cliOptions';
import { readSpecRevision } from '../playground/fidelity';
import { answerPositively, PlaygroundHost, type CallOutcome } from '../playground/host';
import { createPlaygroundServer, listen } from '../playground/server';
import type { RunReportView } from '../playground/types';

const ROOT = path.resolve(__dirname, '../..');

/** Resolves a path the user typed relative to the directory `npm start` was run from. */
function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** One-line summary of a start-up run for the terminal (rows by status, API calls, executions, virtual time). */
export function describeRun(report: RunReportView): string {
  const apiCalls = Object.values(report.apiCalls).reduce((a, b) => a + b, 0);
  const minutes = ((report.endedAt - report.startedAt) / 60_000).toFixed(1);
  const statuses = Object.entries(report.rowStatuses ?? {})
    .map(([status, n]) => `${n} ${status.toLowerCase()}`)
    .join(', ');
  const parts = [
    statuses ? `rows: ${statuses}` : undefined,
    `${apiCalls} Chat API calls` + (report.quotaErrors ? ` (${report.quotaErrors} answered 429)` : ''),
    `${report.executions.length} execution${report.executions.length === 1 ? '' : 's'}`,
    `${minutes} virtual minutes`,
  ].filter((p): p is string => p !== undefined);
  const line = `${report.label} — ${parts.join('; ')}.`;
  return report.errors.length > 0 ? `${line}\n    Errors: ${report.errors.slice(0, 3).join(' | ')}` : line;
}

/** Workspace add-on mode: the user opens the add-on from the side panel and grants it this spreadsheet. */
async function openSidePanel(host: PlaygroundHost): Promise<void> {
  await host.call('select', { sheet: 'Spaces', range: 'A1' }); // fails harmlessly when there is no Spaces tab
  const opened = await host.call('openSidebar', {});
  if (opened.kind === 'error') {
    console.error(`  Opening the side panel failed: ${opened.error}`);
    return;
  }
  const granted = await host.call('grantFileScope', { allow: true });
  const error =
    granted.kind === 'done' ? granted.state.sidebar.error : granted.kind === 'error' ? granted.error : undefined;
  console.log(
    error
      ? `  Side panel opened; granting drive.file failed: ${error}`
      : '  Side panel opened and drive.file granted for the workbook: run Preview or Apply from the card.',
  );
}

async function startUp(host: PlaygroundHost, options: StartOptions): Promise<void> {
  if (options.mode === 'workspace-addon' && options.run.length === 0) return openSidePanel(host);
  for (const [i, fn] of options.run.entries()) {
    const last = i === options.run.length - 1;
    const outcome: CallOutcome = await host.call(
      'run',
      // Each entry point runs like a menu click on the Spaces tab; continuations are fired after the last one.
      {
        functionName: fn,
        label: `Start-up: ${fn}`,
        origin: 'start-up',
        untilIdle: last && options.untilIdle,
        sheet: 'Spaces',
      },
      answerPositively,
    );
    if (outcome.kind === 'error') {
      console.error(`  Start-up run of ${fn} failed: ${outcome.error}`);
      return;
    }
    if (outcome.kind === 'done') console.log(`  ${describeRun(outcome.result as RunReportView)}`);
  }
  for (const { dialog, answer } of host.autoAnswered) {
    const text = dialog.message.replace(/\s+/g, ' ').slice(0, 200);
    console.log(`  Dialog "${dialog.title ?? ''}" answered ${answer.button}: ${text}`);
  }
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  if (options.help) {
    console.log(START_HELP);
    return;
  }
  const bundle = path.join(ROOT, 'dist', 'Code.js');
  if (!fs.existsSync(bundle)) {
    console.error('dist/Code.js is missing: run `npm run build` first (npm start does it for you).');
    process.exit(1);
  }
  const workbook = options.workbook ? userPath(options.workbook) : path.join(ROOT, 'examples', 'workbook');
  if (!fs.existsSync(workbook)) {
    console.error(`The workbook ${workbook} does not exist.`);
    process.exit(1);
  }
  // Like `npm run local`: the script's local-time Date methods follow the manifest's time zone, as in Apps Script.
  const manifestPath = path.join(ROOT, 'dist', 'appsscript.json');
  if (fs.existsSync(manifestPath)) {
    const timeZone = (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { timeZone?: unknown }).timeZone;
    if (typeof timeZone === 'string') process.env.TZ = timeZone;
  }
  const besideWorkbook = path.join(path.dirname(workbook), 'directory.json');
  const directory = options.directory
    ? userPath(options.directory)
    : fs.existsSync(besideWorkbook)
      ? besideWorkbook
      : undefined;
  if (directory && !fs.existsSync(directory)) {
    console.error(`The directory file ${directory} does not exist.`);
    process.exit(1);
  }
  const revision = await readSpecRevision(ROOT);
  console.log(
    'Chat Spaces for Sheets playground: an offline emulator of Apps Script and the Google Chat API.\n' +
      'Implementation may be incomplete or differ from the real services' +
      (revision ? ` (Chat API discovery revision ${revision}).` : '.'),
  );
  console.log(`Opening ${path.relative(process.cwd(), workbook) || workbook} in ${options.mode} mode…`);
  const host = await PlaygroundHost.start({
    rootDir: ROOT,
    workbook,
    directory,
    mode: options.mode,
    seed: options.seed,
  });
  await startUp(host, options);
  if (options.noServe) {
    await host.close();
    return;
  }
  const server = createPlaygroundServer({ host, rootDir: ROOT, cardCss: CARD_CSS });
  let url: string;
  try {
    url = await listen(server, options.port);
  } catch (e) {
    console.error(`Cannot listen on 127.0.0.1:${options.port}: ${e instanceof Error ? e.message : String(e)}`);
    console.error('Set PORT (or --port) to another port.');
    await host.close();
    process.exit(1);
  }
  console.log(`\nPlayground ready: ${url}\n(Ctrl+C to stop)`);
  const stop = (): void => {
    server.close();
    host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
