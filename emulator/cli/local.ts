/**
 * `npm run local -- <entryPoint> --workbook <folder|.xlsx> [--out <dir>] [--until-idle] [--mode bound|editor-addon|
 * workspace-addon] [--as <email>] [--seed <n>] [--faults <spec>] [--event <json>] [--state <chat-state.json>]
 * [--directory <json>] [--script <file or folder>] [--manifest <appsscript.json>]`: runs one entry point of the built
 * add-on offline against a workbook and the Chat emulator, and writes the results to the output folder. Exits
 * non-zero when the entry point threw.
 */
import { runLocal, type LocalRunOptions } from './localLib';
import type { ExecutionMode } from '../runtime';

const USAGE =
  'usage: npm run local -- <entryPoint> --workbook <folder|.xlsx> [--out <dir>] [--until-idle] ' +
  '[--mode bound|editor-addon|workspace-addon] [--as <email>] [--seed <n>] [--faults <spec>] [--event <json>] ' +
  '[--state <chat-state.json>] [--directory <json>] [--script <file|folder>] [--manifest <file>]';

/** Parses the command line into runner options. */
export function parseArgs(argv: readonly string[]): LocalRunOptions {
  const opts: Partial<LocalRunOptions> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    switch (arg) {
      case '--workbook':
        opts.workbook = value();
        break;
      case '--out':
        opts.out = value();
        break;
      case '--until-idle':
        opts.untilIdle = true;
        break;
      case '--mode': {
        const m = value();
        if (!['bound', 'editor-addon', 'workspace-addon'].includes(m)) throw new Error(`unknown mode ${m}\n${USAGE}`);
        opts.mode = m as ExecutionMode;
        break;
      }
      case '--as':
        opts.as = value();
        break;
      case '--seed':
        opts.seed = Number(value());
        break;
      case '--faults':
        opts.faults = value();
        break;
      case '--event':
        opts.event = JSON.parse(value()) as unknown;
        break;
      case '--state':
        opts.state = value();
        break;
      case '--directory':
        opts.directory = value();
        break;
      case '--script':
        opts.script = value();
        break;
      case '--manifest':
        opts.manifest = value();
        break;
      case '-h':
      case '--help':
        throw new Error(USAGE);
      default:
        if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
        positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new Error(USAGE);
  return { ...opts, entryPoint: positional[0] };
}

async function main(): Promise<void> {
  let options: LocalRunOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const { result, report, exitCode } = await runLocal({ ...options, setProcessTimeZone: true });
  const out = options.out ?? 'out';
  console.log(
    `${result.entryPoint}: ${result.error ? `threw ${result.error.name}: ${result.error.message}` : 'returned'} ` +
      `(${report.executions} execution(s), ${Math.round(report.virtualMs)} virtual ms, ` +
      `${Object.values(report.apiCalls).reduce((a, b) => a + b, 0)} API calls) → ${out}/`,
  );
  process.exitCode = exitCode;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
