/**
 * `npm run bench`: builds nothing itself (the npm script builds first), then measures every scenario in
 * bench/scenarios/ against the built bundle and its naive baseline, measures the sidebar renders and the bundle
 * size, prints the tables and writes them with the command and date to bench/RESULTS.md.
 *
 * Options: `--only <id>[,<id>]` measure some scenarios (RESULTS.md is then not written), `--no-policies` skip the
 * Editor add-on trigger-policy runs, `--no-write` print only, `--seed <n>`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { measure, type ScenarioResult } from './measure';
import { modelStatement, scenarioTable, uiTable } from './report';
import { SCENARIOS } from './scenarios';
import { measureUi } from './ui';
import { BUNDLE } from './world';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const started = Date.now();
  const only = arg('--only')?.split(',');
  const seed = Number(arg('--seed') ?? 1);
  const write = !only && !process.argv.includes('--no-write');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const date = new Date().toISOString();
  const command = `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;

  process.stdout.write(`${modelStatement()}\n`);
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.id))) {
    log(`${scenario.title}…`);
    const r = measure(scenario, { seed, policies: !process.argv.includes('--no-policies'), log });
    results.push(r);
    process.stdout.write(`\n${scenarioTable(r)}\n`);
  }
  log('Sidebar renders…');
  const code = fs.readFileSync(BUNDLE);
  const ui = uiTable(code.length, zlib.gzipSync(code).length, measureUi());
  process.stdout.write(`\n${ui}\n`);

  const realMinutes = (Date.now() - started) / 60_000;
  const preamble = [
    '# Benchmark results',
    '',
    `Command: \`${command}\` (after \`npm run build\`), run ${date} on ${process.platform}/${process.arch}, ` +
      `Node ${process.version}, seed ${seed}. Real time of the measurements: ${realMinutes.toFixed(1)} min.`,
    '',
    'Everything runs offline: the built dist/Code.js (and each baseline script, as its own project) in the emulated ' +
      'Apps Script runtime, against the Chat API emulator, on a virtual clock.',
    '',
    modelStatement(),
    '',
    'Figures: "active" is virtual time inside executions; "wall" adds the gaps between continuations (a bound ' +
      'script continues a minute later; an Editor add-on continues with one-shot triggers, as scheduled or — if ' +
      "Google defers them, which is unconfirmed — at the next hour). The quota bound is the busiest quota bucket's " +
      "minutes for the least work the scenario needs. The baseline is bench/baseline/*.gs, written like Google's " +
      'samples; after each stop a person runs it again a minute later, as long as a run gets further.',
  ].join('\n');
  process.stdout.write(`\nReal time: ${realMinutes.toFixed(1)} min\n`);
  if (write) {
    const body = [preamble, ...results.map(scenarioTable), ui].join('\n\n') + '\n';
    fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), body);
    log('Wrote bench/RESULTS.md');
  }
}

main();
