/**
 * What a benchmark scenario is: a workbook and an organisation directory to start from, the add-on entry points
 * that do the work (each run, then continued by its triggers until idle), the naive baseline script that does the
 * same job the way Google's samples do, and how to count rows done and failed afterwards. A new scenario is one file
 * in bench/scenarios/ exporting a `Scenario`, plus its baseline in bench/baseline/; the harness (measure.ts) does
 * the rest, and skips a scenario whose entry points the built bundle does not export.
 */
import type { ChatEmulator, DirectoryInput } from '../emulator/chat';
import type { DialogAnswer, DialogRequest } from '../emulator/runtime';
import type { PlannedCall } from '../src/domain/quota';
import type { Tabs, World } from './world';

/** The state a scenario starts from. Tabs may depend on the seeded Chat state (e.g. Space IDs of existing spaces). */
export interface ScenarioSetup {
  directory: DirectoryInput;
  tabs: Tabs | ((chat: ChatEmulator) => Tabs);
}

/** Rows done and failed, as the user would read them from the sheet (and Chat). */
export interface Outcome {
  done: number;
  failed: number;
  /** Anything else worth one short phrase (e.g. "12 spaces left half set up"). */
  note?: string;
}

/** The naive baseline: an Apps Script-style script run as its own project. */
export interface BaselineSpec {
  /** File in bench/baseline/ (the manifest is bench/baseline/appsscript.json). */
  file: string;
  entryPoint: string;
  /** Rows done and failed after the baseline ran. */
  outcome(world: World): Outcome;
}

export interface Scenario {
  id: string;
  title: string;
  /** One sentence describing the workload. */
  description: string;
  /** Rows of work (the denominator of per-row figures). */
  rows: number;
  setup(): ScenarioSetup;
  /** Add-on entry points run in order, as a user would from the menu; each is continued until idle. */
  entryPoints: readonly string[];
  /**
   * How the user answers the add-on's dialogs (e.g. an export's options prompt); undefined = the first button with
   * no text, the runtime's default.
   */
  answer?: (request: DialogRequest) => DialogAnswer | undefined;
  /** Tabs the add-on needs created first by Set up sheets (not measured). Default true. */
  setUpSheets?: boolean;
  /**
   * The least work any correct implementation must do (write and read calls), for the quota bound: the busiest
   * quota bucket's minutes for these calls.
   */
  minimalCalls: readonly PlannedCall[];
  /** Rows done and failed after the add-on ran; throws when Chat does not match the sheet (e.g. a duplicate). */
  outcome(world: World): Outcome;
  baseline: BaselineSpec;
}
