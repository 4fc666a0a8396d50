/**
 * Command-line options of `npm start` (emulator/cli/start.ts): which workbook to open, the execution mode, the port,
 * and the job to run before the page opens. Parsing is separate from the entry so tests can check it and so the
 * help text and the defaults live in one place.
 */

/** Parsed options of `npm start`. */
export interface StartOptions {
  /** Folder of CSV files (one per tab) or an .xlsx file; default the example workbook. */
  workbook?: string;
  /** Chat directory JSON; default `directory.json` beside the workbook, if there is one. */
  directory?: string;
  mode: 'bound' | 'editor-addon' | 'workspace-addon';
  port: number;
  /** Entry points run one after the other before serving (default setUpSheets, applySpaces); empty for none. */
  run: string[];
  /** Fire due triggers after the start-up run until none is left (default true). */
  untilIdle: boolean;
  /** Seed of ids and randomness. */
  seed: number;
  /** Run the start-up job and print its summary, without serving the page (for CI smoke runs). */
  noServe: boolean;
  help: boolean;
}

/** The text `npm start -- --help` prints. */
export const START_HELP = `Usage: npm start -- [options]

Builds the add-on, opens a workbook in the offline Apps Script runtime with the Google Chat API emulator,
runs the start-up job, and serves the playground on http://localhost:8080.

Options:
  --workbook <folder|file.xlsx>  Workbook to open: a folder with one CSV per tab, or an .xlsx file
                                 (default: examples/workbook). Save writes changes back to it.
  --directory <file.json>        Chat organisation directory: users, groups, existing spaces
                                 (default: directory.json beside the workbook, if present).
  --mode <bound|editor-addon|workspace-addon>
                                 How the script project runs (default: bound).
  --port <n>                     Port on 127.0.0.1 (default: $PORT or 8080; 0 picks a free port).
  --run <fn[,fn...]>             Entry points to run, in order, before serving, as menu clicks on the
                                 Spaces tab (default: setUpSheets,applySpaces; none in workspace-addon
                                 mode, where the side panel opens with drive.file granted instead).
  --no-run                       Open the workbook without running anything.
  --no-until-idle                Do not fire continuation triggers after the start-up run.
  --seed <n>                     Seed of ids and randomness (default: 1).
  --no-serve                     Run the start-up job, print the summary and exit.
  -h, --help                     Show this help.
`;

const MODES = ['bound', 'editor-addon', 'workspace-addon'] as const;

/** Parses `argv` (without node and script). Throws an Error with a user-facing message on bad input. */
export function parseStartArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): StartOptions {
  const envPort = env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : 8080;
  const options: StartOptions = {
    mode: 'bound',
    port: envPort,
    run: ['setUpSheets', 'applySpaces'],
    untilIdle: true,
    seed: 1,
    noServe: false,
    help: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value.`);
    return v;
  };
  let runGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--workbook':
        options.workbook = take();
        break;
      case '--directory':
        options.directory = take();
        break;
      case '--mode': {
        const mode = take();
        if (!(MODES as readonly string[]).includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}.`);
        options.mode = mode as StartOptions['mode'];
        break;
      }
      case '--port':
        options.port = Number(take());
        break;
      case '--run':
        runGiven = true;
        options.run = take()
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean);
        break;
      case '--no-run':
        runGiven = true;
        options.run = [];
        break;
      case '--until-idle':
        options.untilIdle = true;
        break;
      case '--no-until-idle':
        options.untilIdle = false;
        break;
      case '--seed':
        options.seed = Number(take());
        break;
      case '--no-serve':
        options.noServe = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option ${arg}. Try --help.`);
    }
  }
  // A Workspace add-on has no menu and no active spreadsheet: menu functions cannot run there (start.ts opens the
  // side panel instead).
  if (options.mode === 'workspace-addon' && !runGiven) options.run = [];
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('The port must be an integer between 0 and 65535.');
  }
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer.');
  for (const name of options.run) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`--run: "${name}" is not a function name.`);
  }
  return options;
}
